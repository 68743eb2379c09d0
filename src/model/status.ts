/**
 * Whether a document is in force: hand-maintained metadata (content/documents.yaml, reviewed
 * like the registry) and what follows from it on a given day. Every field is optional; a document
 * nobody has checked is 未核对, and one past its 有效期至 has expired whatever was declared.
 */

/** 时效性 as declared: 现行有效, 已修改, 已废止, 失效, or 未核对 (the default). */
export const STATUSES = ['现行有效', '已修改', '已废止', '失效', '未核对'] as const;
export type Status = (typeof STATUSES)[number];

/** The URL slug of each 时效性 (/library/status/<slug>/). */
export const STATUS_SLUGS: Record<Status, string> = { 现行有效: 'in-force', 已修改: 'amended', 已废止: 'repealed', 失效: 'expired', 未核对: 'unchecked' };

/** One document's entry in content/documents.yaml. */
export interface DocumentMeta {
  /** 发布日期 (ISO 8601). */
  published?: string | undefined;
  /** 施行日期 (ISO 8601). */
  effective?: string | undefined;
  /** 有效期至 (ISO 8601): the last day it is in force. */
  expires?: string | undefined;
  /** 时效性 as declared. */
  status?: Status | undefined;
  /** The day the status was last checked (ISO 8601). */
  checked?: string | undefined;
  /** Where the official text was published (an absolute URL). */
  url?: string | undefined;
  /** Ids of documents this one replaces (they are 已废止 by it). */
  replaces?: string[] | undefined;
  /** Ids of documents this one amends (they are 已修改 by it). */
  amends?: string[] | undefined;
  /** 主题分类: ids of content/topics.yaml (src/model/topics.ts), an editorial choice. */
  topics?: string[] | undefined;
}

export interface StatusView {
  /** What the reader is told: the declared status, or 失效 once past 有效期至. */
  status: Status;
  /** Past its 有效期至 on the given day. */
  expired: boolean;
  /** The declared status, when it differs from what is shown (e.g. 现行有效 but expired). */
  declared?: Status | undefined;
}

/** The status of a document on a day (ISO 8601, e.g. the build date). */
export function statusOn(meta: DocumentMeta | undefined, day: string): StatusView {
  const declared = meta?.status ?? '未核对';
  const expired = Boolean(meta?.expires && meta.expires < day);
  if (expired && declared !== '失效' && declared !== '已废止') return { status: '失效', expired, declared };
  return { status: declared, expired };
}

/** How the status is shown: its word, and the colour it is drawn in. */
export type StatusTone = 'valid' | 'expired' | 'unknown' | 'ended';

/** The tone of a status on the page: 现行有效 valid, expired by date, 未核对 unknown, else ended (已废止, 失效, 已修改…). */
export function statusTone(view: StatusView): StatusTone {
  return view.expired ? 'expired' : view.status === '现行有效' ? 'valid' : view.status === '未核对' ? 'unknown' : 'ended';
}

/** No longer in force: 失效 (expired, or declared so) or 已废止. 已修改 is still in force, as amended. */
export function outOfForce(view: StatusView): boolean {
  return view.status === '失效' || view.status === '已废止';
}

/** How a provision of a document no longer in force is marked where it is listed: 已废止, or 已失效. */
export function outOfForceMark(status: Status): string {
  return status === '已废止' ? '已废止' : '已失效';
}

/**
 * Items in the given order, those of documents in force first (a stable partition): lists that
 * mix documents (a group's provisions, related provisions) rank expired or repealed ones last.
 */
export function inForceFirst<T>(items: readonly T[], isOut: (item: T) => boolean): T[] {
  const out = items.filter((x) => isOut(x));
  return [...items.filter((x) => !isOut(x)), ...out];
}

/** 2020-07-30 → 2020年7月30日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Another document of the library, as a link names it. */
export interface DocumentLink {
  id: string;
  title: string;
  docNumber: string | null;
}

