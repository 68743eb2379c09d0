/**
 * Issue 21, item 7: two routes that build the same address fail the build. The converter refuses
 * a document id the site reserves (tests/integration/hostile-inputs.test.ts); this writes such content
 * by hand (a document with the id `departments`, a department with the id `responsibilities`:
 * /data/departments/responsibilities.csv from both /data/[doc]/ and /data/departments/[id].csv)
 * and checks that the build stops rather than dropping one of them under a warning.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { CONTENT_DIR, ROOT } from '../helpers/paths.ts';

const root = mkdtempSync(join(tmpdir(), 'pe-conflict-'));
/** Astro's content cache, which would otherwise point at the deleted scratch folder (tests/helpers/build.ts). */
const CONTENT_CACHE = join(ROOT, 'node_modules', '.astro', 'data-store.json');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(CONTENT_CACHE, { force: true });
});

test('a document id that builds the same address as another route stops the build', () => {
  const content = join(root, 'content');
  cpSync(CONTENT_DIR, content, { recursive: true });
  const [only] = readdirSync(join(content, 'policies'));
  const folder = join(content, 'policies', 'departments');
  renameSync(join(content, 'policies', only!), folder);
  for (const f of readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')))
    writeFileSync(join(folder, f), readFileSync(join(folder, f), 'utf8').replaceAll(`"${only}"`, '"departments"'));
  appendFileSync(join(content, 'departments.yaml'), '\n- id: responsibilities\n  abbr: 市测试局\n  name: 天津市测试局\n  nameEn: Test bureau\n  kind: government\n');
  rmSync(CONTENT_CACHE, { force: true });
  const result = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, OUT_DIR: join(root, 'dist'), BASE_PATH: '/', CONTENT_DIR: content },
  });
  expect(result.status).not.toBe(0);
  // Astro colours its log where the terminal or CI asks for colour: read the words, not the escape codes.
  expect(`${result.stdout}${result.stderr}`.replace(/\u001b\[[0-9;]*m/gu, '')).toMatch(/PrerenderRouteConflict\] Could not render `\/data\/departments\/responsibilities\.csv`/);
}, 300_000);
