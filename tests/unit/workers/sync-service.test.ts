/**
 * The sync worker's service end to end in Node: two devices (each a catalog in fake-indexeddb and a PouchDB mirror)
 * syncing live through a real CouchDB-protocol server on 127.0.0.1 (pouchdb-server; COUCHDB_URL for Apache CouchDB).
 */
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CinefileDb } from '../../../renderer/src/db/schema';
import { SEED_FILM_ID } from '../../../renderer/src/db/seed';
import { newFilmRecord, stampedFilmChanges } from '../../../renderer/src/domain/film';
import { checkSyncServer } from '../../../renderer/src/domain/sync-server';
import type { ConflictedRecord, SyncResponse, SyncStatus, SyncTarget } from '../../../renderer/src/workers/sync-protocol';
import { createDatabase } from '../../../renderer/src/workers/sync/connection';
import { createSyncService, type SyncService } from '../../../renderer/src/workers/sync/sync-service';
import { startCouchServer, type CouchServer } from '../../fixtures/couch-server.mjs';
import { filmFields } from '../../fixtures/catalog';

PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(replication);

let server: CouchServer;
let run = 0;
beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);
afterAll(async () => {
  await server.stop();
});

interface Device {
  catalog: CinefileDb;
  service: SyncService;
  messages: SyncResponse[];
  status(): SyncStatus | undefined;
  conflicts(): ConflictedRecord[];
}
const devices: Device[] = [];

async function device(name: string, fetchFrom: typeof fetch = fetch): Promise<Device> {
  const catalog = new CinefileDb(`sync-service-${name}-${run}`);
  await catalog.open();
  const messages: SyncResponse[] = [];
  let ids = 0;
  const service = createSyncService(catalog, (message) => messages.push(message), {
    PouchDB,
    mirrorAdapter: 'memory',
    fetch: fetchFrom,
    now: () => new Date(),
    newId: () => `${name}-${run}-${(ids += 1)}`,
  });
  const made: Device = {
    catalog,
    service,
    messages,
    status: () => messages.flatMap((message) => (message.type === 'status' ? [message.status] : [])).at(-1),
    conflicts: () => messages.flatMap((message) => (message.type === 'conflicts' ? [message.records] : [])).at(-1) ?? [],
  };
  devices.push(made);
  return made;
}

async function target(password = server.admin.password): Promise<SyncTarget> {
  const checked = checkSyncServer({ address: server.url, database: `catalog-${run}`, allowPlainHttpOnLan: false });
  if (!checked.ok) throw new Error(checked.error);
  const made = { serverUrl: server.url, databaseUrl: checked.databaseUrl, username: server.admin.username, password };
  await createDatabase(fetch, { ...made, password: server.admin.password });
  return made;
}

