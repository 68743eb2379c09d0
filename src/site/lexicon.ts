/**
 * The vocabulary beside the documents, read from the content collections once per build: the
 * thesaurus, the reader groups with the provisions that name them, the related provisions of
 * every provision, and the search page's lexicon (/search/lexicon.json). Pages pass what they got
 * from here down to components.
 */
import { getCollection } from 'astro:content';
import { citedTitle, departmentIds, leadIds, provisionsOf, ownText } from '../model/derive.ts';
import type { ReaderGroup, ThesaurusEntry } from '../model/lexicon.ts';
import { inForceFirst } from '../model/status.ts';
import type { Provision, PolicyDocument } from '../model/types.ts';
import { groupIndex as indexGroups, maskNames, type GroupIndex } from '../views/groups.ts';
import { buildLexicon, departmentNames, type Lexicon } from '../views/lexicon.ts';
import { relatedProvisions, termsIn, type ProvisionFeatures, type Relation } from '../views/related.ts';
import { getLibrary, isOutOfForce } from './library.ts';
import { routes } from './routes.ts';
import { libraryDepartments, referencesOf } from './views.ts';

let thesaurus: Promise<ThesaurusEntry[]> | undefined;
/** content/thesaurus.yaml, in its order. */
export function getThesaurus(): Promise<ThesaurusEntry[]> {
  thesaurus ??= getCollection('thesaurus').then((es) => es.sort((a, b) => a.id.localeCompare(b.id)).map((e) => e.data));
  return thesaurus;
}

let groupList: Promise<ReaderGroup[]> | undefined;
/** content/groups.yaml, in its order. */
export function getGroups(): Promise<ReaderGroup[]> {
  groupList ??= getCollection('groups').then((es) => es.sort((a, b) => a.id.localeCompare(b.id)).map((e) => e.data));
  return groupList;
}

/** Every name of every department of the registry, for masking them in the text (退役军人 in 市退役军人局). */
let names: Promise<string[]> | undefined;
function allDepartmentNames(): Promise<string[]> {
  names ??= getLibrary().then(({ registry }) => registry.flatMap(departmentNames));
  return names;
}

let groups: Promise<GroupIndex> | undefined;
/** Each group with the provisions that name it; warns once per build about phrases that occur nowhere. */
export function readerGroups(): Promise<GroupIndex> {
  groups ??= (async () => {
    const found = indexGroups(await getGroups(), (await getLibrary()).documents, await allDepartmentNames());
    // Provisions of documents no longer in force come after the others (and are marked on the page).
    const index = { ...found, groups: found.groups.map((g) => ({ ...g, hits: inForceFirst(g.hits, (h) => isOutOfForce(h.doc)) })) };
    for (const { group, phrase } of index.unused)
      console.warn(`[groups] content/groups.yaml: the phrase “${phrase}” of “${group.name}” (${group.id}) occurs in no provision of the library`);
    return index;
  })();
  return groups;
}

/** The groups a provision names. */
export async function groupsOf(doc: PolicyDocument, m: Provision): Promise<ReaderGroup[]> {
  return (await readerGroups()).byProvision.get(`${doc.id}/${m.id}`) ?? [];
}

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
      const cited = refs.documents.filter((d) => inProvision(d.mentions, m.id)).map((d) => `《${d.title}》`);
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

/** The search page's lexicon: thesaurus, the names of the departments that have a task list, the groups with their counts. */
export async function searchLexicon(): Promise<Lexicon> {
  const depts = (await libraryDepartments()).map((x) => ({ ...x.dept, href: routes.department(x.dept.id) }));
  const index = await readerGroups();
  return buildLexicon(await getThesaurus(), depts, index.groups.map(({ group, hits }) => ({ ...group, href: routes.group(group.id), count: hits.length })));
}

/** A document as a related provision or a group's hit names it: 《title》. */
export const documentName = (doc: PolicyDocument): string => `《${citedTitle(doc)}》`;
