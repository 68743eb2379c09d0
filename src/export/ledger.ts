/**
 * 任务分解台账: a department's tasks as a spreadsheet an office fills in. One row per task: the
 * document (title and 发文字号), the provision's label and full text, the department's role
 * (牵头/参与) and the other departments, then empty columns for the office (承办处室, 完成时限,
 * 进展情况). Chinese headers, frozen and repeated on every printed page, wrapped text, widths that
 * fit A4 landscape. Written with exceljs; text cells are strings, never formulas.
 */
import ExcelJS from 'exceljs';
import { citedLabel, responsibilitiesOf } from '../model/derive.ts';
import type { Department } from '../model/types.ts';
import type { Responsibility } from './opendata.ts';
import { citeDocument } from '../views/citation.ts';

export interface LedgerColumn {
  header: string;
  /** Width in Excel character units. */
  width: number;
  value: (r: Responsibility, i: number) => string | number;
}

/** Every responsible department of the provision other than the row's own, lead marked. */
const others = (r: Responsibility, registry: ReadonlyMap<string, Department>) =>
  responsibilitiesOf(r.provision)
    .filter((o) => o.id !== r.department.id)
    .map((o) => (registry.get(o.id)?.abbr ?? o.abbr) + (o.role === 'lead' ? '（牵头）' : ''))
    .join('、');

/** The columns of a ledger; `withDepartment` adds 责任部门 (a whole document's ledger). */
export function ledgerColumns(registry: readonly Department[], withDepartment = false): LedgerColumn[] {
  const byId = new Map(registry.map((d) => [d.id, d]));
  return [
    { header: '序号', width: 6, value: (_r, i) => i + 1 },
    ...(withDepartment ? [{ header: '责任部门', width: 12, value: (r: Responsibility) => r.department.abbr }] : []),
    { header: '文件', width: 24, value: (r) => citeDocument(r.document) },
    { header: '条目', width: 19, value: (r) => citedLabel(r.provision) },
    { header: '原文', width: withDepartment ? 58 : 64, value: (r) => r.provision.text },
    { header: '本部门角色', width: 8, value: (r) => (r.lead ? '牵头' : '参与（配合）') },
    { header: '其他责任部门', width: 20, value: (r) => others(r, byId) },
    { header: '承办处室', width: 10, value: () => '' },
    { header: '完成时限', width: 10, value: () => '' },
    { header: '进展情况', width: 18, value: () => '' },
  ];
}

export interface LedgerSheet {
  /** Sheet name (≤ 31 characters, no []:*?/\). */
  name: string;
  rows: Responsibility[];
}

/** Points per wrapped line of 11pt text. */
const LINE_HEIGHT = 15;

/** Width in Excel character units: a CJK character takes about 1.7 (11pt). */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += code >= 0x2e80 && code <= 0xffef ? 1.7 : 1;
  }
  return width;
}

const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, '').slice(0, 31) || '台账';

/**
 * The two cell styles, each one object shared by every cell that has it: exceljs writes a style
 * once per distinct object (a style per cell made the ledgers of a large library slow to write).
 */
const BODY_STYLE: Partial<ExcelJS.Style> = {
  alignment: { vertical: 'top', wrapText: true },
  border: { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } },
};
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  ...BODY_STYLE,
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } },
};

/** The workbook as bytes. */
export async function ledgerXlsx(sheets: readonly LedgerSheet[], registry: readonly Department[], o: { withDepartment?: boolean; title: string }): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '政策通览';
  wb.title = o.title;
  // A fixed date keeps the file the same from build to build.
  wb.created = wb.modified = new Date('2000-01-01T00:00:00Z');
  const columns = ledgerColumns(registry, o.withDepartment);
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheetName(sheet.name), {
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
      headerFooter: { oddFooter: `&L${o.title}&R第 &P 页，共 &N 页` },
    });
    ws.pageSetup.printTitlesRow = '1:1';
    ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
    sheet.rows.forEach((r, i) => {
      const values = columns.map((c) => c.value(r, i));
      const row = ws.addRow(values);
      // Row heights set from the text, so every spreadsheet (and its print) shows the wrapped text whole.
      row.height = LINE_HEIGHT * Math.max(1, ...values.map((v, k) => Math.ceil(displayWidth(String(v)) / (columns[k]!.width - 1))));
    });
    ws.eachRow((row, n) => {
      row.eachCell({ includeEmpty: true }, (cell) => { cell.style = n === 1 ? HEADER_STYLE : BODY_STYLE; });
    });
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer).slice().buffer;
}

/** The file name a person recognises, and its ASCII fallback: 市人社局-任务分解台账.xlsx / human-resources-ledger.xlsx. */
export function ledgerFileName(name: string): string {
  return `${name}-任务分解台账.xlsx`;
}
