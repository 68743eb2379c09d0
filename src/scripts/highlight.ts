/**
 * Marks the searched words where a search result lands: /provisions/2-1/?highlight=落户 wraps every
 * occurrence inside the indexed text ([data-pagefind-body]) in <mark class="pe-hit"> and scrolls
 * to the first. Inactive (returns at once) without the parameter. Matching is the search page's:
 * whitespace ignored, full-width ASCII and case folded, strings may cross element boundaries; a
 * department's name (a.pe-dept) is marked whole or not at all.
 */
import { fold, isBlank, limitQuery, occurrences, splitWords } from '../views/search-query.ts';

// Cut as the search page cuts a query: the marking grows with the words' length.
const words = splitWords(limitQuery(new URLSearchParams(location.search).get('highlight') ?? '').q);
if (words.length) {
  let first: HTMLElement | undefined;
  for (const region of document.querySelectorAll<HTMLElement>('[data-pagefind-body]')) {
    const chars: string[] = [];
    const at: [Text, number][] = [];
    const inName: (Element | null)[] = [];
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (n.parentElement?.closest('[data-pagefind-ignore]')) continue;
      const s = n.data;
      // A department's name (市退役军人局) is marked only whole, never a word inside it (退役军人).
      const name = n.parentElement?.closest('.pe-dept') ?? null;
      for (let i = 0; i < s.length; i++) if (!isBlank(s[i]!)) { chars.push(s[i]!); at.push([n, i]); inName.push(name); }
    }
    const text = fold(chars.join(''));
    const insideName = (a: number, b: number) => {
      const name = inName[a];
      if (!name || inName[b - 1] !== name) return false;
      const whole = (a === 0 || inName[a - 1] !== name) && (b === inName.length || inName[b] !== name);
      return !whole;
    };
    const ranges = words.flatMap((w) => occurrences(text, fold(w)).filter((i) => !insideName(i, i + w.length)).map((i): [number, number] => [i, i + w.length]))
      .sort((x, y) => x[0] - y[0])
      .reduce<[number, number][]>((acc, r) => {
        const last = acc[acc.length - 1];
        if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
        else acc.push(r);
        return acc;
      }, []);
    // Runs of one text node each, wrapped from the last to the first so offsets stay valid.
    const runs: [Text, number, number][] = [];
    for (const [a, b] of ranges) {
      for (let k = a; k < b; k++) {
        const [node, offset] = at[k]!;
        const last = runs[runs.length - 1];
        if (last && last[0] === node && last[2] === offset) last[2] = offset + 1;
        else runs.push([node, offset, offset + 1]);
      }
    }
    runs.sort((x, y) => (x[0] === y[0] ? y[1] - x[1] : x[0].compareDocumentPosition(y[0]) & Node.DOCUMENT_POSITION_FOLLOWING ? 1 : -1));
    for (const [node, start, end] of runs) {
      const middle = node.splitText(start);
      middle.splitText(end - start);
      const mark = document.createElement('mark');
      mark.className = 'pe-hit';
      middle.replaceWith(mark);
      mark.append(middle);
      first = mark;
    }
  }
  first?.scrollIntoView({ block: 'center' });
}
