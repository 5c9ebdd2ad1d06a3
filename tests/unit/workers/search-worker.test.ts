// The search worker end to end in Node: a fake worker runs the real worker code (createSearchService) over the
// catalog in fake-indexeddb, passing every message through structuredClone with its transfer list as postMessage
// would; the client subscribes to Dexie's storagemutated event as in the app. Building in pages, answering a query
// sent before the build, following writes to films, notes and viewings, rebuilding after bulk writes, the newest
// query winning, and a catalog that cannot be read.
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db/index';
import type { Annotation } from '../../../renderer/src/domain/annotation';
import { bareFilmFields } from '../../../renderer/src/domain/exchange/import-plan';
import { newFilmRecord, type FilmFields } from '../../../renderer/src/domain/film';
import type { Viewing } from '../../../renderer/src/domain/viewing';
import {
  changedSearchRecords,
  onSearchIndexChanged,
  searchFilms,
  startSearchIndex,
  stopSearchIndex,
  wasSuperseded,
} from '../../../renderer/src/workers/search-client';
import type { SearchCatalog } from '../../../renderer/src/workers/search-service';
import { InProcessSearchWorker } from '../../fixtures/search-worker';

const NOW = new Date('2026-11-29T12:00:00.000Z');


function fields(title: string, patch: Partial<FilmFields> = {}): FilmFields {
  return { ...bareFilmFields(title, null), ...patch };
}

async function addFilm(id: string, filmFields: FilmFields, tags: string[] = []): Promise<string> {
  await db.films.add(newFilmRecord(filmFields, { tags }, id, NOW));
  return id;
}

function note(id: string, filmId: string, body: string): Annotation {
  return { id, filmId, body, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() };
}

function viewing(id: string, filmId: string, text: string): Viewing {
  return { id, filmId, watchedOn: '2026-11-01', rewatch: false, rating: null, medium: null, note: text, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() };
}

/** Resolves when the index has taken in the next write. */
function nextChange(): Promise<void> {
  return new Promise((resolve) => {
    const off = onSearchIndexChanged(() => {
      off();
      resolve();
    });
  });
}

async function found(query: string): Promise<{ id: string; rank: number }[]> {
  const hits = await searchFilms(query);
  return hits.ids.map((id, index) => ({ id, rank: hits.ranks[index] as number }));
}

const idsFound = async (query: string) => (await found(query)).map((hit) => hit.id);

beforeEach(async () => {
  stopSearchIndex();
  db.close();
  await db.delete();
  await db.open();
});

afterEach(() => stopSearchIndex());

