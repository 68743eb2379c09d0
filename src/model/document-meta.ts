/**
 * The rules of content/documents.yaml, one set: the converter checks the file with them
 * (checkDocumentMeta, every error at its FILE:LINE:COL) and the content schema
 * (src/content.config.ts) is built from the same predicates, so an entry the converter accepts
 * always builds, and one it refuses never reaches the build.
 */
import { STATUSES, type DocumentMeta } from './status.ts';
import type { YamlFile } from './yaml-file.ts';

/** Every key an entry may have. */
/** A document id: lower-case ASCII letters and digits, joined by hyphens (jjzz-2020-5). */
export const DOCUMENT_ID_RE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const DOCUMENT_META_KEYS = ['source', 'id', 'issuer', 'published', 'effective', 'expires', 'status', 'checked', 'url', 'replaces', 'amends', 'topics'] as const;
const DATE_KEYS = ['published', 'effective', 'expires', 'checked'] as const;

/** The longest document id: it names a folder and several files (ENAMETOOLONG well before 255 bytes with suffixes). */
export const DOCUMENT_ID_MAX = 64;
/** A declared issuer: a body's name, on one line. */
export const ISSUER_RE = /^[^\n\r\p{C}]{2,60}$/u;

/**
 * Names the site uses beside document ids where an id would share the address or the file:
 * /data/<id>/… sits beside /data/departments/, /data/index.json, /data/policy.schema.json…;
 * the rest are the site's sections, kept free for them.
 */
export const RESERVED_IDS: readonly string[] = [
  'data', 'departments', 'responsibilities', 'index', 'policy', 'policies', 'schema',
  'library', 'search', 'groups', 'print', 'robots', 'sitemap', 'pagefind', 'assets', '404',
  'text', 'graph', 'summary', 'references', 'attachments', 'sort', 'year', 'issuer',
];

/** What is wrong with a document id, or null (the converter and the schema share this). */
export function documentIdProblem(id: string): string | null {
  if (!DOCUMENT_ID_RE.test(id)) return `id "${id}" must be lower-case ASCII letters and digits, joined by hyphens`;
  if (id.length > DOCUMENT_ID_MAX) return `id "${id.slice(0, 20)}…" is ${id.length} characters long: at most ${DOCUMENT_ID_MAX} (it names folders and files)`;
  if (RESERVED_IDS.includes(id)) return `id "${id}" is a name the site uses for its own pages or data files (/data/${id}/…): choose another`;
  return null;
}

/** An ISO 8601 calendar date that exists: 2020-02-29 yes, 2020-02-30 no. */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** An absolute http: or https: URL with a host (never javascript:, data:, file:…). */
export function isWebUrl(value: string): boolean {
  if (/[\s\p{C}]/u.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && /^https?:\/\//i.test(value);
  } catch {
    return false;
  }
}

/** One entry as read, with the document's metadata and where its relations are written. */
export interface MetaEntry {
  source: string;
  id?: string;
  /** 发文机关 as the publishing page states it, for a copy whose text names none (a partial copy of a 办法). */
  issuer?: string;
  meta: DocumentMeta;
  /** Index of the entry in the file (for positions). */
  index: number;
}

/**
 * Checks content/documents.yaml as read by readYaml. `seeds` are the seed file names, `today`
 * the day of the conversion (ISO 8601). Relations (replaces, amends) are checked against ids by
 * checkRelations once every document's id is known.
 */
