/**
 * 时效性 on every page of a document (the status line in the document bar) and in the library
 * list, from tests/fixtures/library/documents.yaml read here with its own YAML parse: a document
 * without metadata says 未核对; one past its 有效期至 says it has expired, whatever was declared;
 * declared dates and the official address appear; an amendment shows on both documents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { DIST_LIBRARY, LIBRARY_FIXTURES } from '../helpers/paths.ts';
import { sitePages } from '../helpers/site.ts';
import { docs, seed } from './expected.ts';
import { anchorsIn, element, elements, main, page, text } from './pages.ts';

interface Meta { source: string; published?: string | undefined; effective?: string | undefined; expires?: string | undefined; status?: string; checked?: string; url?: string; amends?: string[] }
const metas: Meta[] = parse(readFileSync(join(LIBRARY_FIXTURES, 'documents.yaml'), 'utf8'));
const metaOf = (file: string) => metas.find((m) => m.source === file);
const today = new Date().toISOString().slice(0, 10);
/** 2021-03-05 → 2021年3月5日 */
const cn = (iso: string) => iso.replace(/^(\d{4})-0?(\d{1,2})-0?(\d{1,2})$/, '$1年$2月$3日');

/**
 * The dates a document's own text states, read here with a simple pattern of the fixtures' wording:
 * 自2022年9月1日起施行，有效期5年 / 有效期至2022年12月31日.
 */
function statedDates(file: string): { effective?: string | undefined; expires?: string | undefined } {
  const d = docs.find((x) => x.file === file)!;
  const text = [...d.notice, ...d.preamble, ...d.provisions.map((m) => m.line)].join('\n');
  const iso = (y: string, m: string, day: string) => `${y}-${m.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const on = /自(\d{4})年(\d{1,2})月(\d{1,2})日起施行/u.exec(text);
  const until = /有效期至(\d{4})年(\d{1,2})月(\d{1,2})日/u.exec(text);
  const years = /有效期(\d+)年/u.exec(text);
  const effective = on ? iso(on[1]!, on[2]!, on[3]!) : undefined;
  let expires = until ? iso(until[1]!, until[2]!, until[3]!) : undefined;
  if (!expires && effective && years) {
    const end = new Date(`${effective}T00:00:00Z`);
    end.setUTCFullYear(end.getUTCFullYear() + Number(years[1]));
    end.setUTCDate(end.getUTCDate() - 1);
    expires = end.toISOString().slice(0, 10);
  }
  return { effective, expires };
}

/** A document's dates: as declared in documents.yaml, else as its text states them. */
function datesOf(file: string): Meta {
  const m = metaOf(file);
  const stated = statedDates(file);
  return { source: file, ...m, effective: m?.effective ?? stated.effective, expires: m?.expires ?? stated.expires };
}

/** What the status line must say of a document, from its metadata, its text and today's date. */
function expectedStatus(file: string): string {
  const m = datesOf(file);
  const declared = m.status ?? '未核对';
  return m.expires && m.expires < today ? `失效（有效期至${cn(m.expires)}，已过期）` : declared;
}

const statusLine = (html: string) => element(element(html, 'div', /<div class="pe-docbar"/), 'p', /<p class="pe-status"/);

test('the fixtures exercise every case: no metadata (the seed), expired, fully described, amended, dates only in the text', () => {
  expect(metas.some((m) => !m.effective && statedDates(m.source).effective)).toBe(true);
  // Where both say, the declared dates agree with the text (else the build warns).
  for (const m of metas) {
    const stated = statedDates(m.source);
    if (m.effective && stated.effective) expect(m.effective).toBe(stated.effective);
    if (m.expires && stated.expires) expect(m.expires).toBe(stated.expires);
  }
  expect(metaOf(seed.file)).toBeUndefined();
  expect(metas.some((m) => m.expires && m.expires < today)).toBe(true);
  expect(metas.some((m) => m.url && m.published && m.effective && m.checked)).toBe(true);
  expect(metas.some((m) => m.amends?.length)).toBe(true);
});

describe('every page of a document shows its status near its title', () => {
  for (const { path } of sitePages(DIST_LIBRARY).filter((p) => p.path.startsWith('policies/'))) {
    test(`/${path}`, () => {
      const d = docs.find((x) => x.id === path.split('/')[1])!;
      const line = text(statusLine(page(path)));
      expect(line.startsWith(`时效性：${expectedStatus(d.file)}`), line).toBe(true);
      expect(line).toContain(`成文日期 ${d.date}`);
      const m = datesOf(d.file);
      for (const [label, value] of [['发布日期', m.published], ['施行日期', m.effective], ['有效期至', m.expires]] as const)
        if (value) expect(line).toContain(`${label} ${cn(value)}`);
        else expect(line).not.toContain(label + ' ');
    });
  }
});

test('the official address is linked where the metadata gives one, and nowhere else', () => {
  for (const d of docs) {
    const links = anchorsIn(statusLine(page(`policies/${d.id}/`))).filter((a) => a.text === '原文');
    const url = metaOf(d.file)?.url;
    expect(links.map((a) => a.href)).toEqual(url ? [url] : []);
  }
});

test('an amendment shows on both documents, each linking to the other', () => {
  for (const m of metas.filter((x) => x.amends?.length)) {
    const amending = docs.find((d) => d.file === m.source)!;
    for (const id of m.amends!) {
      const amended = docs.find((d) => d.id === id)!;
      const own = text(statusLine(page(`policies/${amending.id}/`)));
      expect(own).toContain(`本文件修改：《${amended.title}》（${amended.docNumber}）`);
      expect(anchorsIn(statusLine(page(`policies/${amending.id}/`))).map((a) => a.href)).toContain(`/policies/${amended.id}/`);
      const other = statusLine(page(`policies/${amended.id}/`));
      expect(text(other)).toContain(`已被以下文件修改：《${amending.title}》（${amending.docNumber}）`);
      expect(anchorsIn(other).map((a) => a.href)).toContain(`/policies/${amending.id}/`);
    }
  }
});

test('the library list shows each document’s status', () => {
  const items = elements(page(''), 'li', /<li class="pe-lib__item"/);
  expect(items).toHaveLength(docs.length);
  docs.forEach((d, i) => expect(text(element(items[i]!, 'p', /<p class="pe-status"/)).startsWith(`时效性：${expectedStatus(d.file)}`)).toBe(true));
});

/** Documents no longer in force on the build day: past their 有效期至, or declared 失效 / 已废止. */
const outIds = docs.filter((d) => /^(失效|已废止)/u.test(expectedStatus(d.file))).map((d) => d.id);
const docOf = (provision: string) => provision.slice(0, provision.indexOf('/'));

describe('what 时效性 means, and where to check it', () => {
  test('the status in the status line of every page of a document links to the explanation on the document’s page', () => {
    for (const { path } of sitePages(DIST_LIBRARY).filter((p) => p.path.startsWith('policies/'))) {
      const id = path.split('/')[1]!;
      // The status itself is the link (its name says so: …（说明：《…》的时效性）).
      const explain = anchorsIn(statusLine(page(path))).find((a) => a.href.endsWith('#status'));
      expect(explain?.href, path).toBe(`/policies/${id}/#status`);
      expect(explain!.text, path).toMatch(/^时效性：.*（说明：《.+》的时效性）$/u);
    }
  });

  test('the explanation says what the status means, links the official source where it is known, else says whom to ask, and when it was last checked', () => {
    for (const d of docs) {
      const note = element(page(`policies/${d.id}/`), 'div', /<div class="pe-meta__row" id="status"/);
      expect(note, d.id).not.toBe('');
      const said = text(note);
      const m = metaOf(d.file);
      const status = expectedStatus(d.file);
      expect(said, d.id).toContain(status.replace(/（.*$/u, ''));
      if (status === '未核对') expect(said).toContain('本站尚未核对这份文件现在是否有效');
      const links = anchorsIn(note).map((a) => a.href);
      if (m?.url) expect(links).toEqual([m.url]);
      else {
        expect(links).toEqual([]);
        expect(said).toContain(`向发文机关（${d.issuer}）或其政府网站查询`);
      }
      expect(said).toContain(m?.checked ? `本站最近一次核对：${cn(m.checked)}` : '本站还没有核对过这份文件的时效性');
    }
  });
});

