/**
 * Site URLs, always under the configured base path (Astro `base`). Every document's pages live
 * under /policies/<document id>/; a provision's page ends with its number path (…/2-1/).
 */
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** url('departments/') → '/base/departments/' */
export function url(path = ''): string {
  return BASE + path.replace(/^\//, '');
}

/** An address as data and print show it: absolute under the site's origin when SITE is set, else the path. */
export function absolute(path: string, site: URL | undefined): string {
  return site ? new URL(path, site).href : path;
}

const hash = (anchor?: string) => (anchor ? `#${anchor}` : '');
const doc = (id: string, rest = '') => url(`policies/${id}/${rest}`);

/** Every page and file of the site. Features own their routes but declare them here. */
export const routes = {
  /** The library: every document. Page 2… of a long list: library/2/. */
  home: () => url(),
  libraryPage: (page: number) => (page <= 1 ? url() : url(`library/${page}/`)),
  /** The whole library in another order (see LIBRARY_SORTS), page 2… as …/2/. */
  librarySorted: (sort: string, page = 1) => (sort === 'newest' ? (page <= 1 ? url() : url(`library/${page}/`)) : url(`library/sort/${sort}/${page > 1 ? `${page}/` : ''}`)),
  /** Documents of one year or issuer (lists without JavaScript), page 2… as …/2/. */
  year: (year: string, page = 1) => url(`library/year/${year}/${page > 1 ? `${page}/` : ''}`),
  issuer: (slug: string, page = 1) => url(`library/issuer/${slug}/${page > 1 ? `${page}/` : ''}`),
  /** Documents of one value of any filter (year, issuer, kind 文种, status 时效性, topic 主题分类), page 2… as …/2/. */
  facet: (facet: string, slug: string, page = 1) => url(`library/${facet}/${slug}/${page > 1 ? `${page}/` : ''}`),
  /** A document's own home: metadata, notice, table of contents. */
  document: (id: string, anchor?: string) => doc(id) + hash(anchor),
  /** The full text. Anchors: c2 (chapter), m2-1 (provision). */
  text: (id: string, anchor?: string) => doc(id, 'text/') + hash(anchor),
  provision: (id: string, provision: string) => doc(id, `${provision}/`),
  /** An attachment (附件N) on its own page. */
  attachment: (id: string, n: number) => doc(id, `attachments/${n}/`),
  /** The document's 任务分工表 (responsibility matrix). */
  matrix: (id: string) => doc(id, 'departments/'),
  graph: (id: string) => doc(id, 'graph/'),
  summary: (id: string, chapter?: number) => doc(id, chapter ? `summary/${chapter}/` : 'summary/'),
  references: (id: string, anchor?: string) => doc(id, 'references/') + hash(anchor),
  /** The document as a Word file (GB/T 9704 layout), named by its id: policies/<id>/<id>.docx. */
  docx: (id: string) => doc(id, `${id}.docx`),
  /** The document's data files, explained. */
  documentData: (id: string) => doc(id, 'data/'),
  /** The stylesheet of the diagrams drawn at build time on a document's graph page. */
  graphCss: (id: string) => doc(id, 'graph.css'),
  /** The print stylesheet: per document (running footer with its title), or the library's. */
  printCss: (id?: string) => (id ? doc(id, 'print.css') : url('print.css')),
  departments: () => url('departments/'),
  /** A department's task list across the library; page 2… (by documents) as …/2/. */
  department: (id: string, page = 1) => url(`departments/${id}/${page > 1 ? `${page}/` : ''}`),
  search: (query?: string) => url('search/') + (query ? `?q=${encodeURIComponent(query)}` : ''),
  /** What the search page knows besides the text (src/views/search-lexicon.ts), fetched by it alone. */
  searchLexicon: () => url('search/lexicon.json'),
  /** The library's own words and a pinyin table (src/views/vocabulary.ts), fetched only when a search finds nothing exact. */
  searchWords: () => url('search/words.json'),
  /** Reader groups (我是……): the list, and the provisions that concern one group, page 2… as …/2/. */
  groups: () => url('groups/'),
  group: (id: string, page = 1) => url(`groups/${id}/${page > 1 ? `${page}/` : ''}`),
  /** Library-wide data files and the /data/ page. */
  data: (file = '') => url(`data/${file}`),
  /** One document's data files: data/<id>/policy.json, data/<id>/responsibilities.csv. */
  documentFile: (id: string, file: string) => url(`data/${id}/${file}`),
};

/** Anchors come from the numbering, never from Chinese text: c2, m2-1. */
export const anchors = {
  chapter: (n: number) => `c${n}`,
  provision: (id: string) => `m${id}`,
  /** An attachment (附件1) in the full text and on the document's page. */
  attachment: (n: number) => `a${n}`,
  /** The preamble, on the document's home page and the full text. */
  preamble: 'preamble',
};
