/**
 * Related provisions: for each provision of the library, up to five others on the same subject,
 * each with the reasons in words. Pure functions (unit-tested in tests/unit/related.test.ts);
 * src/site/related.ts computes them once per build.
 *
 * The score of a pair is the sum, over what both provisions share, of a weight per kind of
 * feature times how rare the feature is:
 *
 *   score(a, b) = Σ_{f shared by a and b} WEIGHTS[kind(f)] · ln(1 + N / df(f))
 *
 * N is the number of provisions, df(f) the number that have feature f. Features: the lead
 * department (牵头, weight 3), each department listed (1), each reader group named (2), each
 * document cited (3), each term used (1.5; the thesaurus' terms, the groups' phrases and the
 * quoted programmes such as “海河英才”). Only distinctive features count: one that more than
 * COMMON_SHARE of the provisions (and more than two) have is left out, except a lead department.
 * A pair scoring below MIN_SCORE is not related. A provision's neighbours (the one before and after it in its document, which its page
 * already links) and the provision itself are never listed.
 *
 * Cost: pairs are found through an index from each feature to the provisions that have it, never
 * by comparing every provision with every other; a feature that more than `maxPostings` provisions
 * share is too common to tell provisions apart and is left out. The work is therefore
 * Σ_f df(f)² ≤ P · F · maxPostings (P provisions, F features each), linear in the library's size.
 */

export type FeatureKind = 'lead' | 'department' | 'group' | 'cited' | 'term';

export const WEIGHTS: Readonly<Record<FeatureKind, number>> = { lead: 3, department: 1, group: 2, cited: 3, term: 1.5 };
/** Below this a shared feature or two are a coincidence. */
export const MIN_SCORE = 1.5;
/**
 * A department, group or term that more than this share of the provisions have (流动, 就业 in a
 * document about 流动和就业; a department listed almost everywhere) is not distinctive and is left
 * out; a lead department always counts (同为市人社局牵头).
 */
export const COMMON_SHARE = 1 / 3;
export const MAX_RELATED = 5;

/** What one provision has, for comparison. Values are what the reasons show: 市人社局, 退役军人, 《…》, 落户. */
export interface ProvisionFeatures {
  /** `${document id}/${measure id}`. */
  key: string;
  /** Keys of provisions never to relate it to (its neighbours). */
  neighbours?: readonly string[] | undefined;
  features: { kind: FeatureKind; value: string }[];
}

/** One reason, with the shared values of one kind (市档案局、市民政局). */
export interface Reason {
  kind: FeatureKind;
  values: string[];
  /** What this kind added to the score. */
  weight: number;
}

export interface Relation {
  key: string;
  score: number;
  /** Reasons, strongest first. */
  reasons: Reason[];
}

const featureId = (f: { kind: FeatureKind; value: string }) => `${f.kind}\u0000${f.value}`;

/**
 * The related provisions of every provision, best first (score, then library order): a map from
 * each key to at most `limit` relations. `items` are in library order.
 */
export function relatedProvisions(items: readonly ProvisionFeatures[], { limit = MAX_RELATED, maxPostings = 250, minScore = MIN_SCORE } = {}): Map<string, Relation[]> {
  const n = items.length;
  const postings = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const f of new Set(item.features.map(featureId))) {
      const list = postings.get(f);
      if (list) list.push(i);
      else postings.set(f, [i]);
    }
  });
  const idf = (df: number) => Math.log(1 + n / df);
  const out = new Map<string, Relation[]>();
  items.forEach((item, i) => {
    const skip = new Set([item.key, ...(item.neighbours ?? [])]);
    const scores = new Map<number, { score: number; reasons: Map<FeatureKind, Reason> }>();
    for (const f of item.features) {
      const list = postings.get(featureId(f))!;
      if (list.length > maxPostings || list.length < 2) continue;
      if (f.kind !== 'lead' && f.kind !== 'cited' && list.length > Math.max(2, n * COMMON_SHARE)) continue;
      const gain = WEIGHTS[f.kind] * idf(list.length);
      for (const j of list) {
        if (j === i || skip.has(items[j]!.key)) continue;
        const s = scores.get(j) ?? { score: 0, reasons: new Map<FeatureKind, Reason>() };
        if (s.reasons.get(f.kind)?.values.includes(f.value)) continue;
        s.score += gain;
        const r = s.reasons.get(f.kind) ?? { kind: f.kind, values: [], weight: 0 };
        r.values.push(f.value);
        r.weight += gain;
        s.reasons.set(f.kind, r);
        scores.set(j, s);
      }
    }
    const ranked = [...scores]
      .filter(([, s]) => s.score >= minScore)
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
      .slice(0, limit)
      .map(([j, s]): Relation => ({
        key: items[j]!.key,
        score: Math.round(s.score * 100) / 100,
        reasons: [...s.reasons.values()].sort((a, b) => b.weight - a.weight),
      }));
    out.set(item.key, ranked);
  });
  return out;
}

/**
 * Terms of a vocabulary that a text uses, each counted once; a term whose every occurrence lies
 * inside a longer term of the vocabulary is left out (技能人才 inside 高技能人才).
 */
export function termsIn(text: string, vocabulary: readonly string[]): string[] {
  const taken: [number, number][] = [];
  const found: string[] = [];
  for (const term of [...new Set(vocabulary)].filter(Boolean).sort((a, b) => b.length - a.length)) {
    let own = false;
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
      if (taken.some(([a, b]) => i >= a && i + term.length <= b)) continue;
      own = true;
      taken.push([i, i + term.length]);
    }
    if (own) found.push(term);
  }
  return found;
}
