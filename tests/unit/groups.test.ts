/**
 * Reader groups (content/groups.yaml, src/views/groups.ts): the file's rules, every group matching
 * something in the library, membership as the seed lines say (departments' names never count),
 * the sentences that name a group with its phrases marked.
 */
import { describe, expect, test } from 'vitest';
import { groupSchema, groupsSchema } from '../../src/model/lexicon.ts';
import { departmentNames } from '../../src/views/search-lexicon.ts';
import { groupHit, groupIndex, markedSentences, maskNames, phraseHits, sentenceSpans } from '../../src/views/groups.ts';
import { policy, registry } from '../helpers/model.ts';
import { expectedGroupMembers, groups, groupsYaml, library } from '../helpers/vocabulary.ts';
import { makeChapter, makeDoc, makeProvision } from './make-doc.ts';

const names = registry.flatMap(departmentNames);
const index = groupIndex(groups, library, names);

describe('content/groups.yaml', () => {
  test('is valid: ids and names unique, a description and phrases for each', () => {
    const r = groupsSchema.safeParse(groupsYaml);
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues[0])).toBe(true);
    expect(groups.length).toBeGreaterThanOrEqual(10);
    expect(groupSchema.safeParse({ id: 'Bad Id', name: '示例', description: '示例人群。', terms: ['示例'] }).success).toBe(false);
    expect(groupSchema.safeParse({ id: 'x', name: '示例', description: '示例人群。', terms: [] }).success).toBe(false);
    expect(groupsSchema.safeParse([...groups, { ...groups[0]!, name: '另一个' }]).success).toBe(false);
  });

  test('holds the groups of the brief', () => {
    const phrases = groups.flatMap((g) => g.terms);
    for (const p of ['退役军人', '农业转移人口', '农民工', '随迁子女', '技能人才', '高技能人才', '专业技术人才', '困难群众', '困难家庭', '创业者', '用人单位', '企业'])
      expect(phrases, p).toContain(p);
  });

  test('every group matches some provision of the library', () => {
    for (const { group, hits } of index.groups) expect(hits.length, `${group.id} (${group.name})`).toBeGreaterThan(0);
  });

  test('the phrases that occur in no provision are exactly those the build warns about', () => {
    const texts = library.flatMap((d) => d.chapters.flatMap((c) => c.provisions.map((m) => m.text)));
    const nowhere = groups.flatMap((g) => g.terms.filter((p) => !texts.some((t) => t.includes(p))).map((p) => `${g.id}:${p}`));
    expect(index.unused.map((u) => `${u.group.id}:${u.phrase}`)).toEqual(nowhere);
  });
});

describe('membership', () => {
  test('each group holds the seed provisions whose lines name it, outside the departments’ names', () => {
    const expected = expectedGroupMembers();
    for (const { group, hits } of index.groups) {
      expect(hits.filter((h) => h.doc.id === policy.id).map((h) => h.provision.id), group.id).toEqual(expected.get(group.id));
    }
  });

  test('退役军人 inside 市退役军人局 does not count, in the text or in the attribution', () => {
    const veterans = groups.find((g) => g.terms.includes('退役军人'))!;
    const doc = makeDoc({
      chapters: [makeChapter(1, [
        makeProvision('1-1', ['veterans-affairs'], registry, { body: '会同市退役军人局做好工作。' }),
        makeProvision('1-2', ['veterans-affairs'], registry, { body: '做好退役军人安置工作。' }),
      ])],
    });
    expect(groupHit(doc, doc.chapters[0]!.provisions[0]!, veterans, names)).toBeNull();
    const hit = groupHit(doc, doc.chapters[0]!.provisions[1]!, veterans, names)!;
    expect(hit.phrases).toEqual(['退役军人']);
    expect(hit.sentences).toEqual([[{ text: '做好', mark: false }, { text: '退役军人', mark: true }, { text: '安置工作。', mark: false }]]);
  });

  test('byProvision lists each provision’s groups in the file’s order', () => {
    for (const [key, gs] of index.byProvision) {
      const order = gs.map((g) => groups.indexOf(g));
      expect(order, key).toEqual([...order].sort((a, b) => a - b));
      for (const g of gs) expect(index.groups.find((x) => x.group === g)!.hits.some((h) => `${h.doc.id}/${h.provision.id}` === key)).toBe(true);
    }
  });
});

describe('sentences', () => {
  test('split after 。；！？, the last without one kept', () => {
    const t = '第一句。第二句；第三句！末尾';
    expect(sentenceSpans(t).map(([a, b]) => t.slice(a, b))).toEqual(['第一句。', '第二句；', '第三句！', '末尾']);
  });

  test('longest phrase first, no overlaps; names blanked keep their length', () => {
    expect(phraseHits('高技能人才和技能人才', ['技能人才', '高技能人才'])).toEqual([[0, 5, '高技能人才'], [6, 10, '技能人才']]);
    const masked = maskNames('会同市退役军人局', ['市退役军人局']);
    expect(masked).toHaveLength('会同市退役军人局'.length);
    expect(masked.includes('退役军人')).toBe(false);
  });

  test('only sentences that name the group, each phrase marked', () => {
    const t = '甲。支持退役军人和随迁子女。乙。';
    const hits = phraseHits(t, ['退役军人', '随迁子女']);
    expect(markedSentences(t, hits)).toEqual([[
      { text: '支持', mark: false }, { text: '退役军人', mark: true }, { text: '和', mark: false }, { text: '随迁子女', mark: true }, { text: '。', mark: false },
    ]]);
  });

  test('every marked sentence of the seed is a sentence of its provision, and marks one of the group’s phrases', () => {
    for (const { group, hits } of index.groups) {
      for (const h of hits) {
        for (const s of h.sentences) {
          const sentence = s.map((x) => x.text).join('');
          expect(h.provision.text.includes(sentence)).toBe(true);
          for (const x of s.filter((y) => y.mark)) expect(group.terms).toContain(x.text);
        }
      }
    }
  });
});
