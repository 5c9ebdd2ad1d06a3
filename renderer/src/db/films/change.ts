/**
 * The one place an existing film record is changed. Every write to a film — its fields, rating, flags, tags,
 * poster, an import's changes and their undoing — comes through here, so each stamps updatedAt the same way and
 * refuses a film that is gone (deleted in another window, or by an earlier action) with the same MissingRecordError.
 * Nothing else in db/ calls db.films.update or bulkUpdate.
 */
import { MissingRecordError } from '../../domain/errors';
import type { Film } from '../../domain/film';
import { db } from '../index';

/** What a write may change on a film: anything but its id and the timestamps kept here. */
export type FilmChanges = Partial<Omit<Film, 'id' | 'createdAt' | 'updatedAt'>>;

/** One film's changes, in a write to many. */
export interface FilmChangesOf {
  id: string;
  changes: FilmChanges;
}

/** The film, read to decide a change; MissingRecordError when it is gone. */
export async function requireFilm(id: string): Promise<Film> {
  const film = await db.films.get(id);
  if (!film) throw new MissingRecordError('film');
  return film;
}

/** Changes one film and stamps its updatedAt; MissingRecordError (nothing written) when it is gone. */
export async function changeFilm(id: string, changes: FilmChanges, now: Date): Promise<void> {
  const changed = await db.films.update(id, { ...changes, updatedAt: now.toISOString() });
  if (changed === 0) throw new MissingRecordError('film');
}

/**
 * Changes many films in one transaction, each stamped with the same updatedAt, and returns how many it changed.
 * A film that is gone is refused (MissingRecordError, nothing written) unless `ifGone` is 'skip': a stale selection
 * or an Undo then changes the films that are still there, as it always has. Inside a caller's transaction (an
 * import) this joins it, so a refusal rolls the whole import back.
 */
export function changeFilms(films: readonly FilmChangesOf[], now: Date, ifGone: 'refuse' | 'skip' = 'refuse'): Promise<number> {
  const updatedAt = now.toISOString();
  return db.transaction('rw', db.films, async () => {
    const changed = await db.films.bulkUpdate(films.map(({ id, changes }) => ({ key: id, changes: { ...changes, updatedAt } })));
    if (ifGone === 'refuse' && changed < films.length) throw new MissingRecordError('film');
    return changed;
  });
}
