/**
 * Whether a document is in force: hand-maintained metadata (content/documents.yaml, reviewed
 * like the registry) and what follows from it on a given day. Every field is optional; a document
 * nobody has checked is 未核对, and one past its 有效期至 has expired whatever was declared.
 */

/** 时效性 as declared: 现行有效, 已修改, 已废止, 失效, or 未核对 (the default). */
export const STATUSES = ['现行有效', '已修改', '已废止', '失效', '未核对'] as const;
export type Status = (typeof STATUSES)[number];

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
