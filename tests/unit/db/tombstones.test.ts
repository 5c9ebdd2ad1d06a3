/**
 * Every deletion of a record that syncs leaves a tombstone in the same transaction, whichever way it is deleted —
 * so sync can tell other devices, and a seeded Red Hot deleted here does not come back from a device that has it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { addFilm, deleteFilm, deleteFilms, restoreDeletedFilm } from '../../../renderer/src/db/films';
import { db } from '../../../renderer/src/db/index';
import { SEED_FILM_ID } from '../../../renderer/src/db/seed';
import { onCommittedChanges, type CommittedChanges } from '../../../renderer/src/db/tombstones';
import { rateFilm } from '../../../renderer/src/db/films';
import { logViewing } from '../../../renderer/src/db/viewings';
import { filmFields, freshCatalog } from '../../fixtures/catalog';

beforeEach(freshCatalog);

const tombstoneIds = async () => (await db.deletions.orderBy('id').toArray()).map((deletion) => deletion.id);

describe('tombstones', () => {
  it('a new catalog has none: the seed itself is no deletion', async () => {
    expect(await db.films.get(SEED_FILM_ID)).toBeDefined();
    expect(await db.deletions.count()).toBe(0);
  });

  it('deleting Red Hot leaves its tombstone, with when it was deleted', async () => {
    const before = Date.now();
    await deleteFilm(SEED_FILM_ID);
    const [deletion] = await db.deletions.toArray();
    expect(deletion).toMatchObject({ id: `films/${SEED_FILM_ID}`, table: 'films', recordId: SEED_FILM_ID });
    expect(Date.parse(deletion!.deletedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('deleting a film tombstones everything deleted with it (its viewings here), and Undo takes them back', async () => {
    const id = await addFilm(filmFields('Alien'));
    const viewingId = await logViewing(id, '2024-05-01');
    const deleted = await deleteFilm(id);
    expect(await tombstoneIds()).toEqual([`films/${id}`, `viewings/${viewingId}`]);
    await restoreDeletedFilm(deleted);
    expect(await tombstoneIds()).toEqual([]);
  });

  it('deleting many films at once tombstones each', async () => {
    const ids = [await addFilm(filmFields('Alien')), await addFilm(filmFields('Heat'))];
    await deleteFilms(ids);
    expect(await tombstoneIds()).toEqual(ids.map((id) => `films/${id}`).sort());
  });

  it('a table emptied whole leaves one tombstone standing for all it held', async () => {
    await addFilm(filmFields('Alien'));
    await db.films.clear();
    expect(await db.deletions.toArray()).toEqual([expect.objectContaining({ id: 'films/*', table: 'films', recordId: '*' })]);
  });

  it('a failed delete leaves no tombstone: both are one transaction', async () => {
    const id = await addFilm(filmFields('Alien'));
    await expect(
      db.transaction('rw', db.films, async () => {
        await db.films.delete(id);
        throw new Error('the user cancelled');
      }),
    ).rejects.toThrow('the user cancelled');
    expect(await db.films.get(id)).toBeDefined();
    expect(await db.deletions.count()).toBe(0);
  });

  it('projections and meta are no one else’s business: deleting from them leaves no tombstone', async () => {
    await db.meta.delete('seededAt');
    expect(await db.deletions.count()).toBe(0);
  });
});

describe('committed changes, for sync to follow this window’s writes', () => {
  it('name exactly the records a committed write touched, once it has committed', async () => {
    const seen: CommittedChanges[] = [];
    const stop = onCommittedChanges((changes) => seen.push(changes));
    try {
      const id = await addFilm(filmFields('Alien'));
      await rateFilm(SEED_FILM_ID, 8);
      await deleteFilm(id);
      expect(seen).toEqual([{ films: [id] }, { films: [SEED_FILM_ID] }, { films: [id] }]);
    } finally {
      stop();
    }
  });

  it('say nothing of a write that was rolled back', async () => {
    const seen: CommittedChanges[] = [];
    const stop = onCommittedChanges((changes) => seen.push(changes));
    try {
      await expect(
        db.transaction('rw', db.films, async () => {
          await db.films.delete(SEED_FILM_ID);
          throw new Error('cancelled');
        }),
      ).rejects.toThrow('cancelled');
      await db.films.clear();
      expect(seen).toEqual([{ films: 'all' }]);
    } finally {
      stop();
    }
  });
});
