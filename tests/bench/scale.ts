/**
 * `npm run bench -- --documents N`: the scale benchmark. For N = 1, 10, 100, 1,000… up to N it
 * generates N fictional documents (tests/bench/synth.ts) in a scratch root, converts and builds
 * them (never into seeds/ or content/) and prints, per N: convert time, build time split into
 * Astro and Pagefind, peak memory (resident set of the whole process tree), pages, dist/ size,
 * Pagefind index size, the largest page of each type, and the time to the first search result
 * in Chromium (phone profile, local server) for a common and a rare word.
 * Writes tests/.artifacts/bench-scale.json as well.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser, PHONE } from '../helpers/browser.ts';
import { ARTIFACTS, CONTENT_DIR, ROOT, SEEDS_DIR } from '../helpers/paths.ts';
import { firstSearchResult, folderSize, sitePages } from '../helpers/site.ts';
import { freePort, serveDeployed } from './serve.ts';
import { COMMON_WORD, RARE_WORD, synthesizeLibrary, synthesizeLongLibrary } from './synth.ts';

/** Kept at one path: Astro's content cache remembers entries' file paths (tests/helpers/library-site.ts). */
const SCRATCH = join(ROOT, 'node_modules', '.cache', 'pe-synth');
const OUT = join(ROOT, 'dist-bench-scale');
const CONTENT_CACHE = join(ROOT, 'node_modules', '.astro', 'data-store.json');

interface Run {
  ms: number;
  /** CPU time (user + system) of the command and every process it ran: on a machine shared with other work, what the command cost, whatever the load. */
  cpuMs: number;
  peakRss: number;
  log: string;
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      children.set(ppid, (children.get(ppid) ?? []).concat(pid));
      rss.set(pid, Number(fields[21]) * 4096);
    } catch { /* the process ended meanwhile */ }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** The children's CPU time that bash's `times` prints last (its second line: user, then system). */
