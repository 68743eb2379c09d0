/** Valid HTML: every built page passes html-validate's recommended rules with zero errors. */
import { HtmlValidate } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { readPage } from '../helpers/html.ts';
import { DIST } from '../helpers/paths.ts';
import { sitePages } from '../helpers/site.ts';

// The recommended preset as it is: no rule needed turning off for the pages built so far.
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

describe('html-validate (recommended): zero errors', () => {
  for (const { file, path } of sitePages(DIST)) {
    test(`/${path}`, async () => {
      const report = await validator.validateString(readPage(DIST, file), file);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} ${m.selector ?? ''}`));
      expect(messages).toEqual([]);
    });
  }
});
