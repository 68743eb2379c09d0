/** The summary of the policy the site is built from (getPolicy() → summarisePolicy()). */
import { getPolicy, measureRecordOf } from './library.ts';
import { summarisePolicy, type PolicySummary } from '../views/summary.ts';

let cached: Promise<PolicySummary> | undefined;

export function getSummary(): Promise<PolicySummary> {
  cached ??= getPolicy().then(({ document, chapters, registry }) =>
    summarisePolicy(
      {
        measuresTitle: document.data.measuresTitle,
        docNumber: document.data.docNumber,
        chapters: chapters.map((c) => ({ number: c.number, marker: c.marker, title: c.title, measures: c.measures.map(measureRecordOf) })),
      },
      registry,
    ),
  );
  return cached;
}
