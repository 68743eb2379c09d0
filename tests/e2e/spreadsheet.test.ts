/**
 * The CSV files opened by a real spreadsheet: LibreOffice Calc (headless) imports each one and
 * writes it out as an HTML table, which must hold exactly the rows our own reader sees — Chinese
 * intact, quoting and line ends understood. (.ci/run installs libreoffice-calc-nogui.)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { parseCsv } from '../helpers/csv.ts';
import { decodeEntities } from '../helpers/html.ts';
import { registry } from '../helpers/model.ts';
import { DIST } from '../helpers/paths.ts';
import { DOC } from '../helpers/urls.ts';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const work = mkdtempSync(join(tmpdir(), 'pe-calc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const files = ['responsibilities.csv', `${DOC}/responsibilities.csv`, 'departments.csv', `departments/${registry[0]!.id}.csv`];

/** Calc's reading of a CSV file (comma-separated, double quotes, UTF-8), as rows of cell text. */
function calc(file: string): string[][] {
  const name = file.replace(/\//g, '_');
  copyFileSync(join(DIST, 'data', file), join(work, name));
  execFileSync(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=file://${work}/profile`, '--infilter=CSV:44,34,76,1', '--convert-to', 'html', '--outdir', work, join(work, name)], { stdio: 'ignore', timeout: 120_000 });
  const html = readFileSync(join(work, name.replace(/\.csv$/, '.html')), 'utf8');
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => decodeEntities(cell[1]!.trim().replace(/^<br\/?>$/, '').replace(/<br\/?>/g, '\n').replace(/<[^>]+>/g, ''))));
}

test.each(files)('%s opens in LibreOffice Calc with every cell as written', (file) => {
  const expected = parseCsv(readFileSync(join(DIST, 'data', file), 'utf8')).rows;
  const cells = calc(file);
  // Calc writes an empty cell as <br> and may drop empty trailing cells: pad before comparing.
  expect(cells.map((r) => [...r, ...Array(expected[0]!.length - r.length).fill('')])).toEqual(expected);
  expect(cells[0]![0]).toMatch(/^(文件标识|部门标识)$/);
}, 180_000);
