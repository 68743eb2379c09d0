/** /data/departments/<id>.xlsx: one department's 任务分解台账 across the library (linked from its page, saved as 市人社局-任务分解台账.xlsx). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { ledgerFileName, ledgerXlsx } from '../../../export/ledger.ts';
import { getLibrary } from '../../../site/library.ts';
import { libraryDepartments, responsibilitiesByDepartment } from '../../../site/computed.ts';

export const getStaticPaths = (async () =>
  (await libraryDepartments()).filter((x) => x.provisions > 0).map((x) => ({ params: { id: x.dept.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { registry } = await getLibrary();
  const dept = registry.find((d) => d.id === params.id)!;
  const rows = (await responsibilitiesByDepartment()).get(dept.id) ?? [];
  const bytes = await ledgerXlsx([{ name: dept.abbr, rows }], registry, { title: ledgerFileName(dept.abbr).replace(/\.xlsx$/, '') });
  return new Response(bytes, { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
};
