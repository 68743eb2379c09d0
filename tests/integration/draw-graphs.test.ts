/**
 * The build step that draws the graph pages' diagrams after Astro (src/export/draw-graphs.ts):
 * which diagram and views it draws, how it rewrites the page, where the stylesheet goes, and
 * that a page it cannot draw stops the build with the page named and the page left as it was.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { applyDrawing, basePath, drawGraphs, drawnKeys, fileOfUrl, findPredraw } from '../../src/export/draw-graphs.ts';
import { ROOT } from '../helpers/paths.ts';

const source = (n: number) => `flowchart LR\n  m${n}["${n}-1<br>措施 &amp; 标题"] ==> d${n}["市人社局"]\n  click d${n} "/departments/human-resources/" _self`;

/** A page as Astro writes the graph page (src/components/departments/Diagram.astro with predraw). */
function page(o: { narrow?: string; stylesheet?: string; views?: string[]; canvas?: boolean; boxes?: number } = {}): string {
  const views = o.views ?? ['all', 'c1', 'c2'];
  const box = `<div class="pe-diagram" data-pe-diagram="graph"${o.narrow === undefined ? ' data-narrow-view="c1"' : o.narrow ? ` data-narrow-view="${o.narrow}"` : ''} data-predraw="${o.stylesheet ?? '/sub/policies/d1/graph.css'}" data-label="关系图（可滚动）" data-text="graph-text" data-failed="关系图未能绘制" data-loading="正在绘制关系图…" data-pagefind-ignore>`
    + '<div class="pe-diagram__views" role="group" aria-label="显示范围" hidden><button type="button" class="pe-diagram__view" data-view="all" aria-pressed="true">全部</button></div>'
    + (o.canvas === false ? '' : '<div class="pe-diagram__canvas" data-canvas><p class="pe-diagram__status" data-status>关系图需要 JavaScript；下方文字版本列出了相同的关系。</p></div>')
    + views.map((k, i) => `<script type="text/plain" data-source="${k}">${source(i + 1)}</script>`).join('')
    + '</div>';
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>关系图</title></head><body><main><h1>关系图</h1>${box.repeat(o.boxes ?? 1)}<section id="graph-text"><p>文字版本</p></section></main><script type="module" src="/_astro/diagram.js"></script></body></html>`;
}

describe('findPredraw', () => {
  test('finds the diagram, its views, the two it draws, its stylesheet and its names', () => {
    const p = findPredraw(page())!;
    expect(p.views.map((v) => v.key)).toEqual(['all', 'c1', 'c2']);
    expect(p.views[0]!.source).toBe(source(1));
    expect([p.wide, p.narrow]).toEqual(['all', 'c1']);
    expect(drawnKeys(p)).toEqual(['all', 'c1']);
    expect(p.stylesheet).toBe('/sub/policies/d1/graph.css');
    expect([p.label, p.describedBy]).toEqual(['关系图（可滚动）', 'graph-text']);
  });

  test('without a narrow view (or one the page does not have), only the first view is drawn', () => {
    expect(drawnKeys(findPredraw(page({ narrow: '' }))!)).toEqual(['all']);
    expect(drawnKeys(findPredraw(page({ narrow: 'c9' }))!)).toEqual(['all']);
  });

  test('a page that asks for nothing is left alone', () => {
    expect(findPredraw(page().replace(/ data-predraw="[^"]*"/, ''))).toBeNull();
  });

  test('a diagram not as Diagram.astro writes it is an error in plain words', () => {
    expect(() => findPredraw(page({ boxes: 2 }))).toThrow('2 diagrams ask to be drawn');
    expect(() => findPredraw(page({ canvas: false }))).toThrow('no canvas');
    expect(() => findPredraw(page({ views: [] }))).toThrow('no mermaid source');
    expect(() => findPredraw(page({ stylesheet: '' }))).toThrow('names no stylesheet');
  });
});

describe('applyDrawing', () => {
  const before = page();
  const p = findPredraw(before)!;
  const after = applyDrawing(before, p, [{ key: 'all', svg: '<svg id="pe-graph-all"></svg>' }, { key: 'c1', svg: '<svg id="pe-graph-c1"></svg>' }]);

  test('the SVGs go in the canvas, which takes focus and is named; the wide and narrow views are marked', () => {
    expect(after).toContain('<div class="pe-diagram__canvas" data-canvas tabindex="0" role="region" aria-label="关系图（可滚动）"><div class="pe-diagram__drawing" data-drawing="all" data-wide><svg id="pe-graph-all"></svg></div><div class="pe-diagram__drawing" data-drawing="c1" data-narrow><svg id="pe-graph-c1"></svg></div></div>');
    expect(after).not.toContain('data-status');
  });

  test('the drawn views lose their sources, the others keep theirs; the box says it is drawn', () => {
    expect(after).not.toContain('data-source="all"');
    expect(after).not.toContain('data-source="c1"');
    expect(after).toContain(`<script type="text/plain" data-source="c2">${source(3)}</script>`);
    expect(after).toMatch(/<div class="pe-diagram" data-pe-diagram="graph" data-narrow-view="c1" data-drawn data-label=/);
    expect(after).not.toContain('data-predraw');
  });

  test('the stylesheet is linked in the head; nothing else changes', () => {
    expect(after).toContain('<title>关系图</title><link rel="stylesheet" href="/sub/policies/d1/graph.css"></head>');
    const outside = (html: string) => [html.slice(0, html.indexOf('<div class="pe-diagram"')).replace(/<link rel="stylesheet"[^>]*>/, ''), html.slice(html.indexOf('<section id="graph-text">'))];
    expect(outside(after)).toEqual(outside(before));
  });

  test('a view that was not drawn is an error', () => {
    expect(() => applyDrawing(before, p, [{ key: 'all', svg: '<svg></svg>' }])).toThrow('view c1 was not drawn');
  });
});

describe('where the stylesheet goes', () => {
  test('the base path as astro.config.mjs takes it, a slash at each end', () => {
    expect(['/', '', '/policy-explorer', 'policy-explorer/', '/a/b/'].map((b) => basePath(b))).toEqual(['/', '/', '/policy-explorer/', '/policy-explorer/', '/a/b/']);
  });
  test('a URL under the base maps into the output folder; one outside it is an error', () => {
    expect(fileOfUrl('/out', '/sub/policies/d1/graph.css', '/sub/')).toBe('/out/policies/d1/graph.css');
    expect(() => fileOfUrl('/out', '/other/graph.css', '/sub/')).toThrow('not under the site');
  });
});

describe('drawGraphs on a built folder', () => {
  const dirs: string[] = [];
  afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
  const built = (pages: Record<string, string>) => {
    const out = mkdtempSync(join(tmpdir(), 'pe-draw-'));
    dirs.push(out);
    for (const [id, html] of Object.entries(pages)) {
      mkdirSync(join(out, 'policies', id, 'graph'), { recursive: true });
      writeFileSync(join(out, 'policies', id, 'graph', 'index.html'), html);
    }
    return out;
  };

  test('draws every graph page: SVGs in the page, no inline style, the stylesheet written where the link points', async () => {
    const out = built({ d1: page({ stylesheet: '/policies/d1/graph.css' }), d2: page({ stylesheet: '/policies/d2/graph.css', narrow: '' }) });
    expect(await drawGraphs(out, '/')).toMatch(/^drew 3 views of 2 diagrams in \d+ ms \(2 pages read\)$/);
    for (const id of ['d1', 'd2']) {
      const html = readFileSync(join(out, 'policies', id, 'graph', 'index.html'), 'utf8');
      expect(html).toMatch(/<svg id="pe-graph-all"[^>]*aria-describedby="graph-text"/);
      expect(html).not.toMatch(/<style|\sstyle=/);
      expect(html).toContain(`<link rel="stylesheet" href="/policies/${id}/graph.css">`);
      expect(readFileSync(join(out, 'policies', id, 'graph.css'), 'utf8')).toContain('svg.pe-mermaid');
    }
  }, 60_000);

  test('a page mermaid cannot draw stops the step (non-zero exit) with the page named, and changes nothing: no page rewritten, no stylesheet, no temporary file', () => {
    const bad = page({ stylesheet: '/policies/z-bad/graph.css' }).replace(source(1), 'flowchart LR\n  a[[b --> ');
    const good = page({ stylesheet: '/policies/a-good/graph.css' });
    // The good page comes first, so it is drawn (and staged) before the bad one fails.
    const out = built({ 'a-good': good, 'z-bad': bad });
    let stderr = '';
    let status = 0;
    try {
      execFileSync(process.execPath, [join(ROOT, 'src/export/draw-graphs.ts')], { cwd: ROOT, env: { ...process.env, OUT_DIR: out, BASE_PATH: '/' }, stdio: 'pipe' });
    } catch (e) {
      ({ status } = e as { status: number });
      stderr = String((e as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(1);
    expect(stderr).toMatch(/^\[graphs\] .*policies\/z-bad\/graph\/index\.html: mermaid could not draw/m);
    expect(readFileSync(join(out, 'policies', 'z-bad', 'graph', 'index.html'), 'utf8')).toBe(bad);
    expect(readFileSync(join(out, 'policies', 'a-good', 'graph', 'index.html'), 'utf8')).toBe(good);
    expect(readdirSync(out, { recursive: true, encoding: 'utf8' }).sort()).toEqual([
      'policies', 'policies/a-good', 'policies/a-good/graph', 'policies/a-good/graph/index.html',
      'policies/z-bad', 'policies/z-bad/graph', 'policies/z-bad/graph/index.html',
    ]);
  }, 60_000);
});
