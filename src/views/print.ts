import { bookTitle } from '../model/derive.ts';
/**
 * The print stylesheet that needs the model: page boxes with a running footer (the policy's
 * title and 发文字号) and page numbers, and printed URLs for links that carry them. CSS cannot
 * read page text into @page margin boxes (Chromium has no string-set), and the CSP forbids
 * inline styles, so the build writes this as a file (src/pages/print.css.ts).
 */

/** The cascade layers of src/styles/global.css, in order. */
export const LAYERS = ['reset', 'tokens', 'base', 'layout', 'components', 'utilities', 'print'] as const;

export interface PrintSheetOptions {
  /** The document's title, without 《》; library pages (no document) leave both out and print `siteName`. */
  provisionsTitle?: string | undefined;
  docNumber?: string | undefined;
  /** Print `provisionsTitle` above the preamble of the full text (the title of a document carried by a notice); default true. */
  preambleTitle?: boolean | undefined;
  /** The running footer of pages that belong to no document. */
  siteName?: string | undefined;
  /** The site's origin (https://policy.example.cn), for printed URLs of internal links. */
  origin: string;
  /** Page-number template; {page} and {pages} are replaced by the counters. */
  pageNumber?: string;
}

/** A CSS string literal: "…" with quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

/** The content of the page-number box: "第 " counter(page) " 页 / 共 " counter(pages) " 页". */
export function pageNumberContent(template: string): string {
  return template
    .split(/(\{page\}|\{pages\})/)
    .filter(Boolean)
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

/** The running footer's text: 《title》　津就组字〔2020〕5号 */
export function footerText({ provisionsTitle, docNumber, siteName }: Pick<PrintSheetOptions, 'provisionsTitle' | 'docNumber' | 'siteName'>): string {
  return provisionsTitle ? `${bookTitle(provisionsTitle)}\u3000${docNumber ?? ''}` : siteName ?? '';
}

export function printStylesheet(o: PrintSheetOptions): string {
  const origin = o.origin.replace(/\/$/, '');
  return `/* Generated at build time from the policy model (src/views/print.ts). */
/* The site's layer order (src/styles/global.css), repeated: this file may load first. */
@layer ${LAYERS.join(', ')};
@layer print {
  @page {
    size: A4 portrait;
    margin: 18mm 17mm 20mm;
    @bottom-left {
      content: ${cssString(footerText(o))};
      font: 8.5pt/1.3 "Songti SC", "SimSun", "Noto Serif CJK SC", serif;
      color: #000;
      vertical-align: top;
      padding-top: 4mm;
    }
    @bottom-right {
      content: ${pageNumberContent(o.pageNumber ?? '第 {page} 页 / 共 {pages} 页')};
      font: 8.5pt/1.3 "Songti SC", "SimSun", "Noto Serif CJK SC", serif;
      color: #000;
      vertical-align: top;
      padding-top: 4mm;
      white-space: nowrap;
    }
  }
  @media print {
    /* Links whose target matters on paper print it: external links, and links marked .pe-print-url. */
    a[href^="http"]:not([href^=${cssString(origin)}])::after { content: "（" attr(href) "）"; }
    a.pe-print-url[href^="/"]::after { content: "（" ${cssString(origin)} attr(href) "）"; }
    /* The full text: the provisions start a new page under their own title, as the notice's attachment. */
${o.provisionsTitle && o.preambleTitle !== false ? `    .pe-page-policy .pe-doc__preamble::before { content: ${cssString(o.provisionsTitle)}; }` : ''}
  }
}
`;
}
