/**
 * What the policy cites, names and promises: cited documents (《…》 with their numbers),
 * quoted programmes and slogans (“…”), and quantitative commitments (65%, 3%-5%, 满1年,
 * 2018-2022年). Pure functions over plain text, built on the same inline segmentation as the
 * MDX markup, so the indexes, summaries and data files agree with the pages.
 */
import { figuresIn, segmentInline, type Segment } from './inline.ts';
import { citedTitle, provisionsOf } from './derive.ts';
import type { Department, PolicyDocument } from './types.ts';

/** Where a mention sits: a provision (by id), or the preamble / notice of the document. */
export type Place = { provision: string } | { part: 'preamble' | 'notice' };

export interface Mention {
  place: Place;
  /** The mention exactly as written. */
  text: string;
  /** Offset (in UTF-16 units) of the mention in the text it was found in. */
  offset: number;
  /** The clause around it (between ，。；：), for context. */
  context: string;
  /** Offset of the mention within `context`. */
  contextOffset: number;
}

export interface CitedDocument {
  /** Stable anchor within /references/: doc-1, doc-2… in order of first mention. */
  anchor: string;
  /** The title without brackets. */
  title: string;
  /** Its document number, when the text gives one right after it: 厅字〔2019〕56号. */
  number: string | null;
  /** True for the document this policy implements (cited with its number in the preamble). */
  implemented: boolean;
  mentions: Mention[];
}

export interface Programme {
  /** prog-1, prog-2… */
  anchor: string;
  /** The name without quotes: 海河英才. */
  name: string;
  mentions: Mention[];
}

export type FigureKind = 'percentage' | 'duration' | 'period' | 'number';

export interface Figure {
  /** fig-1, fig-2… one per distinct figure text, in order of first appearance (a repeated figure shares its anchor). */
  anchor: string;
  /** As written: 3%-5%, 满1年, 2018-2022年. */
  text: string;
  kind: FigureKind;
  mention: Mention;
}

export interface References {
  documents: CitedDocument[];
  programmes: Programme[];
  figures: Figure[];
}

export interface TextSource {
  place: Place;
  text: string;
}

export function figureKind(text: string): FigureKind {
  if (text.includes('%')) return 'percentage';
  if (/^\d{4}\s*[-—–~至]\s*\d{4}年$/u.test(text)) return 'period';
  if (/年|个月|日|天/u.test(text)) return 'duration';
  return 'number';
}

/** Chinese labels of figure kinds. */
export const FIGURE_KIND_LABELS: Record<FigureKind, string> = {
  percentage: '比例',
  duration: '期限',
  period: '时间范围',
  number: '数量',
};

function clauseAround(text: string, start: number, end: number): { context: string; from: number } {
  const stops = /[，。；：！？]/u;
  let a = start;
  while (a > 0 && !stops.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !stops.test(text[b]!)) b++;
  return { context: text.slice(a, b < text.length ? b + 1 : b), from: a };
}

type Located = Segment & { offset: number };

function locate(segments: Segment[]): Located[] {
  let offset = 0;
  return segments.map((s) => {
    const out = { ...s, offset };
    offset += s.text.length;
    return out;
  });
}

/** Extracts the references of a set of texts, in reading order. `selfTitle` (this policy's own title) is not a citation. */
export function extractReferences(sources: readonly TextSource[], departments: readonly Department[], selfTitle: string): References {
  const documents = new Map<string, CitedDocument>();
  const programmes = new Map<string, Programme>();
  const figures: Figure[] = [];
  const figureAnchors = new Map<string, string>();

  for (const { place, text } of sources) {
    const segs = locate(segmentInline(text, departments));
    segs.forEach((s, i) => {
      const mention = (t: string, offset: number): Mention => {
        const { context, from } = clauseAround(text, offset, offset + t.length);
        return { place, text: t, offset, context, contextOffset: offset - from };
      };
      if (s.kind === 'cite') {
        const title = s.text.slice(1, -1);
        if (title === selfTitle) return;
        // 《title》（number）: the number is the segment inside the parenthesis that follows.
        const next = segs[i + 1];
        const num = next?.kind === 'text' && next.text === '（' && segs[i + 2]?.kind === 'docno' && segs[i + 3]?.text.startsWith('）') ? segs[i + 2]!.text : null;
        const doc = documents.get(title) ?? { anchor: `doc-${documents.size + 1}`, title, number: null, implemented: false, mentions: [] };
        if (num) doc.number = num;
        if (num && 'part' in place && place.part === 'preamble') doc.implemented = true;
        doc.mentions.push(mention(s.text, s.offset));
        documents.set(title, doc);
      }
      if (s.kind === 'term') {
        const name = s.text.slice(1, -1);
        const prog = programmes.get(name) ?? { anchor: `prog-${programmes.size + 1}`, name, mentions: [] };
        prog.mentions.push(mention(s.text, s.offset));
        programmes.set(name, prog);
      }
      // Figures: marked in running text, and found inside titles and quotes too — but not in document
      // numbers, nor as a quoted name made of digits (“111”).
      const found = s.kind === 'fig' ? [{ text: s.text, offset: 0 }]
        : (s.kind === 'cite' || (s.kind === 'term' && !/^“\d+”$/u.test(s.text))) ? figuresIn(s.text) : [];
      for (const f of found) {
        const anchor = figureAnchors.get(f.text) ?? `fig-${figureAnchors.size + 1}`;
        figureAnchors.set(f.text, anchor);
        figures.push({ anchor, text: f.text, kind: figureKind(f.text), mention: mention(f.text, s.offset + f.offset) });
      }
    });
  }
  // The implemented document first, then in order of first mention.
  const docs = [...documents.values()].sort((a, b) => Number(b.implemented) - Number(a.implemented));
  docs.forEach((d, i) => (d.anchor = `doc-${i + 1}`));
  return { documents: docs, programmes: [...programmes.values()], figures };
}

/** The references of one provision's text (for summaries and data files). */
export function provisionReferences(id: string, text: string, departments: readonly Department[], selfTitle: string): References {
  return extractReferences([{ place: { provision: id }, text }], departments, selfTitle);
}

/** Where a mention is, as one string: the provision id, or preamble / notice. */
export function placeKey(p: Place): string {
  return 'provision' in p ? p.provision : p.part;
}

/** Every text of a document that may cite, name or promise something, in reading order. */
export function referenceSources(doc: PolicyDocument): TextSource[] {
  return [
    ...doc.notice.map((text) => ({ place: { part: 'notice' as const }, text })),
    ...doc.preamble.map((text) => ({ place: { part: 'preamble' as const }, text })),
    ...provisionsOf(doc).map((m) => ({ place: { provision: m.id }, text: m.text })),
  ];
}

/** What a document cites, names and promises (notice, preamble and provisions). */
export function policyReferences(doc: PolicyDocument, registry: readonly Department[]): References {
  return extractReferences(referenceSources(doc), registry, citedTitle(doc));
}

/** How many distinct documents, programmes and figures a set of references holds: the one count every page shows. */
export function referenceCounts(refs: References): { documents: number; programmes: number; figures: number } {
  return { documents: refs.documents.length, programmes: refs.programmes.length, figures: new Set(refs.figures.map((f) => f.anchor)).size };
}
