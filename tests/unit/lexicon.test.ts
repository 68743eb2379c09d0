/**
 * The thesaurus (content/thesaurus.yaml) and the department names search understands: the file's
 * rules (schema, no word twice, every term in the library or marked unseen), the mappings the
 * brief asks for, the names derived from the registry, and the alternatives a typed word gets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { thesaurusEntrySchema, thesaurusSchema } from '../../src/model/lexicon.ts';
import { parseRegistry } from '../../src/model/registry.ts';
import { alternativesFor, buildLexicon, combinations, departmentNamed, departmentNames, groupsNamed, registryNames, sharedNames, type Lexicon } from '../../src/views/search-lexicon.ts';
import { registry } from '../helpers/model.ts';
import { LIBRARY_FIXTURES } from '../helpers/paths.ts';
import { groups, occursInLibrary, thesaurus, thesaurusYaml } from '../helpers/vocabulary.ts';

const lexicon: Lexicon = buildLexicon(
  thesaurus,
  registry.map((d) => ({ ...d, href: `/departments/${d.id}/` })),
  groups.map((g) => ({ ...g, href: `/groups/${g.id}/`, count: 1 })),
);
const byAbbr = (abbr: string) => registry.find((d) => d.abbr === abbr)!;

describe('content/thesaurus.yaml', () => {
  test('is valid: words and terms of two or more characters, none empty, no word in two entries', () => {
    const r = thesaurusSchema.safeParse(thesaurusYaml);
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues[0])).toBe(true);
    expect(thesaurus.length).toBeGreaterThanOrEqual(40);
    const words = thesaurus.flatMap((e) => e.words);
    expect(new Set(words).size).toBe(words.length);
  });

  test('every term occurs in some document of the library, or is marked unseen; no unseen term occurs', () => {
    const missing = thesaurus.flatMap((e) => e.terms.filter((t) => !occursInLibrary(t) && !(e.unseen ?? []).includes(t)).map((t) => `${e.words[0]} → ${t}`));
    expect(missing, 'terms to mark `unseen` (or to fix)').toEqual([]);
    const seen = thesaurus.flatMap((e) => (e.unseen ?? []).filter(occursInLibrary).map((t) => `${e.words[0]} → ${t}`));
    expect(seen, 'terms marked unseen that the library now contains').toEqual([]);
  });

  test('every entry finds something in the library today, or says why not (all its missing terms are unseen)', () => {
    for (const e of thesaurus) {
      const found = e.terms.filter(occursInLibrary);
      expect(found.length + (e.unseen?.length ?? 0), e.words.join('、')).toBeGreaterThan(0);
    }
  });

  test('no word of the thesaurus is a department’s name: those come from the registry', () => {
    const names = new Set(registry.flatMap(departmentNames));
    expect(thesaurus.flatMap((e) => e.words).filter((w) => names.has(w))).toEqual([]);
  });

  test('maps the everyday words of the brief to the documents’ terms', () => {
    const mapped = (word: string) => thesaurus.find((e) => e.words.includes(word))?.terms ?? [];
    expect(mapped('户口')).toEqual(expect.arrayContaining(['户籍', '落户']));
    expect(mapped('社保')).toContain('社会保险');
    expect(mapped('医保')).toContain('医疗保险');
    expect(mapped('公积金')).toContain('住房公积金');
    expect(mapped('低保')).toContain('最低生活保障');
    expect(mapped('职称')).toEqual(expect.arrayContaining(['专业技术职务', '职称评审']));
    expect(mapped('农民工')).toContain('农业转移人口');
    expect(mapped('应届生')).toContain('高校毕业生');
  });

  test('the schema rejects what a reviewer should catch', () => {
    const bad = (entry: unknown) => thesaurusEntrySchema.safeParse(entry).success;
    expect(bad({ words: [], terms: ['户籍'] })).toBe(false);
    expect(bad({ words: ['户口'], terms: [] })).toBe(false);
    expect(bad({ words: [''], terms: ['户籍'] })).toBe(false);
    expect(bad({ words: ['户'], terms: ['户籍'] })).toBe(false);
    expect(bad({ words: ['户 口'], terms: ['户籍'] })).toBe(false);
    expect(bad({ words: ['户口', '户口'], terms: ['户籍'] })).toBe(false);
    expect(bad({ words: ['户口'], terms: ['户口'] })).toBe(false);
    expect(bad({ words: ['户口'], terms: ['户籍'], unseen: ['落户'] })).toBe(false);
    expect(bad({ words: ['户口'], terms: ['户籍'], other: 1 })).toBe(false);
    expect(bad({ words: ['户口'], terms: ['户籍', '落户'], unseen: ['落户'], note: '示例' })).toBe(true);
    expect(thesaurusSchema.safeParse([{ words: ['户口'], terms: ['户籍'] }, { words: ['户口本', '户口'], terms: ['落户'] }]).success).toBe(false);
  });
});

describe('department names', () => {
  test('derived from the registry: full name, without 天津, without 天津市, the abbreviation, without its 市', () => {
    for (const d of registry) {
      const names = departmentNames(d);
      expect(names[0]).toBe(d.name);
      expect(names).toContain(d.abbr);
      if (d.name.startsWith('天津市') && !d.name.startsWith('天津市委')) expect(names).toEqual(expect.arrayContaining([d.name.slice(2), d.name.slice(3)]));
      if (d.abbr.startsWith('市') && !d.abbr.startsWith('市委')) expect(names).toContain(d.abbr.slice(1));
      for (const a of d.aliases ?? []) expect(names).toContain(a);
      expect(new Set(names).size).toBe(names.length);
      expect(names.every((n) => [...n].length >= 2)).toBe(true);
    }
  });

  test('the brief’s examples', () => {
    const edu = departmentNames(byAbbr('市教委'));
    expect(edu).toEqual(expect.arrayContaining(['天津市教育委员会', '市教育委员会', '教育委员会', '市教委', '教委']));
    expect(departmentNames(byAbbr('市人社局'))).toEqual(expect.arrayContaining(['人力资源和社会保障局', '人社局']));
  });

  test('a party body loses 中共, never the 市 of 市委', () => {
    const org = departmentNames(byAbbr('市委组织部'));
    expect(org).toEqual(expect.arrayContaining(['中共天津市委组织部', '天津市委组织部', '市委组织部']));
    expect(org).not.toContain('委组织部');
    expect(departmentNames({ name: '天津市市场监督管理委员会', abbr: '市市场监管委' })).toEqual(expect.arrayContaining(['市场监督管理委员会', '市场监管委']));
  });

  test('no name belongs to two departments, in the registry and in the library build’s registry', () => {
    expect(sharedNames(registry)).toEqual([]);
    const extra = parseRegistry('departments.yaml', readFileSync(join(LIBRARY_FIXTURES, 'departments.yaml'), 'utf8'));
    expect(sharedNames([...registry, ...extra])).toEqual([]);
  });

  test('a derived name another department declares is left to it: 医保局 is the State Council’s, not 市医保局 without 市', () => {
    const names = registryNames(registry);
    const id = (abbr: string) => byAbbr(abbr).id;
    expect(names.get(id('市医保局'))).not.toContain('医保局');
    expect(names.get(id('医保局'))).toContain('医保局');
    expect(names.get(id('市发展改革委'))).not.toContain('发展改革委');
    expect(names.get(id('市发展改革委'))).toEqual(expect.arrayContaining(['天津市发展和改革委员会', '发展和改革委员会', '市发展改革委', '发改委']));
    expect(names.get(id('市卫生健康委'))).not.toContain('卫生健康委');
    // Only an abbreviation or a full name takes a derived name over; an alias shares it, and a name two declare stays shared.
    const a = { id: 'a', name: '天津市示例局', abbr: '市示例局' };
    const b = { id: 'b', name: '国家示例局', abbr: '示例局' };
    const c = { id: 'c', name: '国家示例二局', abbr: '示例二局', aliases: ['示例局'] };
    expect(sharedNames([a, b])).toEqual([]);
    expect(registryNames([a, b]).get('a')).toEqual(['天津市示例局', '市示例局']);
    expect(sharedNames([a, c])).toEqual([{ name: '示例局', ids: ['a', 'c'] }]);
    expect(sharedNames([a, b, c])).toEqual([{ name: '示例局', ids: ['b', 'c'] }]);
  });

  test('a name two departments share stops the build, naming both', () => {
    const a = { id: 'a', name: '天津市示例局', abbr: '市示例局', href: '/a/' };
    const b = { id: 'b', name: '天津市示例二局', abbr: '市示例二局', aliases: ['示例局'], href: '/b/' };
    expect(() => buildLexicon([], [a, b], [])).toThrow(/“示例局” belongs to a and b/);
  });

  test('the registry’s aliases are read and checked like its other fields', () => {
    const yaml = (aliases: string) => `- id: x\n  abbr: 市示例局\n  name: 天津市示例局\n  nameEn: Example\n  kind: government\n  aliases: ${aliases}\n`;
    expect(parseRegistry('r.yaml', yaml('[示例局, 老示例局]'))[0]!.aliases).toEqual(['示例局', '老示例局']);
    expect(() => parseRegistry('r.yaml', yaml('示例局'))).toThrow(/r\.yaml:6:\d+: .*aliases must be a list/);
    expect(() => parseRegistry('r.yaml', yaml('[局]'))).toThrow(/two or more characters/);
    expect(byAbbr('市人社局').aliases).toContain('劳动局');
  });
});

describe('alternatives of a typed word', () => {
  const texts = (w: string) => alternativesFor(w, lexicon).map((a) => a.text);

  test('a thesaurus word gives its terms', () => {
    for (const e of thesaurus) for (const w of e.words) expect(texts(w), w).toEqual(e.terms);
    expect(alternativesFor('户口', lexicon).every((a) => a.via === 'thesaurus')).toBe(true);
  });

  test('a word that contains a thesaurus word gets each term in its place, unless it already holds a term', () => {
    expect(texts('户口迁移')).toEqual(['户籍迁移', '落户迁移']);
    expect(texts('办理社保')).toEqual(['办理社会保险']);
    // 高校毕业生 contains 毕业生 (a word) but also 高校毕业生 (its term): nothing to replace.
    expect(texts('高校毕业生')).toEqual([]);
    expect(texts('落户')).toEqual([]);
  });

  test('any name of a department gives its abbreviation as the text writes it', () => {
    for (const d of registry) {
      for (const n of lexicon.departments.find((x) => x.id === d.id)!.names.filter((x) => x !== d.abbr)) {
        const alt = alternativesFor(n, lexicon).find((a) => a.via === 'department');
        expect(alt, n).toEqual({ text: d.abbr, via: 'department', department: d.id });
        expect(departmentNamed(n, lexicon)?.id).toBe(d.id);
      }
      expect(alternativesFor(d.abbr, lexicon).filter((a) => a.via === 'department')).toEqual([]);
    }
    expect(texts('人力资源和社会保障局')).toEqual(['市人社局']);
    expect(texts('天津市教育委员会')).toEqual(['市教委']);
  });

  test('matching folds full-width letters and digits', () => {
    expect(departmentNamed('市教委', lexicon)?.id).toBe('education');
    expect(alternativesFor('ＸＹ户口', lexicon).map((a) => a.text)).toEqual(['ＸＹ户籍', 'ＸＹ落户']);
  });

  test('groups a word names, as typed or through the thesaurus', () => {
    const veterans = groups.find((g) => g.terms.includes('退役军人'))!;
    expect(groupsNamed('退役军人', lexicon).map((g) => g.id)).toEqual([veterans.id]);
    expect(groupsNamed('退伍军人', lexicon).map((g) => g.id)).toEqual([veterans.id]);
    expect(groupsNamed(veterans.name, lexicon).map((g) => g.id)).toEqual([veterans.id]);
    expect(groupsNamed('落户', lexicon)).toEqual([]);
  });
});

describe('combinations to search', () => {
  test('each word or one of its alternatives, never the words as typed, fewest changes first', () => {
    expect(combinations(['户口', '海河英才'], [['户籍', '落户'], []])).toEqual([['户籍', '海河英才'], ['落户', '海河英才']]);
    const two = combinations(['a', 'b'], [['a1'], ['b1']]);
    expect(two.slice(0, 2)).toEqual(expect.arrayContaining([['a1', 'b'], ['a', 'b1']]));
    expect(two[2]).toEqual(['a1', 'b1']);
    expect(combinations(['a'], [[]])).toEqual([]);
  });

  test('capped, also for long queries with many alternatives', () => {
    const words = Array.from({ length: 12 }, (_, i) => `w${i}`);
    const alts = words.map((w) => [`${w}a`, `${w}b`, `${w}c`]);
    const started = performance.now();
    const out = combinations(words, alts, 12);
    expect(out).toHaveLength(12);
    expect(out.every((c) => c.filter((w, i) => w !== words[i]).length === 1)).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
