/**
 * Issue 21, item 5: invisible characters never drop an attribution. Inside an attribution, format
 * characters (Cf), combining marks (Mn) and spaces (Zs) are folded away for matching, while the
 * text stays as published; line and paragraph separators (Zl, Zp) break the line, and what is left
 * of the attribution is noted in the report at its place. Every character of those classes is tried.
 */
import { describe, expect, test } from 'vitest';
import { readSeed } from '../../src/convert/parse.ts';
import { provisionsOf } from '../../src/model/derive.ts';
import { registry } from '../helpers/forms.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/paths.ts';

const minimal = readFileSync(join(FIXTURES, 'minimal.txt'), 'utf8');
const TEMPLATE = '（一）扩大就业。支持企业吸纳就业。（市人社局、市财政局等部门按职责分工）';
if (!minimal.includes(TEMPLATE)) throw new Error('the fixture has changed');

/** Every code point of a general category, by a Unicode property escape (the engine's own tables). */
function category(name: string): string[] {
  const re = new RegExp(`^\\p{${name}}$`, 'u');
  const out: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    if (re.test(ch)) out.push(ch);
  }
  return out;
}

const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first provision's departments and text when its attribution reads `attribution`. */
function read(attribution: string) {
  const line = TEMPLATE.replace('（市人社局、市财政局等部门按职责分工）', attribution);
  const { doc, notes } = readSeed('seeds/test.txt', minimal.replace(TEMPLATE, line), registry);
  const m = provisionsOf(doc)[0]!;
  return { m, line, notes };
}

const PLACES: [string, (c: string) => string][] = [
  ['inside a name', (c) => `（市人${c}社局、市财政局等部门按职责分工）`],
  ['after a separator', (c) => `（市人社局、${c}市财政局等部门按职责分工）`],
  ['before the closing bracket', (c) => `（市人社局、市财政局等部门按职责分工${c}）`],
];

describe.each([['Cf', 'format characters'], ['Mn', 'combining marks']])('every %s character (%s)', (cat) => {
  const chars = category(cat);
  test(`${chars.length} characters, in three places each: the departments are read, the text kept as published`, () => {
    expect(chars.length).toBeGreaterThan(cat === 'Cf' ? 150 : 1800);
    const wrong: string[] = [];
    for (const c of chars)
      for (const [place, make] of PLACES) {
        const { m } = read(make(c));
        const got = m.attribution?.departments.map((d) => d.slug).join(',');
        if (got !== 'human-resources,finance' || !m.text.includes(make(c))) wrong.push(`${hex(c)} ${place}: ${got ?? 'no attribution'}`);
      }
    expect(wrong).toEqual([]);
  });
});

describe('every Zs character (spaces)', () => {
  const chars = category('Zs');
  test(`${chars.length} spaces between names and before the closing bracket: read, kept`, () => {
    expect(chars.length).toBe(17);
    const wrong: string[] = [];
    for (const c of chars)
      for (const [place, make] of PLACES.slice(1)) {
        const { m } = read(make(c));
        const got = m.attribution?.departments.map((d) => d.slug).join(',');
        if (got !== 'human-resources,finance' || !m.text.includes(make(c))) wrong.push(`${hex(c)} ${place}: ${got ?? 'no attribution'}`);
      }
    expect(wrong).toEqual([]);
  });
  test('a space between two names written without 、 separates them: （市人社局\u3000市财政局）', () => {
    expect(read('（市人社局\u3000市财政局）').m.attribution?.departments.map((d) => d.abbr)).toEqual(['市人社局', '市财政局']);
  });
});

describe('Zl and Zp (line and paragraph separators)', () => {
  test.each(category('Zl').concat(category('Zp')))('%s breaks the line: the broken attribution is noted at its place, no text lost', (c) => {
    const { m, notes } = read(`（市人社局${c}、市财政局等部门按职责分工）`);
    expect(m.attribution).toBeNull();
    expect(m.text).toContain('（市人社局');
    const note = notes.find((n) => /not closed/.test(n.message));
    expect(note).toBeDefined();
    expect(note!.line).toBe(minimal.split('\n').findIndex((l) => l.startsWith('（一）扩大就业')) + 1);
  });
});

describe('other lists the hostile round tried', () => {
  test.each([
    ['a full-width slash', '（市人社局／市财政局）'],
    ['an NBSP between names', '（市人社局\u00a0市财政局）'],
    ['a zero-width space before 按职责分工', '（市人社局、市财政局等部门按职责分工\u200b）'],
    ['a variation selector after a name', '（市人社局\ufe0f、市财政局）'],
    ['a soft hyphen inside a name', '（市人\u00ad社局、市财政局）'],
  ])('%s', (_what, attribution) => {
    const { m } = read(attribution);
    expect(m.attribution?.departments.map((d) => d.slug)).toEqual(['human-resources', 'finance']);
    expect(m.text).toContain(attribution);
  });
});
