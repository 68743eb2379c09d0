/**
 * /search/words.json: the library's own words and a pinyin table (src/site/vocabulary.ts), for
 * 您是不是要找. Fetched by the search page only, and only when a search finds nothing exact.
 */
import type { APIRoute } from 'astro';
import { searchVocabulary } from '../../site/vocabulary.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await searchVocabulary()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
