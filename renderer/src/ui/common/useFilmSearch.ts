/**
 * Search as you type: the films matching what is typed, from the search worker's index (never a table scan per
 * keystroke). The newest query wins, and results refresh when a write changes the index.
 */
import { useEffect, useState } from 'react';
import { onSearchIndexChanged, searchFilms, wasSuperseded, type SearchHits } from '../../workers/search-client';

export type { SearchHits } from '../../workers/search-client';

/**
 * The hits for `query`: undefined for an empty query (the worker is not asked) and while the first answer for this
 * query is pending. After a write, the previous hits stay until the refreshed ones arrive.
 */
export function useFilmSearch(query: string, onFailure?: (error: unknown) => void): SearchHits | undefined {
  const text = query.trim();
  const [answer, setAnswer] = useState<SearchHits | undefined>(undefined);
  const [indexVersion, setIndexVersion] = useState(0);

  // Only while searching: a write (a rating) must not re-render an unsearched Library once more.
  useEffect(() => (text === '' ? undefined : onSearchIndexChanged(() => setIndexVersion((version) => version + 1))), [text]);

  useEffect(() => {
    if (text === '') return;
    let current = true;
    const ask = () => {
      searchFilms(text).then(
        (hits) => {
          if (current) setAnswer(hits);
        },
        (error: unknown) => {
          if (!current) return;
          // The worker answers only the newest search: when another component's was answered first, ask again.
          if (wasSuperseded(error)) ask();
          else {
            console.warn('Search failed', error);
            onFailure?.(error);
          }
        },
      );
    };
    ask();
    return () => {
      current = false;
    };
  }, [text, indexVersion, onFailure]);

  return text !== '' && answer?.query === text ? answer : undefined;
}
