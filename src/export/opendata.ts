/**
 * Open data: the policy as JSON (with a JSON Schema) and as CSV tables, computed from the model.
 * One Zod schema is the single source of truth: it validates what we publish, it is published
 * as /data/policy.schema.json (JSON Schema draft 2020-12), and the /data/ page lists its fields.
 */
import { z } from 'astro/zod';
import { chapterHeading, citedLabel, citedTitle, departmentIds, departmentOrder, documentName, headlineTitle, provisionsOf, responsibilitiesOf, sharedWithOthers } from '../model/derive.ts';
import type { Chapter, Department, DepartmentKind, Provision, PolicyDocument } from '../model/types.ts';
import { citeProvision } from '../views/citation.ts';
import { placeKey, policyReferences, type References } from '../model/references.ts';
import { tableCsv, type Column } from './csv.ts';
import { docKinds } from '../model/doc-kind.ts';
import { STATUSES, type Status } from '../model/status.ts';
import type { Topic } from '../model/topics.ts';

/** Bump the major version when a field changes meaning or disappears, the minor when one is added. */
export const SCHEMA_VERSION = '2.2.0';

export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, string> = {
  party: '党委部门',
  government: '政府部门',
  'government-affiliated': '政府直属机构',
  'mass-organisation': '群团组织',
  unlisted: '部门名录未收录',
};

// ---------------------------------------------------------------------------------------------
// The schema of policy.json.

const provisionId = z.string().regex(/^\d+-\d+$/).describe('措施编号：部分序号-措施序号，如 2-1');
const departmentId = z.string().regex(/^[a-z][a-z0-9-]*$/).describe('部门标识（英文短名，稳定不变，用于网址和数据关联）');
const place = z.string().regex(/^(\d+-\d+|preamble|notice)$/).describe('出现位置：措施编号，或 preamble（前言）、notice（通知正文）');

/**
 * How the library files a document (the home page's and the search's filters): its 文种, derived
 * from the title; its 时效性 on the day the site was built and where to check it (the
 * hand-maintained content/documents.yaml); its 主题分类 (content/topics.yaml).
 */
const catalogueSchema = z.object({
  kinds: z.array(z.string()).describe('文种，由标题得出；印发、转发类通知另列所印发文件的文种，如 ["通知", "方案"]'),
  status: z.enum(STATUSES).describe('时效性，以网站生成之日计；“未核对”表示尚未与官方发布核对'),
  statusChecked: z.iso.date().nullable().describe('时效性最近一次核对的日期（ISO 8601）；未核对时为 null'),
  officialUrl: z.url().nullable().describe('官方发布原文的网址；不知道时为 null'),
  topics: z.array(z.object({
    id: z.string().describe('主题标识（英文短名，用于网址）'),
    name: z.string().describe('主题名称'),
  })).describe('主题分类（编辑判断，依国务院公文主题分类；列出下级主题时也列出其上级主题）'),
});

/** What the site knows of a document besides its text: its 时效性 on the build day and its topics. */
export interface Cataloguing {
  status: Status;
  topics: readonly Topic[];
}

function catalogue(d: PolicyDocument, c: Cataloguing): z.infer<typeof catalogueSchema> {
  return {
    kinds: docKinds(d), status: c.status, statusChecked: d.meta?.checked ?? null, officialUrl: d.meta?.url ?? null,
    topics: c.topics.map((t) => ({ id: t.id, name: t.name })),
  };
}

