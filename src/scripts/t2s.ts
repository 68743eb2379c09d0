/**
 * Traditional characters to simplified, with OpenCC's t2s tables (opencc-js: the converter core and
 * two dictionaries, about 25 KB gzip). Imported by the search page only, and only once a query holds
 * Han characters; no other page loads it.
 *
 * The converter is opencc-js's ConverterFactory([[TSPhrases, TSCharacters]]), built here a slice at
 * a time: built at once, its trie of some 60,000 entries held the page's main thread for 110 to
 * 320 ms (measured in Chromium on this machine), a long task in the middle of a search. Between
 * slices of at most SLICE_MS the page stays responsive.
 */
import { Trie } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';

/** The longest stretch of building without yielding to the page, in ms. */
const SLICE_MS = 20;

/** Lets the page handle input and render before the next slice. */
const yieldToPage = () => new Promise<void>((done) => setTimeout(done, 0));

/**
 * 戶籍 → 户籍, 職稱 → 职称; simplified text passes through (but see the search page, which searches
 * the folded form only when the words as typed find nothing). Resolves once the tables are loaded.
 */
export async function loadSimplifier(): Promise<(text: string) => string> {
  const trie = new Trie();
  // As Trie.loadDictGroup() loads [TSPhrases, TSCharacters]: the last first, so a phrase overrides
  // its characters.
  for (const dict of [TSCharacters, TSPhrases]) {
    const entries = dict.split('|');
    let since = performance.now();
    for (let i = 0; i < entries.length; i++) {
      const [from, to] = entries[i]!.split(' ');
      if (to === undefined) throw new TypeError(`t2s: bad dictionary entry “${entries[i]}”`);
      trie.addWord(from!, to);
      if (i % 512 === 511 && performance.now() - since > SLICE_MS) {
        await yieldToPage();
        since = performance.now();
      }
    }
  }
  return (text) => trie.convert(text);
}
