/**
 * The hand-maintained vocabulary beside the documents: the thesaurus (content/thesaurus.yaml,
 * everyday words → the documents' terms) and the reader groups (content/groups.yaml, 我是……).
 * One Zod schema each, used by the content collections (src/content.config.ts) and by the unit
 * tests that check the files' rules (tests/unit/lexicon.test.ts, tests/unit/groups.test.ts).
 */
import { z } from 'astro/zod';

/** A word or phrase: no spaces, two or more characters. */
const phrase = z.string().regex(/^\S{2,}$/u, 'a word of two or more characters, without spaces');
const phrases = z.array(phrase).min(1).refine((xs) => new Set(xs).size === xs.length, 'listed twice');

export const thesaurusEntrySchema = z.object({
  /** What readers type: 户口, 社保. */
  words: phrases,
  /** What the documents write, tried for each word: 户籍, 落户. */
  terms: phrases,
  /** Terms that no document of the library contains yet (kept for documents to come). */
  unseen: z.array(phrase).optional(),
  /** Why the mapping holds, for the reviewer. */
  note: z.string().optional(),
}).strict()
  .refine((e) => !e.terms.some((t) => e.words.includes(t)), { message: 'a term repeats one of the entry’s words (which is searched as typed anyway)' })
  .refine((e) => (e.unseen ?? []).every((t) => e.terms.includes(t)), { message: '`unseen` lists a word that is not one of the entry’s terms' });

export type ThesaurusEntry = z.infer<typeof thesaurusEntrySchema>;

/** The whole file: no word in two entries. */
export const thesaurusSchema = z.array(thesaurusEntrySchema).superRefine((entries, ctx) => {
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    for (const w of e.words) {
      if (seen.has(w)) ctx.addIssue({ code: 'custom', path: [i, 'words'], message: `“${w}” is already a word of entry ${seen.get(w)! + 1}` });
      seen.set(w, i);
    }
  });
});

export const GROUP_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export const groupSchema = z.object({
  /** Stable ASCII slug: /groups/<id>/. */
  id: z.string().regex(GROUP_ID),
  /** The group as readers name themselves: 退役军人. */
  name: z.string().min(2),
  /** One sentence: who belongs. */
  description: z.string().min(4),
  /** The phrases in the documents that name the group. */
  terms: phrases,
}).strict();

export type ReaderGroup = z.infer<typeof groupSchema>;

/** The whole file: ids and names unique. */
export const groupsSchema = z.array(groupSchema).superRefine((groups, ctx) => {
  for (const key of ['id', 'name'] as const) {
    const seen = new Set<string>();
    groups.forEach((g, i) => {
      if (seen.has(g[key])) ctx.addIssue({ code: 'custom', path: [i, key], message: `${key} “${g[key]}” is used by two groups` });
      seen.add(g[key]);
    });
  }
});
