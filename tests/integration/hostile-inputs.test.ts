/**
 * Issue 21 (items 2, 6, 7, 8, 9): what `npm run convert` reads besides the grammar, tried as a
 * hostile user would. Each case runs the CLI in a scratch root that was converted once before,
 * and checks the FILE:LINE:COL message, the exit status and that content/ is exactly as it was
 * (no staging folder, no lock left behind).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseDocument, parse as parseYaml, visit } from 'yaml';
import { documentId } from '../../src/convert/doc-id.ts';
import { MAX_LINE } from '../../src/convert/inputs.ts';
import { checkBasePath, checkSite } from '../../src/deploy-env.ts';
import { DOCUMENT_ID_MAX, isRealDate, isWebUrl, RESERVED_IDS } from '../../src/model/document-meta.ts';
import { convert, positionOf, scratchRoot } from '../helpers/forms.ts';
import { FIXTURES, ROOT } from '../helpers/paths.ts';

const minimal = readFileSync(join(FIXTURES, 'minimal.txt'), 'utf8');
const NUMBER = '测就字〔2024〕1号';
/** The minimal fixture with another 发文字号 (so several can share a library). */
const numbered = (n: number) => minimal.replace(NUMBER, `测就字〔2024〕${n}号`);
const idOf = (n: number) => documentId(`测就字〔2024〕${n}号`)!;

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** Every file under content/ with its text (folders as ''), and nothing else. */
function snapshot(dir: string): Map<string, string> {
  return new Map(readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().map((f) => {
    const p = join(dir, f);
    return [f, lstatSync(p).isFile() ? readFileSync(p, 'utf8') : ''] as const;
  }));
}

/** A root with the given seeds, converted once (so content/policies/ exists), then `files` written into content/. */
function converted(seeds: Record<string, string>, files: Record<string, string> = {}): string {
  const root = scratchRoot(seeds);
  roots.push(root);
  const first = convert(root);
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'content', name), text);
  return root;
}

/** Runs the CLI and checks the refusal: exactly `message`, status 1, no stack trace, content/ unchanged. */
function refused(root: string, message: string | RegExp): void {
  const before = snapshot(join(root, 'content'));
  const result = convert(root);
  expect(result.stdout).toBe('');
  if (typeof message === 'string') expect(result.stderr.trim()).toBe(message);
  else expect(result.stderr.trim()).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.status).toBe(1);
  expect(snapshot(join(root, 'content'))).toEqual(before);
}

/** `text` at `target`: FILE:LINE:COL of the first occurrence. */
const at = (file: string, text: string, target: string) => {
  const { line, col } = positionOf(text, target);
  return `${file}:${line}:${col}`;
};

