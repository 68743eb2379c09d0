/**
 * The reference index page's data (/policies/<id>/references/): every place an entry appears, as
 * a link with its clause split around the mention, and the figures grouped by kind, one entry per
 * figure as written. Pure: the page passes how places are linked and named.
 */
import { citedLabel, headlineTitle, provisionsOf } from '../model/derive.ts';
import { FIGURE_KIND_LABELS, placeKey, type Figure, type FigureKind, type Mention } from '../model/references.ts';
import type { PolicyDocument } from '../model/types.ts';

/** Where an entry appears: a link to the place and the clause, split so the mention can be marked. */
export interface MentionItem {
  href: string;
  /** 第二部分第（一）项, 前言… */
  label: string;
  /** The provision's headline, or '' for the preamble and the notice. */
  title: string;
  /** The clause around the mention. */
  before: string;
  text: string;
  after: string;
}

/** How the page links and names the places that are no provision. */
export interface PlaceLinks {
  provision: (id: string) => string;
  preamble: { label: string; href: string };
  notice: { label: string; href: string };
}

/** A function that turns a document's mentions into list items. */
export function mentionItems(doc: PolicyDocument, links: PlaceLinks): (m: Mention) => MentionItem {
  const byId = new Map(provisionsOf(doc).map((m) => [m.id, m]));
  return (m) => {
    const at = 'provision' in m.place
      ? (() => { const x = byId.get(m.place.provision)!; return { label: citedLabel(x), title: headlineTitle(x.headline), href: links.provision(x.id) }; })()
      : { ...links[m.place.part], title: '' };
    return { ...at, before: m.context.slice(0, m.contextOffset), text: m.text, after: m.context.slice(m.contextOffset + m.text.length) };
  };
}

/** In how many places (provisions, the preamble, the notice) the mentions stand. */
export function placeCount(ms: readonly Mention[]): number {
  return new Set(ms.map((m) => placeKey(m.place))).size;
}

/** One figure as written, with every place it stands. */
export interface FigureGroup {
  anchor: string;
  text: string;
  items: Figure[];
}

/** Figures by kind (in FIGURE_KIND_LABELS order, kinds with none left out); within a kind, one group per figure as written. */
export function figureKinds(figures: readonly Figure[]): { kind: FigureKind; id: string; label: string; groups: FigureGroup[] }[] {
  return (Object.keys(FIGURE_KIND_LABELS) as FigureKind[])
    .map((kind) => {
      const items = figures.filter((f) => f.kind === kind);
      const groups = [...new Set(items.map((f) => f.anchor))].map((anchor) => {
        const of = items.filter((f) => f.anchor === anchor);
        return { anchor, text: of[0]!.text, items: of };
      });
      return { kind, id: `figures-${kind}`, label: FIGURE_KIND_LABELS[kind], groups };
    })
    .filter((k) => k.groups.length > 0);
}
