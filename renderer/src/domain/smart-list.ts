/**
 * Smart lists: Library views a person saved under a name ("Unwatched noir on Blu-ray"). Only the view is kept — its
 * search, filters and sort as the Library's own URL search string — never the films, so a smart list always shows
 * what matches now.
 */
import { parseListName } from './list';

export interface SmartList {
  id: string;
  name: string;
  /** The Library view as a URL search string, without the "?": e.g. "q=godfather&genre=Drama&sort=year-desc". */
  query: string;
  createdAt: string;
  updatedAt: string;
}

/** Shorter names than a list's: a smart list's name sits in the Library's sidebar beside the view it opens. */
export const SMART_LIST_LIMITS = { name: 100, query: 4_000 } as const;

export type SmartListNameResult = { ok: true; name: string } | { ok: false; error: string };

/** A smart list needs a name a person can find it by: trimmed, 1 to 100 characters. */
export function checkSmartListName(text: string): SmartListNameResult {
  const name = text.trim();
  if (name.length > SMART_LIST_LIMITS.name) {
    return { ok: false, error: `This name is ${name.length.toLocaleString('en')} characters long; the limit is ${SMART_LIST_LIMITS.name}.` };
  }
  // Otherwise a list's name rules (trimmed, not empty); the tighter limit above is why a 150-character name fails.
  const parsed = parseListName(name);
  return parsed.ok ? { ok: true, name: parsed.text } : { ok: false, error: 'A smart list needs a name.' };
}

/** The view as stored: a search string without its leading "?" (URLSearchParams#toString and location.search both serve). */
export function smartListQuery(search: string): string {
  return search.startsWith('?') ? search.slice(1) : search;
}
