/**
 * A catalog written by schema v6 opens in v7 with every record intact and what sync needs: list entries ordered by
 * ranks in their old order (with updatedAt), loans with updatedAt, and an empty tombstone table that deletions fill.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CinefileDb, DATABASE_NAME, SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { seedFilm } from '../../../renderer/src/db/seed';
import { newFilmRecord } from '../../../renderer/src/domain/film';
import { filmCast, filmSummary, noFacets } from '../../../renderer/src/domain/film-summary';
import { compareListEntries } from '../../../renderer/src/domain/list';
import { alienFields, filmFields } from '../../fixtures/catalog';
import { writeCatalogAtVersion } from '../../fixtures/older-schemas';

const T0 = new Date('2026-11-01T09:00:00Z');
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;

function v6Records() {
  const films = [
    seedFilm(T0),
    newFilmRecord(alienFields, {}, 'film-alien', T0),
    newFilmRecord(filmFields('Heat', { year: 1995 }), {}, 'film-heat', T0),
    newFilmRecord(filmFields('Thief', { year: 1981 }), {}, 'film-thief', T0),
  ];
  const list = { id: 'list-1', name: 'Best of', description: '', ranked: true, createdAt: at(1), updatedAt: at(2) };
  // Positions as v6 left them: a gap from a removal, and a tie an undo crossing a move could leave (broken by addedAt).
  const listEntries = [
    { id: 'entry-c', listId: 'list-1', filmId: 'film-thief', position: 7, note: '', addedAt: at(3) },
    { id: 'entry-a', listId: 'list-1', filmId: seedFilm(T0).id, position: 0, note: 'the start', addedAt: at(1) },
    { id: 'entry-b2', listId: 'list-1', filmId: 'film-heat', position: 2, note: '', addedAt: at(5) },
    { id: 'entry-b1', listId: 'list-1', filmId: 'film-alien', position: 2, note: '', addedAt: at(4) },
  ];
  const copies = [{ id: 'copy-1', filmId: 'film-alien', format: 'bluray', edition: '', region: '', barcode: '', location: '', condition: '', purchasedOn: null, price: null, createdAt: at(1), updatedAt: at(1) }];
  const loans = [
    { id: 'loan-old', copyId: 'copy-1', filmId: 'film-alien', borrower: 'Sam', lentOn: '2026-10-01', dueOn: null, returnedOn: '2026-10-09' },
    { id: 'loan-open', copyId: 'copy-1', filmId: 'film-alien', borrower: 'Kim', lentOn: '2026-11-02', dueOn: '2026-11-30', returnedOn: null },
  ];
  return {
    films,
    filmSummaries: films.map((film) => filmSummary(film, noFacets)),
    filmCast: films.map(filmCast),
    lists: [list],
    listEntries,
    copies,
    loans,
    meta: [{ key: 'seededAt', value: T0.toISOString() }],
  };
}

async function openV6Catalog(): Promise<{ before: ReturnType<typeof v6Records>; db: CinefileDb }> {
  const before = v6Records();
  await writeCatalogAtVersion(6, before);
  const db = new CinefileDb();
  await db.open();
  return { before, db };
}

afterEach(async () => {
  await Dexie.delete(DATABASE_NAME);
});

describe('upgrading a v6 catalog to v7', () => {
  it('keeps films, lists and copies as they were', async () => {
    const { before, db } = await openV6Catalog();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const byId = <T extends { id: string }>(records: readonly T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
    expect(await db.films.orderBy('id').toArray()).toEqual(byId(before.films));
    expect(await db.lists.toArray()).toEqual(before.lists);
    expect(await db.copies.toArray()).toEqual(before.copies);
    db.close();
  });

  it('orders each list by ranks exactly as its positions did, with every entry once, its note and updatedAt', async () => {
    const { db } = await openV6Catalog();
    const entries = (await db.listEntries.where('listId').equals('list-1').toArray()).sort(compareListEntries);
    expect(entries.map((entry) => entry.id)).toEqual(['entry-a', 'entry-b1', 'entry-b2', 'entry-c']);
    expect(entries.every((entry) => !('position' in entry))).toBe(true);
    const ranks = entries.map((entry) => entry.rank);
    expect(new Set(ranks).size).toBe(4);
    expect([...ranks].sort()).toEqual(ranks);
    expect(entries.map((entry) => entry.updatedAt)).toEqual([at(1), at(4), at(5), at(3)]);
    expect(entries[0]?.note).toBe('the start');
    // The new index answers the list in order.
    const indexed = await db.listEntries.where('[listId+rank]').between(['list-1', Dexie.minKey], ['list-1', Dexie.maxKey]).primaryKeys();
    expect(indexed).toEqual(['entry-a', 'entry-b1', 'entry-b2', 'entry-c']);
    db.close();
  });

  it('gives each loan the time it last changed: its return, else its lending', async () => {
    const { db } = await openV6Catalog();
    const loans = await db.loans.orderBy('id').toArray();
    expect(loans.map(({ id, updatedAt, borrower }) => ({ id, updatedAt, borrower }))).toEqual([
      { id: 'loan-old', updatedAt: '2026-10-09T00:00:00.000Z', borrower: 'Sam' },
      { id: 'loan-open', updatedAt: '2026-11-02T00:00:00.000Z', borrower: 'Kim' },
    ]);
    db.close();
  });

  it('starts with no tombstones, and records the deletions made from then on', async () => {
    const { db } = await openV6Catalog();
    expect(await db.deletions.count()).toBe(0);
    await db.listEntries.delete('entry-c');
    expect((await db.deletions.toArray()).map((deletion) => deletion.id)).toEqual(['listEntries/entry-c']);
    db.close();
  });
});
