/**
 * Reads who is responsible for a provision, in every form the documents use:
 * - a closing parenthetical: （市人社局、市教委等部门按职责分工）, （市教委）, （市人社局，市教委等部门）,
 *   （牵头单位：市教委；配合单位：市人社局）, （市人社局牵头，市教委、市财政局配合）, and the national forms
 *   （人力资源社会保障部、财政部负责）, （…按职责分工负责）, （…等有关部门和单位按职责分工负责）,
 *   （…和各有关省级人民政府负责）, （…负责。列第一位者为牵头单位，下同）; full-width or half-width
 *   brackets, with 。 or ； after it;
 * - lines of their own after the provision or its sub-items: 责任单位：…, 牵头单位：… 配合单位：….
 * Lists may be separated by 、 ， ； ／ spaces, or 和 before a collective body (和各有关省级人民政府).
 * Names are matched against the registry with format characters, combining marks and spaces
 * folded away (the text stays as published). A body the registry lacks is still a body: it gets
 * its responsibilities under a slug made from its name, and a note in the report. Collective
 * bodies (各省级人民政府, 各有关部门和单位, 地方各级人民政府) are kept as named, not as departments.
 * A parenthetical without keywords is an attribution only when every item is a body (registered,
 * or shaped like one: 市财政厅); （市区两级） and （市场化运作） stay plain text.
 */
import { pinyin } from 'pinyin-pro';
import type { Attribution, Department, DepartmentRole, ResponsibleDepartment } from '../model/types.ts';
import { colAt, quote, type Line } from './lines.ts';
import type { Report } from './report.ts';

/** A label that names the role of the list after it: 牵头单位：. */
const ROLE_LABEL_RE = /(责任|牵头|配合)(?:单位|部门)[：:]/gu;
/** A whole line that is an attribution line: 责任单位：…, 牵头单位：…, 配合单位：…. */
export const DUTY_LINE_RE = /^(?:责任|牵头|配合)(?:单位|部门)[：:]/u;
const ROLES: Record<string, DepartmentRole | undefined> = { 责任: undefined, 牵头: 'lead', 配合: 'partner' };
/**
 * What may close a list: 等部门按职责分工, 等有关部门和单位按职责分工负责, 按职责分工负责, 负责, 等部门, 等,
 * and the national note 。列第一位者为牵头单位，下同.
 */
const LIST_END_RE = /(?:等(?:有关)?(?:部门和单位|部门|单位)?)?(?:按职责分工)?(?:负责)?(?:[。，,；;]?列第一位者为牵头单位[，,]?下同)?$/u;
/** The words that make a parenthetical an attribution whatever its names look like. */
const KEYWORD_END_RE = /(?:按职责分工|负责|列第一位者为牵头单位[，,]?下同)$/u;
// U+FEFF counts as \s in JavaScript but is a format character: folded inside a name, never a separator.
const SEPARATOR_RE = /(?:[、，,；;／/]|(?!\uFEFF)\s)+|和(?=各|地方各级|有关)/gu;
/** Characters that never tell names apart: format characters, combining marks, spaces and separators of lines. */
const FOLD_RE = /[\p{Cf}\p{Mn}\p{Zs}\p{Zl}\p{Zp}\s]/gu;
/** The shape of a body's name where the registry lacks it: an administrative level, then a body. */
const DEPT_SHAPE_RE = /^(?:市|区|县|省|国家|中央|国务院|天津|各)[\p{Script=Han}]*(?:局|委|办|部|厅|院|会|署|室|馆|中心|小组|集团|公司|政府|法院|检察院|海关|银行|委员会|办公室|机关|总队|支队)$/u;
/** A body's name (after folding): Han characters, letters and digits, brackets allowed, no sentence. */
const NAME_RE = /^[\p{Script=Han}A-Za-z0-9（）()·]{2,30}$/u;
/** A sentence, not a name: 由市人社局会同有关部门. */
const SENTENCE_RE = /^(?:由|按照|根据|对|在)|会同/u;
/** Collective bodies: named as a group, not one department (各省级人民政府, 各有关部门和单位, 地方各级人民政府). */
const COLLECTIVE_RE = /^(?:各|地方各级|县级以上|有关|相关|其他有关)/u;

/** A name as matched: without format characters, combining marks and spaces. */
export function foldName(name: string): string {
  return name.normalize('NFC').replace(FOLD_RE, '');
}

