/**
 * The library's lists: documents by year, issuer, 文种, 时效性 and 主题分类 (each with a stable
 * ASCII slug), and pages of a long list. Pure functions over the documents; the home page and its filter pages use them,
 * so every list works without JavaScript.
 */
import { citedTitle } from '../model/derive.ts';
import { pinyinInitials } from '../model/pinyin-initials.ts';
import { DOC_KINDS, OTHER_KIND, docKinds, docKindSlug, type DocKind } from '../model/doc-kind.ts';
import { STATUS_SLUGS, STATUSES, type Status } from '../model/status.ts';
import { topicsOf, type Topic } from '../model/topics.ts';
import type { Department, PolicyDocument } from '../model/types.ts';
import { registryNames } from './search-lexicon.ts';

/** Documents per page of a list: the home page and each filter page paginate beyond this. */
export const PAGE_SIZE = 50;
/** Tasks per page of a department's task list (each with its full text): the page's weight stays bounded. */
export const TASKS_PER_PAGE = 12;

export interface Facet {
  /** Shown: 2020, or 市就业工作领导小组. */
  label: string;
  /** In the URL: 2020, or jjgzldxz. */
  slug: string;
  documents: PolicyDocument[];
  /** A sub-topic's parent topic (its slug): the filter lists it under its parent. */
  parent?: string | undefined;
}

/** The library's filters (facets), in the order the filter list shows them. */
export const FACET_KINDS = ['kind', 'issuer', 'status', 'year', 'topic'] as const;
export type FacetKind = (typeof FACET_KINDS)[number];

/** The orders the library list offers (links, no JavaScript): newest first is the home page's. */
export const LIBRARY_SORTS = {
  newest: (a: PolicyDocument, b: PolicyDocument) => (b.dateISO ?? '').localeCompare(a.dateISO ?? '') || (a.docNumber ?? '').localeCompare(b.docNumber ?? '', 'zh-CN') || a.id.localeCompare(b.id),
  // Undated copies come last in either order.
  oldest: (a: PolicyDocument, b: PolicyDocument) => (a.dateISO ?? '9999').localeCompare(b.dateISO ?? '9999') || (a.docNumber ?? '').localeCompare(b.docNumber ?? '', 'zh-CN') || a.id.localeCompare(b.id),
  title: (a: PolicyDocument, b: PolicyDocument) => citedTitle(a).localeCompare(citedTitle(b), 'zh-CN') || (b.dateISO ?? '').localeCompare(a.dateISO ?? ''),
} as const;
export type LibrarySort = keyof typeof LIBRARY_SORTS;

/** The documents in one of the library's orders (a new array). */
export function sortDocuments(docs: readonly PolicyDocument[], sort: LibrarySort): PolicyDocument[] {
  return [...docs].sort(LIBRARY_SORTS[sort]);
}

/** The year of a document's 成文日期; null for an undated copy. */
export const yearOf = (doc: PolicyDocument) => doc.dateISO?.slice(0, 4) ?? null;

/** Documents by year of their 成文日期, newest year first (undated copies are in no year). */
export function byYear(docs: readonly PolicyDocument[]): Facet[] {
  const years = new Map<string, PolicyDocument[]>();
  for (const d of docs) {
    const year = yearOf(d);
    if (year) years.set(year, [...(years.get(year) ?? []), d]);
  }
  return [...years].sort((a, b) => b[0].localeCompare(a[0])).map(([year, documents]) => ({ label: year, slug: year, documents }));
}

/** Documents by 文种 (src/model/doc-kind.ts: a notice that carries a 方案 is under both 通知 and 方案), in DOC_KINDS order. */
export function byKind(docs: readonly PolicyDocument[]): Facet[] {
  const order: string[] = [...DOC_KINDS, OTHER_KIND].map((k) => k.kind);
  const kinds = new Map<DocKind, PolicyDocument[]>();
  for (const d of docs) for (const k of docKinds(d)) {
    const list = kinds.get(k) ?? [];
    if (!list.length) kinds.set(k, list);
    list.push(d);
  }
  return [...kinds].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([kind, documents]) => ({ label: kind, slug: docKindSlug(kind), documents }));
}

/** Documents by 时效性 on a day (`statusOf`, e.g. the build day's), in STATUSES order. */
export function byStatus(docs: readonly PolicyDocument[], statusOf: (d: PolicyDocument) => Status): Facet[] {
  return STATUSES.map((st) => ({ label: st, slug: STATUS_SLUGS[st], documents: docs.filter((d) => statusOf(d) === st) }))
    .filter((f) => f.documents.length > 0);
}

