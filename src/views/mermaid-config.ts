/**
 * The one mermaid configuration of the site, for the diagrams drawn at build time (the graph page,
 * src/export/mermaid-svg.ts) and those drawn in the browser (department pages,
 * src/scripts/mermaid-render.ts), so both look the same.
 */
import type { MermaidConfig } from 'mermaid';

/** Colours mermaid computes with (khroma needs literal colours: no var()); the --pe- tokens of global.css. */
export const DIAGRAM_COLORS = { accent: '#9b1c1c', link: '#1a4fa0', surface: '#f6f4f1', border: '#d9d4cc', text: '#1b1b1b', line: '#6b6b6b', focus: '#ffbf47' };

/**
 * `css` gives what the site's stylesheet rules may use: the literal colours, or CSS expressions
 * such as `var(--pe-color-accent, #9b1c1c)` where the rules end up in a stylesheet of the page.
 */
export function mermaidConfig(css: { accent: string; link: string; surface: string; font: string } = { ...DIAGRAM_COLORS, font: 'sans-serif' }): MermaidConfig {
  const c = DIAGRAM_COLORS;
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    layout: 'dagre',
    look: 'classic',
    theme: 'base',
    htmlLabels: false,
    fontFamily: css.font,
    themeVariables: {
      fontFamily: css.font, fontSize: '14px', primaryColor: '#ffffff', primaryBorderColor: c.link, primaryTextColor: c.text,
      lineColor: c.line, clusterBkg: c.surface, clusterBorder: c.border, titleColor: c.text, edgeLabelBackground: '#ffffff',
    },
    markdownAutoWrap: false,
    flowchart: { htmlLabels: false, useMaxWidth: false, curve: 'basis', nodeSpacing: 14, rankSpacing: 48, padding: 5, diagramPadding: 8, wrappingWidth: 600 },
    themeCSS: [
      `.pe-m rect, .pe-m polygon { fill: #fff; stroke: ${css.link}; stroke-width: 1px; }`,
      `.pe-m text, .pe-m tspan { fill: ${css.link}; }`,
      `.pe-d rect { fill: ${css.surface}; stroke: ${css.accent}; stroke-width: 2px; }`,
      `.pe-d text, .pe-d tspan { fill: ${c.text}; font-weight: 700; }`,
      `.pe-focus rect { fill: ${css.accent}; stroke: ${css.accent}; stroke-width: 2px; }`,
      `.pe-focus text, .pe-focus tspan { fill: #fff; font-weight: 700; }`,
      `.flowchart-link { stroke: ${c.line}; stroke-width: 1.2px; opacity: 0.75; }`,
      `.edge-thickness-thick { stroke: ${css.accent}; stroke-width: 3px; opacity: 1; }`,
      `.cluster-label text, .cluster-label tspan { font-weight: 700; fill: ${c.text}; }`,
      `a:focus rect, a:focus-visible rect { stroke: ${c.focus}; stroke-width: 5px; }`,
      `a:hover rect { stroke-width: 3px; }`,
    ].join('\n'),
  };
}
