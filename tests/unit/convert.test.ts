import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { escapeMdx, renderContent } from '../../src/convert/mdx.ts';
import { mdxToText, squash } from '../helpers/mdx-text.ts';
import { measures, policy, registry, seedText } from '../helpers/model.ts';
import { CONTENT_DIR, FIXTURES, REGISTRY_FILE, ROOT, SEED_FILE } from '../helpers/paths.ts';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A scratch project root with seeds/ (one seed) and content/ (a copy of the real one). */
function scratch(seed: string, name = 'seed.txt'): string {
  const root = mkdtempSync(join(tmpdir(), 'pe-convert-'));
  temps.push(root);
  mkdirSync(join(root, 'seeds'));
  writeFileSync(join(root, 'seeds', name), seed);
  cpSync(CONTENT_DIR, join(root, 'content'), { recursive: true });
  return root;
}

function snapshot(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

function convert(root: string) {
  return spawnSync(process.execPath, [join(ROOT, 'src/convert/cli.ts'), '--root', root], { cwd: root, encoding: 'utf8' });
}

describe('content/ is what `npm run convert` writes', () => {
  const generated = renderContent(policy, registry);

  test('no drift: the committed files equal a fresh conversion of seeds/', () => {
    const onDisk = listFiles(join(CONTENT_DIR, 'policy'));
    expect(onDisk).toEqual([...generated.keys()].sort());
    for (const [path, body] of generated) expect(readFileSync(join(CONTENT_DIR, 'policy', path), 'utf8'), path).toBe(body);
  });

  test('fidelity: without markup, the content is the seed, every character in order', () => {
    const doc = mdxToText(generated.get('document.mdx')!);
    const chapters = policy.chapters.map((c) => [
      c.marker + c.title,
      ...c.measures.map((m) => mdxToText(generated.get(`measures/${m.id}.mdx`)!)),
    ].join('\n'));
    // Chapter headings come from chapters.yaml; check that they are there, as written.
    const chaptersYaml = generated.get('chapters.yaml')!;
    for (const c of policy.chapters) expect(chaptersYaml).toContain(`title: ${c.title}`);
    expect(squash(doc + chapters.join(''))).toBe(squash(seedText));
  });

  test('a measure file has the marker, the headline and the attribution marked up', () => {
    const mdx = generated.get('measures/4-2.mdx')!;
    expect(mdx).toMatch(/^<Marker>（二）<\/Marker><Headline>推进教育优先发展保障起点公平。<\/Headline>/m);
    expect(mdx).toContain('<Duty etc={false}>（<Dept id="education">市教委</Dept>）</Duty>');
    expect(mdx).toContain('<Cite>《职业教育东西协作行动计划滇西实施方案落实协议书（2017\\-2020年）》</Cite>');
  });
});

describe('escaping', () => {
  test('every ASCII punctuation character is escaped, nothing else is touched', () => {
    const ascii = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    expect(escapeMdx(ascii)).toBe([...ascii].map((c) => `\\${c}`).join(''));
    expect(escapeMdx('中文（全角）《》“”、。')).toBe('中文（全角）《》“”、。');
    expect(mdxToText(escapeMdx(`<Cite>{x}</Cite> ${ascii}`))).toBe(`<Cite>{x}</Cite> ${ascii}`);
  });

  test('a seed full of MDX and HTML syntax converts to text-only MDX', () => {
    const seed = readFileSync(join(FIXTURES, 'syntax.txt'), 'utf8');
    const root = scratch(seed);
    const result = convert(root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const measure = readFileSync(join(root, 'content/policy/measures/1-1.mdx'), 'utf8');
    expect(measure).not.toMatch(/<(?!\/?(Marker|Headline|Term|Duty|Dept|Cite|DocNo|Fig)\b)[A-Za-z]/);
    expect(measure).toContain('<Marker>（一）</Marker><Headline>标题含\\`反引号\\`与\\#井号。</Headline>');
    expect(mdxToText(measure)).toContain('正文 {表达式} <Cite>伪组件</Cite> [链接](http://example.com) \\反斜杠');
  });
});

describe('bad input: FILE:LINE:COL, non-zero exit, content/ untouched', () => {
  const minimal = readFileSync(join(FIXTURES, 'minimal.txt'), 'utf8');

  test('the minimal fixture converts', () => {
    const root = scratch(minimal);
    const result = convert(root);
    expect(result.status, result.stderr).toBe(0);
    expect(listFiles(join(root, 'content/policy'))).toEqual(['chapters.yaml', 'document.mdx', 'measures/1-1.mdx', 'measures/1-2.mdx', 'measures/2-1.mdx']);
  });

  /** Replaces `find` in the minimal fixture; the error must point at `at` (default: where the replacement starts). */
  function broken(find: string, replace: string, at?: string, colOffset = 0) {
    const seed = minimal.replace(find, replace);
    expect(seed, 'fixture edit applies').not.toBe(minimal);
    const target = at ?? replace;
    const index = seed.indexOf(target);
    const before = seed.slice(0, index).split('\n');
    return { seed, line: before.length, col: [...before.at(-1)!].length + 1 + colOffset };
  }

  const cases: [string, ReturnType<typeof broken>, RegExp][] = [
    ['chapter heading missing', broken('二、组织保障\n', '', '（一）加强领导'), /measure （一） is repeated in chapter 一、/],
    ['chapter out of order', broken('二、组织保障', '三、组织保障'), /out of order: expected 二、/],
    ['measure number skipped', broken('（二）保障重点群体', '（三）保障重点群体'), /out of order.*expected （二）/],
    ['measure number repeated', broken('（二）保障重点群体', '（一）保障重点群体'), /repeated.*expected （二）/],
    ['unclosed （', broken('（市教委）', '（市教委', '（市教委'), /not closed/],
    ['unclosed 《', broken('根据《关于做好就业工作的意见》', '根据《关于做好就业工作的意见', '《关于做好就业工作的意见'), /not closed/],
    ['empty measure', broken('（一）加强领导。各区要抓好落实。', '（一）', '（一）\n', 3), /empty/],
    ['unknown department', broken('市财政局等部门', '市财政厅等部门', '市财政厅'), /unknown department "市财政厅"/],
    ['unknown seal department', broken('市人社局代章', '市人设局代章', '市人设局'), /unknown department "市人设局"/],
  ];

  test.each(cases)('%s', (_name, { seed, line, col }, message) => {
    const root = scratch(seed, 'broken.txt');
    const before = snapshot(join(root, 'content'));
    const result = convert(root);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const error = result.stderr.trim();
    expect(error.split('\n')).toHaveLength(1);
    const [, file, l, c, text] = /^(.+?):(\d+):(\d+): (.+)$/.exec(error) ?? [];
    expect(file).toBe(join('seeds', 'broken.txt'));
    expect(text).toMatch(message);
    expect([Number(l), Number(c)]).toEqual([line, col]);
    expect(snapshot(join(root, 'content'))).toEqual(before);
  });

  test('an unknown department in the real seed names its line and column', () => {
    const line = seedText.split('\n').findIndex((l) => l.includes('市档案局'));
    const col = [...seedText.split('\n')[line]!].indexOf('市') + 1;
    const seed = seedText.replace('市档案局', '市档案馆');
    const root = scratch(seed, relative(join(ROOT, 'seeds'), SEED_FILE));
    const result = convert(root);
    expect(result.status).toBe(1);
    const [, l, c] = /:(\d+):(\d+): unknown department "市档案馆"/.exec(result.stderr) ?? [];
    expect(Number(l)).toBe(line + 1);
    expect(Number(c)).toBeGreaterThanOrEqual(col);
    expect([...seedText.split('\n')[line]!].slice(Number(c) - 1, Number(c) + 3).join('')).toBe('市档案局');
  });

  test('a registry error is reported with the registry file and line', () => {
    const root = scratch(minimal);
    const registryText = readFileSync(REGISTRY_FILE, 'utf8').replace('kind: mass-organisation', 'kind: club');
    writeFileSync(join(root, 'content/departments.yaml'), registryText);
    const before = snapshot(join(root, 'content'));
    const result = convert(root);
    expect(result.status).toBe(1);
    const lineNo = registryText.split('\n').findIndex((l) => l.includes('kind: club')) + 1;
    expect(result.stderr.trim()).toBe(`content/departments.yaml:${lineNo}:9: kind "club" must be one of party, government, government-affiliated, mass-organisation`);
    expect(snapshot(join(root, 'content'))).toEqual(before);
  });

  test('npm run convert on the real seed reproduces content/ exactly', () => {
    const root = scratch(seedText, relative(join(ROOT, 'seeds'), SEED_FILE));
    rmSync(join(root, 'content/policy'), { recursive: true });
    execFileSync(process.execPath, [join(ROOT, 'src/convert/cli.ts'), '--root', root], { cwd: root });
    expect(snapshot(join(root, 'content'))).toEqual(snapshot(CONTENT_DIR));
    expect(measures.length).toBe(16);
  });
});
