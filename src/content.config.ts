/**
 * Content collections: the library as written by `npm run convert` (content/policies/<id>/,
 * one folder per document: document.mdx with its chapters, provisions.mdx with its provisions) and the
 * hand-maintained department registry (content/departments.yaml). The frontmatter is the model
 * (src/model/types.ts) as plain data; every field is validated here, so a bad edit stops the build
 * with a readable message. src/site/library.ts reads these collections back into the model.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { DEPARTMENT_KINDS, DEPARTMENT_LEVELS, DEPARTMENT_RULES } from './model/registry.ts';
import { groupSchema, groupsSchema, thesaurusEntrySchema, thesaurusSchema } from './model/lexicon.ts';
import { STATUSES } from './model/status.ts';
import { TOPIC_ID, topicSchema, topicsSchema } from './model/topics.ts';
import { DOCUMENT_ID_RE, ISSUER_RE, documentIdProblem, isRealDate, isWebUrl } from './model/document-meta.ts';
import { CHAPTER_MARKER_RE, PROVISION_ID_RE, PROVISION_MARKER_RE, SECTION_MARKER_RE } from './model/numbering.ts';
import { checkWithSchema, readYaml } from './model/yaml-file.ts';
import { ATTRIBUTION_FORMS, CHAPTER_KINDS, DEPARTMENT_ROLES, DOCUMENT_FORMS, PROVISION_KINDS, SIGNATURE_PLACES } from './model/types.ts';
import type { Attachment, Chapter, PolicyDocument, Provision } from './model/types.ts';

/** Where the content lives; tests point it at converted fixtures. */
const CONTENT = process.env.CONTENT_DIR ?? './content';
const DOCUMENT_ID = DOCUMENT_ID_RE;
const ISO_DATE = z.iso.date();

/**
 * The registry (content/departments.yaml), then the bodies the attributions name that it lacks
 * (content/policies/unlisted-bodies.yaml, written by the converter): every body named gets a page.
 */
const departments = defineCollection({
  loader: {
    name: 'departments',
    load: async ({ store, parseData, watcher }) => {
      store.clear();
      for (const path of [`${CONTENT}/departments.yaml`, `${CONTENT}/policies/unlisted-bodies.yaml`]) {
        watcher?.add(path);
        if (!existsSync(path)) continue;
        const list = (parseYaml(readFileSync(path, 'utf8')) ?? []) as Record<string, unknown>[];
        if (!Array.isArray(list)) throw new Error(`${path}: expected a list of departments`);
        for (const entry of list) {
          const id = String(entry.id);
          if (store.has(id)) throw new Error(`${path}: department id "${id}" is used twice`);
          store.set({ id, data: await parseData({ id, data: entry }) });
        }
      }
    },
  },
  schema: z.object({
    /** Stable ASCII slug; the URL is /departments/<id>/. */
    id: z.string().regex(DEPARTMENT_RULES.id),
    /** The abbreviation as the policy writes it: 市人社局. */
    abbr: z.string().regex(DEPARTMENT_RULES.abbr),
    /** Full official name as of the document's date: 天津市人力资源和社会保障局. */
    name: z.string().min(DEPARTMENT_RULES.nameMin),
    /** English name ('' for a body the registry lacks). */
    nameEn: z.string(),
    /** What kind of body it is. */
    kind: z.enum([...DEPARTMENT_KINDS, 'unlisted'] as unknown as [string, ...string[]]),
    /** What changed since the document's date (reorganisation, new name). */
    note: z.string().optional(),
    /** Other names readers type for it: former names, short forms (劳动局); see src/views/search-lexicon.ts. */
    aliases: z.array(z.string().trim().min(2)).optional(),
    /** Level of government: national, provincial, municipal; absent means municipal. */
    level: z.enum(DEPARTMENT_LEVELS as [string, ...string[]]).optional(),
    /** Where the name and abbreviation were checked: 国务院关于机构设置的通知（国发〔2018〕6号）. */
    source: z.string().regex(DEPARTMENT_RULES.source).optional(),
  }),
});

/** A department as an attribution or seal writes it. */
const attributed = z.object({ abbr: z.string(), slug: reference('departments') });
/** A department of an attribution, with its role: lead (牵头) or partner (配合). */
const responsible = attributed.extend({ role: z.enum(DEPARTMENT_ROLES) });

