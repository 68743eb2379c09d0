/**
 * The diagram worker the build draws the graph pages with (src/export/mermaid-client.ts, running
 * src/export/mermaid-worker.ts): it draws what renderMermaid() draws in-process, in the order asked,
 * and a diagram it cannot draw rejects that request only, naming it; after JOBS_PER_WORKER jobs a
 * fresh worker takes over and the drawings go on.
 */
import { describe, expect, test } from 'vitest';
import { drawInWorker, JOBS_PER_WORKER, workersStarted } from '../../src/export/mermaid-client.ts';
import { renderMermaid } from '../../src/export/mermaid-svg.ts';

const source = (n: number) => `flowchart LR\n  a${n}["措施${n}"] --> b${n}["市人社局"]`;

describe('drawInWorker', () => {
  test('the same SVGs and stylesheet as in-process, for requests sent together', async () => {
    const [one, two] = await Promise.all([
      drawInWorker([{ key: 'all', source: source(1) }], 'pe-w', 'text-id', 'doc-1'),
      drawInWorker([{ key: 'all', source: source(2) }, { key: 'c1', source: source(3) }], 'pe-w', 'text-id', 'doc-2'),
    ]);
    expect(one).toEqual(await renderMermaid([{ key: 'all', source: source(1) }], 'pe-w', 'text-id'));
    expect(two.svgs.map((s) => s.key)).toEqual(['all', 'c1']);
    expect(two.svgs[1]!.svg).toContain('id="pe-w-c1"');
  }, 60_000);

  test('a diagram mermaid cannot draw rejects its request, named; the worker goes on', async () => {
    await expect(drawInWorker([{ key: 'x', source: 'flowchart LR\n  a[[b --> ' }], 'pe-w', undefined, 'the graph of bad-doc')).rejects.toThrow(/the graph of bad-doc/);
    expect((await drawInWorker([{ key: 'all', source: source(4) }], 'pe-w', undefined, 'doc-4')).svgs).toHaveLength(1);
  }, 60_000);

  test(`a fresh worker takes over after ${JOBS_PER_WORKER} jobs; every job is drawn, in order`, async () => {
    const before = workersStarted;
    const n = JOBS_PER_WORKER + 3;
    const results = await Promise.all(Array.from({ length: n }, (_, i) => drawInWorker([{ key: `k${i}`, source: source(100 + i) }], 'pe-r', undefined, `doc-r${i}`)));
    expect(results.map((r) => r.svgs[0]!.key)).toEqual(Array.from({ length: n }, (_, i) => `k${i}`));
    for (const [i, r] of results.entries()) expect(r.svgs[0]!.svg).toContain(`措施${100 + i}`);
    // The first worker may be the one the tests above started.
    expect(workersStarted - before).toBeGreaterThanOrEqual(1);
    expect(workersStarted).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
