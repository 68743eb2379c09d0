/**
 * A document's provisions rendered once per build (src/site/provision-html.ts): the rendered
 * module is cut into its provisions at the markers MarkedProvision writes, the first page that
 * asks renders it and every later one (even while that render runs) gets the same HTML.
 */
import { describe, expect, test } from 'vitest';
import { claim, provisionEnd, provisionOf, provisionStart, settle, splitProvisions } from '../../src/site/provision-html.ts';
import type { ProvisionsEntry } from '../../src/site/library.ts';

const entry = (id: string) => ({ id }) as unknown as ProvisionsEntry;
const module = (parts: [string, string][]) => parts.map(([id, html]) => `\n\n${provisionStart(id)}\n\n${html}\n\n${provisionEnd}`).join('\n');

describe('splitProvisions', () => {
  test('each provision between its markers, without the line breaks between tags', () => {
    const html = module([['1-1', '<p class="pe-para">（一）<strong>就业。</strong>\n<a href="/x">市人社局</a></p>'], ['1-2', '<p>“六稳”、&lt;b&gt;</p>\n\n<p>二</p>']]);
    expect([...splitProvisions(html)]).toEqual([
      ['1-1', '<p class="pe-para">（一）<strong>就业。</strong><a href="/x">市人社局</a></p>'],
      ['1-2', '<p>“六稳”、&lt;b&gt;</p><p>二</p>'],
    ]);
  });
});

describe('claim and settle', () => {
  test('the first page renders; the others, asking before or after, get its provisions', async () => {
    const e = entry('doc-a');
    const first = claim(e);
    const second = claim(e);
    expect(first.produce).toBe(true);
    expect(second.produce).toBe(false);
    const texts = settle(e, module([['1-1', '<p>一</p>'], ['1-2', '<p>二</p>']]));
    expect(provisionOf(texts, e, '1-1')).toBe('<p>一</p>');
    expect(provisionOf(await second.texts, e, '1-2')).toBe('<p>二</p>');
    const later = claim(e);
    expect(later.produce).toBe(false);
    expect(await later.texts).toBe(texts);
    expect(() => provisionOf(texts, e, '9-9')).toThrow(/9-9.*npm run convert/);
  });

  test('a failed render fails the pages waiting for it, and the next page renders again', async () => {
    const e = entry('doc-b');
    claim(e);
    const waiting = claim(e);
    expect(() => settle(e, new Error('broken MDX'))).toThrow('broken MDX');
    await expect(waiting.texts).rejects.toThrow('broken MDX');
    expect(claim(e).produce).toBe(true);
  });
});
