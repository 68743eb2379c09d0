/**
 * A document as a Word file (.docx) in the layout of GB/T 9704-2012 (党政机关公文格式): A4, margins
 * 37/35/28/26 mm, body 3号 仿宋 with 22 lines of 28 characters a page, title 2号 小标宋 centred,
 * 一、 headings 黑体, （一） headlines 楷体, 发文字号 centred, signature and date right-aligned four
 * characters in, page numbers 4号 宋体 “— 1 —” outside (odd pages right, even pages left).
 * No 版头 (red issuer header): the site is not the issuer.
 *
 * Fidelity: every string of the model reaches the file whole and in the order of the full-text
 * page (src/pages/policies/[doc]/text.astro, the MDX of src/convert/mdx.ts); a line of the model
 * (\n) is a paragraph, a tab a Word tab. XML escaping is the docx library's; characters XML cannot
 * carry (which the library would drop silently) are refused with an error instead.
 *
 * Deterministic: the same document gives the same bytes. docx stamps the core properties and
 * the zip entries with the current time; both are set to the document's date (else 1980-01-01).
 */
import {
  AlignmentType, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph, Tab, TextRun,
  type IParagraphOptions, type IRunOptions,
} from 'docx';
import { unzipSync, zipSync } from 'fflate';
import { chapterBlocks, chapterHeading, chapterKind, provisionKind } from '../model/derive.ts';
import type { Attachment, Chapter, PolicyDocument, Provision } from '../model/types.ts';

