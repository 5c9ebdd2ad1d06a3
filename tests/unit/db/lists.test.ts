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
import type { ListEntry } from '../../../renderer/src/domain/list';
import { filmFields, freshCatalog } from '../../fixtures/catalog';

const film = (title: string, year: number) => filmFields(title, { year });

beforeEach(freshCatalog);

const titlesOf = async (listId: string) => (await entriesOfList(listId)).map((row) => row.film.title);

/** The ids of the entries whose stored record differs between two readings of the table. */
function changedEntries(before: readonly ListEntry[], after: readonly ListEntry[]): string[] {
  const old = new Map(before.map((entry) => [entry.id, JSON.stringify(entry)]));
  return after.filter((entry) => old.get(entry.id) !== JSON.stringify(entry)).map((entry) => entry.id);
}

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

  it('ranks added films after the last one, in the order given, stamped with when they were added', async () => {
    const { listId } = await threeFilmList();
    const now = new Date('2026-05-01T10:00:00Z');
    const zodiac = await addFilm(film('Zodiac', 2007));
    const thief = await addFilm(film('Thief', 1981));
    await addFilmsToList(listId, [zodiac, thief], now);
    const entries = (await entriesOfList(listId)).map((row) => row.entry);
    const ranks = entries.map((entry) => entry.rank);
    expect(entries.map((entry) => entry.filmId).slice(3)).toEqual([zodiac, thief]);
    expect(new Set(ranks).size).toBe(5);
    expect([...ranks].sort()).toEqual(ranks);
    expect(entries.slice(3).map((entry) => [entry.addedAt, entry.updatedAt])).toEqual([
      [now.toISOString(), now.toISOString()],
      [now.toISOString(), now.toISOString()],
    ]);
    expect(entries.every((entry) => !('position' in entry))).toBe(true);
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

  it('moves entries down and up, keeping the order once saved, each move writing the moved entry alone', async () => {
    const { listId } = await threeFilmList();
    const [redHot, alien, heat] = await entriesOfList(listId);
    const moved = async (entryId: string, to: number, now: Date) => {
      const before = await db.listEntries.toArray();
      const result = await moveEntry(listId, entryId, to, now);
      const after = await db.listEntries.toArray();
      if (result.from !== result.to) {
        expect(changedEntries(before, after)).toEqual([entryId]);
        expect(after.find((entry) => entry.id === entryId)?.updatedAt).toBe(now.toISOString());
      } else expect(changedEntries(before, after)).toEqual([]);
      return result;
    };
    expect(await moved(redHot!.entry.id, 2, new Date('2026-04-01T00:00:00Z'))).toEqual({ from: 0, to: 2 });
    expect(await titlesOf(listId)).toEqual(['Alien', 'Heat', 'Red Hot']);
    await moved(heat!.entry.id, 0, new Date('2026-04-02T00:00:00Z'));
    expect(await titlesOf(listId)).toEqual(['Heat', 'Alien', 'Red Hot']);
    expect(await moved(heat!.entry.id, 99, new Date('2026-04-03T00:00:00Z'))).toEqual({ from: 0, to: 2 });
    expect(await titlesOf(listId)).toEqual(['Alien', 'Red Hot', 'Heat']);
    expect(await moved(alien!.entry.id, 0, new Date('2026-04-04T00:00:00Z'))).toEqual({ from: 0, to: 0 });
    expect((await listById(listId))?.updatedAt).toBe('2026-04-03T00:00:00.000Z');
  });

  it('moves a film into a run of tied ranks (two devices added at once) re-ranking only that run', async () => {
    const { listId, alien, heat } = await threeFilmList();
    const zodiac = await addFilm(film('Zodiac', 2007));
    await addFilmsToList(listId, [zodiac]);
    // As sync could leave it: Alien and Heat share a rank (ordered by id between them), the others keep theirs.
    const rows = await entriesOfList(listId);
    const tiedRank = rows[1]!.entry.rank;
    await db.listEntries.update(rows[2]!.entry.id, { rank: tiedRank });
    const order = await titlesOf(listId);
    const tied = order.slice(1, 3);
    expect(tied.sort()).toEqual(['Alien', 'Heat']);
    const before = await db.listEntries.toArray();
    await moveEntry(listId, (await entriesOfList(listId))[3]!.entry.id, 2);
    expect(await titlesOf(listId)).toEqual([order[0], order[1], 'Zodiac', order[2]]);
    const changed = changedEntries(before, await db.listEntries.toArray());
    const entryOf = (filmId: string) => before.find((entry) => entry.filmId === filmId)!.id;
    expect(changed).toContain(entryOf(zodiac));
    expect(changed).toHaveLength(2);
    expect(changed.every((id) => [entryOf(zodiac), entryOf(alien), entryOf(heat)].includes(id))).toBe(true);
  });

  it('removes an entry and Undo puts it back at the same place with its note, even after a reorder', async () => {
    const { listId } = await threeFilmList();
    const [, alien, heat] = await entriesOfList(listId);
    await setEntryNote(alien!.entry.id, ' The one that started it. ');
    const removed = await removeEntry(alien!.entry.id);
    expect(await titlesOf(listId)).toEqual(['Red Hot', 'Heat']);
    await moveEntry(listId, heat!.entry.id, 0);
    await restoreEntry(removed!);
    // Back by its rank: after Red Hot, which it followed; Heat, which it preceded, has moved away to the top.
    expect(await titlesOf(listId)).toEqual(['Heat', 'Red Hot', 'Alien']);
    expect((await db.listEntries.get(alien!.entry.id))?.rank).toBe(alien!.entry.rank);
    expect((await entriesOfList(listId))[2]?.entry.note).toBe('The one that started it.');
  });

  it('puts a removed entry back with its own rank untouched when no other entry took it', async () => {
    const { listId } = await threeFilmList();
    const [, alien] = await entriesOfList(listId);
    const removed = await removeEntry(alien!.entry.id);
    const before = await db.listEntries.toArray();
    await restoreEntry(removed!);
    expect(await db.listEntries.get(alien!.entry.id)).toEqual(removed);
    expect(changedEntries(before, await db.listEntries.toArray())).toEqual([alien!.entry.id]);
    expect(await titlesOf(listId)).toEqual(['Red Hot', 'Alien', 'Heat']);
  });

  it('puts a removed entry back just before the entry that took its rank meanwhile, changing only itself', async () => {
    const { listId } = await threeFilmList();
    const [, alien] = await entriesOfList(listId);
    const removed = await removeEntry(alien!.entry.id);
    const zodiac = await addFilm(film('Zodiac', 2007));
    await addFilmsToList(listId, [zodiac]);
    // Zodiac moves into the gap Alien left, which gives it the rank Alien had.
    const zodiacEntry = (await entriesOfList(listId))[2]!.entry;
    await moveEntry(listId, zodiacEntry.id, 1);
    expect((await db.listEntries.get(zodiacEntry.id))?.rank).toBe(removed!.rank);
    const before = await db.listEntries.toArray();
    const now = new Date('2026-06-01T00:00:00Z');
    await restoreEntry(removed!, now);
    expect(await titlesOf(listId)).toEqual(['Red Hot', 'Alien', 'Zodiac', 'Heat']);
    expect(changedEntries(before, await db.listEntries.toArray())).toEqual([alien!.entry.id]);
    expect(await db.listEntries.get(alien!.entry.id)).toMatchObject({ note: removed!.note, updatedAt: now.toISOString() });
  });

  it('replaces an entry for the same film added again meanwhile, so the film is in the list once', async () => {
    const { listId, alien } = await threeFilmList();
    const [, alienRow] = await entriesOfList(listId);
    const removed = await removeEntry(alienRow!.entry.id);
    await addFilmsToList(listId, [alien]);
    expect(await titlesOf(listId)).toEqual(['Red Hot', 'Heat', 'Alien']);
    await restoreEntry(removed!);
    expect(await titlesOf(listId)).toEqual(['Red Hot', 'Alien', 'Heat']);
    expect(await db.listEntries.where('filmId').equals(alien).count()).toBe(1);
  });

  it('sets and clears an entry note, refusing one that is too long', async () => {
    const { listId } = await threeFilmList();
    const [first] = await entriesOfList(listId);
    await setEntryNote(first!.entry.id, 'Watch with the sound up.', new Date('2026-07-01T00:00:00Z'));
    expect((await db.listEntries.get(first!.entry.id))?.updatedAt).toBe('2026-07-01T00:00:00.000Z');
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

  it('loses a deleted film from its lists, and Undo of the deletion puts it back at the same place', async () => {
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
