/**
 * Questions about films, for the Library and the film page: the compact summaries the Library lists from, which of
 * them a write changed, and one whole film. The UI reads these through live queries and never touches tables.
 */
import type { Film } from '../../domain/film';
import type { FilmSummary } from '../../domain/film-summary';
import type { LibrarySort, LibrarySortKey } from '../../domain/library-sort';
import { db } from '../index';
import { changedKeys } from '../changed-keys';

/**
 * Every film's summary (the compact projection the Library lists from), in no particular order: the Library sorts
 * in memory (compareFilmsBy), so a new order reads nothing, and no full record (cast, sections) is read to list.
 */
export function librarySummaries(): Promise<FilmSummary[]> {
  return db.filmSummaries.toArray();
}


/** The summaries of these films (undefined for one deleted meanwhile), in the order asked. */
export function summariesByIds(ids: readonly string[]): Promise<(FilmSummary | undefined)[]> {
  return db.filmSummaries.bulkGet([...ids]);
}

/**
 * Which film summaries a write changed, from Dexie's storagemutated event (fired for this window's writes and other
 * windows'): their ids, 'all' when a whole range changed (a clear, a restore), or null when none did.
 */
export function changedSummaryIds(parts: Readonly<Record<string, unknown>>): string[] | 'all' | null {
  const ids = changedKeys(parts, db.name, 'filmSummaries');
  return ids !== 'all' && ids?.length === 0 ? null : ids;
}

const sortIndexes: Readonly<Record<LibrarySortKey, string>> = {
  title: 'sortTitle',
  year: 'year',
  rating: 'rating',
  added: 'createdAt',
  watched: 'lastWatched',
  runtime: 'runtimeMinutes',
};

/**
 * The first `limit` summaries in (about) the Library's order, read through the sort's index, and how many films
 * there are: what the first screen needs, fast even at 100,000 films. Films without a year, rating, dated viewing or
 * runtime are not in
 * those indexes; they sort last anyway, and the whole list (librarySummaries) follows at once.
 */
export async function firstLibrarySummaries(sort: LibrarySort, limit: number): Promise<{ films: FilmSummary[]; total: number }> {
  const ordered = db.filmSummaries.orderBy(sortIndexes[sort.by]);
  const [films, total] = await Promise.all([(sort.direction === 'desc' ? ordered.reverse() : ordered).limit(limit).toArray(), db.filmSummaries.count()]);
  return { films, total };
}

/** One film, or undefined when it does not exist (deleted, or a stale link). */
export function filmById(id: string): Promise<Film | undefined> {
  return db.films.get(id);
}
