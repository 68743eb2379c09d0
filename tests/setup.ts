/**
 * Global setup: builds the site three times — at the root (dist/), under a sub-path (dist-sub/),
 * and as a library of several documents (dist-library/: the seed plus the fictional documents of
 * tests/fixtures/library/) — and serves them on 127.0.0.1 for the site and browser tests.
 * Set PE_SKIP_BUILD=1 to reuse existing builds while iterating.
 */
import type { TestProject } from 'vitest/node';
import { buildSite } from './helpers/build.ts';
import { buildLibrarySite } from './helpers/library-site.ts';
import { buildRealSite } from './helpers/real-site.ts';
import { DIST, DIST_LIBRARY, DIST_REAL, DIST_SUB, SUB_PATH } from './helpers/paths.ts';
import { serveStatic, type StaticServer } from './helpers/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    subSiteUrl: string;
    /** The library build (dist-library/), at the root. */
    librarySiteUrl: string;
    /** The real-corpus build (dist-real/): the seed and the six published documents of tests/fixtures/real/. */
    realSiteUrl: string;
  }
}

let servers: StaticServer[] = [];

export async function setup(project: TestProject): Promise<void> {
  if (!process.env.PE_SKIP_BUILD) {
    buildSite({ outDir: DIST });
    buildSite({ outDir: DIST_SUB, base: SUB_PATH });
    buildLibrarySite(DIST_LIBRARY);
    buildRealSite(DIST_REAL);
  }
  servers = [await serveStatic(DIST), await serveStatic(DIST_SUB, SUB_PATH), await serveStatic(DIST_LIBRARY), await serveStatic(DIST_REAL)];
  project.provide('siteUrl', servers[0]!.url);
  project.provide('subSiteUrl', servers[1]!.url);
  project.provide('librarySiteUrl', servers[2]!.url);
  project.provide('realSiteUrl', servers[3]!.url);
}

export async function teardown(): Promise<void> {
  await Promise.all(servers.map((s) => s.close()));
}
