/**
 * Issue 20: each real document converts unedited and builds beside the seed on its own, not only
 * in the library of all six (tests/library/real.test.ts): six small builds, one after another, each
 * with every sentence of its document on its full-text page (the oracle of tests/helpers/sentences.ts).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { htmlText } from '../helpers/html.ts';
import { REAL_FIXTURES, ROOT } from '../helpers/paths.ts';
import { convertReal, realIds, realSeedFiles } from '../helpers/real-site.ts';
import { missingInOrder, sentencesOf } from '../helpers/sentences.ts';

describe('each real document alone beside the seed', () => {
  test.each(realSeedFiles())('%s converts and builds; every sentence on its full text', (file) => {
    // Kept folders per document (Astro's content cache remembers where entries were read).
    const root = join(ROOT, 'node_modules', '.cache', 'pe-real-one', file.replace(/\.txt$/u, ''));
    const out = join(ROOT, `dist-real-one`);
    expect(convertReal(root, [file])).toMatch(/^2 seed\(s\)/u);
    rmSync(out, { recursive: true, force: true });
    buildSite({ outDir: out, contentDir: join(root, 'content') });
    const id = realIds(root).get(file)!;
    const page = htmlText(readFileSync(join(out, 'policies', id, 'text', 'index.html'), 'utf8'));
    expect(missingInOrder(sentencesOf(readFileSync(join(REAL_FIXTURES, file), 'utf8')), page)).toEqual([]);
  }, 240_000);
});
