/**
 * The Word files opened by a real word processor: LibreOffice Writer (headless) converts the built
 * .docx of the seed to PDF, which must be A4 with every sentence of the seed in order, 22 lines a
 * full page and page numbers on the outer side; every real document's .docx (dist-real/) opens and
 * keeps every sentence of its source. (.ci/run installs libreoffice-writer-nogui.)
 * Each run uses its own LibreOffice profile, so parallel runs do not collide.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { policy, seedText } from '../helpers/model.ts';
import { DIST, DIST_REAL, REAL_FIXTURES } from '../helpers/paths.ts';
import { pdfPageSize, pdfWords } from '../helpers/pdf.ts';
import { realIds, realSeedFiles } from '../helpers/real-site.ts';
import { missingInOrder, sentencesOf } from '../helpers/sentences.ts';
import { DOC } from '../helpers/urls.ts';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const work = mkdtempSync(join(tmpdir(), 'pe-writer-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** LibreOffice's conversion of the given files (copied into `work`) to `format`, with a profile of this run's own. */
function convert(files: string[], format: 'pdf' | 'txt:Text (encoded):UTF8'): void {
  const copies = files.map((f) => {
    const to = join(work, f.replace(/^.*\//, ''));
    copyFileSync(f, to);
    return to;
  });
  execFileSync(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=file://${work}/profile`, '--convert-to', format, '--outdir', work, ...copies], { stdio: 'ignore', timeout: 300_000 });
}

const pdftotext = (file: string, ...args: string[]) => execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8' });

describe('the seed’s Word file in LibreOffice Writer', () => {
  const pdf = join(work, `${DOC}.pdf`);
  let converted = false;
  const ready = () => {
    if (!converted) convert([join(DIST, 'policies', DOC, `${DOC}.docx`)], 'pdf');
    converted = true;
  };

  test('it opens and prints on A4, titled and authored as the document', () => {
    ready();
    const [w, h] = pdfPageSize(pdf);
    expect(Math.round((w / 72) * 25.4)).toBe(210);
    expect(Math.round((h / 72) * 25.4)).toBe(297);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(/^Title:\s+(.*)$/m.exec(info)![1]).toBe(policy.title);
    expect(/^Author:\s+(.*)$/m.exec(info)![1]).toBe(policy.issuer);
  }, 300_000);

  test('every sentence of the seed is in the PDF, in order', () => {
    ready();
    const sentences = sentencesOf(seedText);
    expect(sentences.length).toBeGreaterThan(50);
    // A sentence may run on to the next page: the page number between its halves is no text of the document.
    const text = pdftotext(pdf).replace(/^\s*—\s*\d+\s*—\s*$/gmu, '');
    expect(missingInOrder(sentences, text)).toEqual([]);
  }, 300_000);

  test('a full page holds 22 lines of text; page numbers “— n —” stand outside: odd pages right, even pages left', () => {
    ready();
    const words = pdfWords(pdf);
    const pages = Math.max(...words.map((w) => w.page));
    expect(pages).toBeGreaterThan(2);
    const [width, height] = pdfPageSize(pdf);
    for (let page = 1; page <= pages; page++) {
      const on = words.filter((w) => w.page === page);
      // The page number: the lowest line, below the text block (35 mm from the foot).
      const bottom = Math.max(...on.map((w) => w.yMin));
      const number = on.filter((w) => Math.abs(w.yMin - bottom) < 2);
      expect(number.map((w) => w.text).join('').replace(/\s/g, ''), `page ${page}`).toBe(`—${page}—`);
      expect(bottom).toBeGreaterThan(height - (35 / 25.4) * 72);
      const centre = (Math.min(...number.map((w) => w.xMin)) + Math.max(...number.map((w) => w.xMax))) / 2;
      if (page % 2 === 1) expect(centre, `page ${page}`).toBeGreaterThan(width * 0.7);
      else expect(centre, `page ${page}`).toBeLessThan(width * 0.3);
    }
    // Page 2 is all body text (the title and head are on page 1): 22 lines above the page number.
    const body = words.filter((w) => w.page === 2 && w.yMin < height - (35 / 25.4) * 72);
    const tops = [...new Set(body.map((w) => w.yMin))].sort((a, b) => a - b);
    const lines = tops.filter((y, i) => i === 0 || y - tops[i - 1]! > 10);
    expect(lines).toHaveLength(22);
  }, 300_000);
});

test('every real document’s Word file opens in LibreOffice with every sentence of its source', () => {
  const ids = realIds();
  const files = realSeedFiles();
  expect(files.length).toBeGreaterThan(0);
  convert(files.map((f) => join(DIST_REAL, 'policies', ids.get(f)!, `${ids.get(f)}.docx`)), 'txt:Text (encoded):UTF8');
  for (const f of files) {
    const text = readFileSync(join(work, `${ids.get(f)}.txt`), 'utf8');
    expect(missingInOrder(sentencesOf(readFileSync(join(REAL_FIXTURES, f), 'utf8')), text), f).toEqual([]);
  }
}, 600_000);
