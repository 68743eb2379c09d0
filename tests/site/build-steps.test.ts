/**
 * `npm run build` (src/build.ts): Astro, then the graph drawing, then the search index. The
 * site build every other test reads went through all three; a build whose Astro step fails stops
 * there, non-zero, with no diagram drawn and no index written.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DIST, ROOT } from '../helpers/paths.ts';
import { doc, fileOf } from '../helpers/urls.ts';

const scratch = mkdtempSync(join(tmpdir(), 'pe-build-steps-'));
/**
 * Astro's content cache: an entry keeps the path it was first read from, so after a build from
 * the scratch folder the next build would look for the deleted scratch files. Removed before and
 * after that build, so the next one starts without it.
 */
const CONTENT_CACHE = join(ROOT, 'node_modules', '.astro', 'data-store.json');
afterAll(() => {
  rmSync(CONTENT_CACHE, { force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe('npm run build', () => {
  test('the built site went through every step: the graph page drawn, the search index written', () => {
    expect(readFileSync(join(DIST, fileOf(doc('graph/'))), 'utf8')).toMatch(/<div class="pe-diagram"[^>]* data-drawn[ >]/);
    expect(readFileSync(join(DIST, doc('graph.css')), 'utf8')).toContain('svg.pe-mermaid');
    expect(existsSync(join(DIST, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  test('when Astro fails, the build stops there: non-zero, nothing drawn, no index', () => {
    const content = join(scratch, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    writeFileSync(join(content, 'departments.yaml'), 'departments: [unclosed\n');
    const out = join(scratch, 'dist');
    rmSync(CONTENT_CACHE, { force: true });
    const run = spawnSync('npm', ['run', '--silent', 'build'], {
      cwd: ROOT, env: { ...process.env, OUT_DIR: out, BASE_PATH: '/', CONTENT_DIR: content }, encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/\[graphs\]|\[pagefind\]/);
    expect(existsSync(join(out, 'pagefind'))).toBe(false);
  }, 120_000);
});
