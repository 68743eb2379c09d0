/**
 * The one adapter from the content collections to the model: listPolicies() and getPolicy(id)
 * return the documents as the plain types of src/model/types.ts (the very shapes the converter
 * parsed), and entries() the collection entries that pages render. Loaded once per build. Only
 * src/site/ imports astro:content; pages pass what they got from here down to components.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { LIBRARY_SORTS, byIssuer, byKind, byStatus, byTopic, byYear, type Facet, type FacetKind } from '../views/library.ts';
import { flattenTopics, topicsOf, type Topic } from '../model/topics.ts';
import { citedTitle } from '../model/derive.ts';
import { parseDate } from '../model/numerals.ts';
import { outOfForce, statedTerms, statusOn, termConflicts, type DocumentLink, type DocumentRelations, type StatusView } from '../model/status.ts';
import type { DepartmentLevel } from '../model/types.ts';
import type { Cataloguing } from '../export/opendata.ts';
import type { Attachment, Attribution, Department, DepartmentKind, Library, PolicyDocument } from '../model/types.ts';

/** A document's provisions: their model as data, their text as one MDX module (rendered once per build: src/site/provision-html.ts). */
export type ProvisionsEntry = CollectionEntry<'provisions'>;
export type DocumentEntry = CollectionEntry<'documents'>;
export type AttachmentEntry = CollectionEntry<'attachments'>;

/** What a page renders of a document: its MDX entries. */
export interface PolicyEntries {
  document: DocumentEntry;
  /** Every provision's text (src/components/ProvisionText.astro renders one). */
  provisions: ProvisionsEntry;
  /** Its attachments (附件), in order. */
  attachments: AttachmentEntry[];
}

interface Loaded extends Library {
  /** The 主题分类 scheme (content/topics.yaml), both levels in its order. */
  topics: Topic[];
  byId: Map<string, PolicyDocument>;
  entries: Map<string, PolicyEntries>;
}

type Attributed = { abbr: string; slug: { id: string } };
const plainDept = (d: Attributed) => ({ abbr: d.abbr, slug: d.slug.id });

let cached: Promise<Loaded> | undefined;

