/** Questions and changes about films. The UI reads these through live queries and never touches tables. */
import { MissingRecordError } from '../domain/errors';
import { derivedFilmKeys, newFilmRecord, type Film, type FilmFields } from '../domain/film';
import type { FilmSummary } from '../domain/film-summary';
import type { LibrarySort, LibrarySortKey } from '../domain/library-sort';
import { isHalfStars, type HalfStars } from '../domain/rating';
import type { Annotation } from '../domain/annotation';
import type { Copy, Loan } from '../domain/copy';
import type { ListEntry } from '../domain/list';
import type { PosterImage } from '../domain/poster';
import type { Viewing } from '../domain/viewing';
import { db, newId } from './index';

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

/** A key set from Dexie's storagemutated event: a tree of single keys and ranges. */
interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode;
  r?: RangeNode;
}

/**
 * Which film summaries a write changed, from Dexie's storagemutated event (fired for this window's writes and other
 * windows'): their ids, 'all' when a whole range changed (a clear, a restore), or null when none did.
 */
export function changedSummaryIds(parts: Readonly<Record<string, unknown>>): string[] | 'all' | null {
  const set = parts[`idb://${db.name}/filmSummaries/`] as RangeNode | undefined;
  if (!set) return null;
  const ids: string[] = [];
  const walk = (node: RangeNode | undefined): boolean => {
    if (!node) return true;
    if (!walk(node.l)) return false;
    if (node.from !== undefined) {
      if (typeof node.from !== 'string' || node.from !== node.to) return false;
      ids.push(node.from);
    }
    return walk(node.r);
  };
  if (!walk(set)) return 'all';
  return ids.length === 0 ? null : ids;
}

const sortIndexes: Readonly<Record<LibrarySortKey, string>> = { title: 'sortTitle', year: 'year', rating: 'rating', added: 'createdAt' };

/**
 * The first `limit` summaries in (about) the Library's order, read through the sort's index, and how many films
 * there are: what the first screen needs, fast even at 100,000 films. Films without a year or rating are not in
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

/** Adds a film from validated fields and returns its id. */
export async function addFilm(fields: FilmFields, now: Date = new Date()): Promise<string> {
  const film = newFilmRecord(fields, {}, newId(), now);
  await db.films.add(film);
  return film.id;
}

/** Replaces a film's editable fields, keeping its rating, notes, viewings and seed text. */
export async function updateFilm(id: string, fields: FilmFields, now: Date = new Date()): Promise<void> {
  const changed = await db.films.update(id, { ...fields, ...derivedFilmKeys(fields), updatedAt: now.toISOString() });
  if (changed === 0) throw new MissingRecordError('film');
}

/** Sets (1–10 half-stars) or clears (null) a film's rating. */
export async function rateFilm(id: string, rating: HalfStars | null, now: Date = new Date()): Promise<void> {
  if (rating !== null && !isHalfStars(rating)) {
    throw new RangeError(`A rating must be 0.5 to 5 stars; got ${String(rating)} half-stars.`);
  }
  const changed = await db.films.update(id, { rating, updatedAt: now.toISOString() });
  if (changed === 0) throw new MissingRecordError('film');
}

/** Everything removed with a film, kept so the deletion can be undone exactly. */
export interface DeletedFilm {
  film: Film;
  viewings: Viewing[];
  notes: Annotation[];
  listEntries: ListEntry[];
  copies: Copy[];
  loans: Loan[];
  posters: PosterImage[];
}

/** The tables that hold a film's own records, keyed by filmId. */
const filmOwnedTables = () => [db.viewings, db.notes, db.listEntries, db.copies, db.loans, db.posters] as const;

/**
 * Deletes a film with everything that belongs to it (viewings, notes, list places, copies, loans, posters) in one
 * transaction; returns what was removed, for undo.
 */
export function deleteFilm(id: string): Promise<DeletedFilm> {
  return db.transaction('rw', [db.films, ...filmOwnedTables()], async () => {
    const film = await db.films.get(id);
    if (!film) throw new MissingRecordError('film');
    const [viewings, notes, listEntries, copies, loans, posters] = await Promise.all([
      db.viewings.where('filmId').equals(id).toArray(),
      db.notes.where('filmId').equals(id).toArray(),
      db.listEntries.where('filmId').equals(id).toArray(),
      db.copies.where('filmId').equals(id).toArray(),
      db.loans.where('filmId').equals(id).toArray(),
      db.posters.where('filmId').equals(id).toArray(),
    ]);
    await Promise.all(filmOwnedTables().map((table) => table.where('filmId').equals(id).delete()));
    await db.films.delete(id);
    return { film, viewings, notes, listEntries, copies, loans, posters };
  });
}

/** Puts back a deleted film exactly as it was, in every list it was in. */
export function restoreDeletedFilm(deleted: DeletedFilm): Promise<void> {
  return db.transaction('rw', [db.films, ...filmOwnedTables()], async () => {
    await db.films.put(deleted.film);
    await db.viewings.bulkPut(deleted.viewings);
    await db.notes.bulkPut(deleted.notes);
    await db.listEntries.bulkPut(deleted.listEntries);
    await db.copies.bulkPut(deleted.copies);
    await db.loans.bulkPut(deleted.loans);
    await db.posters.bulkPut(deleted.posters);
  });
}
