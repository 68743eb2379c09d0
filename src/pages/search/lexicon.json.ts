/**
 * /search/lexicon.json: what the search page knows besides the text (src/views/search-lexicon.ts): the
 * thesaurus, every name of every department with a task list, the reader groups. Fetched by the
 * search page only; its size grows with these data files, not with the documents.
 */
import type { APIRoute } from 'astro';
import { searchLexicon } from '../../site/reader-words.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await searchLexicon()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