describe('documents.yaml is checked at convert time, every error at FILE:LINE:COL', () => {
  const F = 'content/documents.yaml';
  const cases: [string, string, string, string][] = [
    ['an unknown key (staus)', '- source: a.txt\n  staus: 已废止\n', 'staus', 'unknown field "staus": the fields are source, id, issuer, published, effective, expires, status, checked, url, replaces, amends, topics'],
    ['a topic written in Chinese, not as its id', '- source: a.txt\n  topics: [劳动就业]\n', '劳动就业', 'topics: "劳动就业" is not a topic id (an ASCII slug of content/topics.yaml)'],
    ['a status outside the list', '- source: a.txt\n  status: 作废\n', '作废', 'status "作废" is not one of 现行有效, 已修改, 已废止, 失效, 未核对'],
    ['an impossible date', '- source: a.txt\n  effective: 2020-02-30\n', '2020-02-30', 'effective "2020-02-30" is not a real date written as YYYY-MM-DD'],
    ['expires before effective', '- source: a.txt\n  effective: 2021-01-01\n  expires: 2020-12-31\n', '2020-12-31', 'expires 2020-12-31 is before effective 2021-01-01'],
    ['a checked date in the future', '- source: a.txt\n  checked: 2999-01-01\n', '2999-01-01', `checked 2999-01-01 is in the future (today is ${new Date().toISOString().slice(0, 10)})`],
    ['a source with a one-character typo', '- source: b.txt\n  status: 已废止\n', 'b.txt', 'there is no seed "b.txt" in seeds/: did you mean "a.txt"? (the entry would be ignored)'],
    ['the same source twice', '- source: a.txt\n  status: 现行有效\n- source: a.txt\n  status: 已废止\n', 'a.txt\n  status: 已废止', '"a.txt" already has an entry (entry 1): one entry per seed'],
    ['replaces pointing at the document itself', `- source: a.txt\n  replaces: [${idOf(1)}]\n`, idOf(1), `replaces: "${idOf(1)}" is this document itself`],
    ['a javascript: url', '- source: a.txt\n  url: "javascript:alert(document.cookie)"\n', '"javascript', 'url "javascript:alert(document.cookie)" must be an absolute http:// or https:// address'],
    ['a data: url', '- source: a.txt\n  url: "data:text/html,<script>alert(1)</script>"\n', '"data', 'url "data:text/html,<script>alert(1)</script>" must be an absolute http:// or https:// address'],
    ['a reserved id (departments)', '- source: a.txt\n  id: departments\n', 'departments', 'id "departments" is a name the site uses for its own pages or data files (/data/departments/…): choose another'],
    ['an id of 300 characters', `- source: a.txt\n  id: ${'a'.repeat(300)}\n`, 'aaa', `id "${'a'.repeat(20)}…" is 300 characters long: at most ${DOCUMENT_ID_MAX} (it names folders and files)`],
    ['a key written twice', '- source: a.txt\n  status: 现行有效\n  status: 已废止\n', 'status: 已废止', 'a key is written twice in the same entry (Map keys must be unique)'],
  ];
  test.each(cases)('%s', (_name, yaml, target, message) => {
    const root = converted({ 'a.txt': numbered(1) }, { 'documents.yaml': yaml });
    refused(root, `${at(F, yaml, target)}: ${message}`);
  });

  test('an alias bomb is refused with the file name, at the first alias', () => {
    const yaml = `- source: a.txt\n  x0: &a [1,1,1,1,1,1,1,1,1,1]\n  x1: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n  x2: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n  x3: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`;
    refused(converted({ 'a.txt': numbered(1) }, { 'documents.yaml': yaml }), new RegExp(`^${at(F, yaml, '*a').replace(/\./g, '\\.')}: the aliases \\(\\*name\\) expand too far`));
  });

  test('replaces and amends forming a cycle', () => {
    const yaml = `- source: a.txt\n  replaces: [${idOf(2)}]\n- source: b.txt\n  amends: [${idOf(1)}]\n`;
    const root = converted({ 'a.txt': numbered(1), 'b.txt': numbered(2) }, { 'documents.yaml': yaml });
    refused(root, `${at(F, yaml, `[${idOf(1)}`).replace(/:(\d+)$/, (_, c) => `:${Number(c) + 1}`)}: replaces/amends form a cycle: ${idOf(1)} → ${idOf(2)} → ${idOf(1)}`);
  });

  test('replaces naming no document of the library', () => {
    const yaml = '- source: a.txt\n  replaces: [xx-2020-1]\n';
    refused(converted({ 'a.txt': numbered(1) }, { 'documents.yaml': yaml }), `${at(F, yaml, 'xx-2020-1')}: replaces: "xx-2020-1" is no document of the library (its ids: ${idOf(1)})`);
  });

  test('a valid entry is read: http(s) urls, real dates (29 February of a leap year)', () => {
    const yaml = `- source: a.txt\n  status: 现行有效\n  effective: 2024-02-29\n  expires: 2026-02-28\n  checked: 2025-01-01\n  url: https://example.org/a?b=1\n`;
    const root = converted({ 'a.txt': numbered(1) }, { 'documents.yaml': yaml });
    const result = convert(root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  test('the predicates the content schema shares', () => {
    expect(['http://a.org', 'https://example.org/x?y#z'].map(isWebUrl)).toEqual([true, true]);
    expect(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '//evil.org/', 'https:evil.org', 'https://a.org/\u2028x', ' https://a.org'].map(isWebUrl)).toEqual(Array(8).fill(false));
    expect(['2020-02-29', '2021-02-29', '2020-02-30', '2020-13-01', '20-01-01'].map(isRealDate)).toEqual([true, false, false, false, false]);
  });
});

describe('thesaurus.yaml and groups.yaml: FILE:LINE:COL, no stack trace', () => {
  test('a thesaurus entry whose word is one character', () => {
    const yaml = '- words: [户口, 社保]\n  terms: [户籍]\n- words: [医]\n  terms: [医疗]\n';
    refused(converted({ 'a.txt': numbered(1) }, { 'thesaurus.yaml': yaml }), `${at('content/thesaurus.yaml', yaml, '医]')}: thesaurus: entry 2, words.0: a word of two or more characters, without spaces`);
  });
  test('a thesaurus entry with an unknown key', () => {
    const yaml = '- words: [户口]\n  terms: [户籍]\n  term: [落户]\n';
    refused(converted({ 'a.txt': numbered(1) }, { 'thesaurus.yaml': yaml }), new RegExp(`^${at('content/thesaurus.yaml', yaml, 'term:')}: thesaurus: entry 1: .*term`));
  });
  test('two reader groups with one id', () => {
    const yaml = '- id: vets\n  name: 退役军人\n  description: 退出现役的军人。\n  terms: [退役军人]\n- id: vets\n  name: 农民工\n  description: 进城务工的农民。\n  terms: [农民工]\n';
    refused(converted({ 'a.txt': numbered(1) }, { 'groups.yaml': yaml }), `content/groups.yaml:5:7: reader groups: entry 2, id: id “vets” is used by two groups`);
  });
  test('the registry: a key written twice and an alias bomb name the file', () => {
    const registryText = readFileSync(join(ROOT, 'content', 'departments.yaml'), 'utf8');
    const twice = `${registryText}\n- id: test-a\n  abbr: 市测试局\n  name: 天津市测试局\n  name: 天津市测试局二\n  nameEn: Test bureau\n  kind: government\n`;
    refused(converted({ 'a.txt': numbered(1) }, { 'departments.yaml': twice }), `${at('content/departments.yaml', twice, 'name: 天津市测试局二')}: a key is written twice in the same entry (Map keys must be unique)`);
    const bomb = `${registryText}\n- id: test-b\n  abbr: 市测试局\n  name: 天津市测试局\n  nameEn: Test bureau\n  kind: government\n  x: &a [1,1,1,1,1,1,1,1,1,1]\n  y: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n  z: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n`;
    refused(converted({ 'a.txt': numbered(1) }, { 'departments.yaml': bomb }), new RegExp(`^${at('content/departments.yaml', bomb, '*a')}: the aliases \\(\\*name\\) expand too far`));
  });
  test('not valid YAML', () => {
    const yaml = '- id: [vets\n';
    refused(converted({ 'a.txt': numbered(1) }, { 'groups.yaml': yaml }), /^content\/groups\.yaml:2:1: not valid YAML: /);
  });
});

describe('ids and 发文字号 across the library', () => {
  test('two documents with the same 发文字号: an error naming both seeds', () => {
    const twin = numbered(1).replace('测试市促进就业的若干措施', '测试市另一份措施');
    const root = converted({ 'a.txt': numbered(1) });
    writeFileSync(join(root, 'seeds', 'b.txt'), twin);
    writeFileSync(join(root, 'content', 'documents.yaml'), '- source: b.txt\n  id: other-2024-1\n');
    refused(root, `${at('seeds/b.txt', twin, '测就字')}: the 发文字号 测就字〔2024〕1号 is also the number of seeds/a.txt: two documents of the library cannot share one (a citation of it could not say which)`);
  });

  test('an id derived from a 发文字号 that is too long to name a folder', () => {
    const long = minimal.replace(NUMBER, `${'测'.repeat(300)}〔2024〕1号`);
    const root = converted({ 'a.txt': numbered(1) });
    writeFileSync(join(root, 'seeds', 'b.txt'), long);
    refused(root, new RegExp(`^${at('seeds/b.txt', long, '测测')}: document id "c{20}…" is 3\\d\\d characters long: at most ${DOCUMENT_ID_MAX} \\(it names folders and files\\); declare another id in content/documents.yaml$`));
  });

  test('the reserved names include every static name beside /data/<id>/', () => {
    const dataDir = join(ROOT, 'src', 'pages', 'data');
    const names = readdirSync(dataDir).filter((f) => !f.startsWith('[')).map((f) => f.replace(/\..*$/, ''));
    expect(names.filter((n) => !RESERVED_IDS.includes(n))).toEqual([]);
  });

  test('a route conflict fails the build, not a warning', async () => {
    const config = (await import('../../astro.config.mjs')).default as { prerenderConflictBehavior?: string };
    expect(config.prerenderConflictBehavior).toBe('error');
  });
});

describe('seed files: regular *.txt files, read at once', () => {
  test('a FIFO is refused at once, not waited on', () => {
    const root = converted({ 'a.txt': numbered(1) });
    execFileSync('mkfifo', [join(root, 'seeds', 'b.txt')]);
    const started = Date.now();
    refused(root, 'seeds/b.txt:1:1: this is a named pipe (FIFO), not a seed file: a seed must be a regular text file');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  test('*.TXT is named in a message', () => {
    const root = converted({ 'a.txt': numbered(1) });
    writeFileSync(join(root, 'seeds', 'B.TXT'), numbered(2));
    refused(root, 'seeds/B.TXT:1:1: a seed\'s name must end in .txt (lower case): rename it to "B.txt"');
  });

  test('seeds/ a symbolic link that loops', () => {
    const root = converted({ 'a.txt': numbered(1) });
    rmSync(join(root, 'seeds'), { recursive: true });
    symlinkSync(join(root, 'seeds'), join(root, 'seeds'));
    refused(root, 'seeds:1:1: the seeds folder cannot be read: it is a symbolic link that leads back to itself (a loop): point it at a real folder or file');
  });

  test('a seed that is a symbolic link loop', () => {
    const root = converted({ 'a.txt': numbered(1) });
    symlinkSync(join(root, 'seeds', 'b.txt'), join(root, 'seeds', 'b.txt'));
    refused(root, 'seeds/b.txt:1:1: this seed cannot be read: it is a symbolic link that leads back to itself (a loop): point it at a real folder or file');
  });

  test('a line of 10 million characters: its length, not a stack overflow', () => {
    const root = converted({ 'a.txt': numbered(1) });
    const text = numbered(2).replace('支持企业吸纳就业。', `支持企业${'吸'.repeat(10_000_000)}。`);
    writeFileSync(join(root, 'seeds', 'b.txt'), text);
    const { line } = positionOf(text, '支持企业');
    refused(root, `seeds/b.txt:${line}:1: line ${line} is ${text.split('\n')[line - 1]!.length.toLocaleString('en')} characters long; a seed's line may have at most ${MAX_LINE.toLocaleString('en')} (is this a document's text?)`);
  });
});

describe('content/ is written whole: interrupted, concurrent or killed converts', () => {
  /** content/ holds no staging folder and no lock. */
  const clean = (root: string) => expect(readdirSync(join(root, 'content')).filter((f) => f.startsWith('.'))).toEqual([]);
  const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`s${String(i).padStart(4, '0')}.txt`, numbered(i + 1)]));

  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    test(`${signal} while writing leaves content/ as it was`, async () => {
      const root = converted(many(300));
      // The second convert is of other seeds, so a finished write would show.
      for (const f of readdirSync(join(root, 'seeds'))) writeFileSync(join(root, 'seeds', f), readFileSync(join(root, 'seeds', f), 'utf8').replace('扩大就业', '扩大就业和创业'));
      const before = snapshot(join(root, 'content'));
      const child = spawn(process.execPath, [join(ROOT, 'src/convert/cli.ts'), '--root', root], { cwd: root });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += String(d)));
      const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
      // Wait for the staging folder, then interrupt.
      const deadline = Date.now() + 30_000;
      while (!readdirSync(join(root, 'content')).some((f) => f.endsWith('.tmp')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
      child.kill(signal);
      expect(await exited).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(stderr.trim()).toBe(`convert stopped by ${signal}: content/ is unchanged`);
      expect(snapshot(join(root, 'content'))).toEqual(before);
      clean(root);
    });

  test('a lock held by a running convert: refused, content/ unchanged', () => {
    const root = converted({ 'a.txt': numbered(1) });
    writeFileSync(join(root, 'content', '.convert.lock'), `${process.pid}\n`);
    refused(root, `content/.convert.lock:1:1: another \`npm run convert\` (process ${process.pid}) is writing content/: wait for it to finish`);
  });

  test('a lock and staging folders left by a killed convert are cleared', () => {
    const root = converted({ 'a.txt': numbered(1) });
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(join(root, 'content', '.convert.lock'), dead.stdout);
    mkdirSync(join(root, 'content', '.policies-999999.tmp', 'x'), { recursive: true });
    const result = convert(root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    clean(root);
  });

  test('two converts at once: content/ is one whole conversion, or one of them is refused', async () => {
    const root = converted(many(60));
    const expected = snapshot(join(root, 'content'));
    const run = () => new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [join(ROOT, 'src/convert/cli.ts'), '--root', root], { cwd: root });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += String(d)));
      child.on('close', (code) => done({ code, stderr }));
    });
    const results = await Promise.all([run(), run(), run()]);
    for (const r of results) if (r.code !== 0) expect(r.stderr).toMatch(/^content\/\.convert\.lock:1:1: another `npm run convert` \(process \d+\) is writing content\//);
    expect(results.some((r) => r.code === 0)).toBe(true);
    expect(snapshot(join(root, 'content'))).toEqual(expected);
    clean(root);
  });
});