export const policySchema = z.object({
  $schema: z.string().describe('本文件的 JSON Schema（相对地址）'),
  version: z.object({
    schema: z.string().regex(/^\d+\.\d+\.\d+$/).describe('数据格式版本（语义化版本号；字段含义改变或删除时主版本号加一）'),
    source: z.string().describe('生成数据所依据的原文文件名'),
    documentDate: z.iso.date().nullable().describe('原文成文日期（ISO 8601）；原文未注明时为 null'),
  }).describe('版本信息'),
  document: z.object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/).describe('文件标识（英文短名，由发文字号得出，稳定不变，用于网址）'),
    title: z.string().describe('标题（通知标题）'),
    provisionsTitle: z.string().describe('措施文件名称（不含书名号）'),
    docNumber: z.string().nullable().describe('发文字号；无则为 null'),
    issuer: z.string().nullable().describe('发文机关；原文未注明时为 null'),
    seal: z.string().nullable().describe('代章说明，如“市人社局代章”；无则为 null'),
    signature: z.string().nullable().describe('落款（原文写法，联合发文各行以换行分隔）；无则为 null'),
    date: z.string().nullable().describe('成文日期（原文写法）；原文未注明时为 null'),
    dateISO: z.iso.date().nullable().describe('成文日期（ISO 8601）；原文未注明时为 null'),
    addressees: z.string().nullable().describe('主送（原文写法）；无则为 null'),
    notice: z.array(z.string()).describe('通知正文，每段一项；直接发布的文件为空'),
    preamble: z.array(z.string()).describe('前言，每段一项'),
    implements: z.object({
      title: z.string().describe('所依据文件的名称（不含书名号）'),
      number: z.string().describe('所依据文件的发文字号'),
    }).nullable().describe('本文件所落实的上级文件'),
    ...catalogueSchema.shape,
  }).describe('文件信息'),
  chapters: z.array(z.object({
    number: z.int().positive().describe('部分序号（1 起）'),
    marker: z.string().describe('原文编号，如“一、”'),
    title: z.string().describe('部分标题'),
    provisions: z.array(provisionId).describe('本部分措施编号，按原文顺序'),
  })).describe('各部分，按原文顺序'),
  provisions: z.array(z.object({
    id: provisionId,
    chapter: z.int().positive().describe('所属部分序号'),
    number: z.int().positive().describe('在本部分中的序号'),
    marker: z.string().describe('原文编号，如“（一）”'),
    citation: z.string().describe('引用写法，如“《…若干措施》（津就组字〔2020〕5号）第二部分第（一）项”“《…办法》第五条”'),
    headline: z.string().describe('首句（措施标题，含句号）'),
    text: z.string().describe('条文全文（不含编号，含责任部门括注），与原文逐字相同；分项与分段各占一行，以换行分隔'),
    departments: z.array(departmentId).describe('责任部门标识，按原文列出顺序；原文未标明牵头、配合时，第一个为牵头部门'),
    departmentsEtc: z.boolean().describe('部门名单是否以“等部门按职责分工”结尾'),
    url: z.string().describe('本项措施网页地址（网站设定了域名时为完整网址，否则为站内路径）'),
  })).describe('全部措施，按原文顺序'),
  departments: z.array(z.object({
    id: departmentId,
    abbr: z.string().describe('简称（原文写法），如“市人社局”'),
    name: z.string().describe('全称（成文时）'),
    nameEn: z.string().describe('英文名称'),
    kind: z.enum(['party', 'government', 'government-affiliated', 'mass-organisation', 'unlisted']).describe('类别：party 党委部门，government 政府部门，government-affiliated 政府直属机构，mass-organisation 群团组织，unlisted 部门名录未收录（名称按原文）'),
    note: z.string().nullable().describe('成文后的机构变化说明；无则为 null'),
    level: z.enum(['national', 'provincial', 'municipal']).optional().describe('层级：national 中央，provincial 省级，municipal 市级；部门名录未写明时省略'),
    source: z.string().optional().describe('部门名录核对名称和简称所依据的文件；未写明时省略'),
    leads: z.int().nonnegative().describe('牵头措施数（原文标明牵头，或未标明时列第一位的措施数）'),
    participates: z.int().nonnegative().describe('参与措施数（其余列明的措施数）'),
  })).describe('部门名录：按原文首次列出的顺序，未列入任何措施的部门在后'),
  responsibilities: z.array(z.object({
    provision: provisionId,
    department: departmentId,
    position: z.int().positive().describe('列序：在该措施部门名单中的位置（1 为牵头部门）'),
    lead: z.boolean().describe('是否牵头部门（原文标明“牵头”；未标明时列序为 1 者）'),
  })).describe('措施与责任部门的关联，每个关联一项，按措施和列序排列'),
  references: z.object({
    documents: z.array(z.object({
      anchor: z.string().describe('在“引用索引”页的锚点'),
      title: z.string().describe('文件名称（不含书名号）'),
      number: z.string().nullable().describe('发文字号（原文给出时）'),
      implemented: z.boolean().describe('是否为本文件所落实的文件'),
      places: z.array(place).describe('引用位置，按原文顺序'),
    })).describe('引用的文件（《…》），本文件所落实的文件在前'),
    programmes: z.array(z.object({
      anchor: z.string().describe('在“引用索引”页的锚点'),
      name: z.string().describe('名称（不含引号）'),
      places: z.array(place).describe('出现位置，按原文顺序'),
    })).describe('加引号的工程、计划、提法'),
    figures: z.array(z.object({
      anchor: z.string().describe('在“引用索引”页的锚点'),
      text: z.string().describe('数字，原文写法，如“3%-5%”“满1年”'),
      kind: z.enum(['percentage', 'duration', 'period', 'number']).describe('类别：percentage 比例，duration 期限，period 时间范围，number 数量'),
      place,
      context: z.string().describe('所在分句'),
    })).describe('量化指标（阿拉伯数字）'),
  }).describe('引用索引'),
}).meta({
  title: '政策数据',
  description: '一份政策文件的结构化数据：文件信息、各部分、措施全文、责任部门及其关联、引用索引。',
});

