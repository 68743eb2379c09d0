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
  /** `${document id}/${provision id}`. */
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
 * The related provisions of every provision, best first (score, then library order; those `last`
 * names after all the others): a map from
 * each key to at most `limit` relations. `items` are in library order. Scores are summed through
 * the feature index; the reasons are worked out for the few provisions kept.
 */
export function relatedProvisions(
  items: readonly ProvisionFeatures[],
  { limit = MAX_RELATED, maxPostings = 250, minScore = MIN_SCORE, last }: { limit?: number; maxPostings?: number; minScore?: number; last?: ((key: string) => boolean) | undefined } = {},
): Map<string, Relation[]> {
  const n = items.length;
  // Each provision's features, once each.
  const own = items.map((item) => {
    const seen = new Map<string, { kind: FeatureKind; value: string }>();
    for (const f of item.features) seen.set(featureId(f), f);
    return seen;
  });
  const postings = new Map<string, number[]>();
  own.forEach((features, i) => {
    for (const id of features.keys()) {
      const list = postings.get(id);
      if (list) list.push(i);
      else postings.set(id, [i]);
    }
  });
  // What sharing each feature is worth: 0 when only one provision has it, or it is too common.
  const gains = new Map<string, number>();
  for (const [id, list] of postings) {
    const kind = id.slice(0, id.indexOf('\u0000')) as FeatureKind;
    const common = list.length > maxPostings || (kind !== 'lead' && kind !== 'cited' && list.length > Math.max(2, n * COMMON_SHARE));
    gains.set(id, list.length < 2 || common ? 0 : WEIGHTS[kind] * Math.log(1 + n / list.length));
  }
  const index = new Map(items.map((item, i) => [item.key, i]));
  const out = new Map<string, Relation[]>();
  items.forEach((item, i) => {
    const scores = new Map<number, number>();
    for (const id of own[i]!.keys()) {
      const gain = gains.get(id)!;
      if (gain === 0) continue;
      for (const j of postings.get(id)!) if (j !== i) scores.set(j, (scores.get(j) ?? 0) + gain);
    }
    for (const key of item.neighbours ?? []) scores.delete(index.get(key) ?? -1);
    // Provisions `last` names (of documents no longer in force) rank after all the others, whatever their score.
    const late = (j: number) => (last?.(items[j]!.key) ? 1 : 0);
    const ranked = [...scores].filter(([, score]) => score >= minScore).sort((a, b) => late(a[0]) - late(b[0]) || b[1] - a[1] || a[0] - b[0]).slice(0, limit);
    out.set(item.key, ranked.map(([j, score]): Relation => {
      const reasons = new Map<FeatureKind, Reason>();
      for (const [id, f] of own[i]!) {
        const gain = gains.get(id)!;
        if (gain === 0 || !own[j]!.has(id)) continue;
        const r = reasons.get(f.kind) ?? { kind: f.kind, values: [], weight: 0 };
        r.values.push(f.value);
        r.weight += gain;
        reasons.set(f.kind, r);
      }
      return { key: items[j]!.key, score: Math.round(score * 100) / 100, reasons: [...reasons.values()].sort((a, b) => b.weight - a.weight) };
    }));
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
