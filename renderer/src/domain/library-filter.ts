/** Which films the Library shows: all, the watchlist or favourites, optionally only those with one tag. */
import type { Film } from './film';
import { tagKey } from './tags';

export const libraryShows = ['all', 'watchlist', 'favourites'] as const;
export type LibraryShow = (typeof libraryShows)[number];

export const libraryShowLabels: Readonly<Record<LibraryShow, string>> = {
  all: 'All films',
  watchlist: 'Watchlist',
  favourites: 'Favourites',
};

export interface LibraryFilter {
  show: LibraryShow;
  tag: string | null;
}

/** True when the film belongs in the filtered Library. */
export function filmMatchesFilter(film: Pick<Film, 'watchlist' | 'favourite' | 'tags'>, filter: LibraryFilter): boolean {
  if (filter.show === 'watchlist' && !film.watchlist) return false;
  if (filter.show === 'favourites' && !film.favourite) return false;
  if (filter.tag !== null) {
    const key = tagKey(filter.tag);
    if (!film.tags.some((tag) => tagKey(tag) === key)) return false;
  }
  return true;
}

export function parseLibraryShow(raw: unknown): LibraryShow {
  return libraryShows.includes(raw as LibraryShow) ? (raw as LibraryShow) : 'all';
}

/** Half-stars for a rating key in the Library: 1 = ½ star … 9 = 4½ stars, 0 = 5 stars. */
export function halfStarsFromDigitKey(key: string): number | null {
  if (!/^[0-9]$/.test(key)) return null;
  return key === '0' ? 10 : Number(key);
}
