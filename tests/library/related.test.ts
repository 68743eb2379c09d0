/**
 * Related provisions and reader groups across the documents of the library build: a provision's
 * related list reaches other documents and names them, every stated reason is true of the texts,
 * and each group page names the document of every provision it lists. Expected values come from
 * the seed and fixture texts (tests/library/expected.ts) and content/groups.yaml.
 */
import { describe, expect, test } from 'vitest';
import { t } from '../../src/site/strings.ts';
import { groups } from '../helpers/vocabulary.ts';
import { docById, docs, registry } from './expected.ts';
import { anchorsIn, elements, exists, main, page, text } from './pages.ts';

/** A provision's line without its closing attribution, departments' names blanked. */
const names = [...new Set(registry.flatMap((d) => [d.abbr, d.name]))].sort((a, b) => b.length - a.length);
function own(key: string): string {
  const [docId, id] = key.split('/');
  const m = docById(docId!).provisions.find((x) => x.id === id)!;
  const line = m.abbrs.length ? m.line.replace(/（[^（）]*）$/u, '') : m.line;
  return names.reduce((s, n) => s.split(n).join('#'.repeat(n.length)), line);
}
const abbrs = (key: string) => docById(key.split('/')[0]!).provisions.find((x) => x.id === key.split('/')[1])!.abbrs;
const lineOf = (key: string) => docById(key.split('/')[0]!).provisions.find((x) => x.id === key.split('/')[1])!.line;
const members = (groupName: string) => {
  const g = groups.find((x) => x.name === groupName)!;
  return (key: string) => g.terms.some((p) => own(key).includes(p));
};

const provisions = docs.flatMap((d) => d.provisions.map((m, i) => ({ key: `${d.id}/${m.id}`, doc: d, neighbours: [d.provisions[i - 1], d.provisions[i + 1]].filter(Boolean).map((x) => `${d.id}/${x!.id}`) })));

describe('related provisions across the library', () => {
  const lists = new Map(provisions.map((p) => [p.key, elements(main(page(`policies/${p.key}/`)), 'li', /<li class="pe-related__item"/)]));

  test('some provision of a fixture is related to one of another document, which is named', () => {
    const across = provisions.filter((p) => p.doc.fixture).flatMap((p) => lists.get(p.key)!.map((li) => ({ from: p, li, to: /data-provision="([^"]+)"/.exec(li)![1]! })))
      .filter((x) => x.to.split('/')[0] !== x.from.doc.id);
    expect(across.length).toBeGreaterThan(0);
    for (const { li, to } of across) expect(text(li)).toContain(t.provision.inDocument(`《${docById(to.split('/')[0]!).title}》`));
  });

  test('never the provision itself or its neighbours; at most five; every reason true of both texts', () => {
    for (const p of provisions) {
      const items = lists.get(p.key)!;
      expect(items.length).toBeLessThanOrEqual(5);
      for (const li of items) {
        const to = /data-provision="([^"]+)"/.exec(li)![1]!;
        expect([p.key, ...p.neighbours]).not.toContain(to);
        expect(anchorsIn(li)[0]!.href).toBe(`/policies/${to}/`);
        const same = to.split('/')[0] === p.doc.id;
        expect(text(li).includes('见《'), to).toBe(!same);
        for (const reason of text(elements(li, 'p', /<p class="pe-related__why"/)[0]!).split('；')) {
          const both = (f: (key: string) => boolean) => expect(f(p.key) && f(to), `${p.key} → ${to}: ${reason}`).toBe(true);
          let r: RegExpExecArray | null;
          if ((r = /^同为(.+)牵头$/u.exec(reason))) both((k) => abbrs(k)[0] === r![1]);
          else if ((r = /^都列明(.+)为责任部门$/u.exec(reason))) for (const a of r[1]!.split('、')) both((k) => abbrs(k).includes(a));
          else if ((r = /^都涉及(.+)$/u.exec(reason))) for (const g of r[1]!.split('、')) both(members(g));
          else if ((r = /^引用同一文件(.+)$/u.exec(reason))) for (const title of r[1]!.match(/《[^》]+》/gu)!) both((k) => lineOf(k).includes(title));
          else if ((r = /^都提到 (.+)$/u.exec(reason))) for (const term of r[1]!.split('、')) both((k) => own(k).includes(term));
          else throw new Error(`unknown reason: ${reason}`);
        }
      }
    }
  });
});

describe('reader groups across the library', () => {
  test('each group page lists the provisions of every document that name the group, each with its document (those of the expired one last, marked)', () => {
    // The fixtures' expired document (tests/fixtures/library/documents.yaml: 有效期至 2022-12-31); see status.test.ts.
    const expired = (key: string) => key.startsWith('jcz-2021-3/');
    for (const g of groups) {
      const named = provisions.filter((p) => g.terms.some((phrase) => own(p.key).includes(phrase))).map((p) => p.key);
      const expected = [...named.filter((k) => !expired(k)), ...named.filter(expired)];
      const items = [1, 2, 3].filter((n) => exists(`groups/${g.id}/${n > 1 ? `${n}/` : ''}index.html`))
        .flatMap((n) => elements(main(page(`groups/${g.id}/${n > 1 ? `${n}/` : ''}`)), 'li', /<li class="pe-group-hit"/));
      expect(items.map((li) => /data-provision="([^"]+)"/.exec(li)![1]), g.id).toEqual(expected);
      for (const li of items) {
        const d = docById(/data-provision="([^/]+)\//.exec(li)![1]!);
        expect(text(elements(li, 'p', /<p class="pe-group-hit__doc"/)[0]!)).toBe(`${expired(d.id + '/') ? '已失效 ' : ''}《${d.title}》（${d.docNumber}）`);
      }
    }
  });
});
