/**
 * Traditional characters to simplified, with OpenCC's t2s tables (opencc-js: the converter core and
 * two dictionaries, about 25 KB gzip). Imported by the search page only, and only once a query holds
 * Han characters; no other page loads it.
 */
import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';

/** 戶籍 → 户籍, 職稱 → 职称; simplified text passes through (but see foldedForms() in search.ts). */
export const toSimplified: (text: string) => string = ConverterFactory([[TSPhrases, TSCharacters]]);
