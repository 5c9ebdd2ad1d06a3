/** Live views of the catalog for components: each re-renders when the data it reads changes. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Annotation } from '../../domain/annotation';
import type { Film } from '../../domain/film';
import type { FilmSummary } from '../../domain/film-summary';
import { compareFilmsBy, type LibrarySort } from '../../domain/library-sort';
import type { Viewing } from '../../domain/viewing';
import { filmById, librarySummaries } from '../../db/films';
import { notesOfFilm } from '../../db/notes';
import { allTags } from '../../db/tags';
import { viewingsOfFilm } from '../../db/viewings';
import type { TagCount } from '../../domain/tags';

/** Films in Library order; undefined while loading. A new order re-sorts what is loaded, without a new read. */
export function useLibraryFilms(sort: LibrarySort): FilmSummary[] | undefined {
  const films = useLiveQuery(() => librarySummaries(), []);
  return useMemo(() => films && [...films].sort(compareFilmsBy(sort)), [films, sort]);
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
