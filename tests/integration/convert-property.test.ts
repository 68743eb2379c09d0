/**
 * Issue 21, property-based: random documents built from a grammar of real and hostile pieces
 * (numbering in and out of order, numbered through or restarting, national and municipal
 * attributions, unknown and collective bodies, paragraphs between provisions, noisy 文号 and dates,
 * MDX/HTML syntax, invisible characters, half-width brackets). The converter either refuses with
 * its own error and a position in the file, or what it writes, stripped of markup, is the input:
 * every character, in order.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SourceError } from '../../src/model/source-error.ts';
import { renderContent } from '../../src/convert/mdx.ts';
import { readSeed } from '../../src/convert/parse.ts';
import { toChineseNumeral } from '../../src/model/numerals.ts';
import { convertedText, registry, visible } from '../helpers/forms.ts';

const HAN = [...'就业创业服务保障落实推进完善加强支持企业人才社会流动培训补贴资金政策机制改革'];
const HOSTILE = ['{', '}', '<', '>', '<script>', '{props.x}', '`', '*', '_', '#', '\\', '&amp;', '[链接](javascript:x)', '\u200b', '\u202e', '　', ' ', '(', ')', '0o17', '---'];
const PUNCT = ['，', '、', '；', '：', '“', '”'];

const word = fc.array(fc.constantFrom(...HAN), { minLength: 2, maxLength: 8 }).map((a) => a.join(''));
const piece = fc.oneof({ weight: 6, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) }, { weight: 2, arbitrary: fc.constantFrom(...PUNCT) });
const sentence = fc.array(piece, { minLength: 1, maxLength: 8 }).map((a) => `${a.join('')}。`);
const prose = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((a) => a.join(''));

const BODIES = ['市人社局', '市教委', '市财政局', '人力资源社会保障部', '财政部', '示例测试局', '市测试办'];
const attribution = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.subarray(BODIES, { minLength: 1, maxLength: 3 }), fc.constantFrom('等部门按职责分工', '负责', '按职责分工负责', '等有关部门和单位按职责分工负责', '', '牵头')).map(([names, end]) => `（${names.join('、')}${end}）`),
  fc.constantFrom('（各省级人民政府负责）', '（各有关部门和单位，各省级人民政府按职责分工负责）', '(市人社局、市教委)', '（市人社局\u200b）', '（市区两级）'),
);
const item = (n: number) => fc.tuple(fc.constantFrom(`（${toChineseNumeral(n)}）`, `(${toChineseNumeral(n)})`), prose, attribution).map(([m, p, a]) => `${m}${p}${a}`);

/** A body: parts 一、 with items restarting or numbered through, paragraphs between, numbers sometimes off. */
const body = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 4, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), fc.integer({ min: 0, max: 6 }), prose)
  .chain(([parts, through, counts, paras, skew, para]) => {
    let k = 0;
    const lines: fc.Arbitrary<string>[] = [];
    for (let p = 1; p <= parts; p++) {
      lines.push(word.map((w) => `${toChineseNumeral(p + (skew === 1 && p > 1 ? 1 : 0))}、${w}`));
      if (paras[p]) lines.push(fc.constant(para));
      for (let i = 1; i <= counts[p - 1]!; i++) {
        k++;
        const n = (through ? k : i) + (skew === 2 && i === 2 ? 1 : 0);
        lines.push(item(n));
        if (paras[k + 5]) lines.push(prose);
      }
    }
    return fc.tuple(...lines);
  });

const head = fc.tuple(
  fc.constantFrom('测试市关于示例工作的若干措施', '关于印发《测试市示例办法》的通知', '测试市人民政府关于印发示例方案的通知', '示例{工作}<b>措施</b>'),
  fc.constantFrom('', '测就字〔2024〕1号', '测就字[2024]1号', '测就字(2024)1号'),
  fc.constantFrom('', '各区人民政府，市政府各委、局：'),
  fc.constantFrom('', '现将有关措施印发给你们，请认真贯彻执行。'),
);
const close = fc.constantFrom('', '测试市人民政府\n2024年3月1日', '测试市人民政府\n二0二四年三月一日', '2024年3月1日', '测试市人民政府\n2024年3月1日\n（此件公开发布）', '多余的结尾段落。');

const documents = fc.tuple(head, fc.array(prose, { maxLength: 2 }), body, close).map(([[title, number, to, notice], preamble, lines, end]) =>
  [title, number, to, notice, ...preamble, ...lines, end].filter((l) => l !== '').join('\n').concat('\n'));

describe('random documents: refused with a position, or converted without losing a character', () => {
  test('the converter\'s output text equals its input text', () => {
    let read = 0;
    fc.assert(
      fc.property(documents, (text) => {
        let doc;
        try {
          doc = readSeed('seeds/random.txt', text, registry).doc;
        } catch (error) {
          expect(error).toBeInstanceOf(SourceError);
          const e = error as SourceError;
          expect(e.file).toBe('seeds/random.txt');
          expect(e.line).toBeGreaterThan(0);
          expect(e.col).toBeGreaterThan(0);
          return;
        }
        read++;
        expect(visible(convertedText(renderContent(doc, registry)))).toBe(visible(text));
      }),
      { numRuns: 300, seed: 20261204 },
    );
    // The grammar is tolerant: nearly every random document is read, not refused.
    expect(read).toBeGreaterThan(250);
  });
});
