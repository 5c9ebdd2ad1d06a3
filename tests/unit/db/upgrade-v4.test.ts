/**
 * A catalog written by schema v3 opens in v4 (and on, to the current schema) with every record intact and a summary
 * for each of its films, so the Library can list it from the projection straight away.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CinefileDb, DATABASE_NAME, SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { seedFilm } from '../../../renderer/src/db/seed';
import { filmSummary, noFacets } from '../../../renderer/src/domain/film-summary';
import { newFilmRecord } from '../../../renderer/src/domain/film';
import { alienFields } from '../../fixtures/catalog';
import { writeCatalogAtVersion } from '../../fixtures/older-schemas';

const T0 = new Date('2026-11-01T09:00:00Z');

async function writeV3Catalog() {
  const films = [{ ...seedFilm(T0), rating: 9 }, { ...newFilmRecord(alienFields, { tags: ['Space'], watchlist: true }, 'film-alien', T0), rating: 7 }];
  const viewings = [{ id: 'v-1', filmId: 'film-alien', watchedOn: '1999-05', rewatch: false, rating: 8, medium: null, note: '', createdAt: T0.toISOString(), updatedAt: T0.toISOString() }];
  await writeCatalogAtVersion(3, { films, viewings });
  return { films, viewings };
}

afterEach(async () => {
  await Dexie.delete(DATABASE_NAME);
});

describe('upgrading a v3 catalog to v4', () => {
  it('keeps every film and viewing and gives each film its summary', async () => {
    const before = await writeV3Catalog();
    const db = new CinefileDb();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const films = await db.films.orderBy('id').toArray();
    expect(films).toEqual([...before.films].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await db.viewings.toArray()).toEqual(before.viewings);
    // Opening runs v5's upgrade too, which gives each summary its facets: Alien's viewing is counted.
    const facets = (id: string) => (id === 'film-alien' ? { ...noFacets, lastWatched: '1999-05', viewingCount: 1 } : noFacets);
    expect(await db.filmSummaries.orderBy('id').toArray()).toEqual(films.map((film) => filmSummary(film, facets(film.id))));
    expect(await db.filmSummaries.where('tags').equals('Space').primaryKeys()).toEqual(['film-alien']);
    db.close();
  });
});
