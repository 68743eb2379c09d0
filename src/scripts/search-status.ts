/**
 * 时效性 in search results: the mark on the results of documents no longer in force (失效, 已废止).
 * The build writes the data into each record (src/views/search-fields.ts): the Pagefind meta
 * `outOfForce` (the status, on those records only) and the filter `status` (on every record).
 * The search session ranks those results after the others (outOfForceLast() in
 * src/views/search-session.ts); the renderer (src/scripts/search/render.ts) marks them here.
 */
import { outOfForceMark, type Status } from '../model/status.ts';

/** The mark a result of a document no longer in force carries (已失效, 已废止), or null. */
export function statusMark(meta: Record<string, string | undefined>): HTMLSpanElement | null {
  const status = meta.outOfForce as Status | undefined;
  if (!status) return null;
  const span = document.createElement('span');
  span.className = 'pe-tag pe-tag--out pe-result__status';
  span.textContent = outOfForceMark(status);
  return span;
}
