/** Notes (annotations) on films. */
import { MissingRecordError } from '../domain/errors';
import { compareNotesNewestFirst, type Annotation } from '../domain/annotation';
import { db, newId } from './index';

/** A film's notes, newest first. */
export async function notesOfFilm(filmId: string): Promise<Annotation[]> {
  const notes = await db.notes.where('filmId').equals(filmId).toArray();
  return notes.sort(compareNotesNewestFirst);
}

/** Adds a note with a validated Markdown body. */
export async function addNote(filmId: string, body: string, now: Date = new Date()): Promise<string> {
  return db.transaction('rw', [db.films, db.notes], async () => {
    if (!(await db.films.get(filmId))) throw new MissingRecordError('film');
    const timestamp = now.toISOString();
    const note: Annotation = { id: newId(), filmId, body, createdAt: timestamp, updatedAt: timestamp };
    await db.notes.add(note);
    return note.id;
  });
}

/** Replaces a note's body and stamps the edit time. */
export async function updateNote(id: string, body: string, now: Date = new Date()): Promise<void> {
  const changed = await db.notes.update(id, { body, updatedAt: now.toISOString() });
  if (changed === 0) throw new MissingRecordError('note');
}

/** Deletes a note; returns it so the deletion can be undone. */
export async function deleteNote(id: string): Promise<Annotation | undefined> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    await db.notes.delete(id);
    return note;
  });
}

/** Puts back a deleted note. */
export async function restoreNote(note: Annotation): Promise<void> {
  await db.notes.put(note);
}
