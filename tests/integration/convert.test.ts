import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { escapeMdx, libraryIndex, renderContent } from '../../src/convert/mdx.ts';
import { parseSeed } from '../../src/convert/parse.ts';
import type { PolicyDocument } from '../../src/model/types.ts';
import { mdxToText, provisionMdx, squash } from '../helpers/mdx-text.ts';
import { provisions, policy, registry, seedText } from '../helpers/model.ts';
import { CONTENT_DIR, FIXTURES, REGISTRY_FILE, ROOT, SEEDS_DIR, SEED_FILE } from '../helpers/paths.ts';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A scratch project root with seeds/ (the given seeds, by file name) and content/ (a copy of the real one). */
function scratchLibrary(seeds: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pe-convert-'));
  temps.push(root);
  mkdirSync(join(root, 'seeds'));
  for (const [name, text] of Object.entries(seeds)) writeFileSync(join(root, 'seeds', name), text);
  cpSync(CONTENT_DIR, join(root, 'content'), { recursive: true });
  // The project's document metadata is about the project's seeds; a scratch library has its own.
  writeFileSync(join(root, 'content', 'documents.yaml'), '[]\n');
  return root;
}

/** A scratch project root with one seed. */
function scratch(seed: string, name = 'seed.txt'): string {
  return scratchLibrary({ [name]: seed });
}

