/**
 * What the build's steps share, whether `npm run build` (src/build.ts) runs them or one runs alone
 * (`node src/export/draw-graphs.ts`, `node src/integrations/pagefind.ts`): the output folder, and
 * how a step reports: `[name] <its log line>`, or `[name] <why>` and exit code 1.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built site's folder: OUT_DIR as in astro.config.mjs. */
export const siteDir = (): string => resolve(process.env.OUT_DIR ?? './dist');

/** Whether the module at `url` is the script node was started with. */
export const runAlone = (url: string): boolean => Boolean(process.argv[1]) && resolve(process.argv[1]!) === fileURLToPath(url);

/** Runs a step and logs its line; a failure is logged with the step's name and ends the process, non-zero. */
export async function runStep(name: string, run: () => Promise<string>): Promise<void> {
  try {
    console.log(`[${name}] ${await run()}`);
  } catch (error) {
    console.error(`[${name}] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
