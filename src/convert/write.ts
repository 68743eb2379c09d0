/**
 * Writing content/policies/ whole or not at all. Everything is written to a staging folder
 * (content/.policies-<pid>.tmp) and swapped in with two renames at the end. A lock file
 * (content/.convert.lock, holding the writer's process id) keeps two converts from writing at
 * once; SIGINT and SIGTERM remove the staging folder and the lock before the process ends; a
 * convert that was killed outright (SIGKILL, power) leaves folders the next one clears up.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SourceError } from '../model/source-error.ts';

export const LOCK_NAME = '.convert.lock';
const STAGING_RE = /^\.policies-\d+\.(?:tmp|old)$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes content/.convert.lock, or refuses while another live convert holds it. Returns its release. */
export function takeLock(contentDir: string, shown: string): () => void {
  const path = join(contentDir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
        throw new SourceError(shown, 1, 1, `another \`npm run convert\` (process ${pid}) is writing content/: wait for it to finish`);
      // Left by a convert that no longer runs.
      rmSync(path, { force: true });
    }
  }
  throw new SourceError(shown, 1, 1, 'could not take the lock on content/');
}

/**
 * Clears what a killed convert left (under the lock, so no live one owns it): staging folders,
 * and the previous content/policies/ put back if it was moved aside but not replaced.
 */
export function recoverLeftovers(contentDir: string): void {
  const target = join(contentDir, 'policies');
  const leftovers = readdirSync(contentDir).filter((f) => STAGING_RE.test(f));
  const old = leftovers.find((f) => f.endsWith('.old'));
  if (old && !existsSync(target)) renameSync(join(contentDir, old), target);
  for (const f of leftovers) rmSync(join(contentDir, f), { recursive: true, force: true });
}

export interface Staging {
  write(relative: string, body: string): void;
  /** Swaps the staging folder in for content/policies/ (two renames, no await between them). */
  commit(): void;
  /** Removes the staging folder. */
  discard(): void;
}

export function stage(contentDir: string): Staging {
  const target = join(contentDir, 'policies');
  const staging = join(contentDir, `.policies-${process.pid}.tmp`);
  const old = join(contentDir, `.policies-${process.pid}.old`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  return {
    write(relative, body) {
      const file = join(staging, relative);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSyncStrict(file, body);
    },
    commit() {
      if (existsSync(target)) renameSync(target, old);
      renameSync(staging, target);
      rmSync(old, { recursive: true, force: true });
    },
    discard() {
      rmSync(staging, { recursive: true, force: true });
    },
  };
}

function writeFileSyncStrict(file: string, body: string): void {
  const fd = openSync(file, 'wx');
  try {
    writeSync(fd, body);
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs `work` with SIGINT and SIGTERM turned into a clean stop: `cleanup` runs, the process exits
 * with 130 or 143 and content/ is as it was. `work` must yield (await) now and then for a signal to
 * be seen; code between two awaits is never cut short.
 */
export async function interruptible<T>(work: () => Promise<T>, cleanup: () => void): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup();
    console.error(`convert stopped by ${signal}: content/ is unchanged`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await work();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Lets pending signals be handled. */
export const yieldToSignals = () => new Promise<void>((resolve) => setImmediate(resolve));
