/** The search page's address (src/views/search-state.ts): parse and write back, a round trip; defaults left out. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { EMPTY_STATE, SCOPES, SORTS, STATE_FILTERS, isFiltered, parseSearchState, searchQueryString, type SearchState } from '../../src/views/search-state.ts';

describe('search state in the address', () => {
  test('every field is read and written under its name; the defaults are left out', () => {
    const s: SearchState = {
      q: '就业 见习', doc: 'jjzz-2020-5', chapter: '2', dept: 'human-resources', kind: 'fangan', issuer: 'sjygzldxz',
      status: 'in-force', year: '2020', topic: 'laodong-jiuye', sort: 'date', scope: 'title',
    };
    const qs = searchQueryString(s);
    expect(qs).toBe('q=%E5%B0%B1%E4%B8%9A+%E8%A7%81%E4%B9%A0&doc=jjzz-2020-5&chapter=2&dept=human-resources&kind=fangan&issuer=sjygzldxz&status=in-force&year=2020&topic=laodong-jiuye&sort=date&in=title');
    expect(parseSearchState(qs)).toEqual(s);
    expect(parseSearchState(`?${qs}`)).toEqual(s);
    expect(searchQueryString(EMPTY_STATE)).toBe('');
    expect(searchQueryString({ ...EMPTY_STATE, q: '  落户 ' })).toBe(`q=${encodeURIComponent('落户')}`);
  });

  test('unknown orders and scopes fall back to 相关度 and 全文; a missing parameter is empty', () => {
    expect(parseSearchState('sort=oldest&in=body')).toEqual(EMPTY_STATE);
    expect(parseSearchState('')).toEqual(EMPTY_STATE);
  });

  test('isFiltered: any filter, not the order or the scope alone', () => {
    expect(isFiltered(EMPTY_STATE)).toBe(false);
    expect(isFiltered({ ...EMPTY_STATE, sort: 'date', scope: 'title', q: 'x' })).toBe(false);
    for (const key of STATE_FILTERS) expect(isFiltered({ ...EMPTY_STATE, [key]: 'x' })).toBe(true);
  });

  test('round trip: parse(serialise(s)) is s, for any state whose query is trimmed', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '就', '业', ' ', '&', '=', '?', '#', '+', '%', '“') });
    const state = fc.record({
      q: text.map((x) => x.trim()), sort: fc.constantFrom(...SORTS), scope: fc.constantFrom(...SCOPES),
      ...Object.fromEntries(STATE_FILTERS.map((k) => [k, text])),
    }) as fc.Arbitrary<SearchState>;
    fc.assert(fc.property(state, (s) => {
      expect(parseSearchState(searchQueryString(s))).toEqual(s);
      expect(searchQueryString(parseSearchState(searchQueryString(s)))).toBe(searchQueryString(s));
    }));
  });
});
