/**
 * Which parts of a shown text a search matched, so results can mark them. It works on the text as written
 * ("Amélie", "Straße"), finding for each word the shortest beginning whose folded form starts with a query word,
 * so letters whose fold changes length (ß → ss, æ → ae) are marked whole.
 */
import { foldForSearch, tokenize } from './search-words';

export interface HighlightPart {
  text: string;
  match: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MARK = /\p{M}/u;

/** How many UTF-16 units of `word` (as written) are needed for its fold to start with `query`; 0 when it never does. */
function matchedLength(word: string, folded: string, query: string): number {
  if (!folded.startsWith(query)) return 0;
  const characters = [...word];
  let length = 0;
  for (let end = 1; end <= characters.length; end++) {
    length += (characters[end - 1] as string).length;
    const prefix = foldForSearch(characters.slice(0, end).join(''));
    if (prefix.length >= query.length && prefix.startsWith(query)) {
      // Combining marks after the last letter belong to it ("e" + U+0301 is one letter on screen).
      for (let next = end; next < characters.length && MARK.test(characters[next] as string); next++) length += (characters[next] as string).length;
      return length;
    }
  }
  return word.length;
}

/**
 * The text cut into parts, marking the beginning of each word that a query word is the prefix of (the longest
 * such beginning when several query words match). The parts, joined, are the text.
 */
export function highlightParts(text: string, queryWords: readonly string[]): HighlightPart[] {
  const queries = [...new Set(queryWords.flatMap((word) => tokenize(word)))];
  const parts: HighlightPart[] = [];
  const push = (part: string, match: boolean) => {
    if (part === '') return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += part;
    else parts.push({ text: part, match });
  };
  let done = 0;
  if (queries.length > 0) {
    for (const found of text.matchAll(WORD)) {
      const word = found[0];
      const folded = foldForSearch(word);
      const length = Math.max(0, ...queries.map((query) => matchedLength(word, folded, query)));
      if (length === 0) continue;
      push(text.slice(done, found.index), false);
      push(text.slice(found.index, found.index + length), true);
      done = found.index + length;
    }
  }
  push(text.slice(done), false);
  return parts;
}
