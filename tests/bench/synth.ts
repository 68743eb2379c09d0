/**
 * Synthetic libraries for the scale benchmark (`npm run bench -- --documents N`): N fictional
 * documents in the forms of the test fixtures (an 印发 notice carrying 一、/（一） provisions, a
 * direct 实施意见 with 责任单位 lines and sub-items, and a 办法 in 第一章/第一条 articles), of
 * varied lengths, naming departments of the real registry (shared by all) and fictional ones
 * (each shared by a band of documents), and citing earlier documents by 《title》（发文字号）.
 *
 * Every title is marked 示例 and 测试, every text says it is fictional. Deterministic: the same N
 * gives the same files. Written into a scratch root (seeds/, content/), never the project's.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { MAX_NUMERAL, toChineseNumeral } from '../../src/model/numerals.ts';

/** A word most documents hold (in about four provisions in five), and one only one document holds. */
export const COMMON_WORD = '就业';
export const RARE_WORD = '公证';

/** Small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = ['人才服务', '职业培训', '见习岗位', '创业扶持', '社会保障', '公共服务', '数据共享', '档案管理', '技能评价', '人才引进', '基层服务', '劳动关系'];
const VERBS = ['完善', '健全', '推进', '落实', '加强', '优化', '建立', '规范', '支持', '探索'];
const OBJECTS = ['示例工作机制', '测试服务流程', '示例评价办法', '测试保障措施', '示例信息平台', '测试管理制度', '示例服务网络', '测试统计口径'];
/** Reader groups' phrases (content/groups.yaml), so group pages fill as they would in a real library. */
const PEOPLE = ['高校毕业生', '农民工', '退役军人', '技能人才', '专业技术人才', '基层一线人员', '困难家庭', '留守儿童', '青年', '老年人'];
const TAILS = ['本条仅为测试文本', '全部内容均为虚构示例', '以便检验政策文库的功能', '不作为任何实际工作的依据'];

interface Dept { id: string; abbr: string }

interface SynthDoc {
  file: string;
  title: string;
  number: string;
  year: number;
  text: string;
}

/**
 * The fictional departments: one for every ten documents, at least five and at most forty (a
 * city has some dozens of departments, however many documents it issues).
 */
function fictionalDepartments(n: number): (Dept & { name: string })[] {
  return Array.from({ length: Math.min(40, Math.max(5, Math.ceil(n / 10))) }, (_, k) => ({
    id: `synth-dept-${k + 1}`,
    abbr: `市示例第${toChineseNumeral(k + 1)}测试局`,
    name: `天津市示例第${toChineseNumeral(k + 1)}测试局（测试用虚构部门）`,
  }));
}

function sentence(r: () => number, i: number, extra = ''): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const people = r() < 0.2 ? `，面向${pick(PEOPLE)}` : '';
  return `${pick(VERBS)}${pick(TOPICS)}${pick(OBJECTS)}${extra}${people}，${pick(TAILS)}（第${i}句）。`;
}

