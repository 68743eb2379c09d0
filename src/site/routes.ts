/** Site URLs, always under the configured base path (Astro `base`). */
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** url('measures/2-1/') → '/base/measures/2-1/' */
export function url(path = ''): string {
  return BASE + path.replace(/^\//, '');
}

/** Every page and file of the site. Features own their routes but declare them here. */
export const routes = {
  home: () => url(),
  policy: (anchor?: string) => url('policy/') + (anchor ? `#${anchor}` : ''),
  measure: (id: string) => url(`measures/${id}/`),
  departments: () => url('departments/'),
  department: (id: string) => url(`departments/${id}/`),
  graph: () => url('graph/'),
  search: (query?: string) => url('search/') + (query ? `?q=${encodeURIComponent(query)}` : ''),
  summary: (chapter?: number) => url(chapter ? `summary/${chapter}/` : 'summary/'),
  data: (file = '') => url(`data/${file}`),
  references: (anchor?: string) => url('references/') + (anchor ? `#${anchor}` : ''),
};

/** Anchors come from the numbering, never from Chinese text: c2, m2-1. */
export const anchors = {
  chapter: (n: number) => `c${n}`,
  measure: (id: string) => `m${id}`,
  /** The preamble, on the home page and the full text. */
  preamble: 'preamble',
};
