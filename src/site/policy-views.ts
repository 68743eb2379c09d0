/**
 * Derived views of the loaded policy that several pages share: the open-data input and the
 * reference indexes (what the text cites, names and promises), computed once per build.
 */
import { policyReferences, type OpenDataInput } from '../export/opendata.ts';
import { routes } from './routes.ts';
import { getPolicy, measureRecordOf } from './library.ts';
import type { References } from '../views/references.ts';


let input: Promise<OpenDataInput> | undefined;
let refs: Promise<References> | undefined;

async function loadInput(): Promise<OpenDataInput> {
  const { document, chapters, registry } = await getPolicy();
  const d = document.data;
  return {
    document: {
      source: d.source, title: d.title, measuresTitle: d.measuresTitle, docNumber: d.docNumber, addressees: d.addressees,
      notice: d.notice, signature: d.signature, issuer: d.issuer,
      seal: d.seal ? { text: d.seal.text, department: d.seal.department ? { abbr: d.seal.department.abbr, slug: d.seal.department.slug.id } : null } : null,
      date: d.date, dateISO: d.dateISO, preamble: d.preamble, implements: d.implements,
    },
    chapters: chapters.map((c) => ({
      number: c.number, marker: c.marker, title: c.title,
      measures: c.measures.map(measureRecordOf),
    })),
    departments: registry,
    measureUrl: (id) => new URL(routes.measure(id), import.meta.env.SITE).href,
  };
}

/** The policy as plain data, for the data files and the /data/ page. */
export function getOpenDataInput(): Promise<OpenDataInput> {
  input ??= loadInput();
  return input;
}

/** What the policy cites, names and promises (notice, preamble and measures). */
export function getReferences(): Promise<References> {
  refs ??= getOpenDataInput().then(policyReferences);
  return refs;
}

/** Anchors on /references/ by what the text wraps: a 《title》 or a “name” (brackets included), or a figure as written. */
export async function getReferenceAnchors(): Promise<Map<string, string>> {
  const { documents, programmes, figures } = await getReferences();
  return new Map([
    ...documents.map((d) => [`《${d.title}》`, d.anchor] as const),
    ...programmes.map((p) => [`“${p.name}”`, p.anchor] as const),
    ...figures.map((f) => [f.text, f.anchor] as const),
  ]);
}