export type PolicyData = z.infer<typeof policySchema>;

/** The JSON Schema of policy.json (draft 2020-12). */
export function policyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(policySchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The JSON Schema of index.json (draft 2020-12). */
export function libraryIndexJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(libraryIndexSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Derived tables, over any number of documents.

export interface Responsibility {
  document: PolicyDocument;
  provision: Provision;
  chapter: Chapter;
  department: Department;
  /** 1-based position in the provision's list. */
  position: number;
  /** A lead department (牵头): marked so by the text, or listed first where the text marks no roles. */
  lead: boolean;
}

/** One row per provision-department link, by document, provision, then position. */
export function responsibilities(docs: readonly PolicyDocument[], registry: readonly Department[]): Responsibility[] {
  const byId = new Map(registry.map((d) => [d.id, d]));
  return docs.flatMap((document) => document.chapters.flatMap((chapter) => chapter.provisions.flatMap((provision) => responsibilitiesOf(provision).map(({ id, position, role }) => {
    const department = byId.get(id);
    if (!department) throw new Error(`provision ${document.id}/${provision.id} names department "${id}", which the registry lacks`);
    return { document, provision, chapter, department, position, lead: role === 'lead' };
  }))));
}

export interface DepartmentSummary {
  department: Department;
  leads: Responsibility[];
  participates: Responsibility[];
}

/** Every registry department (in departmentOrder) with the provisions it leads and takes part in, across the documents. */
export function departmentSummaries(docs: readonly PolicyDocument[], registry: readonly Department[]): DepartmentSummary[] {
  const rows = responsibilities(docs, registry);
  return departmentOrder(registry, docs).map((department) => ({
    department,
    leads: rows.filter((r) => r.department.id === department.id && r.lead),
    participates: rows.filter((r) => r.department.id === department.id && !r.lead),
  }));
}

/** A provision's key across the library: jjzz-2020-5/2-1 (for systems: the trailing code columns). */
export const provisionKey = (r: Pick<Responsibility, 'document' | 'provision'>) => `${r.document.id}/${r.provision.id}`;

/** A provision as an official cites it: 津就组字〔2020〕5号第二部分第（一）项 (《title》 for a document without 发文字号). */
export const provisionCitation = (r: Pick<Responsibility, 'document' | 'provision'>) =>
  `${r.document.docNumber ?? documentName(r.document)}${citedLabel(r.provision)}`;

/** 牵头 or 参与（配合）: the site's one vocabulary of roles, on the web, on paper and in the data. */
export const roleLabel = (lead: boolean) => (lead ? '牵头' : '参与（配合）');

/**
 * The columns people read come first, in words; the codes that link the rows to the site's
 * addresses and to the JSON files come last, under headers that say what they are for.
 */
export const RESPONSIBILITY_COLUMNS: readonly Column<Responsibility>[] = [
  { header: '文件名称', description: '文件名称（不含书名号）', value: (r) => citedTitle(r.document) },
  { header: '发文字号', description: '文件的发文字号', value: (r) => r.document.docNumber },
  { header: '编号', description: '措施（条文）在文件中的编号，如“第二部分第（一）项”“第五条”', value: (r) => citedLabel(r.provision) },
  { header: '所属部分', description: '措施所在部分（章）的序号和标题', value: (r) => chapterHeading(r.chapter) },
  { header: '措施标题', description: '措施首句（不含句号）', value: (r) => headlineTitle(r.provision.headline) },
  { header: '部门简称', description: '原文中的写法，如“市人社局”', value: (r) => r.department.abbr },
  { header: '部门全称', description: '成文时的正式名称', value: (r) => r.department.name },
  { header: '分工', description: '“牵头”或“参与（配合）”：原文标明牵头单位的，按原文；未标明的，排在第一位的部门为牵头', value: (r) => roleLabel(r.lead) },
  { header: '原文排列顺序', description: '该部门在原文责任单位中排第几个', value: (r) => r.position },
  { header: '文件代码（系统对接用）', description: '文件在网址和数据文件中的代码', value: (r) => r.document.id },
  { header: '措施代码（系统对接用）', description: '措施在网址和数据文件中的代码（部分序号-措施序号）', value: (r) => r.provision.id },
  { header: '部门代码（系统对接用）', description: '部门在网址和数据文件中的代码', value: (r) => r.department.id },
];

const citations = (rs: readonly Responsibility[]) => rs.map(provisionCitation).join('；');

export const DEPARTMENT_COLUMNS: readonly Column<DepartmentSummary>[] = [
  { header: '简称', description: '原文中的写法', value: (s) => s.department.abbr },
  { header: '全称', description: '成文时的正式名称', value: (s) => s.department.name },
  { header: '英文名称', description: '部门的英文名称', value: (s) => s.department.nameEn },
  { header: '类别', description: '党委部门、政府部门、政府直属机构或群团组织', value: (s) => DEPARTMENT_KIND_LABELS[s.department.kind] },
  { header: '文件数', description: '列有该部门的文件数', value: (s) => new Set([...s.leads, ...s.participates].map((r) => r.document.id)).size },
  { header: '合计', description: '列有该部门的措施（条文）数，全部文件合计：牵头与参与（配合）之和', value: (s) => s.leads.length + s.participates.length },
  { header: '牵头', description: '牵头的措施（条文）数', value: (s) => s.leads.length },
  { header: '参与（配合）', description: '参与（配合）的措施（条文）数', value: (s) => s.participates.length },
  { header: '牵头的措施', description: '牵头的措施，写作“发文字号＋编号”，以分号分隔', value: (s) => citations(s.leads) },
  { header: '参与（配合）的措施', description: '参与（配合）的措施，写作“发文字号＋编号”，以分号分隔', value: (s) => citations(s.participates) },
  { header: '备注', description: '成文后的机构变化', value: (s) => s.department.note ?? '' },
  { header: '部门代码（系统对接用）', description: '部门在网址和数据文件中的代码；部门网页和分部门表格以它命名', value: (s) => s.department.id },
];

/** Responsibilities of the given documents as CSV, optionally of one department only. */
export function responsibilitiesCsv(docs: readonly PolicyDocument[], registry: readonly Department[]): string {
  return responsibilityRowsCsv(responsibilities(docs, registry));
}

/** responsibilities.csv of rows already made (one department's, out of the library's computed once). */
export function responsibilityRowsCsv(rows: readonly Responsibility[]): string {
  return tableCsv(RESPONSIBILITY_COLUMNS, rows);
}

export function departmentsCsv(docs: readonly PolicyDocument[], registry: readonly Department[]): string {
  return tableCsv(DEPARTMENT_COLUMNS, departmentSummaries(docs, registry));
}

// ---------------------------------------------------------------------------------------------
// policy.json

const unique = <T,>(xs: T[]) => [...new Set(xs)];

/** One document as policy.json. `provisionUrl` gives a provision's absolute address. */
export function policyData(doc: PolicyDocument, registry: readonly Department[], cataloguing: Cataloguing, provisionUrl: (id: string) => string, refs: References = policyReferences(doc, registry)): PolicyData {
  const d = doc;
  const provisions = provisionsOf(doc);
  const data: PolicyData = {
    $schema: '../policy.schema.json',
    version: { schema: SCHEMA_VERSION, source: d.source.replace(/^.*\//, ''), documentDate: d.dateISO },
    document: {
      id: d.id, title: d.title, provisionsTitle: d.provisionsTitle, docNumber: d.docNumber, issuer: d.issuer,
      seal: d.seal?.text ?? null, signature: d.signature, date: d.date, dateISO: d.dateISO, addressees: d.addressees,
      notice: d.notice, preamble: d.preamble, implements: d.implements,
      ...catalogue(d, cataloguing),
    },
    chapters: doc.chapters.map((c) => ({ number: c.number, marker: c.marker, title: c.title, provisions: c.provisions.map((m) => m.id) })),
    provisions: provisions.map((m) => ({
      id: m.id, chapter: m.chapter, number: m.number, marker: m.marker,
      citation: citeProvision(d, m),
      headline: m.headline, text: m.text, departments: departmentIds(m), departmentsEtc: sharedWithOthers(m),
      url: provisionUrl(m.id),
    })),
    departments: departmentSummaries([doc], registry).map((s) => ({
      id: s.department.id, abbr: s.department.abbr, name: s.department.name, nameEn: s.department.nameEn,
      kind: s.department.kind, note: s.department.note ?? null,
      ...(s.department.level ? { level: s.department.level } : {}), ...(s.department.source ? { source: s.department.source } : {}),
      leads: s.leads.length, participates: s.participates.length,
    })),
    responsibilities: responsibilities([doc], registry).map((r) => ({ provision: r.provision.id, department: r.department.id, position: r.position, lead: r.lead })),
    references: {
      documents: refs.documents.map((x) => ({ anchor: x.anchor, title: x.title, number: x.number, implemented: x.implemented, places: unique(x.mentions.map((m) => placeKey(m.place))) })),
      programmes: refs.programmes.map((x) => ({ anchor: x.anchor, name: x.name, places: unique(x.mentions.map((m) => placeKey(m.place))) })),
      figures: refs.figures.map((f) => ({ anchor: f.anchor, text: f.text, kind: f.kind, place: placeKey(f.mention.place), context: f.mention.context })),
    },
  };
  return policySchema.parse(data);
}

// ---------------------------------------------------------------------------------------------
// index.json: the library.

export const libraryIndexSchema = z.object({
  $schema: z.string().describe('本文件的 JSON Schema（相对地址）'),
  version: z.object({ schema: z.string().regex(/^\d+\.\d+\.\d+$/).describe('数据格式版本，与 policy.json 相同') }).describe('版本信息'),
  documents: z.array(z.object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/).describe('文件标识（英文短名，用于网址和数据关联）'),
    title: z.string().describe('文件名称（不含书名号）'),
    docNumber: z.string().nullable().describe('发文字号；无则为 null'),
    issuer: z.string().nullable().describe('发文机关；原文未注明时为 null'),
    date: z.string().nullable().describe('成文日期（原文写法）；原文未注明时为 null'),
    dateISO: z.iso.date().nullable().describe('成文日期（ISO 8601）；原文未注明时为 null'),
    provisions: z.int().nonnegative().describe('措施数'),
    departments: z.int().nonnegative().describe('列为责任部门的部门数'),
    url: z.string().describe('文件网页地址（网站设定了域名时为完整网址，否则为站内路径）'),
    ...catalogueSchema.shape,
    files: z.object({
      policy: z.string().describe('本文件的 policy.json 地址'),
      responsibilities: z.string().describe('本文件的 responsibilities.csv 地址'),
      docx: z.string().describe('本文件全文的 Word 文件（.docx，按党政机关公文格式排版）地址'),
    }).describe('属于本文件的数据文件'),
  })).describe('文库中的全部文件，按成文日期从新到旧'),
}).meta({ title: '文库索引', description: '文库中每份文件的基本信息及其数据文件地址。' });

export type LibraryIndexData = z.infer<typeof libraryIndexSchema>;

export interface LibraryUrls {
  document: (id: string) => string;
  policyJson: (id: string) => string;
  responsibilitiesCsv: (id: string) => string;
  /** The document as a Word file. */
  docx: (id: string) => string;
}

export function libraryIndexData(docs: readonly PolicyDocument[], urls: LibraryUrls, cataloguing: (d: PolicyDocument) => Cataloguing): LibraryIndexData {
  return libraryIndexSchema.parse({
    $schema: 'index.schema.json',
    version: { schema: SCHEMA_VERSION },
    documents: docs.map((d) => ({
      id: d.id, title: citedTitle(d), docNumber: d.docNumber, issuer: d.issuer, date: d.date, dateISO: d.dateISO,
      provisions: provisionsOf(d).length, departments: new Set(provisionsOf(d).flatMap(departmentIds)).size,
      url: urls.document(d.id), ...catalogue(d, cataloguing(d)), files: { policy: urls.policyJson(d.id), responsibilities: urls.responsibilitiesCsv(d.id), docx: urls.docx(d.id) },
    })),
  });
}

// ---------------------------------------------------------------------------------------------
// Field tables for the /data/ page, read off the JSON Schema (so they are never typed twice).

type JsonSchemaNode = { type?: string | string[]; anyOf?: JsonSchemaNode[]; items?: JsonSchemaNode; properties?: Record<string, JsonSchemaNode>; description?: string; enum?: unknown[]; const?: unknown };

export interface SchemaField {
  /** Dotted path; [] marks the elements of a list: provisions[].id. */
  path: string;
  /** JSON types of the value (a nullable one has 'null' among them). */
  types: string[];
  /** For a list: the JSON type of its elements. */
  itemTypes: string[];
  description: string;
}

/** The alternatives of a node, one JSON type each: anyOf and type lists (["string", "null"]) flattened. */
function variants(node: JsonSchemaNode): (JsonSchemaNode & { type: string })[] {
  if (node.anyOf) return node.anyOf.flatMap(variants);
  const types = Array.isArray(node.type) ? node.type : [node.type ?? 'string'];
  return types.map((type) => ({ ...node, type }));
}

/** Every field of a JSON Schema's objects, depth first, in declaration order. */
export function schemaFields(schema: JsonSchemaNode, prefix = ''): SchemaField[] {
  const out: SchemaField[] = [];
  for (const [key, node] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    const vs = variants(node);
    const types = vs.map((v) => v.type);
    const items = vs.find((v) => v.type === 'array')?.items;
    out.push({ path, types, itemTypes: items ? variants(items).map((v) => v.type) : [], description: node.description ?? '' });
    const obj = vs.find((v) => v.type === 'object');
    if (obj) out.push(...schemaFields(obj, path));
    if (items) for (const v of variants(items)) if (v.type === 'object') out.push(...schemaFields(v, `${path}[]`));
  }
  return out;
}
