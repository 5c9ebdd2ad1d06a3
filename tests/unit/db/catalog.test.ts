import { beforeEach, describe, expect, it } from 'vitest';
import { addFilm, deleteFilm, filmById, librarySummaries, rateFilm, restoreDeletedFilm, updateFilm } from '../../../renderer/src/db/films';
import { compareFilmsBy } from '../../../renderer/src/domain/library-sort';
import { db } from '../../../renderer/src/db/index';
import { addNote, deleteNote, notesOfFilm, restoreNote, updateNote } from '../../../renderer/src/db/notes';
import { SEED_FILM_ID } from '../../../renderer/src/db/seed';
import { deleteViewing, logViewing, restoreViewing, viewingsOfFilm } from '../../../renderer/src/db/viewings';
import { CinefileDb } from '../../../renderer/src/db/schema';
import { alienFields, freshCatalog } from '../../fixtures/catalog';

const alien = alienFields;

beforeEach(freshCatalog);

/** The films as the Library lists them by default. */
const libraryInTitleOrder = async () => (await librarySummaries()).sort(compareFilmsBy({ by: 'title', direction: 'asc' }));

describe('a new catalog', () => {
  it('opens with Red Hot (1993) as its first and only entry', async () => {
    const films = await libraryInTitleOrder();
    expect(films.map((film) => [film.title, film.year])).toEqual([['Red Hot', 1993]]);
    expect(films[0]?.directors).toEqual(['Paul Haggis']);
    // The Library lists summaries; the film's page reads the whole record.
    const redHot = await filmById(films[0]!.id);
    expect(redHot?.cast).toHaveLength(11);
    expect(redHot?.sections.map((section) => section.heading)).toEqual([
      'Plot', 'Dispute', 'Resolution', 'Crucial Reception', 'Conclusion',
    ]);
    expect(films[0]?.poster).toEqual({ kind: 'bundled', name: 'red-hot' });
  });

  it('does not seed again once the person has deleted Red Hot', async () => {
    await deleteFilm(SEED_FILM_ID);
    db.close();
    await db.open();
    expect(await filmById(SEED_FILM_ID)).toBeUndefined();
    // A second connection, as after a restart, sees the same catalog.
    const reopened = new CinefileDb();
    await reopened.open();
    expect(await reopened.films.count()).toBe(0);
    reopened.close();
  });
});

describe('films', () => {
  it('adds a film that then appears in the Library in title order', async () => {
    const id = await addFilm(alien);
    const films = await libraryInTitleOrder();
    expect(films.map((film) => film.title)).toEqual(['Alien', 'Red Hot']);
    const saved = await filmById(id);
    expect(saved).toMatchObject({ ...alien, rating: null, sortTitle: 'alien', poster: null });
    expect(saved?.createdAt).toBe(saved?.updatedAt);
  });

  it('edits fields without touching rating or seed text, and re-sorts by the new title', async () => {
    await rateFilm(SEED_FILM_ID, 9);
    const before = await filmById(SEED_FILM_ID);
    await updateFilm(SEED_FILM_ID, { ...alien, title: 'The Red Hot', year: 1993 }, new Date('2030-01-01T00:00:00Z'));
    const after = await filmById(SEED_FILM_ID);
    expect(after).toMatchObject({ title: 'The Red Hot', sortTitle: 'red hot', rating: 9, updatedAt: '2030-01-01T00:00:00.000Z' });
    expect(after?.sections).toEqual(before?.sections);
    expect(after?.tagline).toBe(before?.tagline);
  });

  it('rates in half-stars, clears, and refuses out-of-range ratings leaving the old one', async () => {
    await rateFilm(SEED_FILM_ID, 9);
    expect((await filmById(SEED_FILM_ID))?.rating).toBe(9);
    await expect(rateFilm(SEED_FILM_ID, 11 as never)).rejects.toThrow(/0\.5 to 5 stars; got 11/);
    expect((await filmById(SEED_FILM_ID))?.rating).toBe(9);
    await rateFilm(SEED_FILM_ID, null);
    expect((await filmById(SEED_FILM_ID))?.rating).toBeNull();
  });

  it('says so when editing or rating a film that was deleted', async () => {
    await expect(updateFilm('gone', alien)).rejects.toThrow('This film no longer exists');
    await expect(rateFilm('gone', 4)).rejects.toThrow('This film no longer exists');
  });

  it('deletes a film with its viewings and notes, and undo restores all of it exactly', async () => {
    await rateFilm(SEED_FILM_ID, 7);
    await logViewing(SEED_FILM_ID, '2026-11-01');
    await addNote(SEED_FILM_ID, 'Loved the *music*.');
    const before = {
      film: await filmById(SEED_FILM_ID),
      viewings: await viewingsOfFilm(SEED_FILM_ID),
      notes: await notesOfFilm(SEED_FILM_ID),
    };

    const deleted = await deleteFilm(SEED_FILM_ID);
    expect(await filmById(SEED_FILM_ID)).toBeUndefined();
    expect(await db.viewings.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);

    await restoreDeletedFilm(deleted);
    expect({
      film: await filmById(SEED_FILM_ID),
      viewings: await viewingsOfFilm(SEED_FILM_ID),
      notes: await notesOfFilm(SEED_FILM_ID),
    }).toEqual(before);
  });
});

describe('viewings and notes', () => {
  it('lists viewings newest first and can remove and restore one', async () => {
    await logViewing(SEED_FILM_ID, '2025-05-01');
    const latest = await logViewing(SEED_FILM_ID, '2026-11-20');
    expect((await viewingsOfFilm(SEED_FILM_ID)).map((v) => v.watchedOn)).toEqual(['2026-11-20', '2025-05-01']);
    const removed = await deleteViewing(latest);
    expect((await viewingsOfFilm(SEED_FILM_ID)).map((v) => v.watchedOn)).toEqual(['2025-05-01']);
    await restoreViewing(removed!);
    expect(await viewingsOfFilm(SEED_FILM_ID)).toHaveLength(2);
  });

  it('refuses a viewing or note for a film that does not exist', async () => {
    await expect(logViewing('gone', '2026-01-01')).rejects.toThrow('no longer exists');
    await expect(addNote('gone', 'hello')).rejects.toThrow('no longer exists');
    expect(await db.viewings.count()).toBe(0);
  });

  it('stamps notes with created and edited times, newest first', async () => {
    const first = await addNote(SEED_FILM_ID, 'First', new Date('2026-01-01T10:00:00Z'));
    await addNote(SEED_FILM_ID, 'Second', new Date('2026-01-02T10:00:00Z'));
    await updateNote(first, 'First, revised', new Date('2026-01-03T10:00:00Z'));
    const notes = await notesOfFilm(SEED_FILM_ID);
    expect(notes.map((note) => note.body)).toEqual(['Second', 'First, revised']);
    expect(notes[1]).toMatchObject({ createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-03T10:00:00.000Z' });
    const removed = await deleteNote(first);
    expect(await notesOfFilm(SEED_FILM_ID)).toHaveLength(1);
    await restoreNote(removed!);
    expect(await notesOfFilm(SEED_FILM_ID)).toHaveLength(2);
  });
});