/** content/documents.yaml: hand-maintained facts about each seed (a list; entries keyed by the seed's file name). */
const isoDate = z.string().refine(isRealDate, 'not a real date written as YYYY-MM-DD');
const declaredId = z.string().superRefine((id, ctx) => {
  const problem = documentIdProblem(id);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const documentMeta = defineCollection({
  // The file is optional (as for the converter), so a small loader rather than file().
  loader: {
    name: 'document-meta',
    load: async ({ store, parseData, watcher }) => {
      const path = `${CONTENT}/documents.yaml`;
      watcher?.add(path);
      store.clear();
      if (!existsSync(path)) return;
      // Positions (FILE:LINE:COL), duplicate keys and alias bombs as the converter reports them.
      for (const entry of (readYaml(path, readFileSync(path, 'utf8')).value ?? []) as { source: string }[]) {
        const data = await parseData({ id: entry.source, data: entry });
        store.set({ id: entry.source, data });
      }
    },
  },
  schema: z.object({
    /** The seed's file name. */
    source: z.string().regex(/\.txt$/),
    /** The document's id, when not the one derived from its 发文字号. */
    id: declaredId.optional(),
    /** 发文机关 as the publishing page states it, for a copy whose text names none (used by the converter). */
    issuer: z.string().regex(ISSUER_RE).optional(),
    /** 发布日期. */
    published: isoDate.optional(),
    /** 施行日期. */
    effective: isoDate.optional(),
    /** 有效期至: the last day in force. */
    expires: isoDate.optional(),
    /** 时效性 (default 未核对). */
    status: z.enum(STATUSES).optional(),
    /** When the status was last checked. */
    checked: isoDate.optional(),
    /** Where the official text was published: http: or https: only. */
    url: z.string().refine(isWebUrl, 'must be an absolute http:// or https:// address').optional(),
    /** Ids of documents this one replaces or amends. */
    replaces: z.array(z.string().regex(DOCUMENT_ID)).optional(),
    amends: z.array(z.string().regex(DOCUMENT_ID)).optional(),
    /** 主题分类: ids of content/topics.yaml (checked against it when the library loads: src/site/library.ts). */
    topics: z.array(z.string().regex(TOPIC_ID)).optional(),
  }).strict(),
});

const documentSchema = z.object({
  /** Short ASCII id: jjzz-2020-5; the folder's name and the document's path on the site. */
  id: z.string().regex(DOCUMENT_ID),
  /** Seed file the content was converted from. */
  source: z.string().regex(/\.txt$/),
  /** 标题: 关于印发《…》的通知, or the document's own title when it is issued directly. */
  title: z.string().min(1),
  /** The carried document's own title (the 《…》 in a notice's title), without brackets; the title when issued directly. */
  provisionsTitle: z.string().min(1),
  /** 发文字号: 津就组字〔2020〕5号; null when the document has none. */
  docNumber: z.string().regex(/(?:[〔\[［【（(]\s*[0-9０-９]{4}\s*[〕\]］】）)]\s*[0-9０-９]+|令第[0-9０-９]+)\s*号$/u).nullable(),
  /** 主送; null when there is none. */
  addressees: z.string().regex(/[：:]$/).nullable(),
  /** Notice paragraphs (plain text; the body carries the marked-up text); empty when issued directly. */
  notice: z.array(z.string().min(1)),
  /** Signature as written (lines of a joint signature joined by a line break); null when the date stands alone. */
  signature: z.string().min(1).nullable(),
  /** 发文机关; null when the copy names none. */
  issuer: z.string().min(1).nullable(),
  /** Seal note: 市人社局代章. */
  seal: z.object({ text: z.string(), department: attributed.nullable() }).nullable(),
  /** 成文日期 as written (2020年7月30日, 二〇二〇年七月三十日) and as ISO 8601. */
  date: z.string().regex(/年.+月.+日$/).nullable(),
  dateISO: ISO_DATE.nullable(),
  /** Preamble paragraphs (plain text). */
  preamble: z.array(z.string()),
  /** The document this one implements. */
  implements: z.object({ title: z.string(), number: z.string() }).nullable(),
  /** Chapters in order, each with the ids of its provisions (in provisions.mdx). */
  chapters: z.array(z.object({
    number: z.number().int().positive(),
    /** The numbering as written: 一、, 第二章; '' for the implicit chapter. */
    marker: z.string().regex(CHAPTER_MARKER_RE),
    /** '' for the implicit chapter. */
    title: z.string(),
    /** Line in the seed. */
    line: z.number().int().positive(),
    provisions: z.array(z.string().regex(PROVISION_ID_RE)),
    /** part (一、), chapter (第一章), none (no chapters: the provisions stand under the title). */
    kind: z.enum(CHAPTER_KINDS),
    /** Its sections (第一节…). */
    sections: z.array(z.object({ number: z.number().int().positive(), marker: z.string().regex(SECTION_MARKER_RE), title: z.string(), line: z.number().int().positive() })),
    /** Its paragraphs that are no provision, each after `after` of its provisions. */
    paragraphs: z.array(z.object({ text: z.string().min(1), line: z.number().int().positive(), after: z.number().int().nonnegative() })),
  })),
  /** notice: carried by an 印发 notice; direct: issued under its own title. */
  form: z.enum(DOCUMENT_FORMS),
  /** The carried document's title line, where the text repeats it after the notice. */
  carriedTitle: z.string().min(1).nullable(),
  /** Where the signature and date stand: closing the notice, under the title, or after the last provision. */
  signaturePlace: z.enum(SIGNATURE_PLACES),
  /** 附件说明 lines as written: 附件：1.…, 2.…. */
  attachmentNote: z.array(z.string().min(1)),
  /** 附注 lines as written: （此件公开发布）. */
  notes: z.array(z.string().min(1)),
  /** Numbers of its attachments (attachments/<n>.mdx), in order. */
  attachments: z.array(z.number().int().positive()),
  /** 版记: 抄送 and 印发, kept as metadata. */
  colophon: z.object({
    lines: z.array(z.string().min(1)).min(1),
    copiedTo: z.string().nullable(),
    printedBy: z.string().nullable(),
    printed: z.string().nullable(),
    printedISO: ISO_DATE.nullable(),
  }).nullable(),
});

const documents = defineCollection({
  loader: glob({ base: `${CONTENT}/policies`, pattern: '*/document.mdx', generateId: ({ entry }) => entry.split('/')[0]! }),
  schema: documentSchema,
});

/** One provision of a document, as the model has it (src/model/types.ts, Provision). */
const provision = z.object({
  /** chapter-provision: 2-1. */
  id: z.string().regex(PROVISION_ID_RE),
  chapter: z.number().int().positive(),
  number: z.number().int().positive(),
  /** The numbering as written: （一）, 第十二条, 三、 */
  marker: z.string().regex(PROVISION_MARKER_RE),
  /** The headline sentence, up to and including the first 。 */
  headline: z.string().min(1),
  /** The provision's text after the marker, exactly as in the seed (attribution included; sub-items and paragraphs on lines of their own). Plain text for data and search; the MDX body carries the markup. */
  text: z.string().min(1),
  /** The attribution: （…等部门按职责分工）, （牵头单位：…）, or lines 责任单位：…; departments in the order listed, with their roles. */
  attribution: z.object({
    text: z.string().min(3),
    departments: z.array(responsible),
    /** Collective bodies as named: 各省级人民政府. */
    collectives: z.array(z.string().min(1)).optional(),
    /** Whether the list ends in 等部门按职责分工, 等部门, 等. */
    etc: z.boolean(),
    /** The text after the last department. */
    suffix: z.string(),
    /** A closing parenthetical, or lines of its own. */
    form: z.enum(ATTRIBUTION_FORMS),
  }).nullable(),
  /** Line in the seed. */
  line: z.number().int().positive(),
  /** item （一）, part 一、, article 第一条. */
  kind: z.enum(PROVISION_KINDS),
  /** The kind of its chapter. */
  chapterKind: z.enum(CHAPTER_KINDS),
  /** Its section (第一节) within the chapter, or null. */
  section: z.number().int().positive().nullable(),
  /** Items numbered straight through the document (cited 第（三）项, without the part). */
  through: z.boolean().optional(),
});

/**
 * content/policies/<id>/provisions.mdx: every provision of a document, its model as frontmatter and
 * its text as MDX, each wrapped in <Provision id only={props.only}> (one module per document).
 */
const provisions = defineCollection({
  loader: glob({ base: `${CONTENT}/policies`, pattern: '*/provisions.mdx', generateId: ({ entry }) => entry.split('/')[0]! }),
  schema: z.object({
    /** The document's id. */
    document: z.string().regex(DOCUMENT_ID),
    /** Its provisions in reading order. */
    provisions: z.array(provision),
  }),
});

const attachmentSchema = z.object({
  /** The document's id. */
  document: z.string().regex(DOCUMENT_ID),
  /** 1, 2…: its place among the document's attachments. */
  number: z.number().int().positive(),
  /** The label line as written: 附件1. */
  label: z.string().regex(/^附件/),
  /** Its title line. */
  title: z.string().min(1),
  /** Its body after the title, lines joined by a line break. Plain text; the MDX body carries the markup. */
  text: z.string(),
  /** Line of the label in the seed. */
  line: z.number().int().positive(),
});

const attachments = defineCollection({
  loader: glob({
    base: `${CONTENT}/policies`,
    pattern: '*/attachments/*.mdx',
    // <document id>/<number>: jjzz-2020-5/1
    generateId: ({ entry }) => entry.replace(/\/attachments\/([^/]+)\.mdx$/, '/$1'),
  }),
  schema: attachmentSchema,
});

/**
 * A hand-maintained YAML list (content/thesaurus.yaml, content/groups.yaml), checked as a whole
 * (rules across entries: no word in two entries, unique ids) and stored entry by entry. The file
 * is optional: a content folder without it has an empty collection.
 */
function yamlList(name: string, file: string, whole: z.ZodType, idOf: (entry: Record<string, unknown>, i: number) => string) {
  return {
    name,
    load: async ({ store, parseData, watcher }: Parameters<import('astro/loaders').Loader['load']>[0]) => {
      const path = `${CONTENT}/${file}`;
      watcher?.add(path);
      store.clear();
      if (!existsSync(path)) return;
      // FILE:LINE:COL: message, as `npm run convert` reports it (src/convert/inputs.ts).
      const yaml = readYaml(path, readFileSync(path, 'utf8'));
      checkWithSchema(yaml, whole, name);
      const list: unknown = yaml.value ?? [];
      for (const [i, entry] of (list as Record<string, unknown>[]).entries()) {
        const id = idOf(entry, i);
        store.set({ id, data: await parseData({ id, data: entry }) });
      }
    },
  };
}

/** content/thesaurus.yaml: everyday words → the documents' terms (src/model/lexicon.ts). Ids are the entry's position. */
const thesaurus = defineCollection({
  loader: yamlList('thesaurus', 'thesaurus.yaml', thesaurusSchema, (_, i) => String(i + 1).padStart(4, '0')),
  schema: thesaurusEntrySchema,
});

/** content/groups.yaml: reader groups (我是……), in the file's order. */
const groups = defineCollection({
  // The store keeps entries by id, not in the file's order: the position leads the id.
  loader: yamlList('groups', 'groups.yaml', groupsSchema, (entry, i) => `${String(i + 1).padStart(4, '0')}-${String(entry.id)}`),
  schema: groupSchema,
});

/** content/topics.yaml: the 主题分类 scheme (src/model/topics.ts), in the file's order (the position leads the id). */
const topics = defineCollection({
  loader: yamlList('topics', 'topics.yaml', topicsSchema, (entry, i) => `${String(i + 1).padStart(4, '0')}-${String(entry.id)}`),
  schema: topicSchema,
});

/**
 * The frontmatter is the model as plain data, so the schemas and src/model/types.ts must agree:
 * what a schema accepts is a model value (a string where the model has a number fails), and
 * every field of the model has its schema field. `astro check` fails when they drift apart.
 * (The document holds its chapters' provision ids, which src/site/library.ts joins.)
 */
type Agrees<Schema, Model> = [Schema] extends [Model] ? ([Exclude<keyof Model, keyof Schema>] extends [never] ? true : false) : false;
type ChapterFrontmatter = z.input<typeof documentSchema>['chapters'][number];
export const schemasAgreeWithModel: [
  Agrees<z.input<typeof provision>, Provision>,
  Agrees<ChapterFrontmatter, Omit<Chapter, 'provisions'>>,
  Agrees<Omit<z.input<typeof documentSchema>, 'chapters' | 'attachments'>, Omit<PolicyDocument, 'chapters' | 'attachments' | 'meta' | 'relations'>>,
  Agrees<Omit<z.input<typeof attachmentSchema>, 'document'>, Attachment>,
] = [true, true, true, true];

export const collections = { departments, documentMeta, documents, provisions, attachments, thesaurus, groups, topics };