/** One document's text, in one of three forms. */
function document(i: number, n: number, shared: Dept[], fictional: Dept[], earlier: SynthDoc[]): SynthDoc {
  const r = random(i * 7919 + 17);
  const year = 2010 + (i % 16);
  const number = `津测字〔${year}〕${i + 1}号`;
  const kinds = ['办法', '细则', '实施意见', '工作要点', '若干措施'] as const;
  const form = i % 10 < 5 ? 'notice' : i % 10 < 8 ? 'direct' : 'articles';
  const topic = TOPICS[i % TOPICS.length]!;
  const ownTitle = `天津市示例${topic}第${i + 1}号${form === 'direct' ? '实施意见' : form === 'articles' ? '办法' : kinds[i % kinds.length]}（测试）`;
  const title = form === 'notice' ? `关于印发《${ownTitle}》的通知` : ownTitle;
  // Lengths vary: 1–6 chapters, 1–6 provisions each, 1–5 sentences a provision (a few long ones).
  const chapters = 1 + Math.floor(r() * 6);
  const band = fictional[Math.floor((i / Math.max(1, n)) * fictional.length)]!;
  const depts = (): string => {
    const k = 1 + Math.floor(r() * 3);
    const chosen = new Set<string>();
    while (chosen.size < k) chosen.add((r() < 0.3 ? band : shared[Math.floor(r() * shared.length)]!).abbr);
    return [...chosen].join('、');
  };
  const cites = earlier.length > 0 ? [earlier[Math.floor(r() * earlier.length)]!] : [];
  const citeText = cites.map((d) => `《${d.title.replace(/^关于印发《(.*)》的通知$/, '$1')}》（${d.number}）`).join('');
  let s = 0;
  const body = (k: number, last: boolean): string => {
    const sentences = r() < 0.05 ? 10 + Math.floor(r() * 15) : 1 + Math.floor(r() * 5);
    const words: string[] = [];
    for (let j = 0; j < sentences; j++) {
      const rare = j === 0 && k === 1 && s === 0 && i === Math.floor(n / 2);
      const extra = rare ? `和${RARE_WORD}服务` : j === 0 && r() < 0.8 ? `和${COMMON_WORD}服务` : '';
      words.push(sentence(r, ++s, extra));
    }
    if (last && citeText) words.push(`具体要求参照${citeText}执行。`);
    return words.join('');
  };

  const lines: string[] = [];
  if (form === 'notice') {
    lines.push(title, number, '各区示例测试单位：', `现将《${ownTitle}》印发给你们，请认真贯彻执行。本文件是软件测试用的示例文本，内容均为虚构，不是真实政策。`, '', '市示例测试工作组', `${year}年${1 + (i % 12)}月${1 + (i % 28)}日`);
    lines.push(`为测试政策文库的规模，编写本示例文件${citeText ? `，并与${citeText}配套` : ''}。本文全部内容均为测试用虚构示例。`);
    for (let c = 1; c <= chapters; c++) {
      lines.push(`${toChineseNumeral(c)}、示例${TOPICS[(i + c) % TOPICS.length]}`);
      const count = 1 + Math.floor(r() * 6);
      for (let m = 1; m <= count; m++) {
        const attributed = r() < 0.9;
        lines.push(`（${toChineseNumeral(m)}）测试${VERBS[m % VERBS.length]}示例。${body(m, c === chapters && m === count)}${attributed ? `（${depts()}等部门按职责分工）` : ''}`);
      }
    }
  } else if (form === 'direct') {
    lines.push(title, number, '各区示例测试单位：', `为检验政策文库的规模，现提出如下示例意见${citeText ? `，与${citeText}配套` : ''}。本文件内容均为虚构，不是真实政策。`);
    for (let c = 1; c <= chapters; c++) {
      lines.push(`${toChineseNumeral(c)}、示例${TOPICS[(i + c) % TOPICS.length]}`);
      const count = 1 + Math.floor(r() * 6);
      for (let m = 1; m <= count; m++) {
        lines.push(`（${toChineseNumeral(m)}）测试${VERBS[m % VERBS.length]}示例。${body(m, c === chapters && m === count)}`);
        if (r() < 0.3) lines.push(`1.${sentence(r, ++s)}`, `2.${sentence(r, ++s)}`);
        if (r() < 0.5) lines.push(`责任单位：${depts()}`);
        else {
          const lead = depts().split('、')[0]!;
          lines.push(`牵头单位：${lead}　配合单位：${lead === band.abbr ? shared[i % shared.length]!.abbr : band.abbr}`);
        }
      }
    }
    lines.push('市示例测试工作组', `${year}年${1 + (i % 12)}月${1 + (i % 28)}日`);
  } else {
    lines.push(title, number, '市示例测试工作组', `${year}年${1 + (i % 12)}月${1 + (i % 28)}日`);
    let article = 0;
    for (let c = 1; c <= chapters; c++) {
      lines.push(`第${toChineseNumeral(c)}章　示例${TOPICS[(i + c) % TOPICS.length]}`);
      const count = 1 + Math.floor(r() * 6);
      for (let m = 1; m <= count; m++) {
        lines.push(`第${toChineseNumeral(++article)}条　${body(m, c === chapters && m === count)}${r() < 0.7 ? `（${depts()}）` : ''}`);
      }
    }
  }
  return { file: `synth_${String(i + 1).padStart(5, '0')}.txt`, title, number, year, text: `${lines.join('\n')}\n` };
}

/**
 * Writes a scratch root for N synthetic documents: seeds/*.txt, content/departments.yaml (the
 * project's registry plus the fictional departments), content/documents.yaml (some statuses) and
 * the project's thesaurus and reader groups. Returns the documents written.
 */