/** Declared replacements and amendments, both ways (the site's adapter resolves them). */
export interface DocumentRelations {
  replaces: DocumentLink[];
  amends: DocumentLink[];
  replacedBy: DocumentLink[];
  amendedBy: DocumentLink[];
}

/** What the text itself says of when it applies: 自2021年7月1日起施行，有效期5年. */
export interface StatedTerms {
  /** 施行日期 (ISO 8601). */
  effective?: string | undefined;
  /** 有效期至 (ISO 8601): stated, or the effective date plus the stated years, less a day. */
  expires?: string | undefined;
  /** The clauses they were read from, as written. */
  clauses: string[];
}

const DATE = '(\\d{4}年\\d{1,2}月\\d{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)';
const EFFECTIVE_ON = new RegExp(`自${DATE}起(?:施行|实施|执行|生效)`, 'u');
const EFFECTIVE_ISSUED = /自(?:印发|发布|公布|颁布)之日起(?:施行|实施|执行|生效)/u;
const EXPIRES_ON = new RegExp(`有效期至${DATE}`, 'u');
const TERM_YEARS = /有效期(?:为)?([0-9]+|[一二三四五六七八九十]+)年/u;

/**
 * The effective date and term a document states in its own text (notice, preamble, provisions,
 * closing notes). `issued` is the day 自印发之日起 counts from (发布日期 when known, else 成文日期).
 * `parseDate` reads a date as written (src/model/numerals.ts).
 */
export function statedTerms(texts: readonly string[], issued: string | undefined, parseDate: (text: string) => string | null): StatedTerms {
  const out: StatedTerms = { clauses: [] };
  const clauseOf = (text: string, index: number) => {
    const start = Math.max(text.lastIndexOf('。', index), text.lastIndexOf('，', index), text.lastIndexOf('；', index)) + 1;
    const ends = ['。', '；'].map((c) => text.indexOf(c, index)).filter((i) => i >= 0);
    return text.slice(start, ends.length ? Math.min(...ends) + 1 : text.length);
  };
  let years: number | undefined;
  for (const text of texts) {
    const on = EFFECTIVE_ON.exec(text);
    const issuedOn = EFFECTIVE_ISSUED.exec(text);
    const until = EXPIRES_ON.exec(text);
    const term = TERM_YEARS.exec(text);
    if (on && !out.effective) { out.effective = parseDate(on[1]!) ?? undefined; out.clauses.push(clauseOf(text, on.index)); }
    else if (issuedOn && !out.effective && issued) { out.effective = issued; out.clauses.push(clauseOf(text, issuedOn.index)); }
    if (until && !out.expires) { out.expires = parseDate(until[1]!) ?? undefined; out.clauses.push(clauseOf(text, until.index)); }
    if (term && years === undefined) {
      years = /^\d+$/u.test(term[1]!) ? Number(term[1]) : '一二三四五六七八九十'.indexOf(term[1]!) + 1 || undefined;
      out.clauses.push(clauseOf(text, term.index));
    }
  }
  if (!out.expires && out.effective && years) {
    const d = new Date(`${out.effective}T00:00:00Z`);
    d.setUTCFullYear(d.getUTCFullYear() + years);
    d.setUTCDate(d.getUTCDate() - 1);
    out.expires = d.toISOString().slice(0, 10);
  }
  out.clauses = [...new Set(out.clauses)];
  return out;
}

/** Where declared metadata disagrees with what the text states: one message per field, for the build log. */
export function termConflicts(meta: DocumentMeta | undefined, stated: StatedTerms): string[] {
  const out: string[] = [];
  if (meta?.effective && stated.effective && meta.effective !== stated.effective)
    out.push(`施行日期 is declared ${meta.effective} but the text says ${stated.effective} (${stated.clauses.join(' ')})`);
  if (meta?.expires && stated.expires && meta.expires !== stated.expires)
    out.push(`有效期至 is declared ${meta.expires} but the text says ${stated.expires} (${stated.clauses.join(' ')})`);
  return out;
}