/** 1 mm in twips (1/20 pt). */
const MM = 1440 / 25.4;
const PT = 20;
/** 3号: 16 pt, the body's size; a character is that wide. */
const BODY_PT = 16;
const CHAR = BODY_PT * PT;
export const PAGE = { width: Math.round(210 * MM), height: Math.round(297 * MM), top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
/** 22 lines in the 225 mm of the text block: 28.95 pt a line (exact). */
export const LINE = Math.round((28.95 * PT));
/**
 * 28 characters in the 156 mm (442 pt) of a line: 16 pt characters 0.25 pt closer together (character
 * spacing, which Word and LibreOffice both honour; LibreOffice reads a character grid differently).
 */
const TRACKING = Math.floor(((PAGE.width - PAGE.left - PAGE.right) / 28 - CHAR));

export const FONTS = { body: '仿宋_GB2312', title: '方正小标宋简体', heading: '黑体', headline: '楷体_GB2312', page: '宋体' } as const;
type FontName = (typeof FONTS)[keyof typeof FONTS];
const font = (name: FontName) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/** Characters XML 1.0 cannot hold (C0 but tab and line feed, CR, U+FFFE/U+FFFF, lone surrogates): the library would drop them without a word. */
const NOT_XML = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** A piece of text in one face. */
interface Span {
  text: string;
  face?: FontName;
}

/** A paragraph of the Word file: its spans and how it is set. */
interface Block {
  spans: Span[];
  style: 'title' | 'number' | 'addressees' | 'body' | 'heading' | 'chapter' | 'section' | 'signature' | 'label' | 'colophon';
  /** Starts a new page (an attachment). */
  pageBreak?: boolean;
  /** A line left empty before it (the signature under the text, GB/T 9704 7.3.5; the carried title under the notice). */
  spaceBefore?: boolean;
}

const lines = (text: string) => text.split('\n');
const plain = (text: string, style: Block['style'] = 'body'): Block => ({ spans: [{ text }], style });

/** A provision's paragraphs: its marker and headline set as the level asks (（一） 楷体, 一、 黑体, 第一条 黑体), the rest 仿宋. */
function provisionBlocks(m: Provision): Block[] {
  const [first = '', ...rest] = lines(m.text);
  const kind = provisionKind(m);
  const gap = kind === 'article' ? '\u3000' : '';
  const at = m.headline ? first.indexOf(m.headline) : -1;
  let spans: Span[];
  if (kind === 'article') spans = [{ text: m.marker, face: FONTS.heading }, { text: gap + first }];
  else if (at < 0) spans = [{ text: m.marker + first }];
  else {
    const face = kind === 'part' ? FONTS.heading : FONTS.headline;
    spans = [{ text: m.marker + first.slice(0, at) }, { text: m.headline, face }, { text: first.slice(at + m.headline.length) }];
    if (at === 0) spans = [{ text: m.marker + m.headline, face }, spans[2]!];
  }
  return [{ spans: spans.filter((s) => s.text !== ''), style: 'body' }, ...rest.map((l) => plain(l))];
}

function chapterBlocksOf(c: Chapter): Block[] {
  const out: Block[] = [];
  if (chapterKind(c) !== 'none') out.push(plain(chapterHeading(c), chapterKind(c) === 'chapter' ? 'chapter' : 'heading'));
  let section: number | null | undefined = null;
  for (const b of chapterBlocks(c)) {
    if (b.kind === 'paragraph') {
      out.push(...lines(b.paragraph.text).map((l) => plain(l)));
      continue;
    }
    const s = (c.sections ?? []).find((x) => x.number === b.provision.section);
    if (s && s.number !== section) out.push(plain(`${s.marker}\u3000${s.title}`, 'section'));
    section = b.provision.section;
    out.push(...provisionBlocks(b.provision));
  }
  return out;
}

function attachmentBlocks(a: Attachment): Block[] {
  return [
    { spans: [{ text: a.label, face: FONTS.heading }], style: 'label', pageBreak: true },
    plain(a.title, 'title'),
    ...lines(a.text).filter(Boolean).map((l) => plain(l)),
  ];
}

/**
 * The paragraphs of a document in reading order, as the full-text page shows them: title, 发文字号,
 * a signature under the title, 主送, the notice, 附件说明, signature, date, 附注, the carried title,
 * preamble, chapters (headings, sections, provisions, free paragraphs), what closes a document
 * issued directly, attachments, 版记.
 */
export function documentBlocks(doc: PolicyDocument): Block[] {
  const place = doc.signaturePlace ?? 'notice';
  const signed: Block[] = [
    ...(doc.signature ? lines(doc.signature).filter(Boolean).map((l) => plain(l, 'signature')) : []),
    ...(doc.date ? [plain(doc.date, 'signature')] : []),
  ].map((b, i) => (i === 0 ? { ...b, spaceBefore: true } : b));
  const attachmentNote = (doc.attachmentNote ?? []).map((l) => plain(l));
  const notes = (doc.notes ?? []).map((l) => plain(l));
  const head = place === 'notice';
  return [
    plain(doc.title, 'title'),
    ...(doc.docNumber ? [plain(doc.docNumber, 'number')] : []),
    ...(place === 'start' ? signed : []),
    ...(doc.addressees ? [plain(doc.addressees, 'addressees')] : []),
    ...doc.notice.map((p) => plain(p)),
    ...(head ? [...attachmentNote, ...signed, ...notes] : []),
    ...(doc.carriedTitle ? [{ ...plain(doc.carriedTitle, 'title'), spaceBefore: true }] : []),
    ...doc.preamble.map((p) => plain(p)),
    ...doc.chapters.flatMap(chapterBlocksOf),
    ...(head ? [] : [...attachmentNote, ...(place === 'end' ? signed : []), ...notes]),
    ...(doc.attachments ?? []).flatMap(attachmentBlocks),
    ...(doc.colophon ? doc.colophon.lines.map((l) => plain(l, 'colophon')) : []),
  ];
}

/** How each kind of paragraph is set. */
const STYLES: Record<Block['style'], { paragraph: IParagraphOptions; run?: IRunOptions }> = {
  title: { paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 35 * PT, lineRule: LineRuleType.EXACT, after: LINE } }, run: { size: 22 * 2, font: font(FONTS.title), snapToGrid: false } },
  number: { paragraph: { alignment: AlignmentType.CENTER, spacing: { after: LINE } } },
  addressees: { paragraph: {} },
  body: { paragraph: { indent: { firstLine: 2 * CHAR, firstLineChars: 200 } } },
  heading: { paragraph: { indent: { firstLine: 2 * CHAR, firstLineChars: 200 } }, run: { font: font(FONTS.heading) } },
  chapter: { paragraph: { alignment: AlignmentType.CENTER }, run: { font: font(FONTS.heading) } },
  section: { paragraph: { alignment: AlignmentType.CENTER }, run: { font: font(FONTS.headline) } },
  signature: { paragraph: { alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR } } },
  label: { paragraph: {} },
  colophon: { paragraph: { indent: { left: 14 * PT, right: 14 * PT } }, run: { size: 14 * 2 } },
};

