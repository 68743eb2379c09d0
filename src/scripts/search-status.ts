/**
 * 时效性 in search results: the hook through which the search page (src/scripts/search.ts) marks
 * the results of documents no longer in force (失效, 已废止) and ranks them after the others. The
 * build writes the data into each record (src/views/search-fields.ts): the Pagefind meta
 * `outOfForce` (the status, on those records only) and the filter `status` (on every record).
 * Kept apart from search.ts, which calls it in two places (ranking, rendering).
 */
import { outOfForceMark, type Status } from '../model/status.ts';

interface WithMeta {
  data: { meta: Record<string, string | undefined> };
}

/** Whether a result belongs to a document no longer in force. */
export const isOutOfForce = (hit: WithMeta): boolean => Boolean(hit.data.meta.outOfForce);

/** A comparator that ranks results of documents no longer in force after the others, else as `compare` does. */
export function inForceFirst<T>(compare: (a: T, b: T) => number): (a: T & WithMeta, b: T & WithMeta) => number {
  return (a, b) => Number(isOutOfForce(a)) - Number(isOutOfForce(b)) || compare(a, b);
}

/** The mark a result of a document no longer in force carries (已失效, 已废止), or null. */
export function statusMark(meta: Record<string, string | undefined>): HTMLSpanElement | null {
  const status = meta.outOfForce as Status | undefined;
  if (!status) return null;
  const span = document.createElement('span');
  span.className = 'pe-tag pe-tag--out pe-result__status';
  span.textContent = outOfForceMark(status);
  return span;
}
