/** The seed and the registry, parsed the same way the converter does. */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Department, PolicyDocument } from '../../src/model/types.ts';
import { parseSeed } from '../../src/convert/parse.ts';
import { parseRegistry } from '../../src/model/registry.ts';
import { REGISTRY_FILE, ROOT, SEED_FILE } from './paths.ts';

export const seedText = readFileSync(SEED_FILE, 'utf8');
export const registry: Department[] = parseRegistry('content/departments.yaml', readFileSync(REGISTRY_FILE, 'utf8'));
export const policy: PolicyDocument = parseSeed(relative(ROOT, SEED_FILE), seedText, registry);
export const provisions = policy.chapters.flatMap((c) => c.provisions);
/**
 * Seed lines of the numbered provisions, keyed by provision id, straight from the text: an oracle
 * written apart from the parser, for the seed alone. It knows the seed's two forms (一、 headings,
 * （一） items restarting under each) and no other; it refuses a text that uses any other form, so
 * it can never stand in for the converter's grammar on other documents (tests/helpers/sentences.ts
 * is the oracle for any document).
 */
export function provisionLinesFromSeed(): Map<string, string> {
  const other = seedText.split('\n').find((l) => /^\s*(?:第[一二三四五六七八九十百]+[章节条]|[（(]\d+[）)]|\d+[.．、])/u.test(l));
  if (other) throw new Error(`provisionLinesFromSeed reads the seed's 一、/（一） only, and the seed has another form: ${other}`);
  const out = new Map<string, string>();
  let chapter = 0;
  let n = 0;
  for (const line of seedText.split('\n').map((l) => l.trim())) {
    if (/^[一二三四五六七八九十]+、/.test(line)) { chapter++; n = 0; }
    else if (/^（[一二三四五六七八九十]+）/.test(line)) out.set(`${chapter}-${++n}`, line);
  }
  return out;
}

/** Provision-department links straight from the seed lines: the closing （…） of each provision, in order. */
export function seedAttributions(): { id: string; abbr: string; position: number }[] {
  return [...provisionLinesFromSeed()].flatMap(([id, line]) => {
    const m = /（([^（）]*?)(等部门按职责分工)?）$/.exec(line);
    const abbrs = m ? m[1]!.split('、') : [];
    return abbrs.every((a) => registry.some((d) => d.abbr === a)) ? abbrs.map((abbr, i) => ({ id, abbr, position: i + 1 })) : [];
  });
}