async function load(): Promise<Loaded> {
  const [documentEntries, provisionEntries, departmentEntries, attachmentEntries, metaEntries, topicEntries] = await Promise.all([
    getCollection('documents'),
    getCollection('provisions'),
    getCollection('departments'),
    getCollection('attachments'),
    getCollection('documentMeta'),
    getCollection('topics'),
  ]);
  const topics = flattenTopics(topicEntries.map((e) => e.data));
  const metaBySource = new Map(metaEntries.map((e) => [e.data.source, e.data]));
  const registry = departmentEntries.map(({ id, data: x }): Department => ({
    id, abbr: x.abbr, name: x.name, nameEn: x.nameEn, kind: x.kind as DepartmentKind, ...(x.note ? { note: x.note } : {}),
    ...(x.aliases ? { aliases: x.aliases } : {}),
    ...(x.level ? { level: x.level as DepartmentLevel } : {}), ...(x.source ? { source: x.source } : {}),
  }));
  const known = new Set(registry.map((d) => d.id));
  const provisionsByDoc = new Map(provisionEntries.map((e) => [e.data.document, e]));
  const attachmentsByDoc = new Map<string, Map<number, AttachmentEntry>>();
  for (const a of attachmentEntries) {
    const map = attachmentsByDoc.get(a.data.document) ?? new Map<number, AttachmentEntry>();
    attachmentsByDoc.set(a.data.document, map.set(a.data.number, a));
  }
  const entries = new Map<string, PolicyEntries>();
  const documents = documentEntries.map((entry): PolicyDocument => {
    const d = entry.data;
    const provisions = provisionsByDoc.get(d.id);
    if (!provisions) throw new Error(`document ${d.id} has no provisions.mdx: run \`npm run convert\``);
    const byId = new Map(provisions.data.provisions.map((m) => [m.id, m]));
    const attachmentFiles = attachmentsByDoc.get(d.id) ?? new Map<number, AttachmentEntry>();
    const attachmentList = d.attachments.map((n) => {
      const a = attachmentFiles.get(n);
      if (!a) throw new Error(`document ${d.id} lists attachment ${n}, which has no file: run \`npm run convert\``);
      return a;
    });
    if (attachmentList.length !== attachmentFiles.size) throw new Error(`document ${d.id}: some attachment files belong to no document: run \`npm run convert\``);
    entries.set(d.id, { document: entry, provisions, attachments: attachmentList });
    const chapters = d.chapters.map((c) => ({
      ...c,
      provisions: c.provisions.map((id) => {
        const m = byId.get(id);
        if (!m) throw new Error(`document ${d.id}: chapter ${c.marker} lists provision ${id}, which its provisions.mdx lacks: run \`npm run convert\``);
        const { collectives, ...read } = m.attribution ?? {};
        const attribution: Attribution | null = m.attribution && {
          ...(read as Omit<Attribution, 'departments' | 'collectives'>), departments: m.attribution.departments.map((a) => ({ ...plainDept(a), role: a.role })),
          ...(collectives?.length ? { collectives } : {}),
        };
        for (const a of attribution?.departments ?? [])
          if (!known.has(a.slug)) throw new Error(`provision ${d.id}/${id} names department "${a.slug}", which content/departments.yaml lacks`);
        const { through, attribution: _read, ...provision } = m;
        return { ...provision, attribution, ...(through ? { through } : {}) };
      }),
    }));
    if (chapters.reduce((n, c) => n + c.provisions.length, 0) !== byId.size)
      throw new Error(`document ${d.id}: some provisions of provisions.mdx belong to no chapter: run \`npm run convert\``);
    const seal = d.seal && { text: d.seal.text, department: d.seal.department && plainDept(d.seal.department) };
    const attachments = attachmentList.map(({ data: a }): Attachment => ({ number: a.number, label: a.label, title: a.title, text: a.text, line: a.line }));
    const { source: _source, id: _id, ...declared } = metaBySource.get(d.source) ?? { source: d.source };
    // Dates the text states (自…起施行，有效期…年) stand where nothing is declared; a disagreement is a build warning.
    const stated = statedTerms([...d.notice, ...d.preamble, ...chapters.flatMap((c) => c.provisions.map((m) => m.text)), ...(d.notes ?? [])], declared.published ?? d.dateISO ?? undefined, parseDate);
    for (const message of termConflicts(declared, stated)) console.warn(`[documents] content/documents.yaml, ${d.source}: ${message}`);
    try { topicsOf(declared.topics ?? [], topics); } catch (err) { throw new Error(`content/documents.yaml, ${d.source}: ${(err as Error).message}`); }
    const meta = { ...declared, effective: declared.effective ?? stated.effective, expires: declared.expires ?? stated.expires };
    return { ...d, seal, chapters, attachments, meta };
  });
  documents.sort(LIBRARY_SORTS.newest);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const link = (id: string, from: PolicyDocument): DocumentLink => {
    const d = byId.get(id);
    if (!d) throw new Error(`content/documents.yaml: ${from.source} replaces or amends "${id}", which is no document of the library`);
    return { id: d.id, title: citedTitle(d), docNumber: d.docNumber };
  };
  const relations = new Map(documents.map((d) => [d.id, { replaces: [], amends: [], replacedBy: [], amendedBy: [] } as DocumentRelations]));
  for (const d of documents) {
    const own = relations.get(d.id)!;
    for (const id of d.meta?.replaces ?? []) { own.replaces.push(link(id, d)); relations.get(id)!.replacedBy.push(link(d.id, d)); }
    for (const id of d.meta?.amends ?? []) { own.amends.push(link(id, d)); relations.get(id)!.amendedBy.push(link(d.id, d)); }
  }
  for (const d of documents) d.relations = relations.get(d.id);
  return { documents, registry, topics, byId, entries };
}

