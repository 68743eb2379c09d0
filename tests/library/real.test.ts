/**
 * The real-corpus build (dist-real/: the seed and the six published documents of
 * tests/fixtures/real/): every sentence of every document is on its full-text page, in order
 * (checked by an oracle that knows nothing of the converter, tests/helpers/sentences.ts); the
 * paragraphs that are no provision are on the pages they belong to; bodies the registry lacks have
 * department pages; collective bodies have none; nothing of the conversion report is published.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { htmlText } from '../helpers/html.ts';
import { DIST_REAL, REAL_FIXTURES } from '../helpers/paths.ts';
import { REAL_ROOT, realIds, realSeedFiles } from '../helpers/real-site.ts';
import { missingInOrder, sentencesOf } from '../helpers/sentences.ts';

const pageOf = (path: string) => readFileSync(join(DIST_REAL, path, 'index.html'), 'utf8');
const ids = realIds(REAL_ROOT);

describe('the real documents on the site', () => {
  test.each(realSeedFiles())('%s: every sentence is on its full-text page, in order', (file) => {
    const id = ids.get(file)!;
    expect(id, `${file} has a document`).toBeTruthy();
    const sentences = sentencesOf(readFileSync(join(REAL_FIXTURES, file), 'utf8'));
    expect(sentences.length).toBeGreaterThan(20);
    const page = htmlText(pageOf(`policies/${id}/text`));
    expect(missingInOrder(sentences, page)).toEqual([]);
  });

  test('a paragraph that is no provision is on the full text in its place, and on its chapter summary', () => {
    const id = ids.get(realSeedFiles().find((f) => f.startsWith('02'))!)!;
    const seed = readFileSync(join(REAL_FIXTURES, realSeedFiles().find((f) => f.startsWith('02'))!), 'utf8').split('\n');
    const prose = seed.find((l) => l.startsWith('本意见所称政务新媒体'))!;
    const full = pageOf(`policies/${id}/text`);
    expect(full).toMatch(/id="p2-1"/);
    expect(missingInOrder(sentencesOf(['二、明确工作职责', prose, '三、加强功能建设'].join('\n')), htmlText(full))).toEqual([]);
    expect(missingInOrder(sentencesOf(prose), htmlText(pageOf(`policies/${id}/summary/2`)))).toEqual([]);
  });

  test('a body the registry lacks has a department page; a collective body has none', () => {
    const bodies = readFileSync(join(REAL_ROOT, 'content/policies/unlisted-bodies.yaml'), 'utf8');
    const unlisted = [...bodies.matchAll(/id: "([^"]+)"/gu)].map((m) => m[1]!);
    for (const slug of unlisted) expect(existsSync(join(DIST_REAL, 'departments', slug, 'index.html')), slug).toBe(true);
    const departments = readdirSync(join(DIST_REAL, 'departments'));
    expect(departments.some((d) => /^ge/u.test(d) && d.includes('zhengfu'))).toBe(false);
  });

  test('the conversion report is not published', () => {
    const files = readdirSync(DIST_REAL, { recursive: true }).map(String);
    expect(files.some((f) => f.includes('conversion-report'))).toBe(false);
    const home = pageOf('');
    expect(home).not.toMatch(/conversion report|read as a body of its own/u);
  });
});
