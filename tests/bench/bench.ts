/**
 * `npm run bench`: builds the site and measures it. Not a test (npm test does not run it).
 *   - per page type: bytes of HTML, CSS and JS (raw and gzip) and the number of requests;
 *   - build time, split into Astro, the diagrams drawn after it and Pagefind;
 *   - Pagefind index size; time to the first search result in Chromium (when /search/ exists);
 *   - Lighthouse scores (performance, accessibility, best practices, SEO), mobile profile.
 * The site is built into dist-bench/ with SITE set to the local server, so canonical URLs and
 * robots.txt point where Lighthouse looks. Prints a Markdown report (paste it into the README)
 * and writes tests/.artifacts/bench.json.
 *
 * `npm run bench -- --documents N` runs the scale benchmark instead (tests/bench/scale.ts), and
 * `npm run bench -- --provisions N[,M…]` the size benchmark (one document of N provisions).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, launchBrowser, PHONE } from '../helpers/browser.ts';
import { ARTIFACTS, ROOT } from '../helpers/paths.ts';
import { freePort, serveDeployed } from './serve.ts';
import { policy } from '../helpers/model.ts';
import { firstSearchResult, folderSize, onePerType, searchTerm, sitePages, weighPage, type Weight } from '../helpers/site.ts';

const sizeArg = process.argv.indexOf('--provisions');
if (sizeArg >= 0) {
  const sizes = String(process.argv[sizeArg + 1]).split(',').map(Number);
  if (!sizes.every((n) => Number.isInteger(n) && n >= 1)) throw new Error('usage: npm run bench -- --provisions N[,M…] (whole numbers ≥ 1)');
  await (await import('./scale.ts')).runSize(sizes);
  process.exit(0);
}
const scaleArg = process.argv.indexOf('--documents');
if (scaleArg >= 0) {
  const max = Number(process.argv[scaleArg + 1]);
  if (!Number.isInteger(max) || max < 1) throw new Error('usage: npm run bench -- --documents N (N a whole number ≥ 1)');
  await (await import('./scale.ts')).runScale(max);
  process.exit(0);
}

const OUT = join(ROOT, 'dist-bench');
/** One page of each type is measured (onePerType()); these are their names in the report. */
const LABELS: Record<string, string> = {
  home: 'library', 'library/*': 'library (page)', 'library/year/*': 'library (year)', 'library/issuer/*': 'library (issuer)',
  'policies/*': 'document', 'policies/*/text': 'full text', 'policies/*/provision': 'provision', 'policies/*/departments': 'responsibility matrix',
  'policies/*/graph': 'graph', 'policies/*/summary': 'summary', 'policies/*/summary/*': 'summary (chapter)',
  'policies/*/references': 'references', 'policies/*/data': 'document data',
  departments: 'departments', 'departments/*': 'department', search: 'search', data: 'data',
};
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const kb = (n: number) => (n / 1024).toFixed(1);

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;

// 1. Build, timed; Pagefind reports its own time when the build runs it.
rmSync(OUT, { recursive: true, force: true });
const t0 = performance.now();
const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, env: { ...process.env, OUT_DIR: OUT, SITE: origin, BASE_PATH: '/' }, encoding: 'utf8' });
const buildMs = performance.now() - t0;
if (build.status !== 0) {
  process.stderr.write(build.stdout + build.stderr);
  throw new Error('build failed');
}
const log = build.stdout + build.stderr;
const pagefindMs = log.match(/\[pagefind\] indexed .*? in ([\d.]+) ?ms/)?.[1];
const graphsMs = log.match(/\[graphs\] drew .*? in ([\d.]+) ?ms/)?.[1];
const pagefindDir = join(OUT, 'pagefind');
let pagefindIndex: { bytes: number; files: number } | undefined;
try { pagefindIndex = folderSize(pagefindDir); } catch { pagefindIndex = undefined; }

// 2. Weigh one page of each type in Chromium (phone), served as a deployment should serve it.
const server = await serveDeployed(OUT, port);
const types = onePerType(sitePages(OUT)).filter((p) => p.type !== '404');
const browser = await launchBrowser();
const weights = new Map<string, Weight>();
for (const p of types) {
  const context = await browser.newContext(PHONE);
  weights.set(p.type, await weighPage(await context.newPage(), server.url, OUT, p.path));
  await context.close();
}

