import { describe, expect, test } from 'vitest';
import { figuresIn, segmentInline } from '../../src/convert/inline.ts';
import { extractReferences, figureKind, measureReferences } from '../../src/views/references.ts';
import { measures, policy, registry } from '../helpers/model.ts';

const sources = [
  { place: { part: 'preamble' as const }, text: policy.preamble.join('') },
  ...measures.map((m) => ({ place: { measure: m.id }, text: m.text })),
];
const refs = extractReferences(sources, registry, policy.measuresTitle);
const allText = sources.map((s) => s.text).join('\n');

describe('references of the seed', () => {
  test('every 《…》 except the policy itself is a cited document, with every place it appears', () => {
    const cited = [...allText.matchAll(/《([^》]*)》/g)].map((m) => m[1]!).filter((t) => t !== policy.measuresTitle);
    expect(new Set(refs.documents.map((d) => d.title))).toEqual(new Set(cited));
    expect(refs.documents.reduce((n, d) => n + d.mentions.length, 0)).toBe(cited.length);
  });

  test('the implemented document comes first, with its number', () => {
    expect(refs.documents[0]).toMatchObject({ title: policy.implements!.title, number: policy.implements!.number, implemented: true, anchor: 'doc-1' });
    expect(refs.documents.filter((d) => d.implemented)).toHaveLength(1);
  });

  test('every quoted name is a programme, with every place it appears', () => {
    const quoted = [...allText.matchAll(/“([^”]*)”/g)].map((m) => m[1]!);
    expect(refs.programmes.map((p) => p.name)).toEqual([...new Set(quoted)]);
    const haihe = refs.programmes.find((p) => p.name === '海河工匠')!;
    expect(haihe.mentions.map((m) => m.place)).toEqual(measures.filter((m) => m.text.includes('“海河工匠”')).map((m) => ({ measure: m.id })));
  });

  test('every Arabic figure of the measures is a figure, with its clause', () => {
    const texts = refs.figures.map((f) => f.text);
    for (const f of ['65%', '80%', '3%-5%', '满1年', '1年及以上', '2018-2022年', '2017-2020年']) expect(texts).toContain(f);
    // Every digit of the measures is covered, except the digits of a quoted name (“111”).
    const digits = measures.map((m) => m.text.replace(/“\d+”/g, '')).join('').match(/\d/g)!.length;
    expect(texts.join('').match(/\d/g)!.length).toBe(digits);
    const f65 = refs.figures.find((f) => f.text === '65%')!;
    expect(f65.mention.context).toBe('天津市劳动模范和模范集体推荐评选工作中确保企业职工占比不低于总数的65%，');
    expect(f65.mention.place).toEqual({ measure: '3-2' });
    expect(texts).not.toContain('2019');
  });

  test('mentions point at their text', () => {
    for (const d of refs.documents) for (const m of d.mentions) {
      const src = sources.find((s) => JSON.stringify(s.place) === JSON.stringify(m.place))!;
      expect(src.text.slice(m.offset, m.offset + m.text.length)).toBe(m.text);
    }
  });
});

test('figure kinds', () => {
  expect(['65%', '3%-5%', '满1年', '1年及以上', '2018-2022年', '30日', '12'].map(figureKind)).toEqual(['percentage', 'percentage', 'duration', 'duration', 'period', 'duration', 'number']);
});

test('one measure on its own', () => {
  const r = measureReferences('x', '落实《某条例》（津政发〔2020〕1号），推进“一制三化”，比例不低于10%。', registry, 'self');
  expect(r.documents).toMatchObject([{ title: '某条例', number: '津政发〔2020〕1号', implemented: false }]);
  expect(r.programmes.map((p) => p.name)).toEqual(['一制三化']);
  expect(r.figures.map((f) => f.text)).toEqual(['10%']);
});

describe('figures in the inline segmentation', () => {
  const figs = (text: string) => segmentInline(text, registry).filter((s) => s.kind === 'fig').map((s) => s.text);
  test('marked in running text, whole', () => {
    expect(figs('工作满1年后，援派期1年及以上，按照3%-5%比例，不低于65%。')).toEqual(['满1年', '1年及以上', '3%-5%', '65%']);
  });
  test('not inside titles, quotes or document numbers, nor inside ASCII words', () => {
    expect(figs('实施《规划（2018-2022年）》、“111”工程（厅字〔2019〕56号），<h1>标签')).toEqual([]);
  });
  test('the index still finds figures inside titles, with offsets into the text', () => {
    const text = '实施《规划（2018-2022年）》，比例65%。';
    const r = extractReferences([{ place: { measure: 'x' }, text }], registry, 'self');
    expect(r.figures.map((f) => [f.text, text.slice(f.mention.offset, f.mention.offset + f.text.length)])).toEqual([['2018-2022年', '2018-2022年'], ['65%', '65%']]);
    expect(figuresIn('《规划（2018-2022年）》')).toEqual([{ text: '2018-2022年', offset: 4 }]);
  });
  test('a repeated figure shares one anchor', () => {
    const r = extractReferences([{ place: { measure: 'a' }, text: '满1年，65%' }, { place: { measure: 'b' }, text: '满1年' }], registry, 'self');
    expect(r.figures.map((f) => f.anchor)).toEqual(['fig-1', 'fig-2', 'fig-1']);
  });
});
