/**
 * The filters' counts, worked out after the films are on screen, in the browser's idle time a slice at a time, so
 * a click, a key press or a rating at 100,000 films paints its result first and the counts follow a moment later,
 * never holding up a frame. A newer view cancels the count in progress.
 */
import { useEffect, useState } from 'react';
import type { FilmSummary } from '../../domain/film-summary';
import { FacetCounter, type FacetCounts, type LibraryFilters, type SearchRank } from '../../domain/library-query';

/** Films counted between two looks at the idle deadline (~1–2 ms of work). */
const SLICE = 1_000;

interface IdleDeadline {
  timeRemaining(): number;
}

/** requestIdleCallback where there is one (Chromium, Electron); a plain task elsewhere (jsdom in tests). */
function whenIdle(work: (deadline: IdleDeadline) => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout: 500 });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = setTimeout(() => work({ timeRemaining: () => 8 }), 0);
  return () => clearTimeout(timer);
}

/** undefined until the first counts are ready; after that, the last finished counts until newer ones are. */
export function useFacetCounts(films: readonly FilmSummary[] | undefined, filters: LibraryFilters, rank: SearchRank | null): FacetCounts | undefined {
  const [counts, setCounts] = useState<FacetCounts | undefined>(undefined);
  useEffect(() => {
    if (!films) return;
    const counter = new FacetCounter(filters, rank);
    let start = 0;
    let cancel = () => {};
    const step = (deadline: IdleDeadline) => {
      // At least one slice per turn, so a browser that is never idle still finishes (the timeout above).
      do {
        const end = Math.min(films.length, start + SLICE);
        counter.count(films, start, end);
        start = end;
      } while (start < films.length && deadline.timeRemaining() > 1);
      if (start < films.length) cancel = whenIdle(step);
      else setCounts(counter.counts);
    };
    cancel = whenIdle(step);
    return () => cancel();
  }, [films, filters, rank]);
  return counts;
}