/** Every file under `dir`, as text. */
function snapshot(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** Every file and folder under `dir`, with the exact bytes of the files. */
function byteSnapshot(dir: string): Map<string, Buffer | 'dir'> {
  return new Map(readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().map((f) => {
    const p = join(dir, f);
    return [f, statSync(p).isDirectory() ? 'dir' : readFileSync(p)] as const;
  }));
}

function convert(root: string) {
  return spawnSync(process.execPath, [join(ROOT, 'src/convert/cli.ts'), '--root', root], { cwd: root, encoding: 'utf8' });
}

/** The one-line error of a failed conversion, taken apart: FILE:LINE:COL: message. */
function sourceError(result: ReturnType<typeof convert>) {
  expect(result.status, result.stdout).toBe(1);
  expect(result.stdout).toBe('');
  const error = result.stderr.trim();
  expect(error.split('\n')).toHaveLength(1);
  const [, file, line, col, message] = /^(.+?):(\d+):(\d+): (.+)$/.exec(error) ?? [];
  return { file, line: Number(line), col: Number(col), message: message ?? error };
}

/** Line and column (1-based, in characters) where `target` first occurs in `text`. */
function position(text: string, target: string): { line: number; col: number } {
  const index = text.indexOf(target);
  expect(index, `"${target}" occurs in the text`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, col: [...before.at(-1)!].length + 1 };
}

/** A generated file's frontmatter, as data. */
function frontmatter(mdx: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(mdx);
  expect(m, 'the file starts with frontmatter').not.toBeNull();
  return parseYaml(m![1]!) as Record<string, unknown>;
}

/** The text a reader sees in a generated document folder: the document, then each chapter heading (from the frontmatter) and its provisions. */
function folderText(files: ReadonlyMap<string, string>): string {
  const doc = files.get('document.mdx')!;
  const chapters = frontmatter(doc).chapters as { marker: string; title: string; provisions: string[] }[];
  return mdxToText(doc) + chapters.map((c) => [c.marker + c.title, ...c.provisions.map((id) => mdxToText(provisionMdx(files, id)))].join('\n')).join('');
}

/** The seeds of the project, parsed the way `npm run convert` does: every seeds/*.txt, with the ids content/documents.yaml declares. */
function parseLibrary(): { doc: PolicyDocument; text: string }[] {
  const declaredFile = join(CONTENT_DIR, 'documents.yaml');
  const declared = existsSync(declaredFile) ? (parseYaml(readFileSync(declaredFile, 'utf8')) as { source: string; id?: string }[] | null) ?? [] : [];
  return readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((name) => {
    const text = readFileSync(join(SEEDS_DIR, name), 'utf8');
    return { doc: parseSeed(`seeds/${name}`, text, registry, declared.find((d) => d.source === name)?.id), text };
  });
}

const fixtureA = readFileSync(join(FIXTURES, 'unit/library-a.txt'), 'utf8');
const fixtureB = readFileSync(join(FIXTURES, 'unit/library-b.txt'), 'utf8');

describe('content/ is what `npm run convert` writes', () => {
  const library = parseLibrary();
  const index = libraryIndex(library.map((x) => x.doc));
  const rendered = new Map(library.map(({ doc }) => [doc.id, renderContent(doc, registry, index)]));
  const generated = rendered.get(policy.id)!;

  test('no drift: converting seeds/ afresh gives exactly the committed content/, every document folder of it', () => {
    const root = mkdtempSync(join(tmpdir(), 'pe-convert-'));
    temps.push(root);
    cpSync(SEEDS_DIR, join(root, 'seeds'), { recursive: true });
    cpSync(CONTENT_DIR, join(root, 'content'), { recursive: true });
    rmSync(join(root, 'content', 'policies'), { recursive: true, force: true });
    const result = convert(root);
    expect(result.status, result.stderr).toBe(0);
    expect(snapshot(join(root, 'content'))).toEqual(snapshot(CONTENT_DIR));
    // One folder per seed, named by the document's id.
    expect(readdirSync(join(CONTENT_DIR, 'policies')).sort()).toEqual(library.map((x) => x.doc.id).sort());
  });

  test('no drift, in process: every document folder equals what renderContent gives for it', () => {
    for (const [id, files] of rendered) {
      const dir = join(CONTENT_DIR, 'policies', id);
      expect(listFiles(dir), id).toEqual([...files.keys()].sort());
      for (const [path, body] of files) expect(readFileSync(join(dir, path), 'utf8'), `${id}/${path}`).toBe(body);
    }
  });

  test('fidelity: without markup, each document is its seed, every character in order', () => {
    for (const { doc, text } of library) {
      const files = rendered.get(doc.id)!;
      const chapters = frontmatter(files.get('document.mdx')!).chapters as { title: string }[];
      expect(chapters.map((c) => c.title), doc.id).toEqual(doc.chapters.map((c) => c.title));
      expect(squash(folderText(files)), doc.id).toBe(squash(text));
    }
    expect(squash(folderText(generated))).toBe(squash(seedText));
  });

  test('frontmatter: the whole document with chapters listing provision ids; each provision with its document', () => {
    const doc = frontmatter(generated.get('document.mdx')!);
    // Everything the parser read, chapters listing their provisions' ids (the provisions have files of their own).
    const { chapters: _c, ...parsed } = policy;
    const { chapters, ...written } = doc as typeof doc & { chapters: { number: number; marker: string; title: string; line: number; provisions: string[] }[] };
    expect(written).toEqual(parsed);
    expect(chapters.map((c) => ({ number: c.number, marker: c.marker, title: c.title, line: c.line, provisions: c.provisions })))
      .toEqual(policy.chapters.map((c) => ({ number: c.number, marker: c.marker, title: c.title, line: c.line, provisions: c.provisions.map((m) => m.id) })));
    expect(doc.id).toBe('jjzz-2020-5');
    expect(doc.source).toBe(relative(SEEDS_DIR, SEED_FILE));
    expect(frontmatter(generated.get('provisions.mdx')!)).toEqual({ document: 'jjzz-2020-5', provisions });
    expect(generated.get('document.mdx')).toContain(`Generated by \`npm run convert\` from seeds/${relative(SEEDS_DIR, SEED_FILE)}`);
  });

  test('a provision file has the marker, the headline and the attribution marked up, with link targets', () => {
    const mdx = provisionMdx(generated, '4-2');
    // Anchors of the reference index: distinct 《…》 (the policy's own title left out) and “…”, in order of first mention after the title line.
    const body = seedText.split('\n').slice(1).join('\n');
    const titles = [...new Set([...body.matchAll(/《([^》]*)》/g)].map((x) => x[1]!))].filter((t) => t !== policy.provisionsTitle);
    const names = [...new Set([...body.matchAll(/“([^”]*)”/g)].map((x) => x[1]!))];
    const cited = '职业教育东西协作行动计划滇西实施方案落实协议书（2017-2020年）';
    expect(mdx).toMatch(/^<Para><Marker>（二）<\/Marker><Headline>推进教育优先发展保障起点公平。<\/Headline>/m);
    expect(mdx).toContain(`<Duty etc={false}>（<Dept id="education" name="${registry.find((d) => d.abbr === '市教委')!.name}">市教委</Dept>）</Duty>`);
    expect(mdx).toContain(`<Cite doc="jjzz-2020-5" anchor="doc-${titles.indexOf(cited) + 1}">《${escapeMdx(cited)}》</Cite>`);
    expect(mdx).toContain(`<Term doc="jjzz-2020-5" anchor="prog-${names.indexOf('区管校聘') + 1}">“区管校聘”</Term>`);
    expect(titles.indexOf(cited)).toBeGreaterThan(0);
    // The document's own title is no reference: plain <Cite>, no target.
    expect(generated.get('document.mdx')).toContain(`<Cite>《${policy.provisionsTitle}》</Cite>`);
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
    // 测字〔2024〕2号: cè zì → cz-2024-2.
    const folder = join(root, 'content/policies/cz-2024-2');
    const provision = provisionMdx(readFileSync(join(folder, 'provisions.mdx'), 'utf8'), '1-1');
    expect(provision).not.toMatch(/<(?!\/?(Para|Marker|Headline|Term|Duty|Dept|Cite|DocNo|Fig)\b)[A-Za-z]/);
    expect(provision).toContain('<Marker>（一）</Marker><Headline>标题含\\`反引号\\`与\\#井号。</Headline>');
    expect(mdxToText(provision)).toContain('正文 {表达式} <Cite>伪组件</Cite> [链接](http://example.com) \\反斜杠');
    // The body of document.mdx (the frontmatter is YAML data, not MDX).
    const document = readFileSync(join(folder, 'document.mdx'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    expect(document).toContain('\\<script\\>');
    expect(document).not.toMatch(/(?<!\\)<(?!\/?(DocTitle|DocNumber|Addressees|Notice|Signature|DocDate|Preamble|Para|AttachmentNote|DocNotes|CarriedTitle|Cite|Term|Dept|DocNo|Fig)\b)[A-Za-z]/);
    expect(squash(folderText(snapshot(folder)))).toBe(squash(seed));
  });
});

describe('a library: every seed becomes a folder', () => {
  test('two seeds convert into two folders, and folders of earlier conversions go', () => {
    const root = scratchLibrary({ 'a.txt': fixtureA, 'b.txt': fixtureB });
    mkdirSync(join(root, 'content/policy'), { recursive: true });
    writeFileSync(join(root, 'content/policy/stale.mdx'), 'old layout');
    const result = convert(root);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('sjz-2024-1');
    expect(result.stdout).toContain('cyz-2024-2');
    // 示甲字 (shì jiǎ zì) → sjz, 测乙字 (cè yǐ zì) → cyz.
    expect(listFiles(join(root, 'content/policies'))).toEqual([
      'cyz-2024-2/document.mdx', 'cyz-2024-2/provisions.mdx',
      'sjz-2024-1/document.mdx', 'sjz-2024-1/provisions.mdx',
    ]);
    expect(existsSync(join(root, 'content/policy'))).toBe(false);
    expect(readdirSync(join(root, 'content')).sort()).toEqual(readdirSync(CONTENT_DIR).sort());
    for (const [id, seed, name] of [['sjz-2024-1', fixtureA, 'a.txt'], ['cyz-2024-2', fixtureB, 'b.txt']] as const) {
      const files = snapshot(join(root, 'content/policies', id));
      expect(squash(folderText(files)), id).toBe(squash(seed));
      expect(frontmatter(files.get('document.mdx')!)).toMatchObject({ id, source: name });
      expect(frontmatter(files.get('provisions.mdx')!)).toMatchObject({ document: id, provisions: [{ id: '1-1' }, { id: '1-2' }, ...(id === 'sjz-2024-1' ? [{ id: '2-1' }] : [])] });
    }
    expect((frontmatter(readFileSync(join(root, 'content/policies/cyz-2024-2/provisions.mdx'), 'utf8')).provisions as { attribution: unknown }[])[1]!.attribution)
      .toMatchObject({ text: '（市民政局）', departments: [{ abbr: '市民政局', slug: registry.find((d) => d.abbr === '市民政局')!.id }], etc: false, suffix: '' });
  });

  test('a seed citing another seed by title or 发文字号 links to it: <Cite to> and <DocNo to>', () => {
    const root = scratchLibrary({ 'a.txt': fixtureA, 'b.txt': fixtureB });
    expect(convert(root).status).toBe(0);
    const b = snapshot(join(root, 'content/policies/cyz-2024-2'));
    const a = snapshot(join(root, 'content/policies/sjz-2024-1'));
    const aTitle = '示例甲市促进就业的若干措施';
    // By the provisions' title, in the preamble and in a provision; by the notice's full title; by the 发文字号.
    expect(b.get('document.mdx')).toContain(`<Cite to="sjz-2024-1">《${aTitle}》</Cite>（<DocNo to="sjz-2024-1">示甲字〔2024〕1号</DocNo>）`);
    expect(b.get('document.mdx')).toContain(`<Cite to="sjz-2024-1">《关于印发《${aTitle}》的通知》</Cite>`);
    expect(provisionMdx(b, '1-1')).toContain(`按照<Cite to="sjz-2024-1">《${aTitle}》</Cite>要求`);
    expect(provisionMdx(b, '1-2')).toContain('，<DocNo to="sjz-2024-1">示甲字〔2024〕1号</DocNo>文件');
    // Its own title and number link nowhere; A cites no other document of the library.
    expect(b.get('document.mdx')).toContain('<Cite>《测试乙市落实就业措施的实施办法》</Cite>');
    expect(b.get('document.mdx')).toContain('<DocNumber>测乙字〔2024〕2号</DocNumber>');
    for (const [path, body] of a) expect(body, path).not.toContain(' to=');
    expect(a.get('document.mdx')).toContain(`<Cite>《${aTitle}》</Cite>`);
    // Converted alone, B cites an unknown document: no link target.
    const alone = scratchLibrary({ 'b.txt': fixtureB });
    expect(convert(alone).status).toBe(0);
    const bAlone = snapshot(join(alone, 'content/policies/cyz-2024-2'));
    for (const [path, body] of bAlone) expect(body, path).not.toContain(' to=');
    expect(bAlone.get('document.mdx')).toMatch(/<Cite doc="cyz-2024-2" anchor="doc-1">《示例甲市促进就业的若干措施》<\/Cite>/);
  });

  test('content/documents.yaml declares a document id', () => {
    const root = scratchLibrary({ 'a.txt': fixtureA, 'b.txt': fixtureB });
    writeFileSync(join(root, 'content/documents.yaml'), '# 测试\n- source: a.txt\n  id: shili-jia\n');
    const result = convert(root);
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(root, 'content/policies')).sort()).toEqual(['cyz-2024-2', 'shili-jia']);
    const a = snapshot(join(root, 'content/policies/shili-jia'));
    expect(frontmatter(a.get('document.mdx')!)).toMatchObject({ id: 'shili-jia', docNumber: '示甲字〔2024〕1号' });
    expect(frontmatter(a.get('provisions.mdx')!).document).toBe('shili-jia');
    expect(provisionMdx(a, '1-2')).toContain('<Term doc="shili-jia" anchor="prog-1">“示例英才”</Term>');
    // Links from the other document use the declared id.
    expect(readFileSync(join(root, 'content/policies/cyz-2024-2/document.mdx'), 'utf8')).toContain('<DocNo to="shili-jia">示甲字〔2024〕1号</DocNo>');
    expect(readFileSync(join(root, 'content/documents.yaml'), 'utf8')).toBe('# 测试\n- source: a.txt\n  id: shili-jia\n');
  });

  test('an invalid id in content/documents.yaml is an error in that file', () => {
    const root = scratchLibrary({ 'a.txt': fixtureA });
    const yaml = '- source: a.txt\n  id: Shili_Jia\n';
    writeFileSync(join(root, 'content/documents.yaml'), yaml);
    const before = byteSnapshot(join(root, 'content'));
    const e = sourceError(convert(root));
    expect(e.file).toBe('content/documents.yaml');
    expect(e.message).toMatch(/id "Shili_Jia"/);
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.line).toBeLessThanOrEqual(2);
    expect(byteSnapshot(join(root, 'content'))).toEqual(before);
  });
});

