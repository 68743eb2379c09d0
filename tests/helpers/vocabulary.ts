/**
 * The hand-maintained vocabulary (content/thesaurus.yaml, content/groups.yaml) read straight from
 * the files, and what the tests expect of it worked out from the seed lines themselves (not from
 * the site's functions): the library's text, and which provisions name which reader group.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseSeed } from '../../src/convert/parse.ts';
import type { ReaderGroup, ThesaurusEntry } from '../../src/model/lexicon.ts';
import type { Department, PolicyDocument } from '../../src/model/types.ts';
import { provisionLinesFromSeed, registry } from './model.ts';
import { CONTENT_DIR, ROOT, SEEDS_DIR } from './paths.ts';

export const thesaurusYaml: unknown = parseYaml(readFileSync(join(CONTENT_DIR, 'thesaurus.yaml'), 'utf8'));
export const groupsYaml: unknown = parseYaml(readFileSync(join(CONTENT_DIR, 'groups.yaml'), 'utf8'));
export const thesaurus = thesaurusYaml as ThesaurusEntry[];
export const groups = groupsYaml as ReaderGroup[];

/** Every document of seeds/ (the library), parsed as the converter does. */
export const library: PolicyDocument[] = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => parseSeed(relative(ROOT, join(SEEDS_DIR, f)), readFileSync(join(SEEDS_DIR, f), 'utf8'), registry));

/** The whole text of every document of the library, one string per paragraph. */
export const libraryText: string[] = library.flatMap((d) => [d.title, d.docNumber ?? '', ...d.notice, ...d.preamble, ...d.chapters.flatMap((c) => [c.title, ...c.provisions.map((m) => m.text)])]);

export const occursInLibrary = (term: string): boolean => libraryText.some((t) => t.includes(term));

/** The names the registry writes for its departments (abbreviations, names, aliases), longest first. */
export const registryNames = (reg: readonly Department[] = registry): string[] =>
  [...new Set(reg.flatMap((d) => [d.abbr, d.name, ...(d.aliases ?? [])]))].sort((a, b) => b.length - a.length);

/** A seed line without its closing list of departments (the parenthetical that names registry abbreviations). */
export function withoutAttribution(line: string, reg: readonly Department[] = registry): string {
  const m = /（([^（）]*)）$/u.exec(line);
  return m && reg.some((d) => m[1]!.includes(d.abbr)) ? line.slice(0, m.index) : line;
}

/** The seed's provisions (by id) that name each group: a phrase in the line, attribution dropped, department names blanked. */
export function expectedGroupMembers(): Map<string, string[]> {
  const lines = [...provisionLinesFromSeed()].map(([id, line]) => {
    let text = withoutAttribution(line);
    for (const n of registryNames()) text = text.split(n).join('#'.repeat(n.length));
    return [id, text] as const;
  });
  return new Map(groups.map((g) => [g.id, lines.filter(([, text]) => g.terms.some((p) => text.includes(p))).map(([id]) => id)]));
}
