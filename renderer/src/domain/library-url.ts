/**
 * A Library view as a URL search string ("q=godf&genre=Drama&sort=year&dir=desc") and back: the Library keeps its
 * view in the address (so Back and links restore it) and a smart list stores one.
 */
import type { LibraryView } from './library-query';
import { defaultLibrarySort, librarySortKeys, type LibrarySort, type LibrarySortKey } from './library-sort';
import { isHalfStars, type HalfStars } from './rating';

const listParams = { decade: 'decades', genre: 'genres', country: 'countries', language: 'languages', tag: 'tags', list: 'lists', format: 'formats' } as const;
const flagParams = ['watchlist', 'favourite', 'loaned', 'unrated'] as const;

function yearParam(raw: string | null): number | null {
  if (raw === null || !/^\d{4}$/.test(raw)) return null;
  return Number(raw);
}

function halfStarsParam(raw: string | null): HalfStars | null {
  const value = Number(raw);
  return raw !== null && isHalfStars(value) ? value : null;
}

/**
 * Reads a view from a URL search string ("q=godf&genre=Drama&sort=year&dir=desc"). Anything unrecognised is ignored
 * rather than refused: a hand-edited or old link still opens the Library. Without a sort, `fallbackSort` (the last
 * one used) applies.
 */
export function viewFromSearch(search: string, fallbackSort: LibrarySort = defaultLibrarySort): LibraryView {
  const params = new URLSearchParams(search);
  const decades = params
    .getAll('decade')
    .filter((raw) => /^\d{3}0$/.test(raw))
    .map(Number);
  const strings = (name: keyof typeof listParams) => [...new Set(params.getAll(name).filter((value) => value.trim() !== ''))];
  const watched = params.get('watched');
  const by = params.get('sort');
  const sort: LibrarySort = librarySortKeys.includes(by as LibrarySortKey)
    ? { by: by as LibrarySortKey, direction: params.get('dir') === 'desc' ? 'desc' : 'asc' }
    : fallbackSort;
  return {
    search: params.get('q') ?? '',
    filters: {
      yearFrom: yearParam(params.get('from')),
      yearTo: yearParam(params.get('to')),
      decades: [...new Set(decades)],
      genres: strings('genre'),
      countries: strings('country'),
      languages: strings('language'),
      ratingFrom: halfStarsParam(params.get('rmin')),
      ratingTo: halfStarsParam(params.get('rmax')),
      unrated: params.get('unrated') === '1',
      watched: watched === 'yes' ? 'watched' : watched === 'no' ? 'unwatched' : 'any',
      watchlist: params.get('watchlist') === '1',
      favourite: params.get('favourite') === '1',
      tags: strings('tag'),
      lists: strings('list'),
      formats: strings('format'),
      loaned: params.get('loaned') === '1',
    },
    sort,
  };
}

/** The URL search string of a view (without "?"); the inverse of viewFromSearch. The sort is always written. */
export function viewToSearch(view: LibraryView): string {
  const params = new URLSearchParams();
  const { filters } = view;
  if (view.search !== '') params.set('q', view.search);
  if (filters.yearFrom !== null) params.set('from', String(filters.yearFrom));
  if (filters.yearTo !== null) params.set('to', String(filters.yearTo));
  for (const [param, key] of Object.entries(listParams)) {
    for (const value of filters[key]) params.append(param, String(value));
  }
  if (filters.ratingFrom !== null) params.set('rmin', String(filters.ratingFrom));
  if (filters.ratingTo !== null) params.set('rmax', String(filters.ratingTo));
  if (filters.watched !== 'any') params.set('watched', filters.watched === 'watched' ? 'yes' : 'no');
  for (const flag of flagParams) if (filters[flag]) params.set(flag, '1');
  params.set('sort', view.sort.by);
  params.set('dir', view.sort.direction);
  return params.toString();
}
