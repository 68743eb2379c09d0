/**
 * The search suite: query strings and the result set each must produce, computed from the seed's
 * parsed model by plain substring match (Ctrl-F), never from the site's output.
 */
import { provisions, policy, registry } from './model.ts';

/** A unit of search results: each provision page, and the notice with its preamble (home page). */
export interface Unit {
  id: string;
  text: string;
  departments: string[];
  chapter: number | null;
}

const clean = (s: string) => s.replace(/\s+/gu, '');

export const units: Unit[] = [
  {
    id: 'document',
    // Parts joined by a separator no query contains: Ctrl-F does not match across paragraphs either.
    text: [policy.title, policy.docNumber!, policy.addressees!, ...policy.notice, policy.signature!, policy.date!, ...policy.preamble].map(clean).join('\n'),
    departments: [],
    chapter: null,
  },
  ...provisions.map((m) => ({
    id: m.id,
    text: clean(m.marker + m.text),
    departments: (m.attribution?.departments ?? []).map((d) => d.abbr),
    chapter: m.chapter,
  })),
];

/** Units that contain every space-separated word of a query. */
export function expectedFor(query: string): string[] {
  const words = query.split(/\s+/u).filter(Boolean);
  return units.filter((u) => words.every((w) => u.text.includes(w))).map((u) => u.id);
}

export interface Case {
  kind: string;
  q: string;
}

/** Deterministic pseudo-random numbers (the suite is the same on every run). */
function prng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

function generated(): Case[] {
  const rnd = prng(20200730);
  const out: Case[] = [];
  const texts = provisions.map((m) => clean(m.text));
  const hanRuns = texts.flatMap((t) => t.match(/\p{Script=Han}{6,}/gu) ?? []);
  // Random substrings of Han runs, of 2 to 8 characters: words, parts of words, strings across words.
  for (const n of [2, 3, 4, 5, 8]) {
    const seen = new Set<string>();
    const long = hanRuns.filter((r) => r.length >= n);
    while (seen.size < 4) {
      const run = long[Math.floor(rnd() * long.length)]!;
      const i = Math.floor(rnd() * (run.length - n + 1));
      seen.add(run.slice(i, i + n));
    }
    for (const q of seen) out.push({ kind: `random ${n} chars`, q });
  }
  // Phrases copied from anywhere in a provision, punctuation included (12 to 30 characters).
  for (let k = 0; k < 4; k++) {
    const t = texts[Math.floor(rnd() * texts.length)]!;
    const n = 12 + Math.floor(rnd() * 19);
    const i = Math.floor(rnd() * (t.length - n));
    out.push({ kind: 'copied phrase', q: t.slice(i, i + n) });
  }
  // Every department abbreviation the text uses, and every programme / document title in 《》 or “”.
  const abbrs = [...new Set(provisions.flatMap((m) => m.attribution?.departments.map((d) => d.abbr) ?? []))];
  for (const a of abbrs) out.push({ kind: 'department', q: a });
  const titles = [...new Set(texts.flatMap((t) => t.match(/《[^》]+》/gu) ?? []))];
  for (const q of titles) out.push({ kind: 'programme / title', q });
  const quoted = [...new Set(texts.flatMap((t) => t.match(/“[^”]+”/gu) ?? []))];
  for (const q of quoted.filter((_, i) => i % 2 === 0)) out.push({ kind: 'programme / title', q: q.slice(1, -1) });
  return out;
}

const curated: Case[] = [
  ...['档案', '落户', '职称', '人事档案', '社会保险'].map((q) => ({ kind: 'word', q })),
  ...['英才', '工匠', '档案专库', '人社', '存档'].map((q) => ({ kind: 'part of a compound', q })),
  ...['业优先', '策创造', '动力和人', '才社会性', '制改革'].map((q) => ({ kind: 'across words', q })),
  ...['市人社局', '市发展改革委', '市委组织部', '市人社局、市发展改革委'].map((q) => ({ kind: 'department', q })),
  ...['海河英才', '“海河英才”', '三支一扶', '互联网+', '区管校聘'].map((q) => ({ kind: 'programme / title', q })),
  ...['厅字〔2019〕56号', '〔2019〕56号', '津就组字〔2020〕5号'].map((q) => ({ kind: 'document number', q })),
  ...['65%', '3%-5%', '80%', '2018-2022年', '满1年', '111'].map((q) => ({ kind: 'figure', q })),
  ...['委', '才', '%'].map((q) => ({ kind: 'one character', q })),
  ...['就业 创业', '档案 公安', '人才 流动 机制', '市人社局 市教委', '落户 海河英才', '职称 基层'].map((q) => ({ kind: 'several words', q })),
];

/** Every case whose string occurs somewhere (the suite checks found sets, so each must be non-empty). */
export const cases: Case[] = [...curated, ...generated()].filter((c, i, all) => all.findIndex((d) => d.q === c.q) === i);

export const departmentsInText = registry.filter((d) => provisions.some((m) => m.attribution?.departments.some((a) => a.abbr === d.abbr)));