function cpuOf(log: string): number {
  const m = /\[cpu\]\n[^\n]*\n(\d+)m([\d.]+)s (\d+)m([\d.]+)s/.exec(log.slice(log.lastIndexOf('[cpu]')));
  return m ? (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000 : NaN;
}

/**
 * Runs a command, timing it, sampling the memory of its process tree every 100 ms, and taking
 * the CPU time it and its descendants used (bash's `times`, once they have all been waited for).
 */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const script = '"$@"; rc=$?; echo "[cpu]"; times; exit $rc';
    const child = spawn('bash', ['-c', script, 'bash', cmd, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d) => { log += d; });
    child.stderr.on('data', (d) => { log += d; });
    let peakRss = 0;
    const timer = setInterval(() => { peakRss = Math.max(peakRss, treeRss(child.pid!)); }, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} failed (${code}):\n${log.slice(-4000)}`));
      else resolve({ ms, cpuMs: cpuOf(log), peakRss, log });
    });
  });
}

export interface ScaleRow {
  documents: number;
  provisions: number;
  convertMs: number;
  convertRss: number;
  buildMs: number;
  /** CPU time of the build's processes (user + system). */
  buildCpuMs: number;
  astroMs: number;
  /** The diagrams drawn after Astro (src/export/draw-graphs.ts). */
  graphsMs: number;
  pagefindMs: number;
  buildRss: number;
  pages: number;
  files: number;
  distBytes: number;
  pagefindBytes: number;
  /** Per page type: the median and the largest page's HTML (gzip bytes), the largest page, and how many pages the type has. */
  largest: Record<string, { median: number; gzip: number; pages: number; path: string }>;
  /** Median of 3 cold loads of /search/?q=…, in ms. */
  search: Record<string, number | string>;
}

async function provision(n: number): Promise<ScaleRow> {
  const docs = synthesizeLibrary(SCRATCH, n, CONTENT_DIR);
  const node = process.execPath;
  const convert = await run(node, [join(ROOT, 'src/convert/cli.ts'), '--root', SCRATCH], process.env);
  const provisions = Number(convert.log.match(/(\d+) provisions/)?.[1] ?? NaN);
  rmSync(OUT, { recursive: true, force: true });
  rmSync(CONTENT_CACHE, { force: true });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const build = await run('npm', ['run', '--silent', 'build'], { ...process.env, OUT_DIR: OUT, SITE: origin, BASE_PATH: '/', CONTENT_DIR: join(SCRATCH, 'content') });
  const pagefindMs = Number(build.log.match(/\[pagefind\] indexed .*? in ([\d.]+) ?ms/)?.[1] ?? NaN);
  const graphsMs = Number(build.log.match(/\[graphs\] drew .*? in ([\d.]+) ?ms/)?.[1] ?? NaN);

  const pages = sitePages(OUT);
  const sizes = new Map<string, { gzip: number; path: string }[]>();
  for (const p of pages) {
    const list = sizes.get(p.type) ?? [];
    list.push({ gzip: gzipSync(readFileSync(join(OUT, p.file))).length, path: p.path });
    sizes.set(p.type, list);
  }
  const largest: ScaleRow['largest'] = {};
  for (const [type, list] of sizes) {
    const sorted = list.sort((a, b) => a.gzip - b.gzip);
    largest[type] = { median: sorted[Math.floor((sorted.length - 1) / 2)]!.gzip, gzip: sorted.at(-1)!.gzip, pages: sorted.length, path: sorted.at(-1)!.path };
  }

  const search: ScaleRow['search'] = {};
  const server = await serveDeployed(OUT, port);
  const browser = await launchBrowser();
  try {
    for (const word of [COMMON_WORD, RARE_WORD]) {
      const runs: number[] = [];
      try {
        for (let i = 0; i < 3; i++) {
          const context = await browser.newContext(PHONE);
          runs.push(await firstSearchResult(await context.newPage(), server.url, OUT, word, 30_000));
          await context.close();
        }
        search[word] = runs.sort((a, b) => a - b)[1]!;
      } catch (e) {
        search[word] = `failed (${String(e).split('\n')[0]})`;
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const row: ScaleRow = {
    documents: docs.length, provisions, convertMs: convert.ms, convertRss: convert.peakRss,
    buildMs: build.ms, buildCpuMs: build.cpuMs, astroMs: build.ms - graphsMs - pagefindMs, graphsMs, pagefindMs, buildRss: build.peakRss,
    pages: pages.length, ...(({ bytes, files }) => ({ distBytes: bytes, files }))(folderSize(OUT)),
    pagefindBytes: folderSize(join(OUT, 'pagefind')).bytes, largest, search,
  };
  rmSync(OUT, { recursive: true, force: true });
  return row;
}

const s = (ms: number) => (ms / 1000).toFixed(1);
const mib = (b: number) => (b / 1024 / 1024).toFixed(0);
const kib = (b: number) => (b / 1024).toFixed(1);
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

/** The report: one column per N. */
export function report(rows: ScaleRow[]): string {
  const head = row(['', ...rows.map((r) => `N = ${r.documents.toLocaleString('en')}`)]);
  const rule = row(Array(rows.length + 1).fill('---'));
  const line = (label: string, f: (r: ScaleRow, i: number) => string | number) => row([label, ...rows.map(f)]);
  const lines = [
    head, rule,
    line('provisions', (r) => r.provisions.toLocaleString('en')),
    line('convert (s)', (r) => s(r.convertMs)),
    line('build (s): all / Astro / graphs / Pagefind', (r) => `${s(r.buildMs)} / ${s(r.astroMs)} / ${s(r.graphsMs)} / ${s(r.pagefindMs)}`),
    line('build per page (ms)', (r) => (r.buildMs / r.pages).toFixed(1)),
    line('build, each document more than the one before (ms): time / CPU', (r, i) => {
      const prev = rows[i - 1];
      if (!prev) return '–';
      const n = r.documents - prev.documents;
      return `${((r.buildMs - prev.buildMs) / n).toFixed(0)} / ${((r.buildCpuMs - prev.buildCpuMs) / n).toFixed(0)}`;
    }),
    line('build CPU (s): user + system, all processes', (r) => s(r.buildCpuMs)),
    line('peak RSS (MiB): convert / build', (r) => `${mib(r.convertRss)} / ${mib(r.buildRss)}`),
    line('pages (HTML) / files', (r) => `${r.pages.toLocaleString('en')} / ${r.files.toLocaleString('en')}`),
    line('dist/ (MiB)', (r) => mib(r.distBytes)),
    line('Pagefind bundle (MiB)', (r) => (r.pagefindBytes / 1024 / 1024).toFixed(1)),
    ...Object.keys(rows.at(-1)!.search).map((w) => line(`first result “${w}” (ms)`, (r) => r.search[w] ?? 'n/a')),
  ];
  const types = [...new Set(rows.flatMap((r) => Object.keys(r.largest)))].sort();
  lines.push('', row(['HTML per page, KiB gzip: median / largest (pages of the type)', ...rows.map((r) => `N = ${r.documents.toLocaleString('en')}`)]), rule);
  for (const t of types) lines.push(line(t, (r) => (r.largest[t] ? `${kib(r.largest[t]!.median)} / ${kib(r.largest[t]!.gzip)} (${r.largest[t]!.pages.toLocaleString('en')})` : '–')));
  return lines.join('\n');
}

/** The N to measure: 1, 10, 100… below the largest, and the largest. */
export function ladder(max: number): number[] {
  const ns: number[] = [];
  for (let n = 1; n < max; n *= 10) ns.push(n);
  return [...ns, max];
}

export async function runScale(max: number): Promise<void> {
  const rows: ScaleRow[] = [];
  for (const n of ladder(max)) {
    console.error(`[bench] ${n} document(s)…`);
    rows.push(await provision(n));
    console.error(report(rows));
  }
  console.log(`Measured ${new Date().toISOString().slice(0, 10)} on ${(await import('node:os')).cpus().length} cores; synthetic documents (tests/bench/synth.ts). Common word “${COMMON_WORD}”, rare word “${RARE_WORD}”.\n`);
  console.log(report(rows));
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'bench-scale.json'), JSON.stringify(rows, null, 2));
  rmSync(join(SCRATCH, 'seeds'), { recursive: true, force: true });
}

/** One build of the size benchmark: the seed alone (provisions null) or with a long document. */
export interface SizeRow {
  /** Provisions of the long document; null for the seed alone. */
  long: number | null;
  /** Provisions of the whole site. */
  provisions: number;
  convertMs: number;
  buildMs: number;
  buildCpuMs: number;
  astroMs: number;
  graphsMs: number;
  pagefindMs: number;
  buildRss: number;
  pages: number;
  /** Astro's time for the long document's full-text page, from the build log. */
  textPageMs: number;
  /** The long document's full-text page, gzip bytes. */
  textPageGzip: number;
}

/** A duration as Astro's build log prints it: +113ms, +11.42s. */
function logDuration(log: string, path: string): number {
  const m = new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\+([\\d.]+)(ms|s)\\)`).exec(log);
  return m ? Number(m[1]) * (m[2] === 's' ? 1000 : 1) : NaN;
}

