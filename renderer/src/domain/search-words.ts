/**
 * The words search works on: folded (case, accents, and letters such as ł or æ that Unicode does not decompose)
 * and split on anything that is not a letter or digit. The index (search-index) and the highlighting of matches
 * (search-highlight) must cut text into words the same way, so both take them from here.
 */
import { foldText } from './text-fold';

/** Folds for search: foldText, and a final sigma is a sigma (Greek lower-cases it by position). */
export function foldForSearch(text: string): string {
  return foldText(text).replace(/ς/g, 'σ');
}

const WORDS = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * The folded words of a text: split on anything that is not a letter or digit ("Mueller-Stahl" → mueller, stahl).
 * Exactly `foldForSearch(text).match(/[\p{L}\p{N}\p{M}]+/gu)`; a text that is all ASCII (most titles, names and
 * notes in many catalogs) takes a scan by character codes instead, about twice as fast.
 */
export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let at = 0; at < lower.length; at++) {
    const code = lower.charCodeAt(at);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (start < 0) start = at;
    } else if (code < 128) {
      if (start >= 0) words.push(lower.slice(start, at));
      start = -1;
    } else return foldForSearch(text).match(WORDS) ?? [];
  }
  if (start >= 0) words.push(lower.slice(start));
  return words;
}

/** The distinct folded words of a query, in the order typed. */
export function queryWords(text: string): string[] {
  return [...new Set(tokenize(text))];
}