describe('the converter and the build agree', () => {
  test('every string of the frontmatter is quoted: a preamble line 0o17 is text to any YAML reader', () => {
    const text = minimal.replace('为做好就业工作', '0o17\n为做好就业工作');
    const root = converted({ 'a.txt': text });
    const mdx = readFileSync(join(root, 'content', 'policies', idOf(1), 'document.mdx'), 'utf8');
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(mdx)![1]!;
    for (const version of ['1.1', '1.2'] as const) expect((parseYaml(yaml, { version }) as { preamble: unknown[] }).preamble[0]).toBe('0o17');
    const unquoted: string[] = [];
    for (const file of ['document.mdx', 'provisions.mdx']) {
      const front = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(root, 'content', 'policies', idOf(1), file), 'utf8'))![1]!;
      visit(parseDocument(front), {
        Pair(_, pair) {
          const v = pair.value as { type?: string; value?: unknown } | null;
          if (v && typeof v.value === 'string' && v.type !== 'QUOTE_DOUBLE') unquoted.push(String(v.value));
        },
        Seq(_, seq) {
          for (const item of seq.items as { type?: string; value?: unknown }[]) if (typeof item.value === 'string' && item.type !== 'QUOTE_DOUBLE') unquoted.push(String(item.value));
        },
      });
    }
    expect(unquoted).toEqual([]);
  });

  test('SITE and BASE_PATH are checked with a clear message', () => {
    expect(checkSite('https://example.org')).toBe('https://example.org');
    expect(checkSite('http://example.org/policy/')).toBe('http://example.org/policy/');
    expect(() => checkSite('javascript:alert(1)//')).toThrow(/^SITE="javascript:alert\(1\)\/\/": javascript: is not a web address/);
    expect(() => checkSite('https://user:pw@example.org')).toThrow(/user name or password/);
    expect(() => checkSite('example.org')).toThrow(/not an absolute URL/);
    expect(checkBasePath('/')).toBe('/');
    expect(checkBasePath('/sub-path/')).toBe('/sub-path/');
    expect(checkBasePath('/a/b')).toBe('/a/b/');
    expect(() => checkBasePath('/../x/')).toThrow(/^BASE_PATH="\/\.\.\/x\/": the segment "\.\." leaves the site's folder/);
    expect(() => checkBasePath('//host/')).toThrow(/^BASE_PATH="\/\/host\/": a path starting with \/\/ is read as another host/);
    expect(() => checkBasePath('sub/')).toThrow(/must start with \//);
    expect(() => checkBasePath('/a"b/')).toThrow(/may hold only letters/);
  });

  test.each([['SITE', 'javascript:alert(1)'], ['BASE_PATH', '/../x/'], ['BASE_PATH', '//host/']])('astro.config.mjs with %s=%s: one line and exit 1, no stack trace', (name, value) => {
    const result = spawnSync(process.execPath, ['-e', "import('./astro.config.mjs')"], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, [name]: value } });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(new RegExp(`^\\[config\\] ${name}=${JSON.stringify(value).replace(/[.()/]/g, '\\$&')}: [^\\n]+$`));
  });
});
