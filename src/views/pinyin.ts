/**
 * The pinyin table of /search/words.json, made at build time with pinyin-pro (never shipped): see
 * src/views/vocabulary.ts for how the browser reads it back.
 */
import { pinyin } from 'pinyin-pro';
import { level1Characters, type Vocabulary } from './vocabulary.ts';

/** Toneless readings of a character, its first (most common) reading first. */
const readingsOf = (c: string): string[] => [...new Set(pinyin(c, { toneType: 'none', multiple: true, type: 'array' }))];

/** The runs of one first reading over GB2312 level 1, and the other readings of polyphonic characters. */
export function pinyinData(): Pick<Vocabulary, 'runs' | 'readings'> {
  const runs: (string | number)[] = [];
  const others: string[] = [];
  for (const c of level1Characters()) {
    const [first = '', ...rest] = readingsOf(c);
    if (runs[runs.length - 2] === first) runs[runs.length - 1] = Number(runs[runs.length - 1]) + 1;
    else runs.push(first, 1);
    if (rest.length) others.push(c + rest.join(','));
  }
  return { runs, readings: others.join(' ') };
}
