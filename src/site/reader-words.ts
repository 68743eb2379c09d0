/**
 * The vocabulary beside the documents, read from the content collections once per build: the
 * thesaurus, the reader groups with the provisions that name them, and the search page's lexicon
 * (/search/lexicon.json). Pages pass what they got from here down to components.
 */
import { getCollection } from 'astro:content';
import type { ReaderGroup, ThesaurusEntry } from '../model/lexicon.ts';
import { inForceFirst } from '../model/status.ts';
import type { Provision, PolicyDocument } from '../model/types.ts';
import { groupIndex as indexGroups, type GroupIndex } from '../views/groups.ts';
import { buildLexicon, departmentNames, type Lexicon } from '../views/search-lexicon.ts';
import { getLibrary, isOutOfForce } from './library.ts';
import { routes } from './routes.ts';
import { libraryDepartments } from './computed.ts';

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
export function allDepartmentNames(): Promise<string[]> {
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

/** The search page's lexicon: thesaurus, the names of the departments that have a task list, the groups with their counts. */
export async function searchLexicon(): Promise<Lexicon> {
  const depts = (await libraryDepartments()).map((x) => ({ ...x.dept, href: routes.department(x.dept.id) }));
  const index = await readerGroups();
  return buildLexicon(await getThesaurus(), depts, index.groups.map(({ group, hits }) => ({ ...group, href: routes.group(group.id), count: hits.length })));
}
