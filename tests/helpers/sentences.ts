/**
 * An oracle written apart from the converter: the sentences of a seed, as a reader would count
 * them. Every non-empty line is cut after each 。！？； (and where the line ends); whitespace and
 * invisible characters are dropped, since pages may set spaces differently. It knows nothing of
 * numbering, attributions or the parts of a document.
 */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/u)
    .flatMap((line) => line.split(/(?<=[。！？；])/u))
    .map(squeeze)
    .filter((s) => s.length > 0);
}

/** Text without whitespace and invisible format characters, for comparing what a page shows. */
export function squeeze(text: string): string {
  return text.replace(/[\s\p{Cf}]/gu, '');
}

/** The sentences not found, in order, in a page's text: each must follow the one before. */
export function missingInOrder(sentences: readonly string[], pageText: string): string[] {
  const page = squeeze(pageText);
  const missing: string[] = [];
  let from = 0;
  for (const s of sentences) {
    const at = page.indexOf(s, from);
    if (at < 0) missing.push(s);
    else from = at + s.length;
  }
  return missing;
}
