/**
 * A catalog written by schema v2 (films with flags and tags, viewings, notes, lists, copies, loans, posters) must
 * open in v3 with every record intact, its films given title match keys and empty external ids, and the new
 * indexes (titleKeys, externalIds, importId) usable at once.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CinefileDb, DATABASE_NAME, SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { seedFilm } from '../../../renderer/src/db/seed';
import { alienFields } from '../../fixtures/catalog';
import { asUpgradedLater, inIdOrder, writeCatalogAtVersion } from '../../fixtures/older-schemas';

const T0 = new Date('2026-11-01T09:00:00Z');

/** v2 records in every table, exactly as v2 wrote them. */
function v2Records() {
  const redHot = { ...seedFilm(T0), rating: 9, watchlist: true, tags: ['Noir'] } as Record<string, unknown>;
  delete redHot.titleKeys;
  delete redHot.externalIds;
  const alien = {
    ...alienFields, id: 'film-alien', originalTitle: 'Alien – Das unheimliche Wesen', tagline: null, sections: [], poster: null, rating: 7,
    watchlist: false, favourite: true, tags: [], sortTitle: 'alien',
    createdAt: '2026-11-02T10:00:00.000Z', updatedAt: '2026-11-03T10:00:00.000Z',
  };
  const time = '2026-11-05T20:00:00.000Z';
  return {
    films: [redHot, alien],
    viewings: [{ id: 'v-1', filmId: 'film-alien', watchedOn: '1999-05', rewatch: false, rating: 8, medium: 'cinema', note: 'Front row', createdAt: time, updatedAt: time }],
    notes: [{ id: 'n-1', filmId: 'film-alien', body: 'A **perfect** organism.', createdAt: time, updatedAt: time }],
    lists: [{ id: 'l-1', name: 'Space', description: '', ranked: true, createdAt: time, updatedAt: time }],
    listEntries: [{ id: 'e-1', listId: 'l-1', filmId: 'film-alien', position: 0, note: 'the one', addedAt: time }],
    copies: [{ id: 'c-1', filmId: 'film-alien', format: 'DVD', edition: '', region: '2', barcode: '', location: 'Shelf', condition: '', purchasedOn: null, price: null, createdAt: time, updatedAt: time }],
    loans: [{ id: 'lo-1', copyId: 'c-1', filmId: 'film-alien', borrower: 'Ann', lentOn: '2026-11-10', dueOn: null, returnedOn: null }],
    posters: [{ id: 'p-1', filmId: 'film-alien', image: 'image bytes', thumbnail: 'thumb bytes', mimeType: 'image/png', width: 10, height: 15, createdAt: time }],
    meta: [{ key: 'seededAt', value: T0.toISOString() }],
  };
}

async function writeV2Catalog(): Promise<ReturnType<typeof v2Records>> {
  const records = v2Records();
  await writeCatalogAtVersion(2, records);
  return records;
}

afterEach(async () => {
  await Dexie.delete(DATABASE_NAME);
});

describe('upgrading a v2 catalog to v3', () => {
  it('keeps every record of every table, and gives films their match keys and no external ids', async () => {
    const before = await writeV2Catalog();
    const db = new CinefileDb();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.films.orderBy('sortTitle').toArray()).toEqual([
      { ...before.films[1], titleKeys: ['alien', 'aliendasunheimlichewesen'], externalIds: [] },
      { ...before.films[0], titleKeys: ['redhot'], externalIds: [] },
    ]);
    for (const table of ['viewings', 'notes', 'lists', 'listEntries', 'copies', 'loans', 'posters', 'meta'] as const) {
      expect(inIdOrder(await db.table(table).toArray()), table).toEqual(asUpgradedLater(table, before[table]));
    }
    expect(await db.imports.count()).toBe(0);
    db.close();
  });

  it('finds films by title key (original title too) and by external id straight away', async () => {
    await writeV2Catalog();
    const db = new CinefileDb();
    await db.open();
    expect(await db.films.where('titleKeys').equals('aliendasunheimlichewesen').primaryKeys()).toEqual(['film-alien']);
    await db.films.update('film-alien', { externalIds: ['imdb:tt0078748'] });
    expect(await db.films.where('externalIds').equals('imdb:tt0078748').primaryKeys()).toEqual(['film-alien']);
    expect(await db.viewings.where('importId').equals('anything').count()).toBe(0);
    db.close();
  });
});
