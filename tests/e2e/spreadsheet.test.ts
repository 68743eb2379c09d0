/**
 * The CSV files opened by a real spreadsheet: LibreOffice Calc (headless) imports each one and
 * writes it out as an HTML table, which must hold exactly the rows our own reader sees — Chinese
 * intact, quoting and line ends understood. (.ci/run installs libreoffice-calc-nogui.)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { parseCsv } from '../helpers/csv.ts';
import { decodeEntities } from '../helpers/html.ts';
import { provisions, policy, registry } from '../helpers/model.ts';
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
  // The first column is one people read, never a code.
  expect(cells[0]![0]).toMatch(/^(文件名称|简称)$/);
}, 180_000);

describe('任务分解台账 (.xlsx)', () => {
  const ledger = join(DIST, 'data', 'departments', 'human-resources.xlsx');
  const tasks = provisions.filter((m) => m.attribution?.departments.some((d) => d.slug === 'human-resources'));
  const HEADERS = ['序号', '文件', '条目', '原文', '本部门角色', '其他责任部门', '承办处室', '完成时限', '进展情况'];

  test('read back with exceljs: headers, one row per task with its full text and role, frozen and printable header', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ledger);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, printTitlesRow: '1:1' });
    expect(ws.rowCount).toBe(tasks.length + 1);
    tasks.forEach((m, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(2).value).toBe(`《${policy.provisionsTitle}》（${policy.docNumber}）`);
      expect(row.getCell(4).value).toBe(m.text);
      expect(row.getCell(5).value).toBe(m.attribution!.departments[0]!.slug === 'human-resources' ? '牵头' : '参与（配合）');
      for (const other of m.attribution!.departments.filter((d) => d.slug !== 'human-resources')) expect(String(row.getCell(6).value)).toContain(other.abbr);
      for (const c of [7, 8, 9]) expect(row.getCell(c).value ?? '').toBe('');
      expect(row.getCell(4).alignment).toMatchObject({ wrapText: true });
    });
  });

  test('opens in LibreOffice Calc with every task’s text', () => {
    copyFileSync(ledger, join(work, 'ledger.xlsx'));
    execFileSync(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'html', '--outdir', work, join(work, 'ledger.xlsx')], { stdio: 'ignore', timeout: 120_000 });
    const html = decodeEntities(readFileSync(join(work, 'ledger.html'), 'utf8').replace(/<[^>]+>/g, ''));
    for (const h of HEADERS) expect(html).toContain(h);
    for (const m of tasks) expect(html.replace(/\s+/g, '')).toContain(m.text.replace(/\s+/g, ''));
  });

  test('the department page links it under a name a person recognises; a document’s ledger covers every department', async () => {
    const page = readFileSync(join(DIST, 'departments', 'human-resources', 'index.html'), 'utf8');
    expect(page).toContain('href="/data/departments/human-resources.xlsx" download="市人社局-任务分解台账.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(DIST, 'data', DOC, 'ledger.xlsx'));
    const links = provisions.reduce((n, m) => n + (m.attribution?.departments.length ?? 0), 0);
    expect(wb.worksheets[0]!.rowCount).toBe(links + 1);
    const departments = new Set(provisions.flatMap((m) => m.attribution?.departments.map((d) => d.abbr) ?? []));
    expect(wb.worksheets.slice(1).map((ws) => ws.name).sort()).toEqual([...departments].sort());
  });
});
