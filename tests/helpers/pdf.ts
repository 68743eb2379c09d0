/** Printing pages to PDF in Chromium (A4, the page's own @page rules) and reading the PDFs back with poppler-utils. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './paths.ts';

export interface PrintedPdf {
  file: string;
  pages: number;
  /** The text, as pdftotext reads it. */
  text: string;
  /** The text without whitespace (pdftotext breaks lines and spaces CJK as it likes). */
  flat: string;
}

function tool(name: string, args: string[]): string {
  try {
    return execFileSync(name, args, { encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${name} not found: install poppler-utils (apt-get install poppler-utils)`);
    throw err;
  }
}

/** Prints the page as Chromium's print dialog would (A4 unless the page says otherwise) into tests/.artifacts/<name>.pdf. */
export async function printPdf(page: Page, name: string): Promise<PrintedPdf> {
  const file = join(ARTIFACTS, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(tool('pdfinfo', [file]))![1]);
  const text = tool('pdftotext', ['-enc', 'UTF-8', file, '-']);
  return { file, pages, text, flat: text.replace(/\s+/gu, '') };
}

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of a PDF with its box in points (pdftotext -bbox). */
export function pdfWords(file: string): Word[] {
  const html = tool('pdftotext', ['-enc', 'UTF-8', '-bbox', file, '-']);
  const words: Word[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0] === '<page') page++;
    else words.push({ page, text: m[5]!, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]! });
  }
  return words;
}

/** The page size in points: [width, height]. */
export function pdfPageSize(file: string): [number, number] {
  const m = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(tool('pdfinfo', [file]))!;
  return [+m[1]!, +m[2]!];
}

/** Renders a PDF's pages to PNG beside it, for people to look at. */
export function pdfToPng(file: string, dpi = 60): void {
  tool('pdftoppm', ['-png', '-r', String(dpi), file, file.replace(/\.pdf$/, '')]);
}

export const MM = 72 / 25.4;
