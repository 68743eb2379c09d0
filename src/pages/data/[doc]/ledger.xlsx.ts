/**
 * /data/<id>/ledger.xlsx: a document's 任务分解台账 for every department: a sheet with all tasks
 * (责任部门 column), then one sheet per department in the order the text first lists them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { ledgerXlsx } from '../../../export/ledger.ts';
import { responsibilities } from '../../../export/opendata.ts';
import { departmentOrder, documentName } from '../../../model/derive.ts';
import type { PolicyDocument } from '../../../model/types.ts';
import { documentPaths, getRegistry } from '../../../site/library.ts';

export const getStaticPaths = documentPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ doc: PolicyDocument }> = async ({ props: { doc } }) => {
  const registry = await getRegistry();
  const rows = responsibilities([doc], registry);
  const departments = departmentOrder(registry, [doc]).filter((d) => rows.some((r) => r.department.id === d.id));
  const sheets = [{ name: '全部任务', rows }, ...departments.map((d) => ({ name: d.abbr, rows: rows.filter((r) => r.department.id === d.id) }))];
  const bytes = await ledgerXlsx(sheets, registry, { withDepartment: true, title: `${documentName(doc)}任务分解台账` });
  return new Response(bytes, { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
};
