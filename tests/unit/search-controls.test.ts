/**
 * The search form's library filters (src/scripts/search/controls.ts) on a page that offers only
 * some of them: the search page lists a filter only where the library has values for it (a
 * library whose documents have no 主题分类 has no topic select). The script must work with what
 * the page has: before this test, a missing select stopped the whole search page with a TypeError.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { controlsOf, fillControls, LIBRARY_FILTERS, libraryFilters, namedControls, onControls, readControls } from '../../src/scripts/search/controls.ts';
import { parseSearchState } from '../../src/views/search-state.ts';

/** A form with the given library filters, each with one value besides 不限 (时效性's filter value is its name, as on the page). */
function form(filters: readonly string[]): HTMLFormElement {
  const selects = filters.map((k) => `<label for="f-${k}">${LABELS[k]}</label><select id="f-${k}" name="${k}"><option value="">不限</option>`
    + `<option value="${k}-a"${k === 'status' ? ' data-filter="现行有效"' : ''}>${k} A</option></select>`).join('');
  const radios = '<input type="radio" name="sort" value="relevance" checked><input type="radio" name="sort" value="date">'
    + '<input type="radio" name="in" value="all" checked><input type="radio" name="in" value="title">';
  return new JSDOM(`<form>${selects}${radios}</form>`).window.document.querySelector('form')!;
}

/** Each select's label, as the search page writes it (a <label for>): the status line names a choice by it. */
const LABELS: Record<string, string> = { kind: '文种', issuer: '发布机关', status: '时效性', year: '年份', topic: '主题分类' };

const STRINGS = { scopeTitleChosen: '仅标题', sortDateChosen: '按日期' };

describe('library filters the page does not offer', () => {
  const offered = ['kind', 'issuer', 'status'] as const;
  const missing = LIBRARY_FILTERS.filter((k) => !(offered as readonly string[]).includes(k));

  test('the test form really lacks some filters', () => {
    expect(missing.length).toBeGreaterThan(0);
  });

  test('reading, filling, naming and listening work with the filters there are', () => {
    const f = form(offered);
    const c = controlsOf(f);
    expect(Object.keys(c.selects).sort()).toEqual([...offered].sort());
    // An address that asks for every filter: the offered ones are set, the others dropped.
    const state = parseSearchState(`?q=x&${LIBRARY_FILTERS.map((k) => `${k}=${k}-a`).join('&')}&sort=date&in=title`);
    fillControls(c, state);
    const read = readControls(c);
    for (const k of offered) expect(read[k]).toBe(`${k}-a`);
    for (const k of missing) expect(read[k]).toBe('');
    expect(read.sort).toBe('date');
    expect(read.scope).toBe('title');
    expect(libraryFilters(c)).toEqual({ kind: 'kind-a', issuer: 'issuer-a', status: '现行有效' });
    expect(namedControls(c, STRINGS)).toEqual(['文种：kind A', '发布机关：issuer A', '时效性：status A', '仅标题', '按日期']);

    let changes = 0;
    onControls(c, () => { changes++; });
    const select = f.querySelector('select[name="kind"]')!;
    select.dispatchEvent(new select.ownerDocument.defaultView!.Event('change'));
    expect(changes).toBe(1);
  });

  test('a form with no library filter at all', () => {
    const c = controlsOf(form([]));
    fillControls(c, parseSearchState('?q=x&topic=jiaoyu'));
    expect(libraryFilters(c)).toEqual({});
    expect(readControls(c).topic).toBe('');
    expect(() => onControls(c, () => undefined)).not.toThrow();
  });
});