function loaded(): Promise<Loaded> {
  cached ??= load();
  return cached;
}

/** Every document of the library, newest first. */
export async function listPolicies(): Promise<PolicyDocument[]> {
  return (await loaded()).documents;
}

/** One document by id. */
export async function getPolicy(id: string): Promise<PolicyDocument> {
  const doc = (await loaded()).byId.get(id);
  if (!doc) throw new Error(`no document "${id}" in content/policies/`);
  return doc;
}

/** The library: documents and registry. */
export async function getLibrary(): Promise<Library> {
  const { documents, registry } = await loaded();
  return { documents, registry };
}

/** The department registry, in its file's order. */
export async function getRegistry(): Promise<Department[]> {
  return (await loaded()).registry;
}

/** A document's MDX entries, for rendering. */
export async function entriesOf(id: string): Promise<PolicyEntries> {
  const e = (await loaded()).entries.get(id);
  if (!e) throw new Error(`no document "${id}" in content/policies/`);
  return e;
}

/** getStaticPaths of a page per document: /policies/<id>/… with the document as a prop. */
export async function documentPaths(): Promise<{ params: { doc: string }; props: { doc: PolicyDocument } }[]> {
  return (await listPolicies()).map((doc) => ({ params: { doc: doc.id }, props: { doc } }));
}

/** The day the site is built (ISO 8601): what "today" means for 有效期至 and 引用日期. */
export const BUILD_DAY = new Date().toISOString().slice(0, 10);

let issuerFacets: Promise<Facet[]> | undefined;
/** The library's issuers (发文机关), normalised through the registry (byIssuer()): once per build. */
export function libraryIssuers(): Promise<Facet[]> {
  issuerFacets ??= loaded().then(({ documents, registry }) => byIssuer(documents, registry));
  return issuerFacets;
}

let facets: Promise<Record<FacetKind, Facet[]>> | undefined;
/** The library's filters (facets) with their documents: once per build; the home page's filters and the search's filter values. */
export function libraryFacets(): Promise<Record<FacetKind, Facet[]>> {
  facets ??= loaded().then(async ({ documents, topics }) => ({
    kind: byKind(documents),
    issuer: await libraryIssuers(),
    status: byStatus(documents, (d) => statusOf(d).status),
    year: byYear(documents),
    topic: byTopic(documents, topics),
  }));
  return facets;
}

let slugsByDoc: Promise<Map<string, Record<FacetKind, string[]>>> | undefined;
/** The slugs of the facets a document is listed under, per facet (its search filter values): one pass over the facets per build. */
export async function facetSlugsOf(doc: PolicyDocument): Promise<Record<FacetKind, string[]>> {
  slugsByDoc ??= libraryFacets().then((all) => {
    const out = new Map<string, Record<FacetKind, string[]>>();
    for (const [kind, list] of Object.entries(all) as [FacetKind, Facet[]][])
      for (const f of list) for (const d of f.documents) {
        const slugs = out.get(d.id) ?? { kind: [], issuer: [], status: [], year: [], topic: [] };
        slugs[kind].push(f.slug);
        out.set(d.id, slugs);
      }
    return out;
  });
  return (await slugsByDoc).get(doc.id) ?? { kind: [], issuer: [], status: [], year: [], topic: [] };
}

/** A document's 时效性 on the build day. */
export function statusOf(doc: PolicyDocument): StatusView {
  return statusOn(doc.meta, BUILD_DAY);
}

/** How the library files a document, for its data (policy.json, index.json): 时效性 on the build day, and its 主题分类. */
export async function cataloguingOf(doc: PolicyDocument): Promise<Cataloguing> {
  return { status: statusOf(doc).status, topics: topicsOf(doc.meta?.topics ?? [], (await loaded()).topics) };
}

/** No longer in force on the build day (失效, expired, or 已废止): marked, and ranked last, where provisions of several documents are listed. */
export function isOutOfForce(doc: PolicyDocument): boolean {
  return outOfForce(statusOf(doc));
}