describe('provisions of a document no longer in force are marked wherever they are listed, and come last', () => {
  test('the fixtures have one, and it shares a reader group and related provisions with documents in force', () => {
    expect(outIds).toEqual(['jcz-2021-3']);
  });

  test('group pages: marked 已失效, after every provision of a document in force', () => {
    let seen = 0;
    for (const { path } of sitePages(DIST_LIBRARY).filter((p) => /^groups\/[^/]+\//u.test(p.path))) {
      const hits = elements(main(page(path)), 'li', /<li class="pe-group-hit"/);
      const out = hits.map((h) => outIds.includes(docOf(/data-provision="([^"]+)"/u.exec(h)![1]!)));
      expect(out, path).toEqual([...out].sort((a, b) => Number(a) - Number(b)));
      hits.forEach((h, i) => expect(text(h).includes('已失效'), `${path} #${i}`).toBe(out[i]));
      if (out.includes(true) && out.includes(false)) seen++;
    }
    expect(seen, 'a group page mixes documents in force and not').toBeGreaterThan(0);
    expect(text(element(main(page('groups/skilled-workers/')), 'li', /<li class="pe-group-hit" data-provision="jcz-2021-3/))).toContain('已失效');
  });

  test('related provisions: marked 已失效, after every provision of a document in force', () => {
    let seen = 0;
    for (const { path } of sitePages(DIST_LIBRARY).filter((p) => /^policies\/[^/]+\/\d+-\d+\/$/u.test(p.path))) {
      const items = elements(page(path), 'li', /<li class="pe-related__item"/);
      const out = items.map((h) => outIds.includes(docOf(/data-provision="([^"]+)"/u.exec(h)![1]!)));
      expect(out, path).toEqual([...out].sort((a, b) => Number(a) - Number(b)));
      items.forEach((h, i) => expect(text(h).includes('已失效'), `${path} #${i}`).toBe(out[i]));
      if (out.includes(true)) seen++;
    }
    expect(seen).toBeGreaterThan(0);
  });

  test('search records: every indexed page carries its status as a Pagefind filter; those of a document no longer in force carry the mark', () => {
    const records = sitePages(DIST_LIBRARY).filter((p) => /^policies\/[^/]+\/(\d+-\d+\/)?$/u.test(p.path));
    expect(records.length).toBeGreaterThan(docs.length);
    for (const { path } of records) {
      const html = page(path);
      const d = docs.find((x) => x.id === path.split('/')[1])!;
      const status = expectedStatus(d.file).replace(/（.*$/u, '');
      expect(html, path).toContain(`data-pagefind-filter="status[content]" content="${status}"`);
      const mark = /data-pagefind-meta="outOfForce\[content\]" content="([^"]*)"/u.exec(html)?.[1];
      expect(mark, path).toBe(outIds.includes(d.id) ? status : undefined);
    }
  });
});
