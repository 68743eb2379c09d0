/**
 * A worker thread that draws mermaid diagrams (src/export/mermaid-svg.ts) on request, so the
 * build draws them on another core while Astro renders pages on its main thread. jsdom and
 * mermaid load once, when the worker starts; jobs are drawn one after another, in the order they came.
 * Started by src/export/mermaid-client.ts; runs unbundled (Node strips the types).
 *
 * In: { id, views, idPrefix, describedBy }. Out: { id, result } or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import { prepare, renderMermaid, type DiagramView } from './mermaid-svg.ts';

export interface DrawJob {
  id: number;
  views: DiagramView[];
  idPrefix: string;
  describedBy?: string;
}

if (!parentPort) throw new Error('src/export/mermaid-worker.ts runs as a worker thread (src/export/mermaid-client.ts)');
const port = parentPort;

// jsdom and mermaid load at once, before the first job comes; a failure to load is reported by each job.
prepare().catch(() => undefined);

port.on('message', (job: DrawJob) => {
  renderMermaid(job.views, job.idPrefix, job.describedBy).then(
    (result) => port.postMessage({ id: job.id, result }),
    (e: unknown) => port.postMessage({ id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
