/** Viewings: the record that a film was watched on a day. */
import { compareViewingsNewestFirst, type Viewing } from '../domain/viewing';
import { db, newId } from './index';

/** A film's viewings, newest first. */
export async function viewingsOfFilm(filmId: string): Promise<Viewing[]> {
  const viewings = await db.viewings.where('filmId').equals(filmId).toArray();
  return viewings.sort(compareViewingsNewestFirst);
}

/** Logs a viewing on a validated YYYY-MM-DD date. */
export async function logViewing(filmId: string, watchedOn: string, now: Date = new Date()): Promise<string> {
  return db.transaction('rw', [db.films, db.viewings], async () => {
    if (!(await db.films.get(filmId))) throw new Error('This film no longer exists; it may have been deleted.');
    const earlier = await db.viewings.where('filmId').equals(filmId).count();
    const timestamp = now.toISOString();
    const viewing: Viewing = {
      id: newId(),
      filmId,
      watchedOn,
      rewatch: earlier > 0,
      rating: null,
      medium: null,
      note: '',
      createdAt: timestamp,
      updatedAt: timestamp,
    };
    await db.viewings.add(viewing);
    return viewing.id;
  });
}

/** Removes one viewing; returns it so the removal can be undone. */
export async function deleteViewing(id: string): Promise<Viewing | undefined> {
  return db.transaction('rw', db.viewings, async () => {
    const viewing = await db.viewings.get(id);
    await db.viewings.delete(id);
    return viewing;
  });
}

/** Puts back a removed viewing. */
export async function restoreViewing(viewing: Viewing): Promise<void> {
  await db.viewings.put(viewing);
}
