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
import { REAL_ROOT, UNLISTED, realIds, realSeedFiles } from '../helpers/real-site.ts';
import { missingInOrder, sentencesOf } from '../helpers/sentences.ts';
import { DOCUMENT_ID_RE } from '../../src/model/document-meta.ts';

const pageOf = (path: string) => readFileSync(join(DIST_REAL, path, 'index.html'), 'utf8');
const ids = realIds(REAL_ROOT);

describe('the real documents on the site', () => {
  test.each(realSeedFiles())('%s: every sentence is on its full-text page, in order', (file) => {
    const id = ids.get(file)!;
    // The converter gave the document an id of the site's form; its full text is then read below.
    expect(id, `${file} has a document`).toMatch(DOCUMENT_ID_RE);
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

  test('every body an attribution names has a department page, listed or not; a collective body has none', () => {
    const slugs = new Set<string>();
    for (const id of ids.values())
      for (const m of readFileSync(join(REAL_ROOT, 'content/policies', id, 'provisions.mdx'), 'utf8').matchAll(/^\s+slug: "?([a-z0-9-]+)"?$/gmu)) slugs.add(m[1]!);
    expect(slugs.size).toBeGreaterThan(10);
    for (const slug of slugs) expect(existsSync(join(DIST_REAL, 'departments', slug, 'index.html')), slug).toBe(true);
    // 医保局, left out of this build's registry (tests/helpers/real-site.ts): a page under its pinyin, its name as written.
    const bodies = readFileSync(join(REAL_ROOT, 'content/policies/unlisted-bodies.yaml'), 'utf8');
    expect(bodies).toContain(`abbr: "${UNLISTED}"`);
    const page = htmlText(pageOf('departments/yibaoju'));
    expect(page).toContain(UNLISTED);
    expect(page).toMatch(/人力资源社会保障部/u);
    const report = readFileSync(join(REAL_ROOT, 'content/policies', ids.get(realSeedFiles()[0]!)!, 'conversion-report.txt'), 'utf8');
    expect(report).toMatch(/"医保局" is not in content\/departments.yaml: read as a body of its own \(\/departments\/yibaoju\/\)/u);
    // Collective bodies are named on the provision, not made departments.
    const index = htmlText(pageOf('departments'));
    expect(index).not.toContain('各省级人民政府');
    expect(htmlText(pageOf(`policies/${ids.get(realSeedFiles()[0]!)}/text`))).toContain('各省级人民政府');
  });

  test('the conversion report is not published', () => {
    const files = readdirSync(DIST_REAL, { recursive: true }).map(String);
    expect(files.some((f) => f.includes('conversion-report'))).toBe(false);
    const home = pageOf('');
    expect(home).not.toMatch(/conversion report|read as a body of its own/u);
  });
});
