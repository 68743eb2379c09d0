/** Site URLs, always under the configured base path (Astro `base`). */
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** url('measures/2-1/') → '/base/measures/2-1/' */
export function url(path = ''): string {
  return BASE + path.replace(/^\//, '');
}

export const routes = {
  home: () => url(),
  policy: (anchor?: string) => url('policy/') + (anchor ? `#${anchor}` : ''),
  measure: (id: string) => url(`measures/${id}/`),
  department: (id: string) => url(`departments/${id}/`),
  departments: () => url('departments/'),
  search: () => url('search/'),
};

/** Anchors come from the numbering, never from Chinese text: c2, m2-1. */
export const anchors = {
  chapter: (n: number) => `c${n}`,
  measure: (id: string) => `m${id}`,
};
