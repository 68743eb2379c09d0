/** Reads and checks the department registry (content/departments.yaml). */
import { readYaml } from './yaml-file.ts';
import type { Department, DepartmentKind, DepartmentLevel } from './types.ts';

export const DEPARTMENT_KINDS: readonly DepartmentKind[] = ['party', 'government', 'government-affiliated', 'mass-organisation'];
/** Levels of government; an entry without `level` is municipal. */
export const DEPARTMENT_LEVELS: readonly DepartmentLevel[] = ['national', 'provincial', 'municipal'];
const FIELDS = ['id', 'abbr', 'name', 'nameEn', 'kind'] as const;

/**
 * The rules of a registry entry, one set: the converter checks them when it reads the registry
 * (parseRegistry, with the entry's position) and the content schema (src/content.config.ts) is
 * built from the same values, so an entry the converter accepts always builds.
 */
export const DEPARTMENT_RULES = {
  /** Stable ASCII slug: lower-case letters, digits and hyphens. */
  id: /^[a-z][a-z0-9-]*$/,
  /** The abbreviation as documents write it (市人社局, 天津海关): two characters or more, without spaces, brackets or list separators. */
  abbr: /^[^\s、，,；;：:（）()《》“”]{2,}$/u,
  /** Shortest full name and English name. */
  nameMin: 2,
  /** Where the name and abbreviation were checked: a document's title and number, not blank. */
  source: /\S/u,
} as const;

export function parseRegistry(file: string, text: string): Department[] {
  const yaml = readYaml(file, text);
  const list: unknown = yaml.value;
  if (!Array.isArray(list)) return yaml.fail([], 'the department registry must be a list of departments');
  const seen = new Map<string, string>();
  return list.map((entry: Record<string, unknown>, i) => {
    for (const field of FIELDS)
      if (typeof entry?.[field] !== 'string' || entry[field] === '') yaml.fail([i], `department entry ${i + 1} needs a non-empty "${field}"`);
    const fail = (field: string, message: string): never => yaml.fail([i, field], message);
    if (!DEPARTMENT_RULES.id.test(entry.id as string)) fail('id', `id "${entry.id}" must be an ASCII slug: lower-case letters, digits and hyphens`);
    if (!DEPARTMENT_RULES.abbr.test(entry.abbr as string))
      fail('abbr', `abbr "${entry.abbr}" must be the abbreviation as documents write it: two characters or more, without spaces, brackets or list separators (、，；：)`);
    for (const field of ['name', 'nameEn'] as const)
      if ([...(entry[field] as string)].length < DEPARTMENT_RULES.nameMin) fail(field, `${field} "${entry[field]}" is too short: write the full name`);
    if (!DEPARTMENT_KINDS.includes(entry.kind as DepartmentKind)) fail('kind', `kind "${entry.kind}" must be one of ${DEPARTMENT_KINDS.join(', ')}`);
    for (const field of ['id', 'abbr'] as const) {
      const key = `${field}:${entry[field]}`;
      if (seen.has(key)) fail(field, `${field} "${entry[field]}" is used by two departments`);
      seen.set(key, '');
    }
    const dept: Department = { id: entry.id as string, abbr: entry.abbr as string, name: entry.name as string, nameEn: entry.nameEn as string, kind: entry.kind as DepartmentKind };
    if (entry.level !== undefined) {
      if (!DEPARTMENT_LEVELS.includes(entry.level as DepartmentLevel))
        fail('level', `department "${entry.id}": level "${entry.level}" must be one of ${DEPARTMENT_LEVELS.join(', ')} (absent: municipal)`);
      dept.level = entry.level as DepartmentLevel;
    }
    if (entry.source !== undefined) {
      if (typeof entry.source !== 'string' || !DEPARTMENT_RULES.source.test(entry.source))
        fail('source', `department "${entry.id}": source must name where the name and abbreviation were checked (a document's title and number), not be empty`);
      dept.source = (entry.source as string).trim();
    }
    if (typeof entry.note === 'string') dept.note = entry.note;
    if (entry.aliases !== undefined) {
      const aliases = entry.aliases;
      // As src/content.config.ts: a list of names of two or more characters.
      if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string' || a.trim().length < 2))
        fail('aliases', `department "${entry.id}": aliases must be a list of names of two or more characters`);
      dept.aliases = (aliases as string[]).map((a) => a.trim());
    }
    return dept;
  });
}
