/** The summary of the policy the site is built from (getPolicy() → summarisePolicy()). */
import type { Department } from './model.ts';
import { getPolicy } from './policy.ts';
import { summarisePolicy, summarySourceFromCollections, type PolicySummary } from './summary.ts';

let cached: Promise<PolicySummary> | undefined;

export function getSummary(): Promise<PolicySummary> {
  cached ??= getPolicy().then((p) =>
    summarisePolicy(summarySourceFromCollections({ document: p.document.data, chapters: p.chapters }), [...p.departments.values()] as Department[]),
  );
  return cached;
}
