/**
 * Two devices, each with its own catalog (Dexie over fake-indexeddb) and sync mirror (PouchDB), replicating through a
 * third PouchDB standing in for the user's CouchDB: what a person does on one device appears on the other, deletions
 * stay deleted (Red Hot included), concurrent edits of different fields both survive, and the same field edited on
 * both is kept by its later change with the other listed as a conflict.
 */
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CinefileDb } from '../../../renderer/src/db/schema';
import { SEED_FILM_ID, SEED_RECORD_TIME, seedFilm } from '../../../renderer/src/db/seed';
import { newFilmRecord, stampedFilmChanges, type Film } from '../../../renderer/src/domain/film';
import { SYNCING_TABLES } from '../../../renderer/src/db/sync-records';
import { docConflicts } from '../../../renderer/src/domain/sync/conflicts';
import { compareListEntries } from '../../../renderer/src/domain/list';
import type { SyncDoc } from '../../../renderer/src/domain/sync/sync-doc';
import { SyncBridge, type MirrorDb } from '../../../renderer/src/workers/sync/bridge';
import { mergeJoiningFilms } from '../../../renderer/src/workers/sync/join';
import type { HalfStars } from '../../../renderer/src/domain/rating';
import type { Viewing } from '../../../renderer/src/domain/viewing';
import { filmFields } from '../../fixtures/catalog';

PouchDB.plugin(memoryAdapter).plugin(replication);

let run = 0;
interface Device {
  catalog: CinefileDb;
  mirror: MirrorDb;
  bridge: SyncBridge;
}

const seeds = [{ table: 'films' as const, record: seedFilm(new Date(SEED_RECORD_TIME)), at: SEED_RECORD_TIME }];
let server: MirrorDb;
const devices: Device[] = [];

async function device(name: string): Promise<Device> {
  const catalog = new CinefileDb(`catalog-${name}-${run}`);
  await catalog.open();
  const mirror = new PouchDB<SyncDoc>(`mirror-${name}-${run}`, { adapter: 'memory' });
  const made = { catalog, mirror, bridge: new SyncBridge(catalog, mirror, name, seeds) };
  devices.push(made);
  return made;
}

/** One round of sync for a device: its changes out, replication both ways, what arrived in. */
async function sync(one: Device): Promise<void> {
  for (const table of SYNCING_TABLES) await one.bridge.pushLocal(table);
  await PouchDB.replicate(one.mirror, server);
  await PouchDB.replicate(server, one.mirror);
  await one.bridge.pullMirror();
}

/** Until nothing moves: both devices synced twice over. */
async function syncAll(...all: Device[]): Promise<void> {
  for (let round = 0; round < 2; round += 1) for (const one of all) await sync(one);
}

/** A film changed as the app's one write path changes it (stamping each changed field's time). */
async function changeFilm(one: Device, id: string, changes: Partial<Film>, at: string): Promise<void> {
  const film = await one.catalog.films.get(id);
  if (!film) throw new Error(`no film ${id}`);
  await one.catalog.films.put({ ...film, ...stampedFilmChanges(film, changes, at) });
}

beforeEach(() => {
  run += 1;
  server = new PouchDB<SyncDoc>(`server-${run}`, { adapter: 'memory' });
});

afterEach(async () => {
  for (const one of devices.splice(0)) {
    one.catalog.close();
    await one.catalog.delete();
    await one.mirror.destroy();
  }
  await server.destroy();
});