describe('the search worker', () => {
  it('builds from films, notes and viewing notes in pages, and answers a query sent before it was built', async () => {
    await addFilm('amelie', fields('Amélie', { directors: ['Jean-Pierre Jeunet'], cast: [{ name: 'Audrey Tautou', role: 'Amélie Poulain' }] }));
    await addFilm('possession', fields('Possession', { directors: ['Andrzej Żuławski'], cast: [{ name: 'Isabelle Adjani', role: 'Anna' }] }), ['Horror']);
    await addFilm('godfather', fields('The Godfather Part II', { cast: [{ name: 'Al Pacino', role: 'Michael Corleone' }] }));
    await addFilm('heat', fields('Heat', { cast: [{ name: 'Al Pacino', role: 'Vincent Hanna' }] }));
    await db.notes.bulkAdd([note('n1', 'possession', 'The **subway** scene is unforgettable.'), note('n2', 'heat', 'Mueller-Stahl is not in it.')]);
    await db.viewings.bulkAdd([viewing('v1', 'godfather', 'Watched with Dad'), viewing('v2', 'amelie', '')]);

    const worker = new InProcessSearchWorker(db, { pageSize: 2 });
    startSearchIndex({ createWorker: () => worker });
    startSearchIndex({ createWorker: () => new InProcessSearchWorker(db, { pageSize: 2 }) }); // idempotent
    const asked = searchFilms('amelie');
    const hits = await asked;
    expect(hits).toEqual({ query: 'amelie', ids: ['amelie'], ranks: new Uint8Array([0]), words: ['amelie'], rankOf: expect.any(Function) as unknown });
    // The rank by id the Library filters with: found, and not found.
    expect([hits.rankOf('amelie'), hits.rankOf('heat'), hits.rankOf('no-such-film')]).toEqual([0, undefined, undefined]);
    expect(worker.requests.filter((request) => request.type === 'start')).toHaveLength(1);
    expect(worker.responses.find((response) => response.type === 'ready')).toMatchObject({ films: 5 }); // with the seeded Red Hot

    expect(await found('zulawski')).toEqual([{ id: 'possession', rank: 1 }]);
    expect(await found('poulain')).toEqual([{ id: 'amelie', rank: 1 }]);
    expect(await found('horr')).toEqual([{ id: 'possession', rank: 1 }]);
    expect(await found('subway')).toEqual([{ id: 'possession', rank: 2 }]);
    expect(await found('dad')).toEqual([{ id: 'godfather', rank: 2 }]);
    // The seeded Red Hot has Armin Mueller-Stahl in its cast: a cast match ranks above a note's.
    expect(await found('stahl')).toEqual([
      { id: 'seed-red-hot-1993', rank: 1 },
      { id: 'heat', rank: 2 },
    ]);
    expect(await found('godf par')).toEqual([{ id: 'godfather', rank: 0 }]);
    expect(await idsFound('pacino')).toEqual(['godfather', 'heat']);
    expect(await idsFound('pacino hanna')).toEqual(['heat']);
    expect((await searchFilms('   ')).ids).toEqual([]);
    // Results cross as film numbers in transferred buffers, never as a list of strings.
    const results = worker.responses.filter((response) => response.type === 'results');
    expect(results.every((response) => response.numbers instanceof Int32Array)).toBe(true);
  });

  it('follows writes to films, notes and viewings, from this window’s storagemutated events', async () => {
    startSearchIndex({ createWorker: () => new InProcessSearchWorker(db, { pageSize: 2 }) });
    expect(await idsFound('alien')).toEqual([]);

    let change = nextChange();
    await addFilm('alien', fields('Alien', { cast: [{ name: 'Sigourney Weaver', role: 'Ripley' }] }));
    await change;
    expect(await found('alien rip')).toEqual([{ id: 'alien', rank: 1 }]);

    change = nextChange();
    await db.films.update('alien', { title: 'Nostromo' });
    await change;
    expect(await idsFound('alien')).toEqual([]);
    expect(await idsFound('nostr')).toEqual(['alien']);

    change = nextChange();
    await db.notes.add(note('n1', 'alien', 'The chestburster scene.'));
    await change;
    expect(await found('chestb')).toEqual([{ id: 'alien', rank: 2 }]);
    change = nextChange();
    await db.notes.delete('n1');
    await change;
    expect(await idsFound('chestb')).toEqual([]);

    change = nextChange();
    await db.viewings.add(viewing('v1', 'alien', 'Seen at the Rex'));
    await change;
    expect(await idsFound('rex')).toEqual(['alien']);
    change = nextChange();
    await db.viewings.update('v1', { note: '' });
    await change;
    expect(await idsFound('rex')).toEqual([]);
    change = nextChange();
    await db.viewings.update('v1', { note: 'Seen again at the Rex' });
    await change;
    expect(await idsFound('rex')).toEqual(['alien']);
    change = nextChange();
    await db.viewings.delete('v1');
    await change;
    expect(await idsFound('rex')).toEqual([]);

    change = nextChange();
    await db.transaction('rw', [db.films, db.notes], async () => {
      await db.films.delete('alien');
      await addFilm('aliens', fields('Aliens'));
    });
    await change;
    expect(await idsFound('nostromo')).toEqual([]);
    expect(await idsFound('alien')).toEqual(['aliens']);
  });

  it('rebuilds after a bulk write (Dexie marks the whole table), keeping numbers and ids in step', async () => {
    await addFilm('gone', fields('Gone Film'));
    startSearchIndex({ createWorker: () => new InProcessSearchWorker(db, { pageSize: 2 }) });
    expect(await idsFound('gone')).toEqual(['gone']);

    const change = nextChange();
    await db.transaction('rw', [db.films, db.notes], async () => {
      await db.films.delete('gone');
      await db.films.bulkPut(Array.from({ length: 60 }, (_, i) => newFilmRecord(fields(`Bulk ${i}`), {}, `bulk-${String(i).padStart(2, '0')}`, NOW)));
      await db.notes.bulkAdd(Array.from({ length: 55 }, (_, i) => note(`note-${i}`, `bulk-${String(i).padStart(2, '0')}`, `remark${i}`)));
    });
    await change;
    expect(await idsFound('gone')).toEqual([]);
    expect(await idsFound('bulk')).toHaveLength(60);
    expect(await idsFound('bulk 7')).toEqual(['bulk-07']);
    expect(await found('remark42')).toEqual([{ id: 'bulk-42', rank: 2 }]);
  });

  it('answers only the newest of queries waiting together; the older ones reject with an AbortError', async () => {
    await addFilm('godfather', fields('The Godfather'));
    const worker = new InProcessSearchWorker(db, { pageSize: 2 });
    startSearchIndex({ createWorker: () => worker });
    await searchFilms('x');
    const older = searchFilms('g');
    const old = searchFilms('go');
    const newest = searchFilms('godf');
    expect(wasSuperseded(await older.catch((error: unknown) => error))).toBe(true);
    expect(wasSuperseded(await old.catch((error: unknown) => error))).toBe(true);
    expect((await newest).ids).toEqual(['godfather']);
    expect(worker.responses.filter((response) => response.type === 'results').map((response) => response.type === 'results' && response.query)).toEqual(['x', 'godf']);
  });

  it('rejects searches when the catalog cannot be read, and when the index is stopped', async () => {
    const broken = { ...db, notes: { orderBy: () => { throw new Error('disk on fire'); } } } as unknown as SearchCatalog;
    startSearchIndex({ createWorker: () => new InProcessSearchWorker(broken, { pageSize: 2 }) });
    await expect(searchFilms('a')).rejects.toThrow('The catalog could not be read for searching');
    await expect(searchFilms('b')).rejects.toThrow('The catalog could not be read for searching');
    stopSearchIndex();

    startSearchIndex({ createWorker: () => new InProcessSearchWorker(db, { pageSize: 2 }) });
    const waiting = searchFilms('a');
    stopSearchIndex();
    const stopped = await waiting.catch((error: unknown) => error);
    expect(stopped).toMatchObject({ name: 'AbortError' });
    expect(wasSuperseded(stopped)).toBe(false);
  });
});

