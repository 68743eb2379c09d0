/**
 * The Word file of a document (src/export/docx.ts): every character of the source in order, the
 * GB/T 9704 page and faces, page numbers in even and odd footers, hostile characters intact, same
 * bytes for the same document. The file is unzipped and its XML read here; expected text comes
 * from the seed files, not from the model the writer walks.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { parseSeed } from '../../src/convert/parse.ts';
import { documentDocx } from '../../src/export/docx.ts';
import type { PolicyDocument } from '../../src/model/types.ts';
import { policy, registry, seedText } from '../helpers/model.ts';
import { FIXTURES } from '../helpers/paths.ts';
import { squeeze } from '../helpers/sentences.ts';
import { makeChapter, makeDoc, makeProvision } from './make-doc.ts';

const decode = (xml: string) =>
  xml.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|amp|quot|apos));/gi, (_, hex: string, dec: string, name: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name]!);

interface Unzipped {
  files: Record<string, string>;
  /** word/document.xml's paragraphs: the text of their runs (w:t, and w:tab as a tab), in order. */
  paragraphs: string[];
}

async function open(doc: PolicyDocument): Promise<Unzipped> {
  const raw = unzipSync(await documentDocx(doc));
  const files = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, new TextDecoder().decode(v)]));
  const body = files['word/document.xml']!;
  const paragraphs = [...body.matchAll(/<w:p(?=[ >])[\s\S]*?<\/w:p>/g)].map(([p]) =>
    [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => (m[0] === '<w:tab/>' ? '\t' : decode(m[1]!))).join(''));
  return { files, paragraphs };
}

const MM = 1440 / 25.4;
const seedOf = (dir: string, name: string) => readFileSync(join(FIXTURES, dir, name), 'utf8');
/** Every seed of the fixtures that shows a form of document: notices, direct documents, articles, attachments, 版记. */
const FORM_SEEDS = [
  ...readdirSync(join(FIXTURES, 'forms')).filter((f) => f.endsWith('.txt')).map((f) => ['forms', f] as const),
  ...readdirSync(join(FIXTURES, 'real')).filter((f) => f.endsWith('.txt')).map((f) => ['real', f] as const),
  ['hostile', 'punctuation.txt'] as const,
];

describe('every character of the text, in order', () => {
  test('the seed: the paragraphs hold the seed’s text, character for character', async () => {
    const { paragraphs } = await open(policy);
    expect(squeeze(paragraphs.join('\n'))).toBe(squeeze(seedText));
    // Each line of the seed is one paragraph or more, never merged with its neighbour.
    const lines = seedText.split('\n').map((l) => l.trim()).filter(Boolean);
    for (const line of lines) expect(paragraphs.some((p) => p.includes(line)), line).toBe(true);
  });

  test.each(FORM_SEEDS)('%s/%s: every character of the source reaches the file', async (dir, name) => {
    const text = seedOf(dir, name);
    const doc = parseSeed(name, text, registry);
    const { paragraphs } = await open(doc);
    // An order (令) writes 第706号 under 中华人民共和国国务院令; the model (and the site) names it 国务院令第706号.
    const lines = text.split('\n').map((l) => l.trim());
    const order = lines.findIndex((l) => l !== doc.docNumber && /^第.+号$/u.test(l) && doc.docNumber?.endsWith(l));
    if (order >= 0) lines[order] = doc.docNumber!;
    expect(squeeze(paragraphs.join('\n'))).toBe(squeeze(lines.join('\n')));
  });

  test('hostile characters survive as they are: markup, quotes, ampersands, a tab, U+2028, U+0085, astral characters', async () => {
    const odd = '<w:t>&amp;"\'</w:t>]]>\t\u2028\u0085\u200D𠀀😀\uFFFD';
    const provision = makeProvision('1-1', ['hrss'], registry, { headline: `标题${odd}。`, body: `正文${odd}` });
    const doc = makeDoc({
      title: `关于印发《${odd}》的通知`, docNumber: `示字〔2024〕1号${odd}`, addressees: `各单位${odd}：`, notice: [`通知${odd}`], signature: `领导小组${odd}\n第二行${odd}`,
      issuer: `领导小组${odd}`, preamble: [`前言${odd}`], notes: [`（附注${odd}）`],
      chapters: [{ ...makeChapter(1, [{ ...provision, text: `${provision.text}\n第二段${odd}` }], `第一部分${odd}`), paragraphs: [{ text: `段落${odd}`, line: 30, after: 1 }] }],
      attachments: [{ number: 1, label: `附件${odd}`, title: `附件标题${odd}`, text: `附件正文${odd}\n第二行${odd}`, line: 40 }],
      colophon: { lines: [`抄送：${odd}`], copiedTo: odd, printedBy: null, printed: null, printedISO: null },
    });
    const expected = [
      doc.title, doc.docNumber!, doc.addressees!, doc.notice[0]!, `领导小组${odd}`, `第二行${odd}`, doc.date!, doc.notes![0]!, doc.preamble[0]!,
      `一、第一部分${odd}`, `（一）${provision.text}`, `第二段${odd}`, `段落${odd}`, `附件${odd}`, `附件标题${odd}`, `附件正文${odd}`, `第二行${odd}`, `抄送：${odd}`,
    ];
    const { files, paragraphs } = await open(doc);
    expect(paragraphs).toEqual(expected);
    expect(decode(/<dc:title>([^<]*)<\/dc:title>/.exec(files['docProps/core.xml']!)![1]!)).toBe(doc.title);
    expect(decode(/<dc:creator>([^<]*)<\/dc:creator>/.exec(files['docProps/core.xml']!)![1]!)).toBe(doc.issuer);
  });

  test('characters XML cannot hold are refused, not dropped', async () => {
    for (const bad of ['\u0001', '\u000B', '\u001F', '\uFFFE', '\uD800']) {
      await expect(documentDocx(makeDoc({ preamble: [`前言${bad}后`] }))).rejects.toThrow(/cannot be written/);
    }
  });
});

