/**
 * What search knows besides the text: the thesaurus (content/thesaurus.yaml), every name of every
 * department (content/departments.yaml: derived names plus declared aliases) and the reader groups
 * (content/groups.yaml). The build writes them once as /search/lexicon.json; the search page
 * fetches it and asks these functions which other strings a typed word stands for. Pure functions,
 * shared by the build and the browser (unit-tested in tests/unit/lexicon.test.ts).
 */
import type { Department } from '../model/types.ts';
import type { ReaderGroup, ThesaurusEntry } from '../model/lexicon.ts';
import { fold } from './search-query.ts';

export interface LexiconDepartment {
  id: string;
  /** The abbreviation as the documents write it: what a name of the department is searched as. */
  abbr: string;
  /** Every name readers may type for it (see departmentNames() and registryNames()). */
  names: string[];
  /** Its task list. */
  href: string;
}

export interface LexiconGroup {
  id: string;
  name: string;
  /** The phrases of the documents that name the group. */
  terms: string[];
  /** Its page, and how many provisions of the library concern it. */
  href: string;
  count: number;
}

/** The search page's vocabulary: small (it grows with the registry and the data files, not with the documents). */
export interface Lexicon {
  thesaurus: { words: string[]; terms: string[] }[];
  departments: LexiconDepartment[];
  groups: LexiconGroup[];
}

/** 市委 (the party committee) is part of a name: 市委组织部 never loses its 市. */
const dropCity = (s: string) => (s.startsWith('市') && !s.startsWith('市委') ? s.slice(1) : s);

/**
 * Every name of a department, derived from the registry and then the declared aliases, without
 * repeats and none shorter than two characters:
 * 天津市教育委员会 (name), 市教育委员会 (without 天津), 教育委员会 (without 天津市), 市教委 (abbr),
 * 教委 (abbr without 市), then aliases (教育局…). A party body's 中共 is dropped first
 * (中共天津市委组织部 → 天津市委组织部 → 市委组织部), and 市委 never loses its 市.
 */
export function departmentNames(d: Pick<Department, 'name' | 'abbr' | 'aliases'>): string[] {
  const names: string[] = [];
  const add = (n: string) => {
    const x = n.trim();
    if ([...x].length >= 2 && !names.includes(x)) names.push(x);
  };
  add(d.name);
  const name = d.name.replace(/^中共/u, '');
  add(name);
  const local = name.replace(/^天津/u, '');
  add(local);
  add(dropCity(local));
  add(d.abbr);
  add(dropCity(d.abbr));
  for (const a of d.aliases ?? []) add(a);
  return names;
}

type Named = Pick<Department, 'id' | 'name' | 'abbr' | 'aliases'>;

/**
 * The names of each department of a registry, by id: its departmentNames(), except a derived name
 * (the name without 天津 or 天津市, the abbreviation without its 市) that is another department's own
 * name or abbreviation: that name is left to the department it is written for. 医保局 is the
 * abbreviation of the State Council's 国家医疗保障局, not a name of 市医保局 without its 市. A derived
 * name that is another's alias still belongs to both (an error for the registry's reviewer).
 */
export function registryNames(registry: readonly Named[]): Map<string, string[]> {
  const declaredBy = new Map<string, string[]>();
  for (const d of registry)
    for (const n of new Set([d.name.trim(), d.abbr.trim()])) declaredBy.set(n, [...(declaredBy.get(n) ?? []), d.id]);
  return new Map(
    registry.map((d) => {
      const own = new Set([d.name, d.abbr, ...(d.aliases ?? [])].map((x) => x.trim()));
      return [d.id, departmentNames(d).filter((n) => own.has(n) || !(declaredBy.get(n) ?? []).some((id) => id !== d.id))];
    }),
  );
}

/** Names that two departments share (see registryNames()): each would be ambiguous in search. Empty for a sound registry. */
export function sharedNames(registry: readonly Named[]): { name: string; ids: string[] }[] {
  const owners = new Map<string, string[]>();
  for (const [id, names] of registryNames(registry)) for (const n of names) owners.set(n, [...(owners.get(n) ?? []), id]);
  return [...owners].filter(([, ids]) => ids.length > 1).map(([name, ids]) => ({ name, ids }));
}

/**
 * The lexicon the search page loads. Departments: those given (the ones with a task list), with
 * their names; a name two departments share stops the build, naming both.
 */
export function buildLexicon(
  thesaurus: readonly ThesaurusEntry[],
  departments: readonly (Pick<Department, 'id' | 'name' | 'abbr' | 'aliases'> & { href: string })[],
  groups: readonly (ReaderGroup & { href: string; count: number })[],
): Lexicon {
  const shared = sharedNames(departments);
  if (shared.length) {
    const [first] = shared;
    throw new Error(`content/departments.yaml: the name “${first!.name}” belongs to ${first!.ids.join(' and ')}; a name may belong to one department only`);
  }
  const names = registryNames(departments);
  return {
    thesaurus: thesaurus.map((e) => ({ words: [...e.words], terms: [...e.terms] })),
    departments: departments.map((d) => ({ id: d.id, abbr: d.abbr, names: names.get(d.id)!, href: d.href })),
    groups: groups.map((g) => ({ id: g.id, name: g.name, terms: [...g.terms], href: g.href, count: g.count })),
  };
}