/** A run of text; a tab becomes a Word tab, everything else stays as it is. */
function run(span: Span, base: IRunOptions | undefined): TextRun {
  const parts = span.text.split('\t');
  const children = parts.flatMap((p, i) => (i === 0 ? [p] : [new Tab(), p])).filter((c) => c !== '');
  return new TextRun({ ...base, ...(span.face ? { font: font(span.face) } : {}), children });
}

function paragraph(b: Block): Paragraph {
  const style = STYLES[b.style];
  for (const s of b.spans) {
    const bad = NOT_XML.exec(s.text);
    if (bad) throw new Error(`documentDocx: U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} cannot be written to a Word file (in “${s.text.slice(0, 40)}”)`);
  }
  const options: IParagraphOptions = {
    ...style.paragraph,
    ...(b.spaceBefore ? { spacing: { ...style.paragraph.spacing, before: LINE } } : {}),
    ...(b.pageBreak ? { pageBreakBefore: true } : {}),
    children: b.spans.map((s) => run(s, style.run)),
  };
  return new Paragraph(options);
}

/** “— 1 —”, 4号 宋体, one character in from the outer edge. */
function pageNumber(side: 'odd' | 'even'): Footer {
  const run = { size: 14 * 2, font: font(FONTS.page) };
  return new Footer({
    children: [new Paragraph({
      alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === 'odd' ? { right: 14 * PT } : { left: 14 * PT },
      children: [new TextRun({ ...run, text: '— ' }), new TextRun({ ...run, children: [PageNumber.CURRENT] }), new TextRun({ ...run, text: ' —' })],
    })],
  });
}

/** The date the file is stamped with: the document's 成文日期, never before 1980 (zip's first year). */
function stamp(doc: PolicyDocument): Date {
  const d = doc.dateISO && /^\d{4}-\d{2}-\d{2}$/.test(doc.dateISO) ? new Date(`${doc.dateISO}T00:00:00Z`) : null;
  return d && !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1980 ? d : new Date('1980-01-01T00:00:00Z');
}

/** The Word file of a document, GB/T 9704 layout; same document, same bytes. */
export async function documentDocx(doc: PolicyDocument): Promise<Uint8Array<ArrayBuffer>> {
  const word = new Document({
    title: doc.title,
    ...(doc.issuer ? { creator: doc.issuer, lastModifiedBy: doc.issuer } : {}),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { size: BODY_PT * 2, characterSpacing: TRACKING, font: font(FONTS.body), language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
    },
    sections: [{
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: Math.round(15 * MM), footer: Math.round(22 * MM) },
        },
        grid: { type: DocumentGridType.DEFAULT, linePitch: LINE },
      },
      footers: { default: pageNumber('odd'), even: pageNumber('even') },
      children: documentBlocks(doc).map(paragraph),
    }],
  });
  const packed = await Packer.toBuffer(word);
  const when = stamp(doc);
  const iso = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const files = unzipSync(new Uint8Array(packed));
  const core = new TextDecoder().decode(files['docProps/core.xml']);
  // The library's timestamps (now) become the stamp; the language is a constant.
  const fixed = core
    .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`)
    .replace('</cp:coreProperties>', '<dc:language>zh-CN</dc:language></cp:coreProperties>');
  files['docProps/core.xml'] = new TextEncoder().encode(fixed);
  return new Uint8Array(zipSync(Object.fromEntries(Object.entries(files).map(([path, data]) => [path, [data, { mtime: when }]]))));
}
