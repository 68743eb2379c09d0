/**
 * Issue 23: "lead" means one thing everywhere. One attribution that marks two leads and a partner,
 * （市人社局、市教委牵头，市民政局配合）, is read once; the task lists, the matrix, the graph, the
 * summary, the ledger and the responsibility rows (CSV, totals) all say the same of each body.
 * And where the text marks no roles, the first listed leads, everywhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSeed } from '../../src/convert/parse.ts';
import { responsibilitiesOf, provisionsOf } from '../../src/model/derive.ts';
import { crossReference, graphModel, matrix } from '../../src/views/departments.ts';
import { summarisePolicy } from '../../src/views/summary.ts';
import { ledgerColumns } from '../../src/export/ledger.ts';
import { departmentSummaries, responsibilities } from '../../src/export/opendata.ts';
import { registry } from '../helpers/forms.ts';
import { FIXTURES } from '../helpers/paths.ts';

const minimal = readFileSync(join(FIXTURES, 'minimal.txt'), 'utf8');
const TEMPLATE = '（市人社局、市财政局等部门按职责分工）';

function docWith(attribution: string) {
  const text = minimal.replace(TEMPLATE, attribution);
  if (attribution !== TEMPLATE) expect(text).not.toBe(minimal);
  return readSeed('seeds/test.txt', text, registry).doc;
}

/** What every view says of each body of the first provision: lead or not. */
function viewsOf(attribution: string) {
  const doc = docWith(attribution);
  const m = provisionsOf(doc)[0]!;
  const xref = crossReference(doc, registry);
  const grid = matrix(xref);
  const row = grid.groups.flatMap((g) => g.rows).find((r) => r.provision.id === m.id)!;
  const graph = graphModel(xref);
  const summary = summarisePolicy(doc, registry).chapters.flatMap((c) => c.provisions).find((s) => s.id === m.id)!;
  const rows = responsibilities([doc], registry).filter((r) => r.provision.id === m.id);
  const role = ledgerColumns(registry).find((c) => c.header === '本部门角色')!;
  const others = ledgerColumns(registry).find((c) => c.header === '其他责任部门')!;
  const totals = departmentSummaries([doc], registry);
  const ids = responsibilitiesOf(m).map((r) => r.id);
  return ids.map((id) => ({
    id,
    model: responsibilitiesOf(m).find((r) => r.id === id)!.role === 'lead',
    taskList: xref.departments.find((x) => x.dept.id === id)!.tasks.find((t) => t.provision.id === m.id)!.lead,
    matrix: row.cells[grid.columns.findIndex((x) => x.dept.id === id)]!.lead,
    graph: graph.edges.find((e) => e.provision === m.id && e.department === id)!.lead,
    summary: summary.departments.find((d) => d.id === id)!.lead,
    csv: rows.find((r) => r.department.id === id)!.lead,
    ledger: role.value(rows.find((r) => r.department.id === id)!, 0) === '牵头',
    ledgerOthers: rows.filter((r) => r.department.id !== id).every((r) => String(others.value(rows.find((x) => x.department.id === id)!, 0)).includes(`${r.department.abbr}（牵头）`) === r.lead),
    totals: totals.find((s) => s.department.id === id)!.leads.some((r) => r.provision.id === m.id),
  }));
}

describe('one attribution, one meaning of lead in every view', () => {
  test('（市人社局、市教委牵头，市民政局配合）: two leads and a partner, in every view', () => {
    const views = viewsOf('（市人社局、市教委牵头，市民政局配合）');
    expect(views.map((v) => v.id)).toEqual(['human-resources', 'education', 'civil-affairs']);
    for (const v of views) {
      const lead = v.id !== 'civil-affairs';
      expect(v, v.id).toEqual({ id: v.id, model: lead, taskList: lead, matrix: lead, graph: lead, summary: lead, csv: lead, ledger: lead, ledgerOthers: true, totals: lead });
    }
  });

  test('no roles marked: the first listed leads, in every view', () => {
    const views = viewsOf('（市人社局、市财政局等部门按职责分工）');
    expect(views.map((v) => Object.values(v).slice(1).every((x) => x === (v.id === 'human-resources') || x === true))).toEqual([true, true]);
    expect(views[1]).toMatchObject({ model: false, taskList: false, matrix: false, graph: false, summary: false, csv: false, ledger: false, totals: false });
  });
});
