/**
 * A catalog written by schema v5 opens in v6 with every record intact and each film's cast projection (the actor
 * names statistics count) made from its record; from then on every film write keeps that projection in step.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CinefileDb, DATABASE_NAME, SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { seedFilm } from '../../../renderer/src/db/seed';
import { newFilmRecord, type Film } from '../../../renderer/src/domain/film';
import { filmSummary, noFacets } from '../../../renderer/src/domain/film-summary';
import { alienFields, filmFields } from '../../fixtures/catalog';
import { writeCatalogAtVersion } from '../../fixtures/older-schemas';

const T0 = new Date('2026-11-01T09:00:00Z');

function v5Records() {
  const redHot = seedFilm(T0);
  const alien: Film = newFilmRecord(alienFields, {}, 'film-alien', T0);
  const heat = newFilmRecord(
    filmFields('Heat', {
      year: 1995,
      // A name listed twice (two roles) and blank or padded names, as imports can leave them.
      cast: [
        { name: 'Al Pacino', role: 'Vincent Hanna' },
        { name: ' Robert De Niro ', role: 'Neil McCauley' },
        { name: '', role: 'Extra' },
        { name: 'Al Pacino', role: 'Narrator' },
      ],
    }),
    {},
    'film-heat',
    T0,
  );
  const noCast = newFilmRecord(filmFields('Koyaanisqatsi', { year: 1982, cast: [] }), {}, 'film-koyaanisqatsi', T0);
  const films = [redHot, alien, heat, noCast];
  return { films, filmSummaries: films.map((film) => filmSummary(film, noFacets)), meta: [{ key: 'seededAt', value: T0.toISOString() }] };
}

async function writeV5Catalog(): Promise<ReturnType<typeof v5Records>> {
  const records = v5Records();
  await writeCatalogAtVersion(5, records);
  return records;
}

afterEach(async () => {
  await Dexie.delete(DATABASE_NAME);
});

describe('upgrading a v5 catalog to v6', () => {
  it('keeps films and summaries as they were', async () => {
    const before = await writeV5Catalog();
    const db = new CinefileDb();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.films.orderBy('id').toArray()).toEqual([...before.films].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await db.filmSummaries.orderBy('id').toArray()).toEqual([...before.filmSummaries].sort((a, b) => a.id.localeCompare(b.id)));
    db.close();
  });

  it("gives every film its actors' names: trimmed, each once, in billing order, blanks left out", async () => {
    await writeV5Catalog();
    const db = new CinefileDb();
    await db.open();
    expect(await db.filmCast.orderBy('id').toArray()).toEqual([
      { id: 'film-alien', names: ['Sigourney Weaver'] },
      { id: 'film-heat', names: ['Al Pacino', 'Robert De Niro'] },
      { id: 'film-koyaanisqatsi', names: [] },
      { id: seedFilm(T0).id, names: seedFilm(T0).cast.map((member) => member.name) },
    ].sort((a, b) => a.id.localeCompare(b.id)));
    db.close();
  });

  it('keeps the projection in step with later film writes: a changed cast, a new film, a deleted film', async () => {
    const before = await writeV5Catalog();
    const db = new CinefileDb();
    await db.open();
    const heat = before.films.find((film) => film.id === 'film-heat')!;
    await db.films.put({ ...heat, cast: [{ name: 'Val Kilmer', role: 'Chris' }] });
    await db.films.add(newFilmRecord(filmFields('Thief', { cast: [{ name: 'James Caan', role: 'Frank' }] }), {}, 'film-thief', T0));
    await db.films.delete('film-alien');
    expect(await db.filmCast.get('film-heat')).toEqual({ id: 'film-heat', names: ['Val Kilmer'] });
    // Updates: one naming the cast rewrites the projection; a rating leaves it as it is (and right).
    await db.films.update('film-heat', { cast: [{ name: 'Ashley Judd', role: 'Charlene' }] });
    expect(await db.filmCast.get('film-heat')).toEqual({ id: 'film-heat', names: ['Ashley Judd'] });
    await db.films.update('film-heat', { rating: 9 });
    await db.films.where('id').equals('film-heat').modify({ 'cast.0.name': 'Amy Brenneman' });
    expect(await db.filmCast.get('film-heat')).toEqual({ id: 'film-heat', names: ['Amy Brenneman'] });
    expect(await db.filmCast.get('film-thief')).toEqual({ id: 'film-thief', names: ['James Caan'] });
    expect(await db.filmCast.get('film-alien')).toBeUndefined();
    await db.films.clear();
    expect(await db.filmCast.count()).toBe(0);
    db.close();
  });
});