describe('changedSearchRecords', () => {
  async function partsOf(write: () => Promise<unknown>): Promise<Record<string, unknown>> {
    let parts: Record<string, unknown> = {};
    const listen = (changed: Record<string, unknown>) => {
      parts = changed;
    };
    Dexie.on('storagemutated', listen);
    try {
      await write();
    } finally {
      Dexie.on('storagemutated').unsubscribe(listen);
    }
    return parts;
  }

  it('reads the keys of films, notes and viewings a write touched, and `all` for ranges and bulk writes', async () => {
    const film = newFilmRecord(fields('Alien'), {}, 'alien', NOW);
    expect(changedSearchRecords(await partsOf(() => db.films.add(film)), db.name)).toEqual({ all: false, films: ['alien'], notes: [], viewings: [] });
    const both = await partsOf(() =>
      db.transaction('rw', [db.notes, db.viewings], async () => {
        await db.notes.add(note('n1', 'alien', 'x'));
        await db.viewings.bulkAdd([viewing('v2', 'alien', ''), viewing('v1', 'alien', '')]);
      }),
    );
    expect(changedSearchRecords(both, db.name)).toEqual({ all: false, films: [], notes: ['n1'], viewings: ['v1', 'v2'] });
    expect(changedSearchRecords(await partsOf(() => db.meta.put({ key: 'k', value: 1 })), db.name)).toBeNull();
    expect(changedSearchRecords(await partsOf(() => db.notes.clear()), db.name)).toMatchObject({ all: true });
    const many = Array.from({ length: 50 }, (_, i) => newFilmRecord(fields(`F${i}`), {}, `f${i}`, NOW));
    expect(changedSearchRecords(await partsOf(() => db.films.bulkPut(many)), db.name)).toMatchObject({ all: true });
    expect(changedSearchRecords({ all: {} }, db.name)).toMatchObject({ all: true });
  });
});
