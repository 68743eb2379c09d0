import { defineConfig } from 'vitest/config';

const root = new URL('..', import.meta.url).pathname;

/**
 * Three projects: `unit` (pure functions, the parser and the views; no build, under 20 s),
 * `integration` (the converter's command line in scratch folders, mermaid in jsdom, the graph step) and `site`
 * (checks on the built sites, browser tests and quality gates; tests/setup.ts builds them once —
 * dist/, dist-sub/ and dist-library/, the seed with the fictional documents of tests/fixtures/library/,
 * which tests/library/ checks).
 * `npx vitest run --config tests/vitest.config.ts --project unit` keeps the fast loop fast.
 */
export default defineConfig({
  test: {
    root,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      // Pure code and no shared state between files: one module graph per worker (isolate: false) halves the time spent importing.
      { test: { name: 'unit', root, include: ['tests/unit/**/*.test.ts'], isolate: false } },
      // The command line run in scratch folders, mermaid in jsdom, the graph step: no site build, but tens of seconds.
      { test: { name: 'integration', root, include: ['tests/integration/**/*.test.ts'] } },
      {
        test: {
          name: 'site',
          root,
          include: ['tests/{site,e2e,quality}/**/*.test.ts', 'tests/library/**/*.test.ts'],
          globalSetup: ['tests/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          // Browser tests share two cores with the build: keep files sequential and predictable.
          fileParallelism: false,
        },
      },
    ],
  },
});