describe('two devices syncing through one server', () => {
  it('a film added on A appears on B, once, and Red Hot is not doubled', async () => {
    const a = await device('a');
    const b = await device('b');
    const alien = newFilmRecord(filmFields('Alien', { year: 1979 }), {}, 'film-alien', new Date('2026-11-02T10:00:00Z'));
    await a.catalog.films.add(alien);
    await syncAll(a, b);
    expect(await b.catalog.films.get('film-alien')).toMatchObject({ title: 'Alien', year: 1979, sortTitle: 'alien' });
    expect((await b.catalog.films.toArray()).map((film) => film.id).sort()).toEqual(['film-alien', SEED_FILM_ID].sort());
    expect(await b.catalog.filmSummaries.get('film-alien')).toMatchObject({ title: 'Alien' });
  });

  it('a film deleted on B disappears on A, with its viewings', async () => {
    const a = await device('a');
    const b = await device('b');
    await a.catalog.films.add(newFilmRecord(filmFields('Alien'), {}, 'film-alien', new Date('2026-11-02T10:00:00Z')));
    await a.catalog.viewings.add({
      id: 'viewing-1', filmId: 'film-alien', watchedOn: '2026-11-01', rewatch: false, rating: null, medium: null, note: '',
      createdAt: '2026-11-02T10:00:00.000Z', updatedAt: '2026-11-02T10:00:00.000Z',
    });
    await syncAll(a, b);
    expect(await b.catalog.viewings.count()).toBe(1);
    await b.catalog.transaction('rw', [b.catalog.films, b.catalog.viewings], async () => {
      await b.catalog.viewings.where('filmId').equals('film-alien').delete();
      await b.catalog.films.delete('film-alien');
    });
    await syncAll(b, a);
    expect(await a.catalog.films.get('film-alien')).toBeUndefined();
    expect(await a.catalog.viewings.count()).toBe(0);
  });

  it('Red Hot deleted on A stays deleted when a new device joins with its own seeded Red Hot', async () => {
    const a = await device('a');
    await a.catalog.films.delete(SEED_FILM_ID);
    await syncAll(a);
    const c = await device('c');
    expect(await c.catalog.films.get(SEED_FILM_ID)).toBeDefined();
    await syncAll(c, a);
    expect(await c.catalog.films.get(SEED_FILM_ID)).toBeUndefined();
    expect(await a.catalog.films.get(SEED_FILM_ID)).toBeUndefined();
  });

  it('different fields of one film changed on both devices while apart: both changes kept on both', async () => {
    const a = await device('a');
    const b = await device('b');
    await syncAll(a, b);
    await changeFilm(a, SEED_FILM_ID, { rating: 8 }, '2026-11-03T10:00:00.000Z');
    await changeFilm(b, SEED_FILM_ID, { tags: ['Documentary'] }, '2026-11-03T11:00:00.000Z');
    await syncAll(a, b);
    for (const one of [a, b]) expect(await one.catalog.films.get(SEED_FILM_ID)).toMatchObject({ rating: 8, tags: ['Documentary'] });
  });

  it('the same field changed on both: the later change is kept everywhere and the other listed as a conflict', async () => {
    const a = await device('a');
    const b = await device('b');
    await syncAll(a, b);
    await changeFilm(a, SEED_FILM_ID, { rating: 4 }, '2026-11-03T10:00:00.000Z');
    await changeFilm(b, SEED_FILM_ID, { rating: 9 }, '2026-11-03T12:00:00.000Z');
    await syncAll(a, b);
    for (const one of [a, b]) expect((await one.catalog.films.get(SEED_FILM_ID))?.rating).toBe(9);
    const doc = await a.mirror.get(`films:${SEED_FILM_ID}`);
    expect(docConflicts(doc)).toEqual([
      expect.objectContaining({ field: 'rating', kept: expect.objectContaining({ value: 9 }), others: [expect.objectContaining({ value: 4 })] }),
    ]);
  });

  it('a change made here after a change arrived in the mirror but before it was stored is not undone by either', async () => {
    const a = await device('a');
    const b = await device('b');
    await syncAll(a, b);
    await changeFilm(a, SEED_FILM_ID, { rating: 6 }, '2026-11-03T10:00:00.000Z');
    await syncAll(a);
    // B's mirror receives A's rating, then B (not having stored it yet) changes its tags.
    await PouchDB.replicate(server, b.mirror);
    await changeFilm(b, SEED_FILM_ID, { tags: ['Late night'] }, '2026-11-03T11:00:00.000Z');
    await syncAll(b, a);
    for (const one of [a, b]) expect(await one.catalog.films.get(SEED_FILM_ID)).toMatchObject({ rating: 6, tags: ['Late night'] });
  });

  it('writing here onto a document replication just made conflicted loses neither branch', async () => {
    const a = await device('a');
    const b = await device('b');
    await syncAll(a, b);
    await changeFilm(a, SEED_FILM_ID, { rating: 4 }, '2026-11-03T10:00:00.000Z');
    await a.bridge.pushLocal('films');
    await changeFilm(b, SEED_FILM_ID, { rating: 9 }, '2026-11-03T12:00:00.000Z');
    await syncAll(b);
    // A's mirror now holds both branches, unmerged; A changes another field and writes before pulling.
    await PouchDB.replicate(server, a.mirror);
    await changeFilm(a, SEED_FILM_ID, { favourite: true }, '2026-11-03T13:00:00.000Z');
    await a.bridge.pushLocal('films');
    await syncAll(a, b);
    for (const one of [a, b]) expect(await one.catalog.films.get(SEED_FILM_ID)).toMatchObject({ rating: 9, favourite: true });
    const doc = await b.mirror.get(`films:${SEED_FILM_ID}`);
    expect(docConflicts(doc)).toEqual([expect.objectContaining({ field: 'rating', others: [expect.objectContaining({ value: 4 })] })]);
  });

  it('a film deleted on B while edited on A stays deleted, the edit listed with a way to restore it', async () => {
    const a = await device('a');
    const b = await device('b');
    await syncAll(a, b);
    await changeFilm(a, SEED_FILM_ID, { rating: 7 }, '2026-11-03T10:00:00.000Z');
    await a.bridge.pushLocal('films');
    await b.catalog.films.delete(SEED_FILM_ID);
    await syncAll(b, a);
    for (const one of [a, b]) expect(await one.catalog.films.get(SEED_FILM_ID)).toBeUndefined();
    const doc = await a.mirror.get(`films:${SEED_FILM_ID}`);
    expect(docConflicts(doc)).toEqual([
      expect.objectContaining({ kind: 'changed-while-deleted', changes: [expect.objectContaining({ field: 'rating', version: expect.objectContaining({ value: 7 }) })] }),
    ]);
  });

  it('one note edited on both devices keeps both texts: the later shown, the other listed to choose or merge', async () => {
    const a = await device('a');
    const b = await device('b');
    const note = { id: 'note-1', filmId: SEED_FILM_ID, body: 'Seen at the Electric.', createdAt: '2026-11-02T10:00:00.000Z', updatedAt: '2026-11-02T10:00:00.000Z' };
    await a.catalog.notes.add(note);
    await syncAll(a, b);
    await a.catalog.notes.put({ ...note, body: 'Seen at the Electric, with Sam.', updatedAt: '2026-11-03T10:00:00.000Z' });
    await b.catalog.notes.put({ ...note, body: 'Seen at the Electric; the print was scratched.', updatedAt: '2026-11-03T11:00:00.000Z' });
    await a.bridge.pushLocal('notes');
    await syncAll(b, a);
    for (const one of [a, b]) expect((await one.catalog.notes.get('note-1'))?.body).toBe('Seen at the Electric; the print was scratched.');
    const doc = await a.mirror.get('notes:note-1');
    expect(docConflicts(doc)).toEqual([
      expect.objectContaining({ field: 'body', others: [expect.objectContaining({ value: 'Seen at the Electric, with Sam.' })] }),
    ]);
  });

  it('two devices reordering the same list end with one order holding every entry exactly once', async () => {
    const a = await device('a');
    const b = await device('b');
    const at = '2026-11-02T10:00:00.000Z';
    await a.catalog.lists.add({ id: 'list-1', name: 'Best of', description: '', ranked: true, createdAt: at, updatedAt: at });
    const films = ['film-1', 'film-2', 'film-3', 'film-4'];
    for (const [index, id] of films.entries()) {
      await a.catalog.films.add(newFilmRecord(filmFields(`Film ${index + 1}`), {}, id, new Date(at)));
      await a.catalog.listEntries.add({ id: `entry-${index + 1}`, listId: 'list-1', filmId: id, rank: `a${index}`, note: '', addedAt: at, updatedAt: at });
    }
    await syncAll(a, b);
    // A moves the last entry first; B moves the first entry last (each rewriting only the entry it moved).
    await a.catalog.listEntries.update('entry-4', { rank: 'Z', updatedAt: '2026-11-03T10:00:00.000Z' });
    await b.catalog.listEntries.update('entry-1', { rank: 'a4', updatedAt: '2026-11-03T11:00:00.000Z' });
    await a.bridge.pushLocal('listEntries');
    await syncAll(b, a);
    const orderOf = async (one: Device) =>
      (await one.catalog.listEntries.where('listId').equals('list-1').toArray()).sort(compareListEntries).map((entry) => entry.filmId);
    expect(await orderOf(a)).toEqual(['film-4', 'film-2', 'film-3', 'film-1']);
    expect(await orderOf(b)).toEqual(await orderOf(a));
  });

  it('a device joining later takes Red Hot as the others left it: its own fresh seed, made after, changes nothing', async () => {
    const a = await device('a');
    await syncAll(a);
    // Rated last month on A; C is set up today, seeding its own Red Hot now, and joins.
    await changeFilm(a, SEED_FILM_ID, { rating: 8, tags: ['Cold War'] }, '2026-10-29T10:00:00.000Z');
    await syncAll(a);
    const c = await device('c');
    await syncAll(c, a);
    for (const one of [a, c]) expect(await one.catalog.films.get(SEED_FILM_ID)).toMatchObject({ rating: 8, tags: ['Cold War'] });
    expect(docConflicts(await a.mirror.get(`films:${SEED_FILM_ID}`))).toEqual([]);
  });

  it('Red Hot rated here before sync was ever turned on keeps that rating when this device first syncs', async () => {
    const a = await device('a');
    // As a catalog from before per-field change times: the rating is there, with no time of its own.
    const film = (await a.catalog.films.get(SEED_FILM_ID))!;
    await a.catalog.films.put({ ...film, rating: 7 });
    const c = await device('c');
    await syncAll(a, c);
    for (const one of [a, c]) expect((await one.catalog.films.get(SEED_FILM_ID))?.rating).toBe(7);
  });

  it('a poster set on A arrives on B with its image and thumbnail, byte for byte', async () => {
    const a = await device('a');
    const b = await device('b');
    const at = '2026-11-03T10:00:00.000Z';
    const image = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4])], { type: 'image/png' });
    const thumbnail = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 9, 8])], { type: 'image/jpeg' });
    await a.catalog.posters.add({ id: 'poster-1', filmId: SEED_FILM_ID, image, thumbnail, mimeType: 'image/png', width: 200, height: 300, createdAt: at });
    await changeFilm(a, SEED_FILM_ID, { poster: { kind: 'image', posterId: 'poster-1' } }, at);
    await syncAll(a, b);
    expect((await b.catalog.films.get(SEED_FILM_ID))?.poster).toEqual({ kind: 'image', posterId: 'poster-1' });
    const arrived = await b.catalog.posters.get('poster-1');
    expect(arrived).toMatchObject({ filmId: SEED_FILM_ID, mimeType: 'image/png', width: 200, height: 300 });
    expect(new Uint8Array(await arrived!.image.arrayBuffer())).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]));
    expect(new Uint8Array(await arrived!.thumbnail.arrayBuffer())).toEqual(new Uint8Array([0xff, 0xd8, 0xff, 9, 8]));
    // Changing the film afterwards keeps the poster document's attachments.
    await changeFilm(a, SEED_FILM_ID, { rating: 6 }, '2026-11-04T10:00:00.000Z');
    await syncAll(a, b);
    const doc = await a.mirror.get('posters:poster-1', { attachments: true });
    expect(Object.keys(doc._attachments ?? {}).sort()).toEqual(['image', 'thumbnail']);
  });

  it('a film imported on both devices before they synced is one film after B joins, its diary not doubled', async () => {
    const a = await device('a');
    const b = await device('b');
    const at = new Date('2026-11-02T10:00:00Z');
    const viewing = (id: string, filmId: string, watchedOn: string, rating: HalfStars | null): Viewing => ({
      id, filmId, watchedOn, rewatch: false, rating, medium: null, note: '', createdAt: at.toISOString(), updatedAt: at.toISOString(),
    });
    await a.catalog.films.add(newFilmRecord(filmFields('Alien', { year: 1979 }), { externalIds: ['imdb:tt0078748'], rating: 8 }, 'film-a', at));
    await a.catalog.viewings.add(viewing('v-a1', 'film-a', '2024-05-01', 8));
    await syncAll(a);
    // B imported the same film on its own: another id, a tag, the same viewing and one more.
    await b.catalog.films.add(newFilmRecord(filmFields('Alien', { year: 1979 }), { externalIds: ['imdb:tt0078748'], tags: ['Space'] }, 'film-b', at));
    await b.catalog.viewings.bulkAdd([viewing('v-b1', 'film-b', '2024-05-01', 8), viewing('v-b2', 'film-b', '2025-01-01', null)]);
    await PouchDB.replicate(server, b.mirror);
    expect(await mergeJoiningFilms(b.catalog, b.mirror, new Date('2026-11-03T10:00:00Z'))).toBe(1);
    await syncAll(b, a);
    for (const one of [a, b]) {
      const alien = (await one.catalog.films.toArray()).filter((film) => film.title === 'Alien');
      expect(alien.map(({ id, rating, tags }) => ({ id, rating, tags }))).toEqual([{ id: 'film-a', rating: 8, tags: ['Space'] }]);
      expect((await one.catalog.viewings.where('filmId').equals('film-a').toArray()).map((v) => v.watchedOn).sort()).toEqual(['2024-05-01', '2025-01-01']);
      expect(await one.catalog.viewings.count()).toBe(2);
    }
  });

  it('a record a server holds damaged is refused by its schema and named, and the rest are stored', async () => {
    const a = await device('a');
    const b = await device('b');
    await a.catalog.films.add(newFilmRecord(filmFields('Alien'), {}, 'film-alien', new Date('2026-11-02T10:00:00Z')));
    await syncAll(a);
    const doc = await server.get('films:film-alien');
    await server.put({ ...doc, fields: { ...doc.fields, rating: [{ value: 20, device: 'x', counter: 1, at: '2026-11-04T00:00:00.000Z' }] }, clock: { ...doc.clock, x: 1 } });
    await PouchDB.replicate(server, b.mirror);
    const pulled = await b.bridge.pullMirror();
    expect(pulled.refused).toEqual([expect.objectContaining({ table: 'films', id: 'film-alien', error: expect.stringContaining('rating') })]);
    expect(await b.catalog.films.get('film-alien')).toBeUndefined();
    expect(await b.catalog.films.get(SEED_FILM_ID)).toBeDefined();
  });
});
