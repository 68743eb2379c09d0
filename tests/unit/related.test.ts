/**
 * Related provisions (src/views/related.ts): the documented score on small made-up features,
 * neighbours and the provision itself never listed, common features left out, the limit, terms
 * counted once, and the cost: a large synthetic library is related through the feature index
 * in well under a second per thousand provisions.
 */
import { describe, expect, test } from 'vitest';
import { COMMON_SHARE, MAX_RELATED, MIN_SCORE, WEIGHTS, relatedProvisions, termsIn, type FeatureKind, type ProvisionFeatures } from '../../src/views/related.ts';

const f = (kind: FeatureKind, value: string) => ({ kind, value });
const item = (key: string, features: { kind: FeatureKind; value: string }[], neighbours: string[] = []): ProvisionFeatures => ({ key, features, neighbours });
/** Filler provisions that share nothing, so that features are rare (df small against N). */
const filler = (n: number) => Array.from({ length: n }, (_, i) => item(`z/${i}`, [f('term', `独有${i}`)]));

describe('the score', () => {
  test('Σ weight × ln(1 + N/df) over what two provisions share', () => {
    const items = [
      item('a/1', [f('lead', '市人社局'), f('department', '市人社局'), f('term', '落户'), f('group', '退役军人')]),
      item('b/1', [f('lead', '市人社局'), f('department', '市人社局'), f('term', '落户')]),
      item('c/1', [f('group', '退役军人'), f('cited', '《示例条例》')]),
      item('d/1', [f('cited', '《示例条例》')]),
      ...filler(16),
    ];
    const n = items.length;
    const related = relatedProvisions(items);
    const idf = (df: number) => Math.log(1 + n / df);
    const ab = WEIGHTS.lead * idf(2) + WEIGHTS.department * idf(2) + WEIGHTS.term * idf(2);
    const ac = WEIGHTS.group * idf(2);
    expect(related.get('a/1')).toEqual([
      { key: 'b/1', score: Math.round(ab * 100) / 100, reasons: [
        { kind: 'lead', values: ['市人社局'], weight: WEIGHTS.lead * idf(2) },
        { kind: 'term', values: ['落户'], weight: WEIGHTS.term * idf(2) },
        { kind: 'department', values: ['市人社局'], weight: WEIGHTS.department * idf(2) },
      ] },
      { key: 'c/1', score: Math.round(ac * 100) / 100, reasons: [{ kind: 'group', values: ['退役军人'], weight: ac }] },
    ]);
    expect(related.get('d/1')!.map((r) => r.key)).toEqual(['c/1']);
    expect(related.get('z/0')).toEqual([]);
  });

  test('rarer features weigh more: sharing a rare term beats sharing a commoner one', () => {
    const items = [
      item('a/1', [f('term', '常见'), f('term', '少见')]),
      item('b/1', [f('term', '少见')]),
      item('c/1', [f('term', '常见')]),
      item('d/1', [f('term', '常见')]),
      ...filler(20),
    ];
    expect(relatedProvisions(items).get('a/1')!.map((r) => r.key)).toEqual(['b/1', 'c/1', 'd/1']);
  });

  test('provisions of documents no longer in force (`last`) rank after the others, whatever their score, and are kept', () => {
    const items = [
      item('a/1', [f('term', '常见'), f('term', '少见')]),
      item('old/1', [f('term', '少见')]),
      item('c/1', [f('term', '常见')]),
      item('d/1', [f('term', '常见')]),
      ...filler(20),
    ];
    expect(relatedProvisions(items).get('a/1')!.map((r) => r.key)).toEqual(['old/1', 'c/1', 'd/1']);
    const ranked = relatedProvisions(items, { last: (key) => key.startsWith('old/') }).get('a/1')!;
    expect(ranked.map((r) => r.key)).toEqual(['c/1', 'd/1', 'old/1']);
    // The score is what it was: only the order changes.
    expect(ranked[2]!.score).toBeGreaterThan(ranked[0]!.score);
  });

  test('never itself, never its neighbours, at most five, none below the minimum score', () => {
    const many = Array.from({ length: 9 }, (_, i) => item(`a/${i}`, [f('cited', '《共同文件》')], [`a/${i - 1}`, `a/${i + 1}`]));
    const related = relatedProvisions([...many, ...filler(30)]);
    for (const it of many) {
      const keys = related.get(it.key)!.map((r) => r.key);
      expect(keys.length).toBeLessThanOrEqual(MAX_RELATED);
      expect(keys).not.toContain(it.key);
      for (const nb of it.neighbours!) expect(keys).not.toContain(nb);
    }
    expect(related.get('a/4')!.map((r) => r.key)).toEqual(['a/0', 'a/1', 'a/2', 'a/6', 'a/7']);
    // One weak shared feature in a small library is below MIN_SCORE.
    const weak = relatedProvisions([item('x/1', [f('department', '市甲局')]), item('x/2', [f('department', '市甲局')]), item('x/3', []), item('x/4', [])]);
    expect(WEIGHTS.department * Math.log(1 + 4 / 2)).toBeLessThan(MIN_SCORE);
    expect(weak.get('x/1')).toEqual([]);
  });

  test('a feature that more than a third of the provisions share is not distinctive, except a lead department', () => {
    const n = 12;
    const items = Array.from({ length: n }, (_, i) => item(`a/${i}`, [f('term', '流动'), f('department', '市人社局'), ...(i < 2 ? [f('lead', '市人社局')] : [])]));
    expect(n / 2).toBeGreaterThan(n * COMMON_SHARE);
    const related = relatedProvisions(items);
    expect(related.get('a/0')!.map((r) => r.key)).toEqual(['a/1']);
    expect(related.get('a/0')![0]!.reasons.map((r) => r.kind)).toEqual(['lead']);
    expect(related.get('a/5')).toEqual([]);
  });

  test('features too common for the index (over maxPostings) are skipped', () => {
    const items = Array.from({ length: 30 }, (_, i) => item(`a/${i}`, [f('lead', '市人社局')]));
    expect(relatedProvisions(items, { maxPostings: 10 }).get('a/0')).toEqual([]);
    expect(relatedProvisions(items, { maxPostings: 100 }).get('a/0')).toHaveLength(MAX_RELATED);
  });
});

describe('terms of a text', () => {
  test('each once, a term inside a longer one only where it also stands alone', () => {
    expect(termsIn('支持高技能人才，培养技能人才', ['技能人才', '高技能人才'])).toEqual(['高技能人才', '技能人才']);
    expect(termsIn('支持高技能人才', ['技能人才', '高技能人才'])).toEqual(['高技能人才']);
    expect(termsIn('落户落户', ['落户', '户籍'])).toEqual(['落户']);
    expect(termsIn('', ['落户'])).toEqual([]);
  });
});