async function provisionSize(long: number | null): Promise<SizeRow> {
  const doc = synthesizeLongLibrary(SCRATCH, long, SEEDS_DIR, CONTENT_DIR);
  const convert = await run(process.execPath, [join(ROOT, 'src/convert/cli.ts'), '--root', SCRATCH], process.env);
  const provisions = Number(convert.log.match(/(\d+) provisions/)?.[1] ?? NaN);
  const id = doc ? convert.log.match(/: (.*); \d+ provisions/)?.[1]?.split(', ').find((x) => x.endsWith(`-${long}`)) : undefined;
  rmSync(OUT, { recursive: true, force: true });
  rmSync(CONTENT_CACHE, { force: true });
  const build = await run('npm', ['run', '--silent', 'build'], { ...process.env, OUT_DIR: OUT, SITE: 'http://127.0.0.1', BASE_PATH: '/', CONTENT_DIR: join(SCRATCH, 'content') });
  const pagefindMs = Number(build.log.match(/\[pagefind\] indexed .*? in ([\d.]+) ?ms/)?.[1] ?? NaN);
  const graphsMs = Number(build.log.match(/\[graphs\] drew .*? in ([\d.]+) ?ms/)?.[1] ?? NaN);
  const textPage = id ? `/policies/${id}/text/index.html` : undefined;
  const row: SizeRow = {
    long, provisions, convertMs: convert.ms, buildMs: build.ms, buildCpuMs: build.cpuMs, astroMs: build.ms - graphsMs - pagefindMs, graphsMs, pagefindMs,
    buildRss: build.peakRss, pages: sitePages(OUT).length,
    textPageMs: textPage ? logDuration(build.log, textPage) : NaN,
    textPageGzip: textPage ? gzipSync(readFileSync(join(OUT, textPage))).length : NaN,
  };
  rmSync(OUT, { recursive: true, force: true });
  return row;
}

