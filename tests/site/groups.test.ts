/**
 * Reader groups (我是……) and related provisions in the built HTML of the seed (dist/): the group
 * index with counts, each group's page listing exactly the provisions whose lines name the group
 * (worked out from the seed lines and content/groups.yaml), the links from the header, the home
 * page and each provision, and related provisions whose every stated reason is true of the texts.
 */
import { describe, expect, test } from 'vitest';
import { citedTitle, headlineTitle } from '../../src/model/derive.ts';
import { t } from '../../src/site/strings.ts';
import { GROUP_PAGE_SIZE } from '../../src/views/groups.ts';
import { attrs, decodeEntities, htmlText, inner, pages, readPage } from '../helpers/html.ts';
import { provisionLinesFromSeed, provisions, policy } from '../helpers/model.ts';
import { DIST } from '../helpers/paths.ts';
import { DOC, fileOf, href, provision } from '../helpers/urls.ts';
import { expectedGroupMembers, groups, registryNames, withoutAttribution } from '../helpers/vocabulary.ts';

const page = (p: string) => readPage(DIST, p);
const main = (p: string) => inner(page(p), 'main');
const text = (html: string) => htmlText(html).replace(/\s+/gu, ' ').trim();
/** Every element of a tag whose opening tag matches, nesting respected. */
function all(html: string, tag: string, open: RegExp): string[] {
  const out: string[] = [];
  let rest = html;
  for (let i = rest.search(open); i >= 0; i = rest.search(open)) {
    rest = rest.slice(i);
    const body = inner(rest, tag, open);
    const end = rest.indexOf(body) + body.length;
    out.push(rest.slice(0, rest.indexOf('>') + 1) + body);
    rest = rest.slice(end);
  }
  return out;
}

const members = expectedGroupMembers();
const lines = provisionLinesFromSeed();
/** A seed line's own text with the departments' names blanked: what a group's phrase or a shared term must be found in. */
const ownLine = (id: string) => registryNames().reduce((s, n) => s.split(n).join('#'.repeat(n.length)), withoutAttribution(lines.get(id)!));
const abbrsOf = (id: string) => provisions.find((m) => m.id === id)!.attribution?.departments.map((d) => d.abbr) ?? [];

describe('/groups/ (我是……)', () => {
  const html = main(fileOf('groups/'));

  test('lists every group of content/groups.yaml in its order, each with its description and how many provisions name it', () => {
    const items = all(html, 'li', /<li class="pe-groups__item"/);
    expect(items.map((li) => /data-group="([^"]+)"/.exec(li)![1])).toEqual(groups.map((g) => g.id));
    items.forEach((li, i) => {
      const g = groups[i]!;
      expect(attrs(li, 'href')).toEqual([`/groups/${g.id}/`]);
      expect(text(li)).toContain(g.name);
      expect(text(li)).toContain(g.description);
      expect(text(li)).toContain(t.groups.count(members.get(g.id)!.length, 1));
    });
  });

  test('the header on every page and the home page link to it; the home page names each group that has provisions', () => {
    for (const p of pages(DIST).slice(0, 30)) expect(attrs(inner(page(p), 'header'), 'href'), p).toContain('/groups/');
    const home = main('index.html');
    expect(attrs(home, 'href')).toContain('/groups/');
    for (const g of groups) expect(attrs(home, 'href').includes(`/groups/${g.id}/`), g.id).toBe(members.get(g.id)!.length > 0);
  });
});

