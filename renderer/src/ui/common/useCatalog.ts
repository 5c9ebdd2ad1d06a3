/** Live views of the catalog for components: each re-renders when the data it reads changes. */
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../domain/annotation';
import type { Film } from '../../domain/film';
import type { FilmSummary } from '../../domain/film-summary';
import { compareFilmsBy, withFilmsReplaced, type LibrarySort } from '../../domain/library-sort';
import type { Viewing } from '../../domain/viewing';
import { allTags, changedSummaryIds, filmById, firstLibrarySummaries, librarySummaries, summariesByIds } from '../../db/films';
import { notesOfFilm } from '../../db/notes';
import { viewingsOfFilm } from '../../db/viewings';
import type { TagCount } from '../../domain/tags';

export interface LibraryFilms {
  /** In Library order; the first screenful only until `complete`; undefined before anything is read. */
  films: FilmSummary[] | undefined;
  /** How many films the catalog holds (known before the whole list is read). */
  total: number | undefined;
  complete: boolean;
}

/** How many films the first, index-read screen holds: more than any window shows at once. */
const FIRST_SCREEN = 120;

interface SortedSummaries {
  films: FilmSummary[];
  sort: LibrarySort;
}

const sameSort = (a: LibrarySort, b: LibrarySort) => a.by === b.by && a.direction === b.direction;

/**
 * Every film's summary in Library order, read once and then kept up to date change by change: a write (here or in
 * another window) re-reads only the summaries it touched and moves them into place, so rating one film at 100,000
 * films does not re-read or re-sort the catalog; a new order re-sorts what is in memory, reading nothing.
 */
function useSortedSummaries(enabled: boolean, sort: LibrarySort): FilmSummary[] | undefined {
  const [sorted, setSorted] = useState<SortedSummaries | undefined>(undefined);
  // A new order sorts the list in memory, in the same render (no frame without films).
  const shown = useMemo(
    () => (sorted && !sameSort(sorted.sort, sort) ? { films: [...sorted.films].sort(compareFilmsBy(sort)), sort } : sorted),
    [sorted, sort],
  );
  // What the subscription below works on: the list on screen and the order wanted now (both change outside it).
  const latest = useRef<{ sorted: SortedSummaries | undefined; sort: LibrarySort }>({ sorted: undefined, sort });
  useEffect(() => {
    latest.current = { sorted: shown, sort };
  }, [shown, sort]);
  useEffect(() => {
    if (!enabled) return;
    let active = true;
    const show = (next: SortedSummaries) => {
      latest.current.sorted = next;
      setSorted(next);
    };
    const reload = () => {
      librarySummaries().then(
        (films) => {
          if (!active) return;
          const order = latest.current.sort;
          show({ films: films.sort(compareFilmsBy(order)), sort: order });
        },
        (error: unknown) => console.error('The Library could not be read', error),
      );
    };
    const onMutated = (parts: Record<string, unknown>) => {
      const ids = changedSummaryIds(parts);
      if (ids === null) return;
      if (ids === 'all' || latest.current.sorted === undefined) {
        reload();
        return;
      }
      summariesByIds(ids).then(
        (rows) => {
          const current = latest.current.sorted;
          if (!active || current === undefined) return;
          const changes = new Map(ids.map((id, index) => [id, rows[index] ?? null]));
          show({ films: withFilmsReplaced(current.films, changes, compareFilmsBy(current.sort)), sort: current.sort });
        },
        (error: unknown) => console.error('The Library could not be updated', error),
      );
    };
    Dexie.on('storagemutated', onMutated);
    reload();
    return () => {
      active = false;
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
  }, [enabled]);
  return shown?.films;
}

/**
 * Films in Library order. The first screenful comes from an index query while the whole list of summaries is read,
 * so a large catalog paints at once.
 */
export function useLibraryFilms(order: LibrarySort): LibraryFilms {
  // By value: a view read afresh from the URL (a new search or filter) keeps the same order object.
  const sort = useMemo<LibrarySort>(() => ({ by: order.by, direction: order.direction }), [order.by, order.direction]);
  // The whole list is read only after the first screen: started together, the big read delays the small one.
  const [firstShown, setFirstShown] = useState(false);
  const all = useSortedSummaries(firstShown, sort);
  const loaded = all !== undefined;
  const first = useLiveQuery(() => (loaded ? null : firstLibrarySummaries(sort, FIRST_SCREEN)), [loaded, sort]);
  useEffect(() => {
    // A one-way latch, set once: the whole list starts reading when the first screen has been read.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (first) setFirstShown(true);
  }, [first]);
  return useMemo(() => {
    if (all) return { films: all, total: all.length, complete: true };
    if (first) return { films: [...first.films].sort(compareFilmsBy(sort)), total: first.total, complete: false };
    return { films: undefined, total: undefined, complete: false };
  }, [all, first, sort]);
}

/** One film: undefined while loading, null when it does not exist. */
export function useFilm(id: string): Film | null | undefined {
  return useLiveQuery(async () => (await filmById(id)) ?? null, [id]);
}

export function useViewings(filmId: string): Viewing[] | undefined {
  return useLiveQuery(() => viewingsOfFilm(filmId), [filmId]);
}

export function useNotes(filmId: string): Annotation[] | undefined {
  return useLiveQuery(() => notesOfFilm(filmId), [filmId]);
}

/** Every tag in use with its film count; undefined while loading. */
export function useAllTags(): TagCount[] | undefined {
  return useLiveQuery(() => allTags(), []);
}