export function synthesizeLibrary(root: string, n: number, projectContent: string): SynthDoc[] {
  rmSync(join(root, 'seeds'), { recursive: true, force: true });
  rmSync(join(root, 'content'), { recursive: true, force: true });
  mkdirSync(join(root, 'seeds'), { recursive: true });
  mkdirSync(join(root, 'content'), { recursive: true });
  const registryText = readFileSync(join(projectContent, 'departments.yaml'), 'utf8');
  const shared = (parseYaml(registryText) as Dept[]).map(({ id, abbr }) => ({ id, abbr }));
  const fictional = fictionalDepartments(n);
  const docs: SynthDoc[] = [];
  for (let i = 0; i < n; i++) {
    const doc = document(i, n, shared, fictional, docs.slice(Math.max(0, i - 50)));
    docs.push(doc);
    writeFileSync(join(root, 'seeds', doc.file), doc.text);
  }
  const extra = fictional.map((d) => `- id: ${d.id}\n  abbr: ${d.abbr}\n  name: ${d.name}\n  nameEn: Synthetic test department ${d.id.split('-').pop()} (fictional)\n  kind: government\n`).join('');
  writeFileSync(join(root, 'content', 'departments.yaml'), `${registryText.replace(/\n*$/, '\n')}${extra}`);
  const statuses = ['现行有效', '已修改', '失效', '未核对'];
  writeFileSync(join(root, 'content', 'documents.yaml'), docs.map((d, i) => `- source: ${d.file}\n  status: ${statuses[i % statuses.length]}\n`).join(''));
  for (const f of ['thesaurus.yaml', 'groups.yaml', 'topics.yaml']) cpSync(join(projectContent, f), join(root, 'content', f));
  return docs;
}

/** Provisions per chapter of the long document (the Civil Code has 1,260 articles in 84 chapters: 15 on average). */
const PER_CHAPTER = 15;

/**
 * One fictional long document of `provisions` provisions in chapters of 15, one to five
 * sentences each, half of them attributed: the size benchmark's document (`npm run bench --
 * --provisions N`), like the Civil Code's 1,260 articles. A 办法 in 第一章/第一条 articles up to
 * 9,999 provisions (the largest numeral the model writes); beyond, an 实施意见 in 一、/（一） items.
 * Deterministic.
 */
export function longDocument(provisions: number): SynthDoc {
  const r = random(provisions * 31 + 7);
  const year = 2021;
  const number = `津测字〔${year}〕${provisions}号`;
  const articles = provisions <= MAX_NUMERAL;
  const title = `天津市示例长篇测试${articles ? '办法' : '实施意见'}（${provisions}项）`;
  const lines = articles
    ? [title, number, '市示例测试工作组', `${year}年1月1日`]
    : [title, number, '各区示例测试单位：', '为检验政策文库的规模，现提出如下示例意见。本文件内容均为虚构，不是真实政策。'];
  let s = 0;
  for (let n = 1, chapter = 1; n <= provisions; chapter++) {
    lines.push(articles ? `第${toChineseNumeral(chapter)}章　示例${TOPICS[chapter % TOPICS.length]}` : `${toChineseNumeral(chapter)}、示例${TOPICS[chapter % TOPICS.length]}`);
    for (let k = 1; k <= PER_CHAPTER && n <= provisions; k++, n++) {
      const sentences = 1 + Math.floor(r() * 5);
      const text = Array.from({ length: sentences }, (_, j) => sentence(r, ++s, j === 0 && r() < 0.5 ? `和${COMMON_WORD}服务` : '')).join('');
      const duty = r() < 0.5 ? '（市人社局、市教委等部门按职责分工）' : '';
      lines.push(articles ? `第${toChineseNumeral(n)}条　${text}${duty}` : `（${toChineseNumeral(k)}）测试示例。${text}${duty}`);
    }
  }
  if (!articles) lines.push('市示例测试工作组', `${year}年1月1日`);
  return { file: `synth_long_${provisions}.txt`, title, number, year, text: `${lines.join('\n')}\n` };
}

/**
 * Writes a scratch root holding the project's seeds and content files, and, when `provisions` is
 * given, one long document of that many provisions (longDocument()): the size benchmark builds
 * the seed alone, then the seed and the long document, and compares.
 */
export function synthesizeLongLibrary(root: string, provisions: number | null, projectSeeds: string, projectContent: string): SynthDoc | null {
  rmSync(join(root, 'seeds'), { recursive: true, force: true });
  rmSync(join(root, 'content'), { recursive: true, force: true });
  mkdirSync(join(root, 'content'), { recursive: true });
  cpSync(projectSeeds, join(root, 'seeds'), { recursive: true });
  for (const f of ['departments.yaml', 'documents.yaml', 'thesaurus.yaml', 'groups.yaml', 'topics.yaml']) cpSync(join(projectContent, f), join(root, 'content', f));
  if (provisions === null) return null;
  const doc = longDocument(provisions);
  writeFileSync(join(root, 'seeds', doc.file), doc.text);
  return doc;
}
