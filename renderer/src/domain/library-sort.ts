/** How the Library orders films: by title (ignoring leading articles), year, rating, date added, last watched or runtime. */
import type { Film } from './film';
import type { FilmFacets } from './film-summary';

export const librarySortKeys = ['title', 'year', 'rating', 'added', 'watched', 'runtime'] as const;
export type LibrarySortKey = (typeof librarySortKeys)[number];
export type SortDirection = 'asc' | 'desc';

export interface LibrarySort {
  by: LibrarySortKey;
  direction: SortDirection;
}

export const defaultLibrarySort: LibrarySort = { by: 'title', direction: 'asc' };

export const librarySortLabels: Readonly<Record<LibrarySortKey, string>> = {
  title: 'Title',
  year: 'Year',
  rating: 'Rating',
  added: 'Date added',
  watched: 'Last watched',
  runtime: 'Runtime',
};

type SortableFilm = Pick<Film, 'sortTitle' | 'year' | 'rating' | 'createdAt' | 'id' | 'runtimeMinutes'> & Pick<FilmFacets, 'lastWatched'>;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compareTitles(a: SortableFilm, b: SortableFilm): number {
  return collator.compare(a.sortTitle, b.sortTitle) || a.id.localeCompare(b.id);
}

function primaryValue(film: SortableFilm, by: LibrarySortKey): number | string | null {
  switch (by) {
    case 'year':
      return film.year;
    case 'rating':
      return film.rating;
    case 'added':
      return film.createdAt;
    case 'watched':
      return film.lastWatched;
    case 'runtime':
      return film.runtimeMinutes;
    case 'title':
      return null;
  }
}

/**
 * Comparator for a Library sort. Films with no year, rating, dated viewing or runtime go last in either direction, and ties fall back
 * to title order so the list never shuffles between renders.
 */
export function compareFilmsBy(sort: LibrarySort): (a: SortableFilm, b: SortableFilm) => number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  if (sort.by === 'title') return (a, b) => sign * compareTitles(a, b);
  return (a, b) => {
    const x = primaryValue(a, sort.by);
    const y = primaryValue(b, sort.by);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
      return compareTitles(a, b);
    }
    if (x < y) return -sign;
    if (x > y) return sign;
    return compareTitles(a, b);
  };
}

/** Reads a stored sort back, falling back to the default for anything unrecognised. */
export function parseLibrarySort(value: unknown): LibrarySort {
  if (typeof value !== 'object' || value === null) return defaultLibrarySort;
  const { by, direction } = value as Record<string, unknown>;
  if (!librarySortKeys.includes(by as LibrarySortKey)) return defaultLibrarySort;
  if (direction !== 'asc' && direction !== 'desc') return defaultLibrarySort;
  return { by: by as LibrarySortKey, direction };
}

/**
 * A sorted list with some films replaced (by id): changed ones moved to where they now belong, removed ones (null)
 * taken out, new ones inserted — by binary search, so one rating at 100,000 films costs a scan, not a re-sort.
 */
export function withFilmsReplaced<T extends SortableFilm>(sorted: readonly T[], changes: ReadonlyMap<string, T | null>, compare: (a: T, b: T) => number): T[] {
  const result = sorted.filter((film) => !changes.has(film.id));
  for (const film of changes.values()) {
    if (film === null) continue;
    let low = 0;
    let high = result.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(result[middle]!, film) <= 0) low = middle + 1;
      else high = middle;
    }
    result.splice(low, 0, film);
  }
  return result;
}