describe('a group’s page', () => {
  for (const g of groups) {
    test(`/groups/${g.id}/: the provisions that name ${g.name}, each with the sentences that name it`, () => {
      const expected = members.get(g.id)!;
      const pageCount = Math.max(1, Math.ceil(expected.length / GROUP_PAGE_SIZE));
      const items = Array.from({ length: pageCount }, (_, i) => fileOf(`groups/${g.id}/${i ? `${i + 1}/` : ''}`)).flatMap((p) => {
        const found = all(main(p), 'li', /<li class="pe-group-hit"/);
        expect(found.length, p).toBeLessThanOrEqual(GROUP_PAGE_SIZE);
        return found;
      });
      expect(pages(DIST)).not.toContain(fileOf(`groups/${g.id}/${pageCount + 1}/`));
      expect(items.map((li) => /data-provision="([^"]+)"/.exec(li)![1])).toEqual(expected.map((id) => `${DOC}/${id}`));
      for (const [i, li] of items.entries()) {
        const id = expected[i]!;
        const m = provisions.find((x) => x.id === id)!;
        // Linked, with the group's phrases it uses highlighted on arrival.
        const used = g.terms.filter((p) => ownLine(id).includes(p));
        const link = new URL(attrs(li, 'href')[0]!, 'https://x');
        expect(link.pathname).toBe(href(provision(id)));
        const highlighted = link.searchParams.get('highlight')!.split(' ');
        expect(used).toEqual(expect.arrayContaining(highlighted));
        // A phrase only found inside a longer one (创业人才 in 创新创业人才) is highlighted as the longer one.
        for (const p of used) expect(highlighted.some((h) => h.includes(p)), p).toBe(true);
        expect(text(li)).toContain(headlineTitle(m.headline));
        // The document is named.
        expect(text(inner(li, 'p', /<p class="pe-group-hit__doc"/))).toBe(`《${citedTitle(policy)}》（${policy.docNumber}）`);
        // Each sentence shown is one of the line's, and what it marks is a phrase of the group.
        const sentences = all(li, 'p', /<p class="pe-group-hit__sentence"/);
        expect(sentences.length).toBeGreaterThan(0);
        for (const s of sentences) {
          expect(lines.get(id)!.includes(text(s).replace(/\s+/gu, ''))).toBe(true);
          const marks = [...s.matchAll(/<mark\b[^>]*>([^<]*)<\/mark>/g)].map((x) => decodeEntities(x[1]!));
          expect(marks.length).toBeGreaterThan(0);
          for (const mark of marks) expect(g.terms).toContain(mark);
        }
      }
      expect(text(main(fileOf(`groups/${g.id}/`)))).toContain(expected.length ? t.groups.pageIntro(expected.length, 1) : t.groups.none);
    });
  }
});

describe('each provision', () => {
  test('names the groups its line names, linked to their pages', () => {
    for (const m of provisions) {
      const html = main(fileOf(provision(m.id)));
      const section = html.includes('id="groups-heading"') ? inner(html.slice(html.indexOf('id="groups-heading"') - 200), 'section') : '';
      const expected = groups.filter((g) => members.get(g.id)!.includes(m.id));
      expect(attrs(section, 'href'), m.id).toEqual(expected.map((g) => `/groups/${g.id}/`));
    }
  });

  test('lists up to five related provisions, never itself or its neighbours, each with reasons that are true of the texts', () => {
    let withRelated = 0;
    let reasons = 0;
    provisions.forEach((m, i) => {
      const html = main(fileOf(provision(m.id)));
      const items = all(html, 'li', /<li class="pe-related__item"/);
      expect(items.length).toBeLessThanOrEqual(5);
      if (items.length) withRelated++;
      const neighbours = [provisions[i - 1]?.id, provisions[i + 1]?.id];
      for (const li of items) {
        const other = /data-provision="[^/]+\/([^"]+)"/.exec(li)![1]!;
        expect(other).not.toBe(m.id);
        expect(neighbours).not.toContain(other);
        expect(attrs(li, 'href')).toEqual([href(provision(other))]);
        const why = text(inner(li, 'p', /<p class="pe-related__why"/));
        expect(why.length, `${m.id} → ${other}`).toBeGreaterThan(0);
        for (const reason of why.split('；')) {
          reasons++;
          const both = (f: (id: string) => boolean) => expect(f(m.id) && f(other), `${m.id} → ${other}: ${reason}`).toBe(true);
          let r: RegExpExecArray | null;
          if ((r = /^同为(.+)牵头$/u.exec(reason))) both((id) => abbrsOf(id)[0] === r![1]);
          else if ((r = /^都列明(.+)为责任部门$/u.exec(reason))) for (const a of r[1]!.split('、')) both((id) => abbrsOf(id).includes(a));
          else if ((r = /^都涉及(.+)$/u.exec(reason))) for (const name of r[1]!.split('、')) both((id) => members.get(groups.find((g) => g.name === name)!.id)!.includes(id));
          else if ((r = /^引用同一文件(.+)$/u.exec(reason))) for (const title of r[1]!.match(/《[^》]+》/gu)!) both((id) => lines.get(id)!.includes(title));
          else if ((r = /^都提到 (.+)$/u.exec(reason))) for (const term of r[1]!.split('、')) both((id) => ownLine(id).includes(term));
          else throw new Error(`unknown reason: ${reason}`);
        }
      }
    });
    expect(withRelated).toBeGreaterThanOrEqual(provisions.length / 2);
    expect(reasons).toBeGreaterThan(withRelated);
  });
});