/**
 * Documents by 主题分类 (content/topics.yaml): each under the topics its metadata names and the
 * parent of each sub-topic named (topicsOf), in the scheme's order; topics without documents are left out.
 */
export function byTopic(docs: readonly PolicyDocument[], scheme: readonly Topic[]): Facet[] {
  const filed = new Map(docs.map((d) => [d, new Set(topicsOf(d.meta?.topics ?? [], scheme).map((t) => t.id))]));
  return scheme.map((t) => ({ label: t.name, slug: t.id, documents: docs.filter((d) => filed.get(d)!.has(t.id)), ...(t.parent ? { parent: t.parent } : {}) }))
    .filter((f) => f.documents.length > 0);
}

/** An issuer's slug: the pinyin initials of its name (市就业工作领导小组 → sjygzldxz). */
export function issuerSlug(issuer: string): string {
  return pinyinInitials(issuer) || 'issuer';
}

/** A registry entry, as far as an issuer needs it. */
type IssuerBody = Pick<Department, 'id' | 'name' | 'abbr' | 'aliases'>;

/**
 * The registry entry an issuer (发文机关, as its document writes it) names, if any: by the names
 * registryNames() gives each body (full name, the name without 天津/天津市, the abbreviation,
 * aliases), a name two bodies share naming neither.
 */
export function issuerIndex(registry: readonly IssuerBody[]): (issuer: string) => IssuerBody | undefined {
  const owners = new Map<string, IssuerBody[]>();
  const byId = new Map(registry.map((d) => [d.id, d]));
  for (const [id, names] of registryNames(registry)) for (const n of names) owners.set(n, [...(owners.get(n) ?? []), byId.get(id)!]);
  return (issuer) => {
    const found = owners.get(issuer.trim());
    return found?.length === 1 ? found[0] : undefined;
  };
}

/**
 * Documents by issuer (发文机关), most documents first. An issuer the registry knows is one facet
 * however its documents write it (市就业工作领导小组, 天津市就业工作领导小组): labelled with the
 * registry's full name, under the registry's id; each document still shows its issuer as written.
 * Other issuers are grouped by name as written, under the pinyin initials of the name. Slugs that
 * collide get -2, -3… in name order.
 */
export function byIssuer(docs: readonly PolicyDocument[], registry: readonly IssuerBody[] = []): Facet[] {
  const lookup = issuerIndex(registry);
  const groups = new Map<string, { label: string; base: string; documents: PolicyDocument[] }>();
  for (const d of docs) {
    if (!d.issuer) continue;
    const body = lookup(d.issuer);
    const key = body ? `id:${body.id}` : `name:${d.issuer}`;
    const group = groups.get(key) ?? { label: body?.name ?? d.issuer, base: body?.id ?? issuerSlug(d.issuer), documents: [] };
    group.documents.push(d);
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  const used = new Map<string, number>();
  return sorted
    .map((g) => {
      const n = (used.get(g.base) ?? 0) + 1;
      used.set(g.base, n);
      return { label: g.label, slug: n === 1 ? g.base : `${g.base}-${n}`, documents: g.documents };
    })
    .sort((a, b) => b.documents.length - a.documents.length || a.label.localeCompare(b.label, 'zh-CN'));
}

/** The pages of a list: page 1 holds the first PAGE_SIZE items. Never empty: an empty list has one empty page. */
export function paginate<T>(items: readonly T[], size = PAGE_SIZE): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}

/** One group (e.g. a document) on a page, with the slice of its items that page holds. */
export interface PagedGroup<G, T> {
  group: G;
  items: T[];
  /** The group began on an earlier page. */
  continued: boolean;
}

/**
 * Pages of at most `size` items, in order, keeping each group's items together where they fit: a
 * group that does not fit in what is left of a page starts the next one, and one larger than a
 * page continues over the pages after it. A group without items stays with the page it falls on.
 * Never empty: no groups give one empty page.
 */
export function paginateGroups<G, T>(groups: readonly G[], itemsOf: (g: G) => readonly T[], size: number): PagedGroup<G, T>[][] {
  const pages: PagedGroup<G, T>[][] = [[]];
  let room = size;
  for (const group of groups) {
    const items = [...itemsOf(group)];
    // A group that does not fit in what is left starts on a fresh page (and continues from there if larger than a page).
    if (items.length > room && room < size) { pages.push([]); room = size; }
    let continued = false;
    do {
      if (room === 0) { pages.push([]); room = size; }
      const slice = items.splice(0, room);
      pages.at(-1)!.push({ group, items: slice, continued });
      room -= slice.length;
      continued = true;
    } while (items.length > 0);
  }
  return pages;
}
