import { beforeEach, describe, expect, it } from 'vitest';
import { addFilm, deleteFilm, restoreDeletedFilm } from '../../../renderer/src/db/films';
import { db } from '../../../renderer/src/db/index';
import {
  addFilmsToList,
  allLists,
  createList,
  deleteList,
  entriesOfList,
  listById,
  listsOfFilm,
  moveEntry,
  removeEntry,
  restoreDeletedList,
  restoreEntry,
  setEntryNote,
  updateList,
} from '../../../renderer/src/db/lists';
import { SEED_FILM_ID } from '../../../renderer/src/db/seed';
import { logViewing } from '../../../renderer/src/db/viewings';
import { filmFields, freshCatalog } from '../../fixtures/catalog';

const film = (title: string, year: number) => filmFields(title, { year });

beforeEach(freshCatalog);

const titlesOf = async (listId: string) => (await entriesOfList(listId)).map((row) => row.film.title);

/** A ranked list holding Red Hot, Alien and Heat, in that order. */
async function threeFilmList() {
  const alien = await addFilm(film('Alien', 1979));
  const heat = await addFilm(film('Heat', 1995));
  const listId = await createList({ name: 'Best', description: '', ranked: true });
  await addFilmsToList(listId, [SEED_FILM_ID, alien, heat]);
  return { listId, alien, heat };
}

describe('lists', () => {
  it('creates, renames, describes and unranks a list, refusing a bad name without changing it', async () => {
    const id = await createList({ name: ' Best of 1993 ', description: '', ranked: true }, new Date('2026-01-01T00:00:00Z'));
    expect(await listById(id)).toMatchObject({ name: 'Best of 1993', description: '', ranked: true });

    await updateList(id, { name: 'Favourites of 1993', description: 'The year of Red Hot.' }, new Date('2026-02-01T00:00:00Z'));
    await updateList(id, { ranked: false });
    expect(await listById(id)).toMatchObject({ name: 'Favourites of 1993', description: 'The year of Red Hot.', ranked: false });

    await expect(updateList(id, { name: '  ' })).rejects.toThrow('A list needs a name.');
    await expect(createList({ name: 'x'.repeat(201), description: '', ranked: false })).rejects.toThrow(/201 characters/);
    expect((await listById(id))?.name).toBe('Favourites of 1993');
    expect(await db.lists.count()).toBe(1);
  });

  it('lists every list by name with its film count and how many of them were seen', async () => {
    const { listId } = await threeFilmList();
    await createList({ name: 'Abandoned', description: '', ranked: false });
    await logViewing(SEED_FILM_ID, '2026-01-02');
    await logViewing(SEED_FILM_ID, '2026-01-03');
    const summaries = await allLists();
    expect(summaries.map((s) => [s.list.name, s.filmCount, s.seenCount])).toEqual([
      ['Abandoned', 0, 0],
      ['Best', 3, 1],
    ]);
    expect(summaries[1]?.list.id).toBe(listId);
  });

  it('deletes a list without touching its films, and Undo brings it back in the same order', async () => {
    const { listId } = await threeFilmList();
    await moveEntry(listId, (await entriesOfList(listId))[2]!.entry.id, 0);
    const deleted = await deleteList(listId);
    expect(await listById(listId)).toBeUndefined();
    expect(await db.listEntries.count()).toBe(0);
    expect(await db.films.count()).toBe(3);

    await restoreDeletedList(deleted);
    expect(await titlesOf(listId)).toEqual(['Heat', 'Red Hot', 'Alien']);
  });
});