describe('bad input: FILE:LINE:COL, non-zero exit, content/ untouched', () => {
  const minimal = readFileSync(join(FIXTURES, 'minimal.txt'), 'utf8');

  test('the minimal fixture converts', () => {
    const root = scratch(minimal);
    const result = convert(root);
    expect(result.status, result.stderr).toBe(0);
    // 测就字〔2024〕1号: cè jiù zì → cjz-2024-1; the seed's folder replaces every earlier one.
    expect(listFiles(join(root, 'content/policies'))).toEqual(['cjz-2024-1/document.mdx', 'cjz-2024-1/provisions.mdx']);
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

  // Read and noted (issue 20): the document converts, and the report beside its content names the place.
  const cases: [string, ReturnType<typeof broken>, RegExp][] = [
    ['chapter heading missing', broken('二、组织保障\n', '', '（一）加强领导'), /provision （一） is repeated in chapter 一、/],
    ['chapter out of order', broken('二、组织保障', '三、组织保障'), /out of order: expected 二、/],
    ['provision number skipped', broken('（二）保障重点群体', '（三）保障重点群体'), /out of order.*expected （二）/],
    ['provision number repeated', broken('（二）保障重点群体', '（一）保障重点群体'), /repeated.*expected （二）/],
    ['unclosed （', broken('（市教委）', '（市教委', '（市教委'), /not closed/],
    ['unclosed 《', broken('根据《关于做好就业工作的意见》', '根据《关于做好就业工作的意见', '《关于做好就业工作的意见'), /not closed/],
    ['unknown department', broken('市财政局等部门', '市财政厅等部门', '市财政厅'), /"市财政厅" is not in content\/departments.yaml: read as a body of its own/],
    ['unknown seal department', broken('市人社局代章', '市人设局代章', '市人设局'), /"市人设局" in the seal note is not in content\/departments.yaml/],
  ];

  test.each(cases)('%s: converted, and noted in the report at its place', (_name, { seed, line, col }, message) => {
    const root = scratch(seed, 'broken.txt');
    const result = convert(root);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/conversion report: \d+ note\(s\) in 1 document\(s\)/);
    const report = readFileSync(join(root, 'content/policies/cjz-2024-1/conversion-report.txt'), 'utf8');
    const prefix = `${join('seeds', 'broken.txt')}:${line}:${col}: `;
    expect(report.split('\n').filter((l) => l.startsWith(prefix)).some((l) => message.test(l)), report).toBe(true);
  });

  test('an empty provision is still refused: FILE:LINE:COL, content/ untouched', () => {
    const { seed, line, col } = broken('（一）加强领导。各区要抓好落实。', '（一）', '（一）\n', 3);
    const root = scratch(seed, 'broken.txt');
    const before = byteSnapshot(join(root, 'content'));
    const e = sourceError(convert(root));
    expect(e.file).toBe(join('seeds', 'broken.txt'));
    expect(e.message).toMatch(/empty/);
    expect([e.line, e.col]).toEqual([line, col]);
    expect(byteSnapshot(join(root, 'content'))).toEqual(before);
  });

  test('an error in the second seed leaves all of content/ byte-identical', () => {
    const bad = fixtureB.replace('（市民政局）', '\u0007（市民政局）');
    expect(bad).not.toBe(fixtureB);
    const root = scratchLibrary({ 'a.txt': fixtureA, 'b.txt': bad });
    writeFileSync(join(root, 'content/documents.yaml'), '- source: a.txt\n  id: shili-jia\n');
    const before = byteSnapshot(join(root, 'content'));
    const e = sourceError(convert(root));
    const at = position(bad, '\u0007');
    expect(e).toEqual({ file: join('seeds', 'b.txt'), ...at, message: expect.stringMatching(/control character U\+0007 is not text/) });
    expect(byteSnapshot(join(root, 'content'))).toEqual(before);
    // Nothing of the first, valid seed was written, and no staging folder is left behind.
    expect(existsSync(join(root, 'content/policies/shili-jia'))).toBe(false);
    expect(readdirSync(join(root, 'content')).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  test("two seeds with the same document id: an error at the second one's 发文字号", () => {
    // A second fictional document with another title, but A's 发文字号.
    const twin = fixtureB.replace('测乙字〔2024〕2号', '示甲字〔2024〕1号');
    const root = scratchLibrary({ 'a.txt': fixtureA, 'b.txt': twin });
    const before = byteSnapshot(join(root, 'content'));
    const e = sourceError(convert(root));
    expect(e).toEqual({ file: join('seeds', 'b.txt'), ...position(twin, '示甲字〔2024〕1号'), message: expect.stringMatching(/document id "sjz-2024-1".*seeds\/a\.txt.*content\/documents\.yaml/) });
    expect(byteSnapshot(join(root, 'content'))).toEqual(before);
  });

  test('the same id clash where the 发文字号 is not on line 2, column 1: the error still points at it', () => {
    // Blank lines and indentation are allowed in seeds (the real seed indents its preamble).
    const twin = fixtureB.replace('测乙字〔2024〕2号', '\n\u3000\u3000示甲字〔2024〕1号');
    const root = scratchLibrary({ 'a.txt': fixtureA, 'b.txt': twin });
    const e = sourceError(convert(root));
    const at = position(twin, '示甲字〔2024〕1号');
    expect(at).toEqual({ line: 3, col: 3 });
    expect({ file: e.file, line: e.line, col: e.col }).toEqual({ file: join('seeds', 'b.txt'), ...at });
  });

  test('a declared id that another seed derives is a clash too', () => {
    const root = scratchLibrary({ 'a.txt': fixtureA, 'b.txt': fixtureB });
    writeFileSync(join(root, 'content/documents.yaml'), '- source: a.txt\n  id: cyz-2024-2\n');
    const before = byteSnapshot(join(root, 'content'));
    const e = sourceError(convert(root));
    expect(e.file).toBe(join('seeds', 'b.txt'));
    expect(e.message).toMatch(/document id "cyz-2024-2" is already used by seeds\/a\.txt/);
    expect(byteSnapshot(join(root, 'content'))).toEqual(before);
  });

  test('a folder named *.txt in seeds/ is an error, not a crash', () => {
    const root = scratchLibrary({ 'a.txt': fixtureA });
    mkdirSync(join(root, 'seeds', 'folder.txt'));
    const before = byteSnapshot(join(root, 'content'));
    const e = sourceError(convert(root));
    expect(e).toMatchObject({ file: join('seeds', 'folder.txt'), line: 1, col: 1, message: expect.stringMatching(/folder/) });
    expect(byteSnapshot(join(root, 'content'))).toEqual(before);
  });

  test.each([['a control character', 'a\u0001.txt'], ['a line break', 'a\n.txt']])('a seed file name with %s is a one-line error', (_what, name) => {
    const root = scratchLibrary({ 'a.txt': fixtureA, [name]: fixtureB });
    const before = byteSnapshot(join(root, 'content'));
    const e = sourceError(convert(root));
    expect(e).toMatchObject({ file: 'seeds', line: 1, col: 1 });
    expect(e.message).toContain(JSON.stringify(name));
    expect(e.message).toMatch(/control or invisible character/);
    expect(byteSnapshot(join(root, 'content'))).toEqual(before);
  });

  test('a missing registry, or no seed at all, is an error', () => {
    const root = scratchLibrary({ 'a.txt': fixtureA });
    rmSync(join(root, 'content/departments.yaml'));
    const before = byteSnapshot(join(root, 'content'));
    expect(sourceError(convert(root))).toEqual({ file: 'content/departments.yaml', line: 1, col: 1, message: expect.stringMatching(/registry is missing/) });
    expect(byteSnapshot(join(root, 'content'))).toEqual(before);
    const empty = scratchLibrary({});
    expect(sourceError(convert(empty))).toEqual({ file: 'seeds', line: 1, col: 1, message: expect.stringMatching(/no seed file/) });
  });

  test('an unknown department in the real seed: read as a body of its own, its line and column in the report', () => {
    const line = seedText.split('\n').findIndex((l) => l.includes('市档案局'));
    const col = [...seedText.split('\n')[line]!].indexOf('市') + 1;
    const seed = seedText.replace('市档案局', '市档案馆');
    const root = scratch(seed, relative(join(ROOT, 'seeds'), SEED_FILE));
    const result = convert(root);
    expect(result.status, result.stderr).toBe(0);
    const report = readFileSync(join(root, 'content/policies/jjzz-2020-5/conversion-report.txt'), 'utf8');
    const [, l, c] = /:(\d+):(\d+): "市档案馆" is not in content\/departments.yaml/.exec(report) ?? [];
    expect(Number(l)).toBe(line + 1);
    expect(Number(c)).toBeGreaterThanOrEqual(col);
    expect([...seedText.split('\n')[line]!].slice(Number(c) - 1, Number(c) + 3).join('')).toBe('市档案局');
  });

  test('a registry error is reported with the registry file and line', () => {
    const root = scratch(minimal);
    const registryText = readFileSync(REGISTRY_FILE, 'utf8').replace('kind: mass-organisation', 'kind: club');
    writeFileSync(join(root, 'content/departments.yaml'), registryText);
    const before = byteSnapshot(join(root, 'content'));
    const result = convert(root);
    expect(result.status).toBe(1);
    const lineNo = registryText.split('\n').findIndex((l) => l.includes('kind: club')) + 1;
    expect(result.stderr.trim()).toBe(`content/departments.yaml:${lineNo}:9: kind "club" must be one of party, government, government-affiliated, mass-organisation`);
    expect(byteSnapshot(join(root, 'content'))).toEqual(before);
  });

  test('npm run convert on the real seeds reproduces content/ exactly, run from the project root', () => {
    const root = mkdtempSync(join(tmpdir(), 'pe-convert-'));
    temps.push(root);
    cpSync(SEEDS_DIR, join(root, 'seeds'), { recursive: true });
    cpSync(CONTENT_DIR, join(root, 'content'), { recursive: true });
    rmSync(join(root, 'content/policies'), { recursive: true });
    // Without --root: the working directory is the project root.
    execFileSync(process.execPath, [join(ROOT, 'src/convert/cli.ts')], { cwd: root });
    expect(byteSnapshot(join(root, 'content'))).toEqual(byteSnapshot(CONTENT_DIR));
    expect(provisions.length).toBe(16);
  });
});
