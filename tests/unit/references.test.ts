import { describe, expect, test } from 'vitest';
import { figuresIn, segmentInline } from '../../src/model/inline.ts';
import { extractReferences, figureKind, provisionReferences, placeKey, policyReferences, referenceSources } from '../../src/model/references.ts';
import { provisions, policy, registry, seedText } from '../helpers/model.ts';
import { makeChapter, makeDoc, makeProvision } from './make-doc.ts';

const sources = [
  { place: { part: 'preamble' as const }, text: policy.preamble.join('') },
  ...provisions.map((m) => ({ place: { provision: m.id }, text: m.text })),
];
const refs = extractReferences(sources, registry, policy.provisionsTitle);
const allText = sources.map((s) => s.text).join('\n');

describe('references of the seed', () => {
  test('every 《…》 except the policy itself is a cited document, with every place it appears', () => {
    const cited = [...allText.matchAll(/《([^》]*)》/g)].map((m) => m[1]!).filter((t) => t !== policy.provisionsTitle);
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
    expect(haihe.mentions.map((m) => m.place)).toEqual(provisions.filter((m) => m.text.includes('“海河工匠”')).map((m) => ({ provision: m.id })));
  });

  test('every Arabic figure of the provisions is a figure, with its clause', () => {
    const texts = refs.figures.map((f) => f.text);
    for (const f of ['65%', '80%', '3%-5%', '满1年', '1年及以上', '2018-2022年', '2017-2020年']) expect(texts).toContain(f);
    // Every digit of the provisions is covered, except the digits of a quoted name (“111”).
    const digits = provisions.map((m) => m.text.replace(/“\d+”/g, '')).join('').match(/\d/g)!.length;
    expect(texts.join('').match(/\d/g)!.length).toBe(digits);
    const f65 = refs.figures.find((f) => f.text === '65%')!;
    expect(f65.mention.context).toBe('天津市劳动模范和模范集体推荐评选工作中确保企业职工占比不低于总数的65%，');
    expect(f65.mention.place).toEqual({ provision: '3-2' });
    expect(texts).not.toContain('2019');
  });

  test('mentions point at their text', () => {
    for (const d of refs.documents) for (const m of d.mentions) {
      const src = sources.find((s) => JSON.stringify(s.place) === JSON.stringify(m.place))!;
      expect(src.text.slice(m.offset, m.offset + m.text.length)).toBe(m.text);
    }
  });
});

describe('references of a whole document', () => {
  const docRefs = policyReferences(policy, registry);
  /** The seed after its title line: notice, signature, date, preamble, chapters and provisions. */
  const body = seedText.split('\n').slice(1).join('\n');

  test('the sources: the notice, the preamble, then every provision, in reading order', () => {
    const sources = referenceSources(policy);
    expect(sources.map((x) => placeKey(x.place))).toEqual([...policy.notice.map(() => 'notice'), ...policy.preamble.map(() => 'preamble'), ...provisions.map((m) => m.id)]);
    expect(sources.map((x) => x.text)).toEqual([...policy.notice, ...policy.preamble, ...provisions.map((m) => m.text)]);
  });

  test('every 《…》 of the text but the policy itself, numbered in order of first mention', () => {
    const cited = [...new Set([...body.matchAll(/《([^》]*)》/g)].map((m) => m[1]!))].filter((t) => t !== policy.provisionsTitle);
    expect(docRefs.documents.map((d) => d.title)).toEqual(cited);
    expect(docRefs.documents.map((d) => d.anchor)).toEqual(cited.map((_, i) => `doc-${i + 1}`));
    // The notice cites only the policy itself.
    expect(docRefs.documents.flatMap((d) => d.mentions).filter((m) => placeKey(m.place) === 'notice')).toEqual([]);
    expect(docRefs.documents[0]).toMatchObject({ implemented: true, number: '厅字〔2019〕56号' });
  });

  test('every quoted name of the text, prog-1… in order of first mention', () => {
    const quoted = [...new Set([...body.matchAll(/“([^”]*)”/g)].map((m) => m[1]!))];
    expect(docRefs.programmes.map((p) => [p.anchor, p.name])).toEqual(quoted.map((q, i) => [`prog-${i + 1}`, q]));
  });

  test('places as one string: the provision id, or notice / preamble', () => {
    expect(placeKey({ provision: '2-1' })).toBe('2-1');
    expect(placeKey({ part: 'notice' })).toBe('notice');
    expect(placeKey({ part: 'preamble' })).toBe('preamble');
  });

  test('a made-up document: the notice, the preamble and a provision each cite, a number marks the implemented document', () => {
    const doc = makeDoc({
      notice: ['现将《示例措施》印发给你们，并转发《测试通知》。'],
      preamble: ['根据《示例上位文件》（示发〔2023〕9号），提出如下措施。'],
      chapters: [makeChapter(1, [makeProvision('1-1', [], registry, { body: '落实《测试通知》，推进“示例工程”，比例达到30%。' })])],
    });
    const r = policyReferences(doc, registry);
    expect(r.documents.map((d) => [d.anchor, d.title, d.number, d.implemented, d.mentions.map((m) => placeKey(m.place))])).toEqual([
      ['doc-1', '示例上位文件', '示发〔2023〕9号', true, ['preamble']],
      ['doc-2', '测试通知', null, false, ['notice', '1-1']],
    ]);
    expect(r.programmes.map((p) => [p.name, p.mentions.map((m) => placeKey(m.place))])).toEqual([['示例工程', ['1-1']]]);
    expect(r.figures.map((f) => [f.text, placeKey(f.mention.place)])).toEqual([['30%', '1-1']]);
  });
});

test('figure kinds', () => {
  expect(['65%', '3%-5%', '满1年', '1年及以上', '2018-2022年', '30日', '12'].map(figureKind)).toEqual(['percentage', 'percentage', 'duration', 'duration', 'period', 'duration', 'number']);
});

test('one provision on its own', () => {
  const r = provisionReferences('x', '落实《某条例》（津政发〔2020〕1号），推进“一制三化”，比例不低于10%。', registry, 'self');
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
    const r = extractReferences([{ place: { provision: 'x' }, text }], registry, 'self');
    expect(r.figures.map((f) => [f.text, text.slice(f.mention.offset, f.mention.offset + f.text.length)])).toEqual([['2018-2022年', '2018-2022年'], ['65%', '65%']]);
    expect(figuresIn('《规划（2018-2022年）》')).toEqual([{ text: '2018-2022年', offset: 4 }]);
  });
  test('a repeated figure shares one anchor', () => {
    const r = extractReferences([{ place: { provision: 'a' }, text: '满1年，65%' }, { place: { provision: 'b' }, text: '满1年' }], registry, 'self');
    expect(r.figures.map((f) => f.anchor)).toEqual(['fig-1', 'fig-2', 'fig-1']);
  });
});