/** Another string a typed word stands for, and why. */
export interface Alternative {
  /** What is searched instead: 户籍, or 市教委. */
  text: string;
  /** 'thesaurus': a term of the thesaurus; 'department': the abbreviation of the department the word names. */
  via: 'thesaurus' | 'department';
  /** The department, for 'department'. */
  department?: string;
}

/**
 * The lexicon folded once (fold() per character is what costs), per lexicon object: the search
 * page asks for every word of a query, and a long query has dozens of words.
 */
interface Folded {
  thesaurus: { entry: Lexicon['thesaurus'][number]; words: string[]; terms: string[] }[];
  /** Folded word → its entry (a word belongs to one entry). */
  entryOf: Map<string, Lexicon['thesaurus'][number]>;
  /** Folded name → its department (a name belongs to one department). */
  departmentOf: Map<string, LexiconDepartment>;
  groups: { group: LexiconGroup; names: Set<string> }[];
}
const foldedLexicons = new WeakMap<Lexicon, Folded>();
function folded(lexicon: Lexicon): Folded {
  let f = foldedLexicons.get(lexicon);
  if (f) return f;
  const thesaurus = lexicon.thesaurus.map((entry) => ({ entry, words: entry.words.map(fold), terms: entry.terms.map(fold) }));
  const entryOf = new Map<string, Lexicon['thesaurus'][number]>();
  for (const t of thesaurus) for (const w of t.words) if (!entryOf.has(w)) entryOf.set(w, t.entry);
  const departmentOf = new Map<string, LexiconDepartment>();
  for (const d of lexicon.departments) for (const n of d.names) if (!departmentOf.has(fold(n))) departmentOf.set(fold(n), d);
  const groups = lexicon.groups.map((group) => ({ group, names: new Set([group.name, ...group.terms].map(fold)) }));
  f = { thesaurus, entryOf, departmentOf, groups };
  foldedLexicons.set(lexicon, f);
  return f;
}

/**
 * The strings a typed word stands for, besides itself:
 *  - the terms of the thesaurus entry that lists the word (户口 → 户籍, 落户);
 *  - else, when the word contains an entry's word (the longest), the word with each term in its
 *    place (户口迁移 → 户籍迁移, 落户迁移), unless it already contains one of those terms;
 *  - the abbreviation of the department the word names (天津市教育委员会, 教育局 → 市教委).
 * Linear in the word's length (one substring search per word and term of the thesaurus).
 */
export function alternativesFor(word: string, lexicon: Lexicon): Alternative[] {
  const lex = folded(lexicon);
  const w = fold(word);
  const out: Alternative[] = [];
  const seen = new Set([w]);
  const add = (a: Alternative) => {
    const key = fold(a.text);
    if (!seen.has(key)) { seen.add(key); out.push(a); }
  };
  const entry = lex.entryOf.get(w);
  if (entry) for (const t of entry.terms) add({ text: t, via: 'thesaurus' });
  else {
    let best: { entry: Lexicon['thesaurus'][number]; w: string; at: number } | undefined;
    for (const e of lex.thesaurus) {
      if (e.terms.some((t) => w.includes(t))) continue;
      for (const [k, x] of e.words.entries()) {
        if (best && x.length <= best.w.length) continue;
        const at = w.indexOf(x);
        if (at >= 0) best = { entry: e.entry, w: e.entry.words[k]!, at };
      }
    }
    if (best) {
      const { entry: e, w: bw, at } = best;
      for (const t of e.terms) add({ text: word.slice(0, at) + t + word.slice(at + bw.length), via: 'thesaurus' });
    }
  }
  const d = lex.departmentOf.get(w);
  if (d) add({ text: d.abbr, via: 'department', department: d.id });
  return out;
}

/** The department a word names (any of its names, the abbreviation included), if any. */
export function departmentNamed(word: string, lexicon: Lexicon): LexiconDepartment | undefined {
  return folded(lexicon).departmentOf.get(fold(word));
}

/**
 * The reader groups a word names: the group's name or one of its phrases, as typed or through the
 * thesaurus (退伍军人 → 退役军人 → the veterans' group).
 */
export function groupsNamed(word: string, lexicon: Lexicon): LexiconGroup[] {
  const forms = [word, ...alternativesFor(word, lexicon).filter((a) => a.via === 'thesaurus').map((a) => a.text)].map(fold);
  return folded(lexicon).groups.filter((g) => forms.some((f) => g.names.has(f))).map((g) => g.group);
}

/**
 * The word lists to search for alternatives: every combination of each word or one of its
 * alternatives, except the words as typed (searched anyway), at most `cap` of them, the ones
 * that change fewer words first.
 */
export function combinations(words: readonly string[], alternatives: readonly (readonly string[])[], cap = 12): string[][] {
  let combos: { words: string[]; changed: number }[] = [{ words: [], changed: 0 }];
  words.forEach((w, i) => {
    const next: { words: string[]; changed: number }[] = [];
    for (const c of combos) {
      next.push({ words: [...c.words, w], changed: c.changed });
      for (const a of alternatives[i] ?? []) next.push({ words: [...c.words, a], changed: c.changed + 1 });
    }
    // Long queries: keep the combinations that change fewest words (the words as typed among them).
    combos = next.sort((a, b) => a.changed - b.changed).slice(0, cap + 1);
  });
  return combos.filter((c) => c.changed > 0).sort((a, b) => a.changed - b.changed).slice(0, cap).map((c) => c.words);
}
