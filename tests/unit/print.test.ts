import { describe, expect, test } from 'vitest';
import { LAYERS, cssString, footerText, pageNumberContent, printStylesheet } from '../../src/views/print.ts';
import { policy } from '../helpers/model.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.ts';

describe('the generated print stylesheet', () => {
  const css = printStylesheet({ provisionsTitle: policy.provisionsTitle, docNumber: policy.docNumber!, origin: 'https://example.org/' });

  test('a running footer with the title and 发文字号, and page numbers 第 N 页 / 共 M 页', () => {
    expect(css).toContain(`content: "《${policy.provisionsTitle}》\u3000${policy.docNumber}";`);
    expect(css).toContain('content: "第 " counter(page) " 页 / 共 " counter(pages) " 页";');
    expect(css).toMatch(/@page\s*\{\s*size: A4/);
  });

  test('declares the layer order of global.css before using a layer', () => {
    const global = readFileSync(join(ROOT, 'src/styles/global.css'), 'utf8');
    expect(global).toContain(`@layer ${LAYERS.join(', ')};`);
    expect(css.indexOf(`@layer ${LAYERS.join(', ')};`)).toBeLessThan(css.indexOf('@layer print {'));
  });

  test('printed URLs of internal links use the site origin', () => {
    expect(css).toContain('a.pe-print-url[href^="/"]::after { content: "（" "https://example.org" attr(href) "）"; }');
  });

  test('model text is escaped as a CSS string', () => {
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(cssString('x\ny')).toBe('"x\\a y"');
    expect(footerText({ provisionsTitle: '标"题', docNumber: '号' })).toBe('《标"题》\u3000号');
    expect(printStylesheet({ provisionsTitle: '标"题}', docNumber: '号', origin: '' })).toContain('content: "《标\\"题}》\u3000号";');
  });

  test('the provisions start under their own title in the full text', () => {
    expect(css).toContain(`.pe-page-policy .pe-doc__preamble::before { content: "${policy.provisionsTitle}"; }`);
  });

  test('page-number templates', () => {
    expect(pageNumberContent('{page}/{pages}')).toBe('counter(page) "/" counter(pages)');
    expect(pageNumberContent('- {page} -')).toBe('"- " counter(page) " -"');
  });
});

describe('the print stylesheet of library pages (no document)', () => {
  const css = printStylesheet({ siteName: '示例政策文库', origin: 'https://example.org' });

  test('the running footer is the site name, and no document title is printed', () => {
    expect(footerText({ siteName: '示例政策文库' })).toBe('示例政策文库');
    expect(css).toContain('content: "示例政策文库";');
    expect(css).not.toContain('《');
    expect(css).not.toContain('.pe-doc__preamble::before');
    expect(css).toContain('content: "第 " counter(page) " 页 / 共 " counter(pages) " 页";');
  });

  test('a document page prints its title even when a site name is given', () => {
    expect(footerText({ provisionsTitle: '示例措施', docNumber: '示字〔2024〕1号', siteName: '示例政策文库' })).toBe('《示例措施》\u3000示字〔2024〕1号');
  });

  test('nothing to print gives an empty footer, and the site name is escaped', () => {
    expect(footerText({})).toBe('');
    expect(printStylesheet({ origin: '' })).toContain('content: "";');
    expect(printStylesheet({ siteName: '测试"文库\\', origin: '' })).toContain('content: "测试\\"文库\\\\";');
  });

  test('a custom page-number template', () => {
    expect(printStylesheet({ siteName: 'x', origin: '', pageNumber: '{page}/{pages}' })).toContain('content: counter(page) "/" counter(pages);');
  });
});