/** A slug for a body the registry lacks, from its name's pinyin: 国家信息中心 → guojiaxinxizhongxin. */
export function unlistedSlug(name: string): string {
  const syllables = pinyin(foldName(name), { toneType: 'none', type: 'array', nonZh: 'consecutive' }) as string[];
  const slug = syllables.join('').toLowerCase().replace(/ü/gu, 'v').replace(/[^a-z0-9]/g, '').slice(0, 60);
  return /^[a-z]/.test(slug) ? slug : `body-${slug || 'x'}`;
}

/** The bodies a document may name: the registry by folded abbreviation, and what the text adds. */
export class Bodies {
  readonly registry: ReadonlyMap<string, Department>;
  private readonly folded: Map<string, Department>;
  constructor(registry: readonly Department[]) {
    this.registry = new Map(registry.map((d) => [d.abbr, d]));
    this.folded = new Map(registry.map((d) => [foldName(d.abbr), d]));
  }
  lookup(name: string): Department | undefined {
    return this.registry.get(name) ?? this.folded.get(foldName(name));
  }
}

/** What reading an attribution needs: the report for its notes, and the bodies it names. */
export interface AttributionContext {
  report: Report;
  bodies: Bodies;
}

/** A list of names within a text, each with its offset (UTF-16) in that text. */
interface Item {
  name: string;
  offset: number;
}

function splitList(text: string, offset: number): Item[] {
  const items: Item[] = [];
  let last = 0;
  for (const sep of text.matchAll(SEPARATOR_RE)) {
    items.push({ name: text.slice(last, sep.index), offset: offset + last });
    last = sep.index + sep[0].length;
  }
  items.push({ name: text.slice(last), offset: offset + last });
  return items.filter((item, i) => foldName(item.name) !== '' || (i > 0 && i < items.length - 1));
}

/** One list of departments with the role its label gives (undefined: not said). */
interface RoleList {
  role: DepartmentRole | undefined;
  items: Item[];
  /** What closes the list after its last name: 等部门按职责分工, 等, ''. */
  end: string;
  /** The line it is on, for positions. */
  line: Line;
}

function readList(line: Line, text: string, offset: number, role: DepartmentRole | undefined): RoleList {
  const trimmed = text.replace(/[、，,；;。\s\u3000\p{Cf}\p{Mn}]+$/u, '');
  const end = LIST_END_RE.exec(trimmed)![0];
  return { role, items: splitList(trimmed.slice(0, trimmed.length - end.length), offset), end, line };
}

/** Lists introduced by labels: 牵头单位：A；配合单位：B, 责任单位：A、B. Null when the text does not start with a label. */
function labelledLists(line: Line, text: string, offset: number): RoleList[] | null {
  const labels = [...text.matchAll(ROLE_LABEL_RE)];
  if (labels[0]?.index !== 0) return null;
  return labels.map((label, i) => {
    const start = label.index + label[0].length;
    const stop = labels[i + 1]?.index ?? text.length;
    return readList(line, text.slice(start, stop), offset + start, ROLES[label[1]!]);
  });
}

/** A 牵头 … 配合 sentence: 市人社局牵头，市教委、市财政局配合. */
function verbLists(line: Line, text: string, offset: number): RoleList[] | null {
  const m = /^(.+?)牵头(?:[，,；;、\s\u3000]*(.+?)(等(?:有关)?(?:部门和单位|部门|单位)?)?配合)?((?:等部门)?按职责分工(?:负责)?)?$/u.exec(text);
  if (!m) return null;
  const lists = [readList(line, m[1]!, offset, 'lead')];
  if (m[2]) lists.push({ ...readList(line, m[2], offset + m[1]!.length + text.slice(m[1]!.length).indexOf(m[2]), 'partner'), end: m[3] ?? '' });
  if (m[4]) lists.at(-1)!.end += m[4];
  return lists;
}

const isCollective = (name: string) => COLLECTIVE_RE.test(foldName(name));
const isBodyShaped = (name: string, bodies: Bodies) => bodies.lookup(name) !== undefined || DEPT_SHAPE_RE.test(foldName(name)) || (isCollective(name) && /(?:政府|部门|单位|机构)$/u.test(foldName(name)));
const isName = (name: string) => NAME_RE.test(foldName(name)) && !SENTENCE_RE.test(foldName(name));