async function until(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const upToDate = (one: Device) => until('up to date', () => one.status()?.state === 'up-to-date');

/** A film changed as the app's write path does, then told to sync as the client forwards Dexie's storagemutated. */
async function changeFilm(one: Device, id: string, changes: Parameters<typeof stampedFilmChanges>[1]): Promise<void> {
  const film = (await one.catalog.films.get(id))!;
  await one.catalog.films.put({ ...film, ...stampedFilmChanges(film, changes, new Date().toISOString()) });
  one.service.receive({ type: 'changed', changes: { films: [id] } });
}

afterEach(async () => {
  for (const one of devices.splice(0)) {
    one.service.receive({ type: 'stop' });
    await one.service.idle();
    one.catalog.close();
    await one.catalog.delete();
  }
  run += 1;
});

describe('syncing through the server', () => {
  it('a new device joins with progress, gets the catalog once, and later additions appear on the other', async () => {
    const a = await device('a');
    await a.catalog.films.add(newFilmRecord(filmFields('Alien', { year: 1979 }), {}, 'film-alien', new Date('2026-11-02T10:00:00Z')));
    a.service.receive({ type: 'start', target: await target(), mergeConfirmed: false });
    await upToDate(a);

    const b = await device('b');
    b.service.receive({ type: 'start', target: await target(), mergeConfirmed: false });
    await upToDate(b);
    expect(b.messages.some((message) => message.type === 'status' && message.status.state === 'joining' && message.status.progress !== null)).toBe(true);
    expect((await b.catalog.films.orderBy('id').primaryKeys()).sort()).toEqual(['film-alien', SEED_FILM_ID].sort());

    await a.catalog.films.add(newFilmRecord(filmFields('Heat', { year: 1995 }), {}, 'film-heat', new Date()));
    a.service.receive({ type: 'changed', changes: { films: ['film-heat'] } });
    await until('Heat reaches B', async () => (await b.catalog.films.get('film-heat')) !== undefined);
    expect(await b.catalog.filmSummaries.get('film-heat')).toMatchObject({ title: 'Heat' });
  }, 60_000);

  it('a wrong password is reported as such, and nothing syncs', async () => {
    const a = await device('a');
    a.service.receive({ type: 'start', target: await target('wrong'), mergeConfirmed: false });
    await until('an error is shown', () => a.status()?.state === 'error');
    expect(a.status()?.message).toBe('The server refused the user name or password.');
    expect(a.messages).toContainEqual({ type: 'tested', verdict: { state: 'wrong-credentials' } });
  }, 30_000);

  it('the same field changed on both while paused: the later change everywhere, the other in Conflicts, swapped back on request', async () => {
    const a = await device('a');
    const b = await device('b');
    a.service.receive({ type: 'start', target: await target(), mergeConfirmed: false });
    await upToDate(a);
    b.service.receive({ type: 'start', target: await target(), mergeConfirmed: false });
    await upToDate(b);
    a.service.receive({ type: 'pause' });
    b.service.receive({ type: 'pause' });
    await changeFilm(a, SEED_FILM_ID, { rating: 4 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await changeFilm(b, SEED_FILM_ID, { rating: 9 });
    await changeFilm(a, SEED_FILM_ID, { tags: ['Cold War'] });
    a.service.receive({ type: 'resume' });
    b.service.receive({ type: 'resume' });
    for (const one of [a, b]) {
      await until('both changes merged', async () => {
        const film = await one.catalog.films.get(SEED_FILM_ID);
        return film?.rating === 9 && film.tags.includes('Cold War');
      });
    }
    await until('A lists the conflict', () => a.conflicts().length === 1);
    const [conflict] = a.conflicts();
    expect(conflict).toMatchObject({ table: 'films', id: SEED_FILM_ID, label: 'Red Hot (1993)' });
    expect(conflict?.conflicts).toEqual([
      expect.objectContaining({ kind: 'field', field: 'rating', kept: expect.objectContaining({ value: 9 }), others: [expect.objectContaining({ value: 4 })] }),
    ]);

    a.service.receive({ type: 'resolve', docId: conflict!.docId, choice: { kind: 'field', field: 'rating', value: 4 } });
    for (const one of [a, b]) await until('the swapped-back rating everywhere', async () => (await one.catalog.films.get(SEED_FILM_ID))?.rating === 4);
    await until('no conflict left on B', () => b.conflicts().length === 0 && a.conflicts().length === 0);
  }, 60_000);

  it('started with the app while the server is out of reach, says offline and starts by itself once it answers', async () => {
    let refusals = 2;
    const flaky: typeof fetch = (input, init) => (refusals-- > 0 ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init));
    const a = await device('a', flaky);
    a.service.receive({ type: 'start', target: await target(), mergeConfirmed: false, resumeWhenReachable: true });
    await until('offline is shown', () => a.status()?.state === 'offline');
    expect(a.status()?.message).toContain('cannot reach the server');
    await upToDate(a);
  }, 30_000);

  it('asks before merging a catalog of its own into a database holding another', async () => {
    const a = await device('a');
    a.service.receive({ type: 'start', target: await target(), mergeConfirmed: false });
    await upToDate(a);
    const b = await device('b');
    await b.catalog.films.add(newFilmRecord(filmFields('Thief'), {}, 'film-thief', new Date()));
    b.service.receive({ type: 'start', target: await target(), mergeConfirmed: false });
    await until('B asks', () => b.messages.some((message) => message.type === 'needs-confirmation'));
    expect(await b.catalog.films.count()).toBe(2);
    b.service.receive({ type: 'start', target: await target(), mergeConfirmed: true });
    await upToDate(b);
    await until('Thief reaches A', async () => (await a.catalog.films.get('film-thief')) !== undefined);
  }, 60_000);
});
