/**
 * 文种: the kind of a document, read from the end of its title (never typed in). The rule, one
 * for the whole site: a document's kind is what its own title says it is, so an 印发/转发 notice
 * is a 通知 (国务院关于印发国家职业教育改革实施方案的通知 → 通知), and the kind of the document
 * it carries is recorded beside it (→ 方案). The library's 文种 filter lists a document under
 * both (docKinds()), so 方案 finds the plans however they were issued. A 国务院令 that publishes
 * a 条例 is a 令 carrying a 条例.
 */

/** The kinds, longest first where one ends another (实施细则 before 细则 is not needed: 细则 ends both). */
export const DOC_KINDS = [
  { kind: '通知', slug: 'tongzhi' },
  { kind: '意见', slug: 'yijian' },
  { kind: '办法', slug: 'banfa' },
  { kind: '方案', slug: 'fangan' },
  { kind: '条例', slug: 'tiaoli' },
  { kind: '规定', slug: 'guiding' },
  { kind: '决定', slug: 'jueding' },
  { kind: '令', slug: 'ling' },
  { kind: '措施', slug: 'cuoshi' },
  { kind: '细则', slug: 'xize' },
  { kind: '规划', slug: 'guihua' },
  { kind: '纲要', slug: 'gangyao' },
  { kind: '计划', slug: 'jihua' },
  { kind: '通告', slug: 'tonggao' },
  { kind: '公告', slug: 'gonggao' },
  { kind: '批复', slug: 'pifu' },
  { kind: '决议', slug: 'jueyi' },
  { kind: '命令', slug: 'mingling' },
  { kind: '报告', slug: 'baogao' },
  { kind: '指引', slug: 'zhiyin' },
  { kind: '指南', slug: 'zhinan' },
  { kind: '规则', slug: 'guize' },
  { kind: '要点', slug: 'yaodian' },
  { kind: '函', slug: 'han' },
] as const;
export type DocKind = (typeof DOC_KINDS)[number]['kind'] | '其他';
/** A title that ends in none of the kinds. */
export const OTHER_KIND = { kind: '其他', slug: 'qita' } as const;

/** The URL slug of a kind: 方案 → fangan. */
export function docKindSlug(kind: DocKind): string {
  return DOC_KINDS.find((k) => k.kind === kind)?.slug ?? OTHER_KIND.slug;
}

/** Closing qualifiers the kind stands before: （试行）, (暂行), （2021年修订）, 〔…〕, a closing 》 or quote. */
const TRAILING = /(?:\s|[》」』"”'’]|[（(〔［\[][^（）()〔〕［］\[\]]*[）)〕］\]])+$/u;

/**
 * The kind a title ends in: 若干措施 → 措施, 暂行办法 → 办法, 中华人民共和国国务院令 → 令
 * (命令 is a kind of its own, checked before 令), 其他 for none.
 */
export function kindOfTitle(title: string): DocKind {
  const t = title.replace(TRAILING, '');
  let best: DocKind = '其他';
  let length = 0;
  for (const { kind } of DOC_KINDS) if (t.endsWith(kind) && kind.length > length) { best = kind; length = kind.length; }
  return best;
}

/** 关于印发《X》的通知, 国务院关于印发X的通知, 转发…关于X的通知: the carried document's title (X). */
const CARRIES = /(?:印发|转发|颁布|发布|公布)《?(.+?)》?的(?:通知|决定|命令|令)$/u;

export interface DocKinds {
  /** What the document's own title says it is: 通知. */
  kind: DocKind;
  /** The kind of the document it carries (印发/转发…), where that is another: 方案. */
  carried?: DocKind | undefined;
}

/**
 * A document's kinds: `title` is its own title, `provisionsTitle` the carried document's (equal
 * to the title when it is issued directly). The carried title is also read out of an 印发 title
 * when the converter found no other (国务院关于印发国家职业教育改革实施方案的通知).
 */
export function docKindsOf(d: { title: string; provisionsTitle: string }): DocKinds {
  const kind = kindOfTitle(d.title);
  const inner = d.provisionsTitle !== d.title ? d.provisionsTitle : CARRIES.exec(d.title.replace(TRAILING, ''))?.[1];
  const carried = inner ? kindOfTitle(inner) : undefined;
  return carried && carried !== kind && carried !== '其他' ? { kind, carried } : { kind };
}

/** The kinds the library's 文种 filter lists a document under: its own, then the carried document's. */
export function docKinds(d: { title: string; provisionsTitle: string }): DocKind[] {
  const k = docKindsOf(d);
  return k.carried ? [k.kind, k.carried] : [k.kind];
}
