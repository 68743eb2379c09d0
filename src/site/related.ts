/**
 * The related provisions of every provision, computed for the whole library once per build from
 * each provision's features (its departments, groups, cited documents and distinctive terms: see
 * src/views/related.ts).
 */
import { bookTitle, departmentIds, leadIds, ownText, provisionsOf } from '../model/derive.ts';
import type { PolicyDocument, Provision } from '../model/types.ts';
import { maskNames } from '../views/groups.ts';
import { relatedProvisions, termsIn, type ProvisionFeatures, type Relation } from '../views/related.ts';
import { referencesOf } from './computed.ts';
import { getLibrary, isOutOfForce } from './library.ts';
import { allDepartmentNames, getGroups, getThesaurus, readerGroups } from './reader-words.ts';

/** A related provision, ready to show. */
export interface RelatedProvision {
  doc: PolicyDocument;
  provision: Provision;
  relation: Relation;
}

let related: Promise<Map<string, RelatedProvision[]>> | undefined;

/** The features of every provision (see src/views/related.ts), in library order. */
async function features(): Promise<ProvisionFeatures[]> {
  const { documents, registry } = await getLibrary();
  const abbr = new Map(registry.map((d) => [d.id, d.abbr]));
  const index = await readerGroups();
  const masked = await allDepartmentNames();
  // Distinctive terms: what the thesaurus maps to and the phrases that name groups; the quoted
  // programmes come per document from its reference index.
  const vocabulary = [...new Set([...(await getThesaurus()).flatMap((e) => e.terms), ...(await getGroups()).flatMap((g) => g.terms)])];
  const items: ProvisionFeatures[] = [];
  for (const doc of documents) {
    const refs = await referencesOf(doc);
    const inProvision = (places: { place: { provision?: string } | object }[], id: string) => places.some((p) => 'provision' in p.place && p.place.provision === id);
    const ms = provisionsOf(doc);
    ms.forEach((m, i) => {
      const key = `${doc.id}/${m.id}`;
      const programmes = refs.programmes.filter((p) => inProvision(p.mentions, m.id)).map((p) => p.name);
      const cited = refs.documents.filter((d) => inProvision(d.mentions, m.id)).map((d) => bookTitle(d.title));
      items.push({
        key,
        neighbours: [ms[i - 1], ms[i + 1]].filter((x) => x !== undefined).map((x) => `${doc.id}/${x.id}`),
        features: [
          ...leadIds(m).map((id) => ({ kind: 'lead' as const, value: abbr.get(id) ?? id })),
          ...departmentIds(m).map((id) => ({ kind: 'department' as const, value: abbr.get(id) ?? id })),
          ...(index.byProvision.get(key) ?? []).map((g) => ({ kind: 'group' as const, value: g.name })),
          ...cited.map((value) => ({ kind: 'cited' as const, value })),
          ...termsIn(maskNames(ownText(m), masked), [...vocabulary, ...programmes]).map((value) => ({ kind: 'term' as const, value })),
        ],
      });
    });
  }
  return items;
}

/** Up to five related provisions of a provision, computed for the whole library once per build. */
export async function relatedOf(doc: PolicyDocument, m: Provision): Promise<RelatedProvision[]> {
  related ??= (async () => {
    const { documents } = await getLibrary();
    const byKey = new Map<string, { doc: PolicyDocument; provision: Provision }>(documents.flatMap((d) => provisionsOf(d).map((x) => [`${d.id}/${x.id}`, { doc: d, provision: x }] as const)));
    const out = new Set(documents.filter(isOutOfForce).map((d) => d.id));
    const relations = relatedProvisions(await features(), { last: (key) => out.has(key.slice(0, key.indexOf('/'))) });
    return new Map([...relations].map(([key, rs]) => [key, rs.map((relation) => ({ ...byKey.get(relation.key)!, relation }))]));
  })();
  return (await related).get(`${doc.id}/${m.id}`) ?? [];
}
