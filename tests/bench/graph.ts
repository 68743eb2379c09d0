/**
 * `node tests/bench/graph.ts [runs] [--no-build]`: Lighthouse (mobile profile, as `npm run bench`)
 * on the graph page alone, several runs, with the long tasks of each run. A quick loop for work on
 * the diagram; the full report stays `npm run bench`. Builds into dist-graph/ unless --no-build
 * (GRAPH_DIR serves another build, e.g. of an earlier commit, for a before/after comparison).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM } from '../helpers/browser.ts';
import { ROOT } from '../helpers/paths.ts';
import { serveDeployed } from './serve.ts';

const OUT = process.env.GRAPH_DIR ?? join(ROOT, 'dist-graph');
const PORT = Number(process.env.PORT ?? 4599);
const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3);
const path = process.env.GRAPH_PATH ?? 'policies/jjzz-2020-5/graph/';

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, env: { ...process.env, OUT_DIR: OUT, SITE: `http://127.0.0.1:${PORT}`, BASE_PATH: '/' }, encoding: 'utf8' });
  if (build.status !== 0) {
    process.stderr.write(build.stdout + build.stderr);
    throw new Error('build failed');
  }
}
const server = await serveDeployed(OUT, PORT);
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const rows: { perf: number; tbt: number; lcp: number; tti: number }[] = [];
try {
  for (let i = 0; i < runs; i++) {
    // A run sometimes fails to record its trace (NO_NAVSTART): try again, as npm run bench does.
    let lhr;
    for (let attempt = 1; attempt <= 3; attempt++) {
      lhr = (await lighthouse(server.url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] }))!.lhr;
      if (!lhr.runtimeError) break;
      console.error(`run ${i + 1}, try ${attempt}: ${lhr.runtimeError.code}`);
    }
    if (!lhr || lhr.runtimeError) continue;
    const num = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
    const row = { perf: Math.round(lhr.categories.performance!.score! * 100), tbt: num('total-blocking-time'), lcp: num('largest-contentful-paint'), tti: num('interactive') };
    rows.push(row);
    const tasks = ((lhr.audits['long-tasks']?.details as { items?: { url: string; startTime: number; duration: number }[] })?.items ?? [])
      .map((t) => `${Math.round(t.startTime)}+${Math.round(t.duration)}ms ${t.url.replace(server.url, '/')}`);
    const failed = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'numeric').map((a) => `${a.id} ${a.score}`);
    console.log(`run ${i + 1}: perf ${row.perf}, TBT ${row.tbt} ms, LCP ${row.lcp} ms, TTI ${row.tti} ms, FCP ${num('first-contentful-paint')} ms; below 0.9: ${failed.join(', ') || 'none'}`);
    for (const t of tasks) console.log(`   long task ${t}`);
  }
} finally {
  chrome.kill();
  await server.close();
}
const median = (k: keyof (typeof rows)[number]) => [...rows.map((r) => r[k])].sort((a, b) => a - b)[Math.floor(rows.length / 2)];
console.log(`median of ${rows.length}: perf ${median('perf')}, TBT ${median('tbt')} ms, LCP ${median('lcp')} ms, TTI ${median('tti')} ms`);
