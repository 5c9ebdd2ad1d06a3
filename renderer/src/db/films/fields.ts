/**
 * Changes to films as whole records: adding one, editing its fields, rating it, deleting it with everything it
 * owns and putting it back; and the same for many at once, for imports and Undo import. Changes to an existing film
 * go through changeFilm/changeFilms (./change), which stamp updatedAt and refuse a film that is gone.
 */
import { MissingRecordError } from '../../domain/errors';
import { derivedFilmKeys, newFilmRecord, type Film, type FilmFields } from '../../domain/film';
import { isHalfStars, type HalfStars } from '../../domain/rating';
import type { Annotation } from '../../domain/annotation';
import type { Copy, Loan } from '../../domain/copy';
import type { ListEntry } from '../../domain/list';
import type { PosterImage } from '../../domain/poster';
import type { Viewing } from '../../domain/viewing';
import { db, newId } from '../index';
import { changeFilm } from './change';

/** Adds a film from validated fields and returns its id. */
export async function addFilm(fields: FilmFields, now: Date = new Date()): Promise<string> {
  const film = newFilmRecord(fields, {}, newId(), now);
  await db.films.add(film);
  return film.id;
}

/** Replaces a film's editable fields, keeping its rating, notes, viewings and seed text. */
export function updateFilm(id: string, fields: FilmFields, now: Date = new Date()): Promise<void> {
  return changeFilm(id, { ...fields, ...derivedFilmKeys(fields) }, now);
}

/** Sets (1–10 half-stars) or clears (null) a film's rating. */
export async function rateFilm(id: string, rating: HalfStars | null, now: Date = new Date()): Promise<void> {
  if (rating !== null && !isHalfStars(rating)) {
    throw new RangeError(`A rating must be 0.5 to 5 stars; got ${String(rating)} half-stars.`);
  }
  await changeFilm(id, { rating }, now);
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

/**
 * Adds whole film records already built and checked (newFilmRecord, then the record schemas), in one bulkAdd: an
 * import's new films, inside the import's transaction.
 */
export async function addFilmRecords(films: readonly Film[]): Promise<void> {
  await db.films.bulkAdd(films);
}

/**
 * Deletes films with everything that belongs to them, in one transaction (joining the caller's, as Undo import's),
 * returning nothing: unlike deleteFilm there is no undo to feed.
 */
export function deleteFilms(ids: readonly string[]): Promise<void> {
  return db.transaction('rw', [db.films, ...filmOwnedTables()], async () => {
    if (ids.length === 0) return;
    for (const table of filmOwnedTables()) await table.where('filmId').anyOf(ids).delete();
    await db.films.bulkDelete([...ids]);
  });
}
