/**
 * Reader groups (我是……, content/groups.yaml): which provisions of the library name a group, and the
 * sentences that name it, marked. A provision names a group when its own text (without the list
 * of responsible departments) contains one of the group's phrases outside a department's name
 * (退役军人 inside 市退役军人局 does not count). Pure functions over the model (unit-tested in
 * tests/unit/groups.test.ts); src/site/groups.ts runs them once per build.
 */
import { provisionsOf, ownText } from '../model/derive.ts';
import type { ReaderGroup } from '../model/lexicon.ts';
import type { Provision, PolicyDocument } from '../model/types.ts';
import type { MarkedRun } from './search-query.ts';

/** Provisions per page of a group's list (/groups/<id>/, …/2/): a page's weight stays bounded. */
export const GROUP_PAGE_SIZE = 20;

/**
 * The names, longest first, grouped by their first character: built once per list of names (a
 * build masks every provision against the same list).
 */
const maskers = new WeakMap<readonly string[], Map<string, string[]>>();
function maskerOf(names: readonly string[]): Map<string, string[]> {
  let byFirst = maskers.get(names);
  if (!byFirst) {
    byFirst = new Map();
    for (const name of [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length)) byFirst.set(name[0]!, [...(byFirst.get(name[0]!) ?? []), name]);
    maskers.set(names, byFirst);
  }
  return byFirst;
}

/**
 * The text with every occurrence of the given names blanked out (same length, so offsets stay).
 * One pass from left to right, the longest name first at each place: linear in the text, whatever
 * the number of names.
 */
export function maskNames(text: string, names: readonly string[]): string {
  const byFirst = maskerOf(names);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const name = byFirst.get(text[i]!)?.find((n) => text.startsWith(n, i));
    if (name) { out += '\u0000'.repeat(name.length); i += name.length; } else { out += text[i]; i++; }
  }
  return out;
}

/** [start, end) of each sentence: up to and including 。；！？ (or the end of the text). */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (const m of text.matchAll(/[。；！？!?]+/gu)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) spans.push([start, end]);
    start = end;
  }
  if (text.slice(start).trim()) spans.push([start, text.length]);
  return spans;
}

/** Where the phrases occur in a (masked) text, longest first, without overlaps: [start, end, phrase]. */
export function phraseHits(masked: string, phrases: readonly string[]): [number, number, string][] {
  const taken: [number, number, string][] = [];
  for (const p of [...phrases].sort((a, b) => b.length - a.length)) {
    for (let i = masked.indexOf(p); i >= 0; i = masked.indexOf(p, i + p.length)) {
      if (!taken.some(([a, b]) => i < b && i + p.length > a)) taken.push([i, i + p.length, p]);
    }
  }
  return taken.sort((a, b) => a[0] - b[0]);
}

/** One provision that names a group. */
export interface GroupHit {
  doc: PolicyDocument;
  provision: Provision;
  /** The group's phrases the provision uses, in order of first use. */
  phrases: string[];
  /** Each sentence that names the group, with the phrases marked. */
  sentences: MarkedRun[][];
}

/** The sentences of `text` that hold a hit, each split into marked and unmarked segments. */
export function markedSentences(text: string, hits: readonly [number, number, string][]): MarkedRun[][] {
  return sentenceSpans(text).flatMap(([s, e]) => {
    const inside = hits.filter(([a, b]) => a >= s && b <= e);
    if (!inside.length) return [];
    const out: MarkedRun[] = [];
    let pos = s;
    for (const [a, b] of inside) {
      if (a > pos) out.push({ text: text.slice(pos, a), mark: false });
      out.push({ text: text.slice(a, b), mark: true });
      pos = b;
    }
    if (pos < e) out.push({ text: text.slice(pos, e), mark: false });
    return [out];
  });
}

/** A group's hits in one provision, or null when it does not name the group. */
export function groupHit(doc: PolicyDocument, m: Provision, group: Pick<ReaderGroup, 'terms'>, departmentNames: readonly string[]): GroupHit | null {
  const text = ownText(m);
  return hitIn(doc, m, text, maskNames(text, departmentNames), group);
}

function hitIn(doc: PolicyDocument, m: Provision, text: string, masked: string, group: Pick<ReaderGroup, 'terms'>): GroupHit | null {
  const hits = phraseHits(masked, group.terms);
  if (!hits.length) return null;
  return { doc, provision: m, phrases: [...new Set(hits.map((h) => h[2]))], sentences: markedSentences(text, hits) };
}

export interface GroupIndex {
  /** Each group with the provisions that name it, in library order (documents newest first, then reading order). */
  groups: { group: ReaderGroup; hits: GroupHit[] }[];
  /** The groups each provision names, by `${document id}/${provision id}`. */
  byProvision: Map<string, ReaderGroup[]>;
  /** Phrases that occur in no provision of the library (the build warns about them). */
  unused: { group: ReaderGroup; phrase: string }[];
}

/** Every group against every provision of the library: O(groups × provisions × text). */
export function groupIndex(groups: readonly ReaderGroup[], docs: readonly PolicyDocument[], departmentNames: readonly string[]): GroupIndex {
  const byProvision = new Map<string, ReaderGroup[]>();
  const out = groups.map((group) => ({ group, hits: [] as GroupHit[] }));
  const texts: string[] = [];
  for (const doc of docs) {
    for (const m of provisionsOf(doc)) {
      const text = ownText(m);
      const masked = maskNames(text, departmentNames);
      texts.push(masked);
      for (const entry of out) {
        const hit = hitIn(doc, m, text, masked, entry.group);
        if (!hit) continue;
        entry.hits.push(hit);
        const key = `${doc.id}/${m.id}`;
        byProvision.set(key, [...(byProvision.get(key) ?? []), entry.group]);
      }
    }
  }
  const all = texts.join('\n');
  const unused = groups.flatMap((group) => group.terms.filter((p) => !all.includes(p)).map((phrase) => ({ group, phrase })));
  return { groups: out, byProvision, unused };
}
