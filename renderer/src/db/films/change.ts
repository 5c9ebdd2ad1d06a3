/**
 * The one place an existing film record is changed. Every write to a film — its fields, rating, flags, tags,
 * poster, an import's changes and their undoing — comes through here, so each stamps updatedAt and the change time
 * of every field it really changes (what sync merges by) the same way, and refuses a film that is gone (deleted in
 * another window, or by an earlier action) with the same MissingRecordError. Nothing else in db/ calls
 * db.films.update or bulkUpdate.
 */
import { MissingRecordError } from '../../domain/errors';
import { stampedFilmChanges, type Film } from '../../domain/film';
import { db } from '../index';

/** What a write may change on a film: anything but its id and the timestamps kept here. */
export type FilmChanges = Partial<Omit<Film, 'id' | 'createdAt' | 'updatedAt' | 'fieldChangedAt'>>;

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

/** Changes one film and stamps its change times; MissingRecordError (nothing written) when it is gone. */
export function changeFilm(id: string, changes: FilmChanges, now: Date): Promise<void> {
  return db.transaction('rw', db.films, async () => {
    const film = await requireFilm(id);
    await db.films.update(id, stampedFilmChanges(film, changes, now.toISOString()));
  });
}

/**
 * Changes many films in one transaction, each stamped with the same time, and returns how many it changed.
 * A film that is gone is refused (MissingRecordError, nothing written) unless `ifGone` is 'skip': a stale selection
 * or an Undo then changes the films that are still there, as it always has. Inside a caller's transaction (an
 * import) this joins it, so a refusal rolls the whole import back.
 */
export function changeFilms(films: readonly FilmChangesOf[], now: Date, ifGone: 'refuse' | 'skip' = 'refuse'): Promise<number> {
  const at = now.toISOString();
  return db.transaction('rw', db.films, async () => {
    const current = await db.films.bulkGet(films.map(({ id }) => id));
    if (ifGone === 'refuse' && current.includes(undefined)) throw new MissingRecordError('film');
    const updates = films.flatMap(({ id, changes }, index) => {
      const film = current[index];
      return film ? [{ key: id, changes: stampedFilmChanges(film, changes, at) }] : [];
    });
    return db.films.bulkUpdate(updates);
  });
}
