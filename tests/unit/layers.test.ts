/**
 * Issue 23: the code flows one way. src/model/ (the typed model and what derives from it) imports
 * nothing of the other layers; src/convert/ (seeds → content) imports only model/; views/ (pages'
 * data) model/; export/ (data files) model/ and views/; site/ (the Astro glue) all of those. Nothing
 * but the command line imports the converter, and only src/site/ (and the content config) imports
 * astro:content. Every relative import of every source file is read and checked.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

const SRC = join(ROOT, 'src');
const LAYERS = ['model', 'convert', 'views', 'export', 'site'] as const;
type Layer = (typeof LAYERS)[number];
/** What each layer may import. Components, pages, layouts and scripts may import any layer but convert/. */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  model: ['model'],
  convert: ['model', 'convert'],
  views: ['model', 'views'],
  export: ['model', 'views', 'export'],
  site: ['model', 'views', 'export', 'site'],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|astro|mjs)$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** Every module specifier a file imports (static and dynamic imports, and re-exports). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/gu)].map((m) => m[1]!);
}

const layerOf = (path: string): string => relative(SRC, path).split('/')[0]!;
const sources = files(SRC);

describe('the layers import one way', () => {
  test('the checker reads imports: it sees model/ imported by views/ and astro:content by site/', () => {
    expect(imports(join(SRC, 'views', 'departments.ts')).some((s) => s.includes('../model/'))).toBe(true);
    expect(imports(join(SRC, 'site', 'library.ts'))).toContain('astro:content');
  });

  test('no relative import runs against the layers', () => {
    const wrong: string[] = [];
    for (const file of sources) {
      const from = layerOf(file);
      for (const spec of imports(file).filter((s) => s.startsWith('.'))) {
        const to = layerOf(normalize(join(dirname(file), spec)));
        const rule = (LAYERS as readonly string[]).includes(from) ? ALLOWED[from as Layer] : LAYERS.filter((l) => l !== 'convert');
        if ((LAYERS as readonly string[]).includes(to) && !rule.includes(to as Layer)) wrong.push(`${relative(ROOT, file)} imports ${spec} (${from} → ${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('only src/site/ and the content config import astro:content', () => {
    const importers = sources.filter((f) => imports(f).includes('astro:content')).map((f) => relative(SRC, f));
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((f) => !f.startsWith('site/') && f !== 'content.config.ts')).toEqual([]);
  });
});
