/**
 * What a provision does, in its own words: its action clauses and its deadlines. Rules that work
 * on any document, no hand-made list of clauses: a clause (between ，；。：) is an action when it
 * starts — after at most two adverbs such as 深入、全面、进一步 — with a lead verb such as 完善、
 * 建立、实施、推进、加大、落实; each sentence gives at most its first MAX_PER_SENTENCE such clauses,
 * and a provision without any gives the first clause after its headline. The headline sentence is
 * left out (the summary shows it as the title). Every clause is a verbatim slice of
 * the text, in order, with its offset, so a summary quotes and links, never paraphrases.
 */
import { ownText } from '../model/derive.ts';
import type { Provision } from '../model/types.ts';

/** Verbs that open an action in Chinese policy texts. */
export const LEAD_VERBS = [
  '完善', '建立', '建设', '健全', '实施', '推进', '推动', '推行', '加大', '加强', '加快', '落实', '贯彻', '深化', '优化',
  '支持', '鼓励', '开展', '探索', '制定', '制订', '提高', '提升', '扩大', '促进', '畅通', '打破', '破除', '放宽', '取消',
  '允许', '保障', '引导', '发挥', '强化', '规范', '创新', '拓宽', '拓展', '构建', '坚持', '增加', '降低', '简化', '统筹',
  '组织', '实行', '设立', '设置', '培育', '发展', '实现', '建成', '完成', '开发', '清理', '调整', '改革', '修订', '出台',
  '编制', '明确', '做好', '抓好', '兑现', '给予', '纳入', '落细', '拓展', '打通', '消除', '健全', '搭建', '举办', '遴选',
  '选派', '评选', '认定', '吸引', '引进', '培养', '选拔', '加紧', '严格', '依托', '用好', '办好', '筑牢', '激发', '营造',
] as const;

/** Adverbs that may come before the verb: 深入实施, 全面落实, 进一步完善, 科学制定, 重点保障. */
export const LEAD_ADVERBS = [
  '进一步', '深入', '全面', '积极', '大力', '着力', '切实', '不断', '持续', '继续', '稳步', '逐步', '有序', '重点', '统筹',
  '协同', '依法', '科学', '加快', '认真', '广泛', '充分', '扎实', '有效', '主动', '及时', '全力', '更加', '同步', '分类',
] as const;

/** A deadline: 2022年底前, 年内, 6月底前, 到2025年, 截至…, …之前. */
const DEADLINE_RE = /(?:到|至|截至|于)?\d{4}年(?:\d{1,2}月)?(?:底|末)?(?:前|以前|之前)|年底前|年内|月底前|(?:到|至)\d{4}年|\d{1,2}月底前|\d{1,2}月\d{1,2}日(?:前|以前|之前)/u;

export interface Clause {
  /** The clause as written, without its closing punctuation. */
  text: string;
  /** Offset (UTF-16) in the provision's text. */
  offset: number;
}

export interface KeyActions {
  actions: Clause[];
  deadlines: Clause[];
}

const startsWithVerb = (clause: string): boolean => {
  let rest = clause;
  for (let i = 0; i < 2; i++) {
    const adverb = LEAD_ADVERBS.find((a) => rest.startsWith(a) && rest.length > a.length);
    if (!adverb) break;
    if (LEAD_VERBS.some((v) => rest.startsWith(v))) break;
    rest = rest.slice(adverb.length);
  }
  return LEAD_VERBS.some((v) => rest.startsWith(v));
};

/** Sentences (closed by 。！？； or a line break) of a text, each as its clauses (closed by ，：), outside brackets. */
function sentences(text: string): Clause[][] {
  const out: Clause[][] = [];
  let sentence: Clause[] = [];
  let start = 0;
  let depth = 0;
  const close = (end: number, endsSentence: boolean) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const clause = raw.trim();
    if (clause) sentence.push({ text: clause, offset: start + lead });
    start = end + 1;
    if (endsSentence && sentence.length) { out.push(sentence); sentence = []; }
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ('（《“(【'.includes(ch)) depth++;
    else if ('）》”)】'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && '，；：'.includes(ch)) close(i, ch === '；');
    else if (depth === 0 && '。！？\n'.includes(ch)) close(i, true);
  }
  close(text.length, true);
  return out;
}

/** Action clauses taken from one sentence: enough to say what it does, few enough for one page a chapter. */
export const MAX_PER_SENTENCE = 2;

/** The key actions and deadlines of a provision, in reading order. */
export function keyActions(m: Pick<Provision, 'text' | 'headline' | 'attribution'>): KeyActions {
  const text = ownText(m as Provision);
  const headlineEnd = text.indexOf(m.headline) >= 0 ? text.indexOf(m.headline) + m.headline.length : 0;
  const actions: Clause[] = [];
  const deadlines: Clause[] = [];
  const body = sentences(text).filter((sentence) => sentence[0]!.offset >= headlineEnd);
  for (const sentence of body) {
    actions.push(...sentence.filter((c) => startsWithVerb(c.text)).slice(0, MAX_PER_SENTENCE));
    deadlines.push(...sentence.filter((c) => DEADLINE_RE.test(c.text)));
  }
  if (actions.length === 0 && body[0]) actions.push(body[0][0]!);
  return { actions, deadlines };
}

/** The deadlines a provision sets, as written (2022年底前, 年内), each once, in reading order: a task list's 完成时限. */
export function deadlinesOf(m: Pick<Provision, 'text' | 'headline' | 'attribution'>): string[] {
  const re = new RegExp(DEADLINE_RE.source, 'gu');
  return [...new Set(keyActions(m).deadlines.flatMap((c) => [...c.text.matchAll(re)].map((x) => x[0])))];
}
