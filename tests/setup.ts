/**
 * Global setup: builds the site twice — at the root (dist/) and under a sub-path (dist-sub/) —
 * and serves both on 127.0.0.1 for the site and browser tests.
 * Set PE_SKIP_BUILD=1 to reuse existing builds while iterating.
 */
import type { TestProject } from 'vitest/node';
import { buildSite } from './helpers/build.ts';
import { DIST, DIST_SUB, SUB_PATH } from './helpers/paths.ts';
import { serveStatic, type StaticServer } from './helpers/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    subSiteUrl: string;
  }
}

let servers: StaticServer[] = [];

export async function setup(project: TestProject): Promise<void> {
  if (!process.env.PE_SKIP_BUILD) {
    buildSite({ outDir: DIST });
    buildSite({ outDir: DIST_SUB, base: SUB_PATH });
  }
  servers = [await serveStatic(DIST), await serveStatic(DIST_SUB, SUB_PATH)];
  project.provide('siteUrl', servers[0]!.url);
  project.provide('subSiteUrl', servers[1]!.url);
}

export async function teardown(): Promise<void> {
  await Promise.all(servers.map((s) => s.close()));
}