describe('films in a list', () => {
  it('adds films at the end, skipping those already in it and reporting both counts', async () => {
    const { listId, alien } = await threeFilmList();
    const extra = await addFilm(film('Zodiac', 2007));
    expect(await addFilmsToList(listId, [alien, extra, extra, SEED_FILM_ID])).toEqual({ added: 1, alreadyIn: 2 });
    expect(await titlesOf(listId)).toEqual(['Red Hot', 'Alien', 'Heat', 'Zodiac']);
    expect(await addFilmsToList(listId, [extra])).toEqual({ added: 0, alreadyIn: 1 });
  });

  it('joins each entry with its film and marks the ones seen', async () => {
    const { listId, heat } = await threeFilmList();
    await logViewing(heat, '2026-03-01');
    const rows = await entriesOfList(listId);
    expect(rows.map((row) => [row.film.title, row.film.year, row.seen])).toEqual([
      ['Red Hot', 1993, false],
      ['Alien', 1979, false],
      ['Heat', 1995, true],
    ]);
    expect(rows[0]?.film.poster).toEqual({ kind: 'bundled', name: 'red-hot' });
  });

  it('moves entries down and up, keeping the order once saved', async () => {
    const { listId } = await threeFilmList();
    const [redHot, , heat] = await entriesOfList(listId);
    expect(await moveEntry(listId, redHot!.entry.id, 2)).toEqual({ from: 0, to: 2 });
    expect(await titlesOf(listId)).toEqual(['Alien', 'Heat', 'Red Hot']);
    await moveEntry(listId, heat!.entry.id, 0);
    expect(await titlesOf(listId)).toEqual(['Heat', 'Alien', 'Red Hot']);
    expect(await moveEntry(listId, heat!.entry.id, 99)).toEqual({ from: 0, to: 2 });
    expect(await titlesOf(listId)).toEqual(['Alien', 'Red Hot', 'Heat']);
    expect((await db.listEntries.toArray()).map((e) => e.position).sort()).toEqual([0, 1, 2]);
  });

  it('removes an entry and Undo puts it back at the same place with its note, even after a reorder', async () => {
    const { listId } = await threeFilmList();
    const [, alien, heat] = await entriesOfList(listId);
    await setEntryNote(alien!.entry.id, ' The one that started it. ');
    const removed = await removeEntry(alien!.entry.id);
    expect(await titlesOf(listId)).toEqual(['Red Hot', 'Heat']);
    await moveEntry(listId, heat!.entry.id, 0);
    await restoreEntry(removed!);
    expect(await titlesOf(listId)).toEqual(['Heat', 'Alien', 'Red Hot']);
    expect((await entriesOfList(listId))[1]?.entry.note).toBe('The one that started it.');
  });

  it('sets and clears an entry note, refusing one that is too long', async () => {
    const { listId } = await threeFilmList();
    const [first] = await entriesOfList(listId);
    await setEntryNote(first!.entry.id, 'Watch with the sound up.');
    await expect(setEntryNote(first!.entry.id, 'n'.repeat(2001))).rejects.toThrow(/2,001 characters/);
    expect((await entriesOfList(listId))[0]?.entry.note).toBe('Watch with the sound up.');
    await setEntryNote(first!.entry.id, '');
    expect((await entriesOfList(listId))[0]?.entry.note).toBe('');
  });

  it('tells which lists a film is in, and where', async () => {
    const { listId, heat } = await threeFilmList();
    const other = await createList({ name: 'Another', description: '', ranked: false });
    await addFilmsToList(other, [heat]);
    expect((await listsOfFilm(heat)).map((place) => [place.list.name, place.rank])).toEqual([
      ['Another', 1],
      ['Best', 3],
    ]);
    await moveEntry(listId, (await entriesOfList(listId))[2]!.entry.id, 0);
    expect((await listsOfFilm(heat)).find((place) => place.list.id === listId)?.rank).toBe(1);
  });

  it('loses a deleted film from its lists, and Undo of the deletion puts it back at the same position', async () => {
    const { listId, alien } = await threeFilmList();
    const [, alienRow] = await entriesOfList(listId);
    await setEntryNote(alienRow!.entry.id, 'Still scary.');
    const deleted = await deleteFilm(alien);
    expect(await titlesOf(listId)).toEqual(['Red Hot', 'Heat']);
    expect((await allLists())[0]?.filmCount).toBe(2);

    await restoreDeletedFilm(deleted);
    expect(await titlesOf(listId)).toEqual(['Red Hot', 'Alien', 'Heat']);
    expect((await entriesOfList(listId))[1]?.entry.note).toBe('Still scary.');
  });
});