/** Turns lists into departments with roles (and collective bodies as named), noting every guess. */
function resolve(ctx: AttributionContext, lists: RoleList[]): { departments: ResponsibleDepartment[]; collectives: string[] } {
  const departments: ResponsibleDepartment[] = [];
  const collectives: string[] = [];
  const explicit = lists.some((l) => l.role !== undefined);
  for (const list of lists)
    for (const { name, offset } of list.items) {
      const col = colAt(list.line, offset);
      if (foldName(name) === '') {
        ctx.report.add(list.line.no, col, 'an empty name in the responsibility list (two separators in a row): read past');
        continue;
      }
      if (isCollective(name) && !ctx.bodies.lookup(name)) {
        collectives.push(name);
        continue;
      }
      const dept = ctx.bodies.lookup(name);
      const slug = dept?.id ?? unlistedSlug(name);
      if (!dept) ctx.report.add(list.line.no, col, `"${name}" is not in content/departments.yaml: read as a body of its own (/departments/${slug}/); add it to the registry with its full name`);
      else if (dept.abbr !== name) ctx.report.add(list.line.no, col, `"${name}" is read as ${dept.abbr} (invisible characters or spaces inside the name)`);
      if (departments.some((d) => d.slug === slug)) {
        ctx.report.add(list.line.no, col, `"${name}" is listed twice in one attribution: counted once`);
        continue;
      }
      // 责任单位 beside 牵头/配合 labels counts as lead; without any role, the first listed leads.
      const role: DepartmentRole = explicit ? list.role ?? 'lead' : departments.length === 0 ? 'lead' : 'partner';
      departments.push({ abbr: name, slug, role });
    }
  if (departments.length > 0 && !departments.some((d) => d.role === 'lead'))
    ctx.report.add(lists[0]!.line.no, lists[0]!.line.col, 'the responsibility list names no lead (牵头), only partners (配合)');
  return { departments, collectives };
}

function attribution(text: string, lists: RoleList[], found: ReturnType<typeof resolve>, form: 'parenthetical' | 'line'): Attribution {
  const etc = lists.some((l) => l.end.startsWith('等'));
  return {
    text, departments: found.departments, etc, suffix: lists.at(-1)!.end, form,
    ...(found.collectives.length ? { collectives: found.collectives } : {}),
  };
}

/** The index of the bracket that opens the line's closing parenthetical, and where that parenthetical ends (before any 。；). */
function closingParenthetical(text: string): { open: number; close: number } | null {
  const m = /[）)][。；;．.]?[\p{Cf}\p{Mn}\s]*$/u.exec(text);
  if (!m) return null;
  let depth = 0;
  for (let i = m.index; i >= 0; i--) {
    const ch = text[i];
    if (ch === '）' || ch === ')') depth++;
    else if ((ch === '（' || ch === '(') && --depth === 0) return { open: i, close: m.index };
  }
  return null;
}

/**
 * The attribution that closes a line, e.g. …。（市人社局、市教委等部门按职责分工）; null when the line
 * ends in no parenthetical, or in one that names no bodies (（市区两级）, （2018-2022年）).
 */
export function readParentheticalAttribution(ctx: AttributionContext, line: Line): Attribution | null {
  const found = closingParenthetical(line.text);
  if (!found) return null;
  const start = found.open + 1;
  const inner = line.text.slice(start, found.close);
  const shaped = (lists: RoleList[]) => lists.every((l) => l.items.length > 0 && l.items.every((i) => isBodyShaped(i.name, ctx.bodies)));
  let lists = labelledLists(line, inner, start);
  if (!lists) {
    // 由市人社局会同有关部门牵头 is a sentence, not a list: plain text.
    const verb = verbLists(line, inner, start);
    if (verb && verb.every((l) => l.items.every((i) => isName(i.name))) && (shaped(verb) || KEYWORD_END_RE.test(verb.at(-1)!.end))) lists = verb;
  }
  if (!lists) {
    const list = readList(line, inner, start, undefined);
    const keyword = KEYWORD_END_RE.test(list.end);
    if (keyword && (list.items.length === 0 || !list.items.every((i) => foldName(i.name) === '' || isName(i.name)))) {
      ctx.report.add(line.no, colAt(line, found.open), `the closing parenthetical ${quote(line.text.slice(found.open))} ends like an attribution (${list.end}) but does not list bodies: kept as text`);
      return null;
    }
    if (!keyword && !shaped([list])) return null;
    lists = [list];
  }
  // （市人社局、市财政局等部门按职责分工） on a line of its own, after sub-items, is a line attribution.
  return attribution(line.text.slice(found.open), lists, resolve(ctx, lists), found.open === 0 ? 'line' : 'parenthetical');
}

/** The attribution written as lines of their own after a provision: 责任单位：…, or 牵头单位：… and 配合单位：…. */
export function readAttributionLines(ctx: AttributionContext, lines: readonly Line[]): Attribution {
  const lists = lines.flatMap((line) => labelledLists(line, line.text, 0) ?? []);
  return attribution(lines.map((l) => l.text).join('\n'), lists, resolve(ctx, lists), 'line');
}
