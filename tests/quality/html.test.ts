/**
 * Valid HTML: every built page passes the Nu Html Checker (vnu-jar, the W3C validator, run
 * with the machine's Java; .ci/run installs it) with zero errors.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { DIST, FIXTURES } from '../helpers/paths.ts';
import { sitePages } from '../helpers/site.ts';

const VNU = String(createRequire(import.meta.url)('vnu-jar'));
const JAVA = process.env.JAVA ?? 'java';

interface Message { type: string; url: string; lastLine?: number; firstColumn?: number; message: string; extract?: string }

/** Runs the checker once on many files (the JVM starts once); errors only. */
function vnu(files: string[]): Message[] {
  const run = spawnSync(JAVA, ['-jar', VNU, '--format', 'json', '--errors-only', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`cannot run Java (${JAVA}): install it (apt-get install default-jre-headless) or set JAVA: ${run.error.message}`);
  const out = `${run.stdout}\n${run.stderr}`;
  // The checker writes its JSON report to stderr.
  const json = out.trim().split('\n').findLast((l) => l.startsWith('{'));
  if (!json) throw new Error(`no report from the Nu checker: ${out.slice(0, 500)}`);
  return (JSON.parse(json) as { messages: Message[] }).messages;
}

const pages = sitePages(DIST);
const messages = vnu(pages.map((p) => join(DIST, p.file)));

describe('Nu Html Checker: zero errors', () => {
  test('the checker reports errors in invalid HTML', () => {
    const bad = join(FIXTURES, 'invalid.html');
    const found = vnu([bad]).map((m) => m.message);
    expect(found.some((m) => m.includes('“alt”'))).toBe(true);
    expect(found.some((m) => m.includes('“p” end tag'))).toBe(true);
  });

  for (const { file, path } of pages) {
    test(`/${path}`, () => {
      const url = pathToFileURL(join(DIST, file)).href.replace(/^file:\/\/\//, 'file:/');
      const mine = messages.filter((m) => m.url === url || decodeURI(m.url) === url);
      expect(mine.map((m) => `${m.lastLine}:${m.firstColumn} ${m.message} «${m.extract ?? ''}»`)).toEqual([]);
    });
  }

  test('every message belongs to a page (none lost to a path mismatch)', () => {
    const urls = new Set(pages.map((p) => pathToFileURL(join(DIST, p.file)).href.replace(/^file:\/\/\//, 'file:/')));
    expect(messages.filter((m) => !urls.has(m.url) && !urls.has(decodeURI(m.url)))).toEqual([]);
  });
});
