/**
 * Pinyin initials, the one way ASCII names are made from Chinese ones (document ids, issuer
 * slugs): each Han character gives the first letter of its first reading, ASCII letters and
 * digits are kept in lower case, anything else is dropped. 津就组字 → jjzz, 市就业工作领导小组 → sjygzldxz.
 * Characters are read one at a time, so a name's initials never depend on the words around it.
 */
import { pinyin } from 'pinyin-pro';

export function pinyinInitials(text: string): string {
  return [...text]
    .map((ch) => (/\p{Script=Han}/u.test(ch) ? pinyin(ch, { pattern: 'first', toneType: 'none' }) : ch))
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
