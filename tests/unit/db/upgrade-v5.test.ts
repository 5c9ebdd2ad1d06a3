/**
 * A catalog written by schema v4 (summaries without facets) opens in v5 with every record intact, each summary made
 * again with the facets its film's viewings, lists, copies and loans give it, the new summary indexes usable, and
 * an empty smartLists table.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CinefileDb, DATABASE_NAME, SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { seedFilm } from '../../../renderer/src/db/seed';
import { newFilmRecord, type Film } from '../../../renderer/src/domain/film';
import { filmSummary, noFacets } from '../../../renderer/src/domain/film-summary';
import type { HalfStars } from '../../../renderer/src/domain/rating';
import { alienFields, filmFields } from '../../fixtures/catalog';
import { asUpgradedLater, inIdOrder, writeCatalogAtVersion } from '../../fixtures/older-schemas';

const T0 = new Date('2026-11-01T09:00:00Z');
const time = '2026-11-05T20:00:00.000Z';

/** v4 records in every table, exactly as v4 wrote them (its summaries were film fields only). */
function v4Records() {
  const redHot: Film = { ...seedFilm(T0), rating: 9 as HalfStars };
  const alien: Film = { ...newFilmRecord(alienFields, { tags: ['Space'], watchlist: true }, 'film-alien', T0), rating: 7 as HalfStars };
  const heat = newFilmRecord(filmFields('Heat', { year: 1995, runtimeMinutes: 170 }), {}, 'film-heat', T0);
  const viewing = (id: string, filmId: string, watchedOn: string | null) => ({
    id, filmId, watchedOn, rewatch: false, rating: null, medium: null, note: '', createdAt: time, updatedAt: time,
  });
  const copy = (id: string, filmId: string, format: string) => ({
    id, filmId, format, edition: '', region: '', barcode: '', location: '', condition: '', purchasedOn: null, price: null, createdAt: time, updatedAt: time,
  });
  const films: Film[] = [redHot, alien, heat];
  const v4Summary = ({ id, title, year, directors, runtimeMinutes, rating, watchlist, favourite, tags, poster, sortTitle, createdAt }: Film) =>
    ({ id, title, year, directors, runtimeMinutes, rating, watchlist, favourite, tags, poster, sortTitle, createdAt });
  return {
    films,
    // Partial dates compare as text: "1999-05-12" is later than "1999-05" and "1999"; the undated one counts but has no date.
    viewings: [viewing('v-1', 'film-alien', '1999'), viewing('v-2', 'film-alien', '1999-05-12'), viewing('v-3', 'film-alien', '1999-05'), viewing('v-4', 'film-alien', null), viewing('v-5', 'film-heat', null)],
    notes: [{ id: 'n-1', filmId: 'film-alien', body: 'A **perfect** organism.', createdAt: time, updatedAt: time }],
    lists: [
      { id: 'l-space', name: 'Space', description: '', ranked: true, createdAt: time, updatedAt: time },
      { id: 'l-best', name: 'Best', description: 'Mine', ranked: false, createdAt: time, updatedAt: time },
    ],
    listEntries: [
      { id: 'e-1', listId: 'l-space', filmId: 'film-alien', position: 0, note: '', addedAt: time },
      { id: 'e-2', listId: 'l-best', filmId: 'film-alien', position: 0, note: '', addedAt: time },
      { id: 'e-3', listId: 'l-best', filmId: 'film-heat', position: 1, note: 'the one', addedAt: time },
    ],
    copies: [copy('c-dvd', 'film-alien', 'DVD'), copy('c-4k', 'film-alien', '4K UHD'), copy('c-vhs', 'film-heat', 'VHS')],
    loans: [
      { id: 'lo-open', copyId: 'c-dvd', filmId: 'film-alien', borrower: 'Ann', lentOn: '2026-11-10', dueOn: null, returnedOn: null },
      { id: 'lo-back', copyId: 'c-vhs', filmId: 'film-heat', borrower: 'Ben', lentOn: '2026-10-01', dueOn: '2026-10-15', returnedOn: '2026-10-12' },
    ],
    posters: [{ id: 'p-1', filmId: 'film-alien', image: 'image bytes', thumbnail: 'thumb bytes', mimeType: 'image/png', width: 10, height: 15, createdAt: time }],
    imports: [{ id: 'i-1', format: 'imdb', sourceName: 'ratings.csv', importedAt: time, counts: {}, filmChanges: [], undoneAt: null, updatedAt: time }],
    meta: [{ key: 'seededAt', value: T0.toISOString() }],
    filmSummaries: films.map(v4Summary),
  };
}

async function writeV4Catalog(): Promise<ReturnType<typeof v4Records>> {
  const records = v4Records();
  await writeCatalogAtVersion(4, records);
  return records;
}

afterEach(async () => {
  await Dexie.delete(DATABASE_NAME);
});

describe('upgrading a v4 catalog to v5', () => {
  it('keeps every record of every table', async () => {
    const before = await writeV4Catalog();
    const db = new CinefileDb();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    for (const table of ['films', 'viewings', 'notes', 'lists', 'listEntries', 'copies', 'loans', 'posters', 'imports', 'meta'] as const) {
      expect(inIdOrder(await db.table(table).toArray()), table).toEqual(asUpgradedLater(table, before[table]));
    }
    db.close();
  });

  it('gives each summary the facets of its viewings, lists, copies and loans', async () => {
    const before = await writeV4Catalog();
    const db = new CinefileDb();
    await db.open();
    const film = (id: string) => before.films.find((one) => one.id === id)!;
    expect(await db.filmSummaries.orderBy('id').toArray()).toEqual([
      filmSummary(film('film-alien'), { lastWatched: '1999-05-12', viewingCount: 4, listIds: ['l-best', 'l-space'], formats: ['4K UHD', 'DVD'], loaned: true }),
      filmSummary(film('film-heat'), { lastWatched: null, viewingCount: 1, listIds: ['l-best'], formats: ['VHS'], loaned: false }),
      filmSummary(film(seedFilm(T0).id), noFacets),
    ].sort((a, b) => a.id.localeCompare(b.id)));
    db.close();
  });

  it('opens with the new indexes usable and an empty smartLists table', async () => {
    await writeV4Catalog();
    const db = new CinefileDb();
    await db.open();
    expect(await db.filmSummaries.orderBy('lastWatched').primaryKeys()).toEqual(['film-alien']);
    expect(await db.filmSummaries.orderBy('runtimeMinutes').primaryKeys()).toEqual(['film-alien', 'film-heat']);
    expect(await db.filmSummaries.where('tags').equals('Space').primaryKeys()).toEqual(['film-alien']);
    expect(await db.smartLists.toArray()).toEqual([]);
    expect(await db.smartLists.orderBy('name').count()).toBe(0);
    db.close();
  });
});