export function checkDocumentMeta(file: YamlFile, seeds: readonly string[], today: string): MetaEntry[] {
  const list = file.value ?? [];
  if (!Array.isArray(list)) return file.fail([], 'the file must be a list of entries, one per seed: - source: <file name>.txt');
  const bySource = new Map<string, number>();
  return list.map((entry: unknown, i): MetaEntry => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return file.fail([i], `entry ${i + 1} must be a map of fields (source, id, status…)`);
    const e = entry as Record<string, unknown>;
    for (const key of Object.keys(e))
      if (!(DOCUMENT_META_KEYS as readonly string[]).includes(key)) file.fail([i, key], `unknown field "${key}": the fields are ${DOCUMENT_META_KEYS.join(', ')}`, { key: true });
    const source = e.source;
    if (typeof source !== 'string' || !/^[^/\\]+\.txt$/.test(source)) return file.fail([i, 'source'], `entry ${i + 1} needs "source": the seed's file name (….txt)`);
    if (!seeds.includes(source)) {
      const near = seeds.find((s) => s.toLowerCase() === source.toLowerCase() || closeTo(s, source));
      file.fail([i, 'source'], `there is no seed "${source}" in seeds/${near ? `: did you mean "${near}"?` : ''} (the entry would be ignored)`);
    }
    if (bySource.has(source)) file.fail([i, 'source'], `"${source}" already has an entry (entry ${bySource.get(source)! + 1}): one entry per seed`);
    bySource.set(source, i);
    if (e.id !== undefined) {
      const problem = typeof e.id === 'string' ? documentIdProblem(e.id) : 'id must be text';
      if (problem) file.fail([i, 'id'], problem);
    }
    for (const key of DATE_KEYS) {
      const v = e[key];
      if (v === undefined) continue;
      if (typeof v !== 'string' || !isRealDate(v)) file.fail([i, key], `${key} ${JSON.stringify(String(v))} is not a real date written as YYYY-MM-DD`);
    }
    const date = (key: (typeof DATE_KEYS)[number]) => e[key] as string | undefined;
    if (date('effective') && date('expires') && date('expires')! < date('effective')!)
      file.fail([i, 'expires'], `expires ${date('expires')} is before effective ${date('effective')}`);
    if (date('checked') && date('checked')! > today) file.fail([i, 'checked'], `checked ${date('checked')} is in the future (today is ${today})`);
    if (e.status !== undefined && !(STATUSES as readonly unknown[]).includes(e.status))
      file.fail([i, 'status'], `status ${JSON.stringify(e.status)} is not one of ${STATUSES.join(', ')}`);
    if (e.issuer !== undefined && (typeof e.issuer !== 'string' || !ISSUER_RE.test(e.issuer)))
      file.fail([i, 'issuer'], `issuer ${JSON.stringify(String(e.issuer))} must be the issuing body's name (2 to 60 characters, one line)`);
    if (e.url !== undefined && (typeof e.url !== 'string' || !isWebUrl(e.url)))
      file.fail([i, 'url'], `url ${JSON.stringify(String(e.url))} must be an absolute http:// or https:// address`);
    for (const key of ['replaces', 'amends'] as const) {
      const v = e[key];
      if (v === undefined) continue;
      if (!Array.isArray(v)) file.fail([i, key], `${key} must be a list of document ids: [id, …]`);
      (v as unknown[]).forEach((id, k) => {
        if (typeof id !== 'string' || !DOCUMENT_ID_RE.test(id)) file.fail([i, key, k], `${key}: ${JSON.stringify(id)} is not a document id`);
      });
    }
    if (e.topics !== undefined) {
      if (!Array.isArray(e.topics)) file.fail([i, 'topics'], 'topics must be a list of topic ids of content/topics.yaml: [id, …]');
      (e.topics as unknown[]).forEach((id, k) => {
        if (typeof id !== 'string' || !DOCUMENT_ID_RE.test(id)) file.fail([i, 'topics', k], `topics: ${JSON.stringify(id)} is not a topic id (an ASCII slug of content/topics.yaml)`);
      });
    }
    const meta: DocumentMeta = {};
    for (const key of DATE_KEYS) if (e[key] !== undefined) meta[key] = e[key] as string;
    if (e.status !== undefined) meta.status = e.status as DocumentMeta['status'];
    if (e.url !== undefined) meta.url = e.url as string;
    if (e.replaces !== undefined) meta.replaces = e.replaces as string[];
    if (e.amends !== undefined) meta.amends = e.amends as string[];
    if (e.topics !== undefined) meta.topics = e.topics as string[];
    return { source, ...(typeof e.id === 'string' ? { id: e.id } : {}), ...(typeof e.issuer === 'string' ? { issuer: e.issuer } : {}), meta, index: i };
  });
}

/** Two names one character apart (a typo): same length with one difference, or one character more. */
function closeTo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

/**
 * replaces/amends: every id a document of the library, never the document itself, and no cycle
 * (A replaces B replaces A). `idOf` gives each source's document id.
 */
export function checkRelations(file: YamlFile, entries: readonly MetaEntry[], idOf: ReadonlyMap<string, string>): void {
  const ids = new Set(idOf.values());
  const edges = new Map<string, { to: string; path: (string | number)[] }[]>();
  for (const entry of entries) {
    const self = idOf.get(entry.source)!;
    for (const key of ['replaces', 'amends'] as const)
      (entry.meta[key] ?? []).forEach((id, k) => {
        const path = [entry.index, key, k];
        if (id === self) file.fail(path, `${key}: "${id}" is this document itself`);
        if (!ids.has(id)) file.fail(path, `${key}: "${id}" is no document of the library (its ids: ${[...ids].sort().join(', ')})`);
        edges.set(self, [...(edges.get(self) ?? []), { to: id, path }]);
      });
  }
  // A cycle: depth-first, reported at the relation that closes it.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, trail: string[]) => {
    state.set(id, 'open');
    for (const { to, path } of edges.get(id) ?? []) {
      if (state.get(to) === 'open') file.fail(path, `replaces/amends form a cycle: ${[...trail.slice(trail.indexOf(to)), id, to].join(' → ')}`);
      if (!state.has(to)) visit(to, [...trail, id]);
    }
    state.set(id, 'done');
  };
  for (const id of edges.keys()) if (!state.has(id)) visit(id, []);
}
