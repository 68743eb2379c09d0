/**
 * The build's side of the diagram workers (src/export/mermaid-worker.ts): worker threads, started
 * on the first request (one per core, at most WORKERS), draw the diagrams in parallel, taken in
 * the order they were asked for. Jobs wait here and go to a worker two at a time (one drawing,
 * one ready), so many jobs asked for at once do not sit in the workers' memory. A worker is
 * replaced by a fresh one after JOBS_PER_WORKER jobs: mermaid in jsdom keeps about 2 MB of every
 * drawing (jsdom documents its sanitiser creates), which over a thousand documents outgrew the
 * worker's heap.
 *
 * A job that fails rejects its promise with the worker's message; a worker that crashes or exits
 * rejects every job not yet drawn, so the build fails instead of waiting forever. The worker
 * keeps the process alive only while jobs are pending.
 */
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DiagramView, RenderedDiagrams } from './mermaid-svg.ts';

/**
 * The worker's source, found from the project root: Astro builds run there, and the bundled
 * page code's own URL points into Astro's build folders, not into src/.
 */
const WORKER_FILE = join(process.cwd(), 'src', 'export', 'mermaid-worker.ts');

/** The worker's old-generation heap limit, in MB: its garbage is collected early. */
const HEAP_MB = 512;
/** Jobs a worker draws before a fresh one takes over (loading jsdom and mermaid again costs about a second). */
export const JOBS_PER_WORKER = 100;
/** Workers at once: one per core, at most 4. */
const WORKERS = Math.max(1, Math.min(4, availableParallelism()));
/** Jobs sent to the worker at a time. */
const IN_FLIGHT = 2;

interface Job {
  id: number;
  views: DiagramView[];
  idPrefix: string;
  describedBy: string | undefined;
  label: string;
  resolve: (r: RenderedDiagrams) => void;
  reject: (e: Error) => void;
}

interface Drawer {
  worker: Worker;
  /** Jobs sent to this worker. */
  sent: number;
  /** Jobs sent and not yet answered. */
  pending: Map<number, Job>;
  /** Replaced by a fresh worker: its exit is expected. */
  retired: boolean;
}

/** The workers, by slot; a slot is empty until needed and after its worker retires. */
const drawers: (Drawer | undefined)[] = Array.from({ length: WORKERS }, () => undefined);
let failed: Error | undefined;
let nextId = 0;
const waiting: Job[] = [];
/** Workers started so far (for tests). */
export let workersStarted = 0;

/** Stops the worker in slot i, whose exit is then expected, and empties the slot. */
function retire(i: number): Promise<number> | undefined {
  const d = drawers[i];
  if (!d) return undefined;
  d.retired = true;
  drawers[i] = undefined;
  return d.worker.terminate();
}

function fail(error: Error): void {
  failed ??= error;
  const jobs = [...drawers.flatMap((d) => [...(d?.pending.values() ?? [])]), ...waiting.splice(0)];
  for (let i = 0; i < drawers.length; i++) void retire(i);
  for (const job of jobs) job.reject(new Error(`${job.label}: ${error.message}`));
}

function start(): Drawer {
  workersStarted++;
  const d: Drawer = { worker: new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } }), sent: 0, pending: new Map(), retired: false };
  d.worker.on('message', (m: { id: number; result?: RenderedDiagrams; error?: string }) => {
    const job = d.pending.get(m.id);
    if (!job) return;
    d.pending.delete(m.id);
    if (m.error !== undefined) job.reject(new Error(`mermaid could not draw ${job.label}:\n${m.error}`));
    else job.resolve(m.result!);
    pump();
  });
  d.worker.on('error', (e) => { if (!d.retired) fail(new Error(`the diagram worker (${WORKER_FILE}) failed: ${e.stack ?? e.message}`)); });
  d.worker.on('exit', (code) => {
    if (!d.retired) fail(new Error(`the diagram worker (${WORKER_FILE}) stopped (exit code ${code}) with diagrams still to draw`));
  });
  return d;
}

/** Sends waiting jobs to the workers, replaces a worker that has drawn its share, lets idle ones stop holding the process. */
function pump(): void {
  if (failed) return;
  for (let i = 0; i < drawers.length; i++) {
    const spent = drawers[i];
    if (spent && spent.sent >= JOBS_PER_WORKER && spent.pending.size === 0) void retire(i);
    let d = drawers[i];
    if (waiting.length === 0) {
      if (d?.pending.size === 0) d.worker.unref();
      continue;
    }
    d ??= drawers[i] = start();
    d.worker.ref();
    while (waiting.length > 0 && d.pending.size < IN_FLIGHT && d.sent < JOBS_PER_WORKER) {
      const job = waiting.shift()!;
      d.pending.set(job.id, job);
      d.sent++;
      d.worker.postMessage({ id: job.id, views: job.views, idPrefix: job.idPrefix, describedBy: job.describedBy });
    }
  }
}

/**
 * Starts `n` workers (jsdom and mermaid load as a worker starts) before there is anything to draw,
 * e.g. while Astro builds the pages (src/build.ts).
 */
export function warmUp(n = 1): void {
  if (failed) return;
  for (let i = 0; i < Math.min(n, drawers.length); i++) {
    drawers[i] ??= start();
    if (drawers[i]!.pending.size === 0) drawers[i]!.worker.unref();
  }
}

/** Stops every worker once nothing is waiting or being drawn (their memory goes back to the system). */
export async function closeWorkers(): Promise<void> {
  if (waiting.length > 0 || drawers.some((d) => d && d.pending.size > 0)) throw new Error('closeWorkers(): diagrams are still being drawn');
  await Promise.all(drawers.map((_, i) => retire(i)));
}

/**
 * Draws views in the worker (see renderMermaid() in src/export/mermaid-svg.ts); `label` names the
 * diagram in error messages. Jobs are drawn in the order of the calls.
 */
export function drawInWorker(views: DiagramView[], idPrefix: string, describedBy: string | undefined, label: string): Promise<RenderedDiagrams> {
  if (failed) return Promise.reject(new Error(`${label}: ${failed.message}`));
  return new Promise<RenderedDiagrams>((resolve, reject) => {
    waiting.push({ id: nextId++, views, idPrefix, describedBy, label, resolve, reject });
    pump();
  });
}