/** The size report: one column per build, the seed alone first; "more than the seed" against the first column. */
export function sizeReport(rows: SizeRow[]): string {
  const seed = rows.find((r) => r.long === null);
  const head = row(['', ...rows.map((r) => (r.long === null ? 'seed alone' : `seed + ${r.long.toLocaleString('en')} provisions`))]);
  const rule = row(Array(rows.length + 1).fill('---'));
  const line = (label: string, f: (r: SizeRow) => string | number) => row([label, ...rows.map(f)]);
  return [
    head, rule,
    line('provisions (site)', (r) => r.provisions.toLocaleString('en')),
    line('pages (HTML)', (r) => r.pages.toLocaleString('en')),
    line('convert (s)', (r) => s(r.convertMs)),
    line('build (s): all / Astro / graphs / Pagefind', (r) => `${s(r.buildMs)} / ${s(r.astroMs)} / ${s(r.graphsMs)} / ${s(r.pagefindMs)}`),
    line('build, more than the seed alone (s): time / CPU', (r) => (seed && r.long !== null ? `${s(r.buildMs - seed.buildMs)} / ${s(r.buildCpuMs - seed.buildCpuMs)}` : '–')),
    line('build CPU (s): user + system, all processes', (r) => s(r.buildCpuMs)),
    line('peak RSS of the build (MiB)', (r) => mib(r.buildRss)),
    line('the long document\'s full text: render (s) / KiB gzip', (r) => (r.long === null ? '–' : `${s(r.textPageMs)} / ${kib(r.textPageGzip)}`)),
  ].join('\n');
}

/**
 * `npm run bench -- --provisions N[,M…]`: the size benchmark. Builds the seed alone, then the seed
 * with one long document of N provisions (tests/bench/synth.ts, longDocument()), for each N, and
 * prints time and memory against provisions. Writes tests/.artifacts/bench-size.json as well.
 */
export async function runSize(sizes: number[]): Promise<void> {
  const rows: SizeRow[] = [];
  for (const n of [null, ...sizes]) {
    console.error(`[bench] ${n === null ? 'the seed alone' : `the seed and ${n} provisions`}…`);
    rows.push(await provisionSize(n));
    console.error(sizeReport(rows));
  }
  console.log(`Measured ${new Date().toISOString().slice(0, 10)} on ${(await import('node:os')).cpus().length} cores; one synthetic document beside the seed (tests/bench/synth.ts, longDocument()).\n`);
  console.log(sizeReport(rows));
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'bench-size.json'), JSON.stringify(rows, null, 2));
  rmSync(join(SCRATCH, 'seeds'), { recursive: true, force: true });
}