// 3. Time to the first search result (cold page load each time; median of 3).
let searchMs: number | undefined;
let searchNote = 'n/a (no /search/ page)';
if (types.some((p) => p.path === 'search/')) {
  const runs: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext(PHONE);
      runs.push(await firstSearchResult(await context.newPage(), server.url, OUT, searchTerm(policy.provisionsTitle)));
      await context.close();
    }
    searchMs = runs.sort((a, b) => a - b)[1];
  } catch (e) {
    searchNote = `n/a (${String(e).split('\n')[0]})`;
  }
}
await browser.close();

// 4. Lighthouse, default mobile profile (emulated phone, simulated slow 4G), one run per page type.
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
/** Scores per page type; a run that failed (NO_NAVSTART…) twice is recorded as failed, never as a score of 0. */
const scores = new Map<string, Record<string, number | 'failed'>>();
const failing = new Map<string, string[]>();
const LIGHTHOUSE_TRIES = 3;
for (const p of types) {
  let lhr: NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'] | undefined;
  for (let attempt = 1; attempt <= LIGHTHOUSE_TRIES; attempt++) {
    const result = await lighthouse(server.url + p.path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    lhr = result!.lhr;
    if (!lhr.runtimeError) break;
    console.error(`lighthouse ${p.path} (try ${attempt} of ${LIGHTHOUSE_TRIES}): ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  }
  if (!lhr) continue;
  for (const w of lhr.runWarnings) console.error(`lighthouse ${p.path}: ${w}`);
  const failed = Boolean(lhr.runtimeError);
  scores.set(p.type, Object.fromEntries(CATEGORIES.map((c) => [c, failed || lhr.categories[c]?.score == null ? 'failed' : Math.round(lhr.categories[c]!.score! * 100)])));
  // Audits that count towards a category's score and did not pass fully.
  const weighted = new Set(CATEGORIES.flatMap((c) => (lhr.categories[c]?.auditRefs ?? []).filter((r) => r.weight > 0).map((r) => r.id)));
  failing.set(p.type, Object.values(lhr.audits).filter((a) => weighted.has(a.id) && a.score !== null && a.score < 1).map((a) => `${a.id} (${a.score})`));
}
chrome.kill();
await server.close();

// 5. Report.
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const lines: string[] = [];
lines.push(`Measured ${new Date().toISOString().slice(0, 10)}, ${sitePages(OUT).length} pages. Sizes in KiB (1 KiB = 1024 B); gzip at zlib's default level.`, '');
lines.push(row(['page type', 'example', 'HTML raw / gzip', 'CSS raw / gzip', 'JS raw / gzip', 'requests', 'perf.', 'a11y', 'best pr.', 'SEO']));
lines.push(row(Array(10).fill('---')));
for (const p of types) {
  const w = weights.get(p.type)!;
  const s = scores.get(p.type)!;
  const b = (k: 'html' | 'css' | 'js') => `${kb(w.bytes[k].raw)} / ${kb(w.bytes[k].gzip)}`;
  lines.push(row([LABELS[p.type] ?? p.type, `/${p.path}`, b('html'), b('css'), b('js'), w.requests, s.performance!, s.accessibility!, s['best-practices']!, s.seo!]));
}
lines.push('');
lines.push(`- Build: ${(buildMs / 1000).toFixed(1)} s in all; Astro ${((buildMs - Number(pagefindMs ?? 0) - Number(graphsMs ?? 0)) / 1000).toFixed(1)} s, diagrams ${graphsMs ? `${(Number(graphsMs) / 1000).toFixed(2)} s` : 'n/a'}, Pagefind ${pagefindMs ? `${(Number(pagefindMs) / 1000).toFixed(2)} s` : 'n/a (the build runs no Pagefind step)'}.`);
lines.push(`- Pagefind index: ${pagefindIndex ? `${kb(pagefindIndex.bytes)} KiB in ${pagefindIndex.files} files` : 'n/a (no pagefind/ folder)'}.`);
lines.push(`- Time to first search result (Chromium, phone, local server, median of 3 cold loads): ${searchMs !== undefined ? `${searchMs} ms` : searchNote}.`);
const below = [...failing].filter(([, a]) => a.length > 0);
if (below.length) {
  lines.push('', 'Lighthouse audits not passed:');
  for (const [type, audits] of below) lines.push(`- ${LABELS[type] ?? type}: ${audits.join(', ')}`);
}
console.log(lines.join('\n'));
mkdirSync(ARTIFACTS, { recursive: true });
writeFileSync(join(ARTIFACTS, 'bench.json'), JSON.stringify({ buildMs, pagefindMs, pagefindIndex, searchMs, weights: Object.fromEntries(weights), scores: Object.fromEntries(scores), failing: Object.fromEntries(failing) }, null, 2));
rmSync(OUT, { recursive: true, force: true });
