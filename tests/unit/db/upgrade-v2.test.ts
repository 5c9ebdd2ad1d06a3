/**
 * A catalog written by the walking skeleton (schema v1) must open in this version with every value intact and
 * the new fields filled sensibly.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CinefileDb, DATABASE_NAME, SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { seedFilm } from '../../../renderer/src/db/seed';
import { alienFields } from '../../fixtures/catalog';
import { writeCatalogAtVersion } from '../../fixtures/older-schemas';

const T0 = new Date('2026-11-01T09:00:00Z');

/** The skeleton's v1 records, exactly as it wrote them. */
function v1Records() {
  const redHot = { ...seedFilm(T0) } as Record<string, unknown>;
  delete redHot.watchlist;
  delete redHot.favourite;
  delete redHot.tags;
  delete redHot.titleKeys;
  delete redHot.externalIds;
  redHot.rating = 9;
  const alien = {
    ...alienFields,
    id: 'film-alien',
    tagline: null,
    sections: [],
    poster: null,
    rating: 7,
    sortTitle: 'alien',
    createdAt: '2026-11-02T10:00:00.000Z',
    updatedAt: '2026-11-03T10:00:00.000Z',
  };
  const viewings = [
    { id: 'v-2', filmId: 'film-alien', watchedOn: '2026-11-20', createdAt: '2026-11-20T21:00:00.000Z' },
    { id: 'v-1', filmId: 'film-alien', watchedOn: '1999-05-01', createdAt: '2026-11-02T10:05:00.000Z' },
    { id: 'v-3', filmId: redHot.id as string, watchedOn: '2026-11-05', createdAt: '2026-11-05T20:00:00.000Z' },
  ];
  const notes = [
    { id: 'n-1', filmId: 'film-alien', body: 'A **perfect** organism.', createdAt: '2026-11-02T11:00:00.000Z', updatedAt: '2026-11-04T08:00:00.000Z' },
    { id: 'n-2', filmId: redHot.id as string, body: '<img src=x onerror=alert(1)>', createdAt: '2026-11-05T20:01:00.000Z', updatedAt: '2026-11-05T20:01:00.000Z' },
  ];
  const meta = [{ key: 'seededAt', value: T0.toISOString() }];
  return { films: [redHot, alien], viewings, notes, meta };
}

async function writeV1Catalog(): Promise<ReturnType<typeof v1Records>> {
  const records = v1Records();
  await writeCatalogAtVersion(1, records);
  return records;
}

afterEach(async () => {
  await Dexie.delete(DATABASE_NAME);
});

describe('upgrading a v1 catalog to v2', () => {
  it('keeps every film, rating, note, viewing and meta value, and does not seed again', async () => {
    const before = await writeV1Catalog();
    const db = new CinefileDb();
    await db.open();

    const films = await db.films.orderBy('sortTitle').toArray();
    expect(films).toEqual(
      [
        [before.films[1], 'alien'],
        [before.films[0], 'redhot'],
      ].map(([film, titleKey]) => ({
        ...(film as object),
        watchlist: false,
        favourite: false,
        tags: [],
        // From v3 on (upgrade-v3.test.ts): match keys and external ids.
        titleKeys: [titleKey],
        externalIds: [],
      })),
    );
    expect(await db.notes.orderBy('id').toArray()).toEqual(before.notes);
    expect(await db.meta.toArray()).toEqual(before.meta);
    expect(await db.films.count()).toBe(2);
    db.close();
  });

  it('fills the new viewing fields, marking later viewings of the same film as rewatches', async () => {
    const before = await writeV1Catalog();
    const db = new CinefileDb();
    await db.open();
    const viewings = await db.viewings.orderBy('id').toArray();
    const original = (id: string) => before.viewings.find((viewing) => viewing.id === id)!;
    expect(viewings).toEqual([
      { ...original('v-1'), rewatch: false, rating: null, medium: null, note: '', updatedAt: original('v-1').createdAt },
      { ...original('v-2'), rewatch: true, rating: null, medium: null, note: '', updatedAt: original('v-2').createdAt },
      { ...original('v-3'), rewatch: false, rating: null, medium: null, note: '', updatedAt: original('v-3').createdAt },
    ]);
    db.close();
  });

  it('opens the new tables empty and the tag index ready', async () => {
    await writeV1Catalog();
    const db = new CinefileDb();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    for (const table of [db.lists, db.listEntries, db.copies, db.loans, db.posters]) expect(await table.count()).toBe(0);
    await db.films.update('film-alien', { tags: ['Space', 'Horror'] });
    expect(await db.films.where('tags').equals('Space').primaryKeys()).toEqual(['film-alien']);
    db.close();
  });
});
