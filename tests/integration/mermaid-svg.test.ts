/**
 * Mermaid drawn at build time in jsdom (src/export/mermaid-svg.ts) with estimated text metrics
 * (src/export/text-metrics.ts): the seed's graph comes out whole, links and all, with no inline
 * style, and the rest of the process never sees jsdom's globals. Chromium checks the look and that
 * labels fit their boxes (tests/e2e/departments.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderMermaid } from '../../src/export/mermaid-svg.ts';
import { advance, bbox, textWidth } from '../../src/export/text-metrics.ts';
import { crossReference, graphModel, mermaidSource } from '../../src/views/departments.ts';
import { provisions, policy, registry } from '../helpers/model.ts';
import { ROOT } from '../helpers/paths.ts';

const xref = crossReference(policy, registry);
const source = (chapter?: number) => mermaidSource(graphModel(xref, chapter ? { chapter } : {}), {
  provisionUrl: (id) => `/m/${id}/`,
  departmentUrl: (id) => `/d/${id}/`,
  title: '关系图',
  description: '措施与部门',
  chapterLabel: (c) => c.title,
  departmentsLabel: '责任部门',
});

describe('text metrics', () => {
  test('CJK characters and full-width punctuation are 1 em; Latin narrower', () => {
    for (const ch of ['人', '社', '（', '、', '〔']) expect(advance(ch)).toBe(1);
    for (const ch of ['1', '-', 'a', ' ']) expect(advance(ch)).toBeLessThan(1);
    expect(textWidth('市人社局', 14)).toBe(56);
  });

  test('boxes: shapes, paths, translated groups', async () => {
    const { JSDOM } = await import('jsdom');
    const { document } = new JSDOM('<svg xmlns="http://www.w3.org/2000/svg"><g id="g"><rect x="1" y="2" width="10" height="5"/><g transform="translate(100, 50)"><path d="M0,0L10,20C5,5,5,5,-4,2"/></g></g></svg>').window;
    expect(bbox(document.querySelector('rect')!)).toEqual({ x: 1, y: 2, width: 10, height: 5 });
    expect(bbox(document.querySelector('path')!)).toEqual({ x: -4, y: 0, width: 14, height: 20 });
    expect(bbox(document.querySelector('#g')!)).toEqual({ x: 1, y: 2, width: 109, height: 68 });
  });
});

describe('renderMermaid', () => {
  test("the seed's whole graph and a chapter: every node, edge and link, no inline style, one shared stylesheet", async () => {
    const { svgs, css } = await renderMermaid([{ key: 'all', source: source() }, { key: 'c2', source: source(2) }], 'pe-test', 'text-id');
    expect(svgs.map((s) => s.key)).toEqual(['all', 'c2']);
    const all = svgs[0]!.svg;
    const whole = graphModel(xref);
    expect(all).toMatch(/^<svg id="pe-test-all"[^>]*class="flowchart pe-mermaid"/);
    expect(all).toMatch(/aria-describedby="text-id"/);
    expect([...all.matchAll(/<g class="node /g)]).toHaveLength(provisions.length + whole.departments.length);
    expect([...all.matchAll(/class="[^"]*flowchart-link/g)]).toHaveLength(whole.edges.length);
    const links = [...all.matchAll(/<a [^>]*href="([^"]+)"[^>]*>/g)];
    expect(new Set(links.map((a) => a[1]))).toEqual(new Set([...provisions.map((m) => `/m/${m.id}/`), ...whole.departments.map((x) => `/d/${x.dept.id}/`)]));
    for (const [a] of links) expect(a).toContain('tabindex="-1"');
    // Laid out: every node placed, every box sized.
    expect(all).not.toMatch(/translate\(NaN|width="NaN"|height="0"/);
    expect(Number(/viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(all)![1])).toBeGreaterThan(400);
    for (const { svg } of svgs) expect(svg).not.toMatch(/<style|\sstyle=|data-points=/);
    // The rules: scoped to the class, not to one SVG's id; the site's own classes among them.
    expect(css).toContain('svg.pe-mermaid .pe-d rect{');
    expect(css).not.toMatch(/#pe-test-(all|c2)\b/);
    for (const [cls] of new Set(svgs.flatMap((s) => [...s.svg.matchAll(/pe-ms-[a-z0-9]+/g)]))) expect(css).toContain(`.${cls}{`);
    // jsdom's window was global only while mermaid drew.
    expect(typeof (globalThis as Record<string, unknown>).document).toBe('undefined');
    expect(typeof (globalThis as Record<string, unknown>).window).toBe('undefined');
  });

  test('the same source draws the same SVG (deterministic builds)', async () => {
    const a = await renderMermaid([{ key: 'c1', source: source(1) }], 'pe-test');
    const b = await renderMermaid([{ key: 'c1', source: source(1) }], 'pe-test');
    expect(a).toEqual(b);
  });

  test('hostile labels come out as text; a javascript: link fails the build', async () => {
    const { svgs } = await renderMermaid([{ key: 'x', source: 'flowchart LR\n  a["<img src=x onerror=alert(1)><script>alert(2)</script>"] --> b["&lt;b&gt;"]' }], 'pe-test');
    expect(svgs[0]!.svg).not.toMatch(/<img|<script|\sonerror=/i);
    await expect(renderMermaid([{ key: 'y', source: 'flowchart LR\n  a --> b\n  click a href "javascript:alert(1)"' }], 'pe-test')).rejects.toThrow(/script/);
  });

  test('a broken source fails the build, and the next render still works', async () => {
    await expect(renderMermaid([{ key: 'x', source: 'flowchart LR\n  a[[b --> ' }], 'pe-test')).rejects.toThrow();
    expect((await renderMermaid([{ key: 'c1', source: source(1) }], 'pe-test')).svgs).toHaveLength(1);
  });

  test("the same SVGs and stylesheet with mermaid as shipped (PE_MERMAID_FULL_CONFIG=1: its whole configuration, copied on every getConfig()) as with the flowchart's part of it, copied once", async () => {
    const views = [{ key: 'all', source: source() }, ...policy.chapters.map((c) => ({ key: `c${c.number}`, source: source(c.number) }))];
    const trimmed = await renderMermaid(views, 'pe-cfg', 'text-id');
    const script = `import { renderMermaid } from ${JSON.stringify(join(ROOT, 'src/export/mermaid-svg.ts'))};
process.stdout.write(JSON.stringify(await renderMermaid(JSON.parse(process.env.VIEWS), 'pe-cfg', 'text-id')));`;
    const full = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT, env: { ...process.env, PE_MERMAID_FULL_CONFIG: '1', VIEWS: JSON.stringify(views) }, maxBuffer: 64 << 20,
    }).toString());
    expect(trimmed.svgs.map((s) => s.key)).toEqual(views.map((v) => v.key));
    expect(full).toEqual(trimmed);
  }, 60_000);
});
