/**
 * /search/words.json at build time (src/views/vocabulary.ts): the library's own words, from every
 * document's title, notice, preamble, chapter titles and provisions (without their list of
 * departments, whose names the lexicon holds), and the pinyin table, made with pinyin-pro here so
 * the browser never loads it.
 */
import { provisionsOf, ownText } from '../model/derive.ts';
import { pinyinData } from '../views/pinyin.ts';
import { libraryWords, segmenter, type Vocabulary } from '../views/vocabulary.ts';
import { getLibrary } from './library.ts';

/**
 * Words kept, most used first: enough for a library of hundreds of documents (the seed uses about
 * 700, the six real documents with it 1,700), and a bound on the file's size whatever it holds.
 */
export const MAX_WORDS = 3000;

let vocabulary: Promise<Vocabulary> | undefined;
export function searchVocabulary(): Promise<Vocabulary> {
  vocabulary ??= (async () => {
    const { documents } = await getLibrary();
    const texts = documents.flatMap((d) => [
      d.title, ...d.notice, ...d.preamble, ...d.chapters.map((c) => c.title), ...provisionsOf(d).map(ownText),
    ]);
    return { words: libraryWords(texts, segmenter(), MAX_WORDS).join(' '), ...pinyinData() };
  })();
  return vocabulary;
}
