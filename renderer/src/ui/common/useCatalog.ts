/** Live views of the catalog for components: each re-renders when the data it reads changes. */
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { Annotation } from '../../domain/annotation';
import type { Film } from '../../domain/film';
import type { FilmSummary } from '../../domain/film-summary';
import { compareFilmsBy, withFilmsReplaced, type LibrarySort } from '../../domain/library-sort';
import type { Viewing } from '../../domain/viewing';
import { changedSummaryIds, filmById, firstLibrarySummaries, librarySummaries, summariesByIds } from '../../db/films';
import { notesOfFilm } from '../../db/notes';
import { allTags } from '../../db/tags';
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

/**
 * Every film's summary in Library order, kept up to date change by change: after the first full read, a write
 * (here or in another window) re-reads only the summaries it touched and moves them into place, so rating one film
 * at 100,000 films does not re-read or re-sort the catalog. A new order re-sorts what is loaded.
 */
function useSortedSummaries(enabled: boolean, sort: LibrarySort): FilmSummary[] | undefined {
  const [sorted, setSorted] = useState<{ films: FilmSummary[]; sort: LibrarySort } | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    let active = true;
    let current: FilmSummary[] | undefined;
    const compare = compareFilmsBy(sort);
    const show = (films: FilmSummary[]) => {
      current = films;
      setSorted({ films, sort });
    };
    const reload = () => {
      librarySummaries().then(
        (films) => active && show(films.sort(compare)),
        (error: unknown) => console.error('The Library could not be read', error),
      );
    };
    const onMutated = (parts: Record<string, unknown>) => {
      const ids = changedSummaryIds(parts);
      if (ids === null) return;
      if (ids === 'all' || current === undefined) {
        reload();
        return;
      }
      summariesByIds(ids).then(
        (rows) => {
          if (!active || current === undefined) return;
          show(withFilmsReplaced(current, new Map(ids.map((id, index) => [id, rows[index] ?? null])), compare));
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
  }, [enabled, sort]);
  return sorted?.sort === sort ? sorted.films : undefined;
}

/**
 * Films in Library order. The first screenful comes from an index query while the whole list of summaries is read,
 * so a large catalog paints at once.
 */
export function useLibraryFilms(sort: LibrarySort): LibraryFilms {
  // The whole list is read only after the first screen: started together, the big read delays the small one.
  const [firstShown, setFirstShown] = useState(false);
  const all = useSortedSummaries(firstShown, sort);
  const loaded = all !== undefined;
  const first = useLiveQuery(() => (loaded ? null : firstLibrarySummaries(sort, FIRST_SCREEN)), [loaded, sort.by, sort.direction]);
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