describe('GB/T 9704 layout', () => {
  const seed = open(policy);

  test('A4 with margins 37, 35, 28 and 26 mm; 22 lines a page', async () => {
    const body = (await seed).files['word/document.xml']!;
    const pgSz = /<w:pgSz ([^>]*)\/>/.exec(body)![1]!;
    expect(pgSz).toContain(`w:w="${Math.round(210 * MM)}"`);
    expect(pgSz).toContain(`w:h="${Math.round(297 * MM)}"`);
    const pgMar = /<w:pgMar ([^>]*)\/>/.exec(body)![1]!;
    for (const [side, mm] of [['top', 37], ['bottom', 35], ['left', 28], ['right', 26]] as const) expect(pgMar).toContain(`w:${side}="${Math.round(mm * MM)}"`);
    const styles = (await seed).files['word/styles.xml']!;
    const line = Number(/<w:docDefaults>[\s\S]*?<w:spacing [^>]*w:line="(\d+)"[^>]*w:lineRule="exact"/.exec(styles)![1]);
    const textHeight = (297 - 37 - 35) * MM;
    expect(Math.floor(textHeight / line)).toBe(22);
  });

  test('faces and sizes: body 仿宋 3号, title 小标宋 2号, 一、 黑体, （一） headline 楷体; language zh-CN', async () => {
    const { files } = await seed;
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(files['word/styles.xml']!)![0];
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    const body = files['word/document.xml']!;
    const paragraphs = [...body.matchAll(/<w:p(?=[ >])[\s\S]*?<\/w:p>/g)].map(([p]) => p);
    const withText = (s: string) => paragraphs.find((p) => decode(p).includes(s))!;
    const title = withText(policy.title.slice(0, 10));
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(withText(policy.docNumber!)).toContain('<w:jc w:val="center"/>');
    const heading = withText(policy.chapters[0]!.title);
    expect(heading).toMatch(/w:eastAsia="黑体"/);
    const item = policy.chapters[0]!.provisions[0]!;
    const run = /<w:r>(?:(?!<\/w:r>)[\s\S])*<\/w:r>/g;
    const runs = [...withText(item.headline).matchAll(run)].map(([r]) => r);
    expect(runs.find((r) => decode(r).includes(item.headline))).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(runs.find((r) => decode(r).includes(item.text.slice(item.headline.length, item.headline.length + 10)))).not.toMatch(/楷体/);
    const preamble = withText(policy.preamble[0]!.slice(0, 10));
    expect(preamble).toMatch(/<w:ind [^>]*w:firstLine="640"/);
    for (const s of [policy.date!, ...policy.signature!.split('\n')]) {
      expect(withText(s)).toContain('<w:jc w:val="right"/>');
      expect(withText(s)).toMatch(/<w:ind [^>]*w:right="1280"/);
    }
    expect(files['docProps/core.xml']).toContain('<dc:language>zh-CN</dc:language>');
  });

  test('page numbers “— n —” in 4号 宋体: odd pages right, even pages left', async () => {
    const { files } = await seed;
    expect(files['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const body = files['word/document.xml']!;
    const refs = Object.fromEntries([...body.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [m[1], m[2]]));
    const rels = files['word/_rels/document.xml.rels']!;
    const footer = (type: string) => files[`word/${new RegExp(`Id="${refs[type]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${refs[type]}"`).exec(rels)![1]}`]!;
    for (const [type, align] of [['default', 'right'], ['even', 'left']] as const) {
      const xml = footer(type);
      expect(xml).toContain(`<w:jc w:val="${align}"/>`);
      expect(xml).toMatch(/PAGE/);
      expect(xml).toContain('<w:sz w:val="28"/>');
      expect(xml).toMatch(/w:eastAsia="宋体"/);
      expect([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|')).toBe('— | —');
    }
  });

  test('the same document gives the same bytes, stamped with its date', async () => {
    const a = await documentDocx(policy);
    await new Promise((r) => setTimeout(r, 1100));
    const b = await documentDocx(policy);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = (await seed).files['docProps/core.xml']!;
    expect(core).toContain(`>${policy.dateISO}T00:00:00Z</dcterms:created>`);
    expect(core).toContain(`>${policy.dateISO}T00:00:00Z</dcterms:modified>`);
  });
});
