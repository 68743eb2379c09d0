/**
 * Reads who is responsible for a provision, in every form the documents use:
 * - a closing parenthetical: （市人社局、市教委等部门按职责分工）, （市教委）, （市人社局，市教委等部门）,
 *   （牵头单位：市教委；配合单位：市人社局）, （市人社局牵头，市教委、市财政局配合）, in full-width or
 *   half-width brackets, with 。 or ； after it;
 * - lines of their own after the provision or its sub-items: 责任单位：…, 牵头单位：… 配合单位：….
 * Lists may be separated by 、 ， ； or spaces. Every name must be in the department registry
 * (an unknown one is an error with its position). A parenthetical without these keywords is an
 * attribution only when every item is a department (registered, or shaped like one: 市财政厅);
 * （市区两级） and （市场化运作） stay plain text.
 */
import type { Attribution, Department, DepartmentRole, ResponsibleDepartment } from '../model/types.ts';
import { SourceError } from './errors.ts';
import { colAt, type Line } from './lines.ts';

/** A label that names the role of the list after it: 牵头单位：. */
const ROLE_LABEL_RE = /(责任|牵头|配合)(?:单位|部门)[：:]/gu;
/** A whole line that is an attribution line: 责任单位：…, 牵头单位：…, 配合单位：…. */
export const DUTY_LINE_RE = /^(?:责任|牵头|配合)(?:单位|部门)[：:]/u;
const ROLES: Record<string, DepartmentRole | undefined> = { 责任: undefined, 牵头: 'lead', 配合: 'partner' };
/** What may close a list: 等部门按职责分工, 按职责分工, 等部门, 等单位, 等. */
const LIST_END_RE = /(?:等(?:部门|单位)?)?(?:按职责分工(?:负责)?)?$/u;
const SEPARATOR_RE = /[、，,；;\s\u3000]+/gu;
/** The shape of a department's name where the registry lacks it: an administrative level, then a body. */
const DEPT_SHAPE_RE = /^(?:市|区|县|省|国家|中央|天津|各)[\p{Script=Han}]*(?:局|委|办|部|厅|院|会|署|室|馆|中心|小组|集团|公司|政府|法院|检察院|海关|银行|委员会|办公室|机关|总队|支队)$/u;

type Registry = ReadonlyMap<string, Department>;

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
  return items.filter((item, i) => item.name !== '' || (i > 0 && i < items.length - 1));
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
  const trimmed = text.replace(/[、，,；;。\s\u3000]+$/u, '');
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
  const m = /^(.+?)牵头(?:[，,；;、\s\u3000]*(.+?)(等(?:部门|单位)?)?配合)?(等部门按职责分工|按职责分工)?$/u.exec(text);
  if (!m) return null;
  const lists = [readList(line, m[1]!, offset, 'lead')];
  if (m[2]) lists.push({ ...readList(line, m[2], offset + m[1]!.length + text.slice(m[1]!.length).indexOf(m[2]), 'partner'), end: m[3] ?? '' });
  if (m[4]) lists.at(-1)!.end += m[4];
  return lists;
}

const isDepartmentShaped = (name: string, registry: Registry) => registry.has(name) || DEPT_SHAPE_RE.test(name);

/** Turns lists into departments with roles, checking every name against the registry. */
function resolve(file: string, lists: RoleList[], registry: Registry): ResponsibleDepartment[] {
  const departments: ResponsibleDepartment[] = [];
  const explicit = lists.some((l) => l.role !== undefined);
  for (const list of lists)
    for (const { name, offset } of list.items) {
      const col = colAt(list.line, offset);
      if (name === '') throw new SourceError(file, list.line.no, col, 'empty department name in the responsibility list');
      const dept = registry.get(name);
      if (!dept)
        throw new SourceError(file, list.line.no, col, `unknown department "${name}": add it to content/departments.yaml (abbr, id, name, nameEn, kind) or correct the spelling`);
      if (departments.some((d) => d.abbr === name)) throw new SourceError(file, list.line.no, col, `department "${name}" is listed twice`);
      // 责任单位 beside 牵头/配合 labels counts as lead; without any role, the first listed leads.
      const role: DepartmentRole = explicit ? list.role ?? 'lead' : departments.length === 0 ? 'lead' : 'partner';
      departments.push({ abbr: name, slug: dept.id, role });
    }
  if (!departments.some((d) => d.role === 'lead'))
    throw new SourceError(file, lists[0]!.line.no, lists[0]!.line.col, 'the responsibility list names no lead department (牵头): only partners (配合)');
  return departments;
}

function attribution(text: string, lists: RoleList[], departments: ResponsibleDepartment[], form: 'parenthetical' | 'line'): Attribution {
  const etc = lists.some((l) => l.end.startsWith('等'));
  return { text, departments, etc, suffix: lists.at(-1)!.end, form };
}

/** The index of the bracket that opens the line's closing parenthetical, and where that parenthetical ends (before any 。；). */
function closingParenthetical(text: string): { open: number; close: number } | null {
  const m = /[）)][。；;．.]?$/u.exec(text);
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
 * ends in no parenthetical, or in one that names no departments (（市区两级）, （2018-2022年）).
 */
export function readParentheticalAttribution(file: string, line: Line, registry: Registry): Attribution | null {
  const found = closingParenthetical(line.text);
  if (!found) return null;
  const start = found.open + 1;
  const inner = line.text.slice(start, found.close);
  const shaped = (lists: RoleList[]) => lists.every((l) => l.items.length > 0 && l.items.every((i) => isDepartmentShaped(i.name, registry)));
  let lists = labelledLists(line, inner, start);
  if (!lists) {
    // 由市人社局会同有关部门牵头 is a sentence, not a list: plain text.
    const verb = verbLists(line, inner, start);
    if (verb && shaped(verb)) lists = verb;
  }
  if (!lists) {
    const list = readList(line, inner, start, undefined);
    if (!/按职责分工/u.test(list.end) && !shaped([list])) return null;
    lists = [list];
  }
  // （市人社局、市财政局等部门按职责分工） on a line of its own, after sub-items, is a line attribution.
  return attribution(line.text.slice(found.open), lists, resolve(file, lists, registry), found.open === 0 ? 'line' : 'parenthetical');
}

/** The attribution written as lines of their own after a provision: 责任单位：…, or 牵头单位：… and 配合单位：…. */
export function readAttributionLines(file: string, lines: readonly Line[], registry: Registry): Attribution {
  const lists = lines.flatMap((line) => labelledLists(line, line.text, 0) ?? []);
  return attribution(lines.map((l) => l.text).join('\n'), lists, resolve(file, lists, registry), 'line');
}
