/**
 * The build's side of the diagram worker (src/export/mermaid-worker.ts): one worker thread, started
 * on the first request, draws the diagrams in the order they were asked for while Astro renders
 * other pages. A job that fails rejects its promise with the worker's message; a worker that
 * crashes or exits rejects every pending job, so the build fails instead of waiting forever. The
 * worker keeps the process alive only while jobs are pending.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DiagramView, RenderedDiagrams } from './mermaid-svg.ts';

/**
 * The worker's source, found from the project root: Astro builds run there, and the bundled
 * page code's own URL points into Astro's build folders, not into src/.
 */
const WORKER_FILE = join(process.cwd(), 'src', 'export', 'mermaid-worker.ts');

/** The worker's old-generation heap limit, in MB. */
const HEAP_MB = 512;

interface Pending {
  resolve: (r: RenderedDiagrams) => void;
  reject: (e: Error) => void;
  label: string;
}

let worker: Worker | undefined;
let failed: Error | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

function fail(error: Error): void {
  failed ??= error;
  for (const p of pending.values()) p.reject(new Error(`${p.label}: ${error.message}`));
  pending.clear();
  worker = undefined;
}

function start(): Worker {
  // A bounded heap, so the worker's garbage is collected early: jsdom and mermaid need a few
  // hundred MB, and a 1,000-document build without the bound peaked at 6.1 GiB (process tree).
  const w = new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
  w.on('message', (m: { id: number; result?: RenderedDiagrams; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (pending.size === 0) w.unref();
    if (m.error !== undefined) p.reject(new Error(`mermaid could not draw ${p.label}:\n${m.error}`));
    else p.resolve(m.result!);
  });
  w.on('error', (e) => fail(new Error(`the diagram worker (${WORKER_FILE}) failed: ${e.stack ?? e.message}`)));
  w.on('exit', (code) => {
    if (pending.size > 0 || code !== 0) fail(new Error(`the diagram worker (${WORKER_FILE}) stopped (exit code ${code}) with diagrams still to draw`));
    worker = undefined;
  });
  w.unref();
  return w;
}

/**
 * Draws views in the worker (see renderMermaid() in src/export/mermaid-svg.ts); `label` names the
 * diagram in error messages. Jobs are drawn in the order of the calls.
 */
export function drawInWorker(views: DiagramView[], idPrefix: string, describedBy: string | undefined, label: string): Promise<RenderedDiagrams> {
  if (failed) return Promise.reject(new Error(`${label}: ${failed.message}`));
  worker ??= start();
  const id = nextId++;
  const w = worker;
  return new Promise<RenderedDiagrams>((resolve, reject) => {
    if (pending.size === 0) w.ref();
    pending.set(id, { resolve, reject, label });
    w.postMessage({ id, views, idPrefix, describedBy });
  });
}
