/**
 * Sync end to end: two browser profiles (two devices) sync through a CouchDB-protocol server the test starts on
 * 127.0.0.1 (pouchdb-server --in-memory; with COUCHDB_URL set, a real Apache CouchDB). Each device is Cinefile in its
 * own Chromium profile, set up through Settings › Sync as a person would.
 */
import { connect as connectTcp, createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCouchServer, type CouchServer } from '../fixtures/couch-server.mjs';
import { CatalogApp } from './pages/catalog-app';
import { fixturePath, PosterPicker } from './pages/posters';
import { SyncPages, type SyncAccount } from './pages/sync';
import { chromiumTarget, freshProfile, type RunningApp } from './targets';

const baseUrl = inject('baseUrl');
const target = chromiumTarget(baseUrl);
let server: CouchServer;
let database = 0;

interface Device {
  app: CatalogApp;
  sync: SyncPages;
  errors: string[];
  running: RunningApp;
  remove: () => void;
}
const open: Device[] = [];

async function device(): Promise<Device> {
  const profile = freshProfile();
  const running = await target.launch(profile.dir);
  const errors: string[] = [];
  running.page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  running.page.on('pageerror', (error) => errors.push(`Uncaught: ${error.message}`));
  running.page.setDefaultTimeout(15_000);
  const made = { app: new CatalogApp(running.page), sync: new SyncPages(running.page), errors, running, remove: profile.remove };
  open.push(made);
  return made;
}

function account(password = server.admin.password, address = server.url): SyncAccount {
  return { address, database: `cinefile-e2e-${database}`, username: server.admin.username, password };
}

/** A way to the server that the test can cut, as a network drops: connections refused and open ones broken. */
async function cuttableRoute(): Promise<{ address: string; cut(): void; restore(): void; close(): Promise<void> }> {
  const upstream = new URL(server.url);
  const sockets = new Set<Socket>();
  let open = true;
  const proxy: Server = createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const toServer = connectTcp(Number(upstream.port), upstream.hostname);
    sockets.add(client).add(toServer);
    client.pipe(toServer).pipe(client);
    const forget = () => {
      sockets.delete(client);
      sockets.delete(toServer);
      client.destroy();
      toServer.destroy();
    };
    client.on('error', forget).on('close', forget);
    toServer.on('error', forget).on('close', forget);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as { port: number };
  return {
    address: `http://127.0.0.1:${port}/`,
    cut() {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      open = true;
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => proxy.close(() => resolve()));
    },
  };
}

/** Sets sync up on a device; the first one creates the database. */
async function connect(one: Device, create: boolean, address = server.url): Promise<void> {
  await one.sync.openSettings();
  await one.sync.fill(account(server.admin.password, address));
  if (create) {
    await one.running.page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => one.sync.verdict()).toContain('does not exist on this server yet');
    await one.running.page.getByRole('button', { name: 'Create the database' }).click();
    await expect.poll(() => one.sync.verdict()).toContain('Connected');
  }
  await one.sync.turnOn();
  await one.sync.waitUntilUpToDate();
}

beforeAll(async () => {
  server = await startCouchServer(new URL(baseUrl).origin);
}, 60_000);

afterAll(async () => {
  await server.stop();
});

afterEach(async () => {
  database += 1;
  const reported: string[] = [];
  for (const one of open.splice(0)) {
    reported.push(...one.errors);
    await one.running.close();
    one.remove();
  }
  expect(reported, 'console errors, CSP violations or uncaught errors in either device').toEqual([]);
});

/** Waits until a device's Library shows (or no longer shows) a title. */
async function libraryHas(one: Device, title: string, present = true, timeout = 20_000): Promise<void> {
  await one.app.goToLibrary();
  await expect.poll(async () => (await one.app.libraryTitles()).includes(title), { timeout }).toBe(present);
}

async function pause(one: Device): Promise<void> {
  await one.sync.openSettings();
  await one.running.page.getByRole('button', { name: 'Pause' }).click();
  await one.running.page.locator('.sync-status[data-sync-state="paused"]').waitFor();
}

async function resume(one: Device): Promise<void> {
  await one.sync.openSettings();
  await one.running.page.getByRole('button', { name: 'Resume' }).click();
}

async function rate(one: Device, title: string, stars: string): Promise<void> {
  await one.app.goToLibrary();
  await one.app.openFilm(title);
  await one.app.rating().getByRole('radio', { name: stars }).click();
}

describe('two devices syncing through the user’s server', () => {
  it('a film added on A appears on B once; one deleted on B disappears on A', async () => {
    const a = await device();
    const b = await device();
    await connect(a, true);
    await connect(b, false);
    await a.app.addFilm({ title: 'Alien', year: '1979', directors: 'Ridley Scott' });
    await libraryHas(b, 'Alien');
    expect((await b.app.libraryTitles()).filter((title) => title === 'Red Hot')).toHaveLength(1);

    await b.app.openFilm('Alien');
    await b.running.page.getByRole('button', { name: 'Delete film' }).click();
    await b.running.page.getByText('Deleted “Alien (1979)”.').waitFor();
    await libraryHas(a, 'Alien', false);
  }, 120_000);

  it('different fields changed on both while paused are both kept; the same field lands in Conflicts, swapped back there', async () => {
    const a = await device();
    const b = await device();
    await connect(a, true);
    await connect(b, false);
    await pause(a);
    await pause(b);
    // Different fields: A rates Red Hot, B tags it.
    await rate(a, 'Red Hot', '2 stars');
    await b.app.goToLibrary();
    await b.app.openFilm('Red Hot');
    await b.running.page.getByRole('combobox', { name: 'Add a tag' }).fill('Cold War');
    await b.running.page.keyboard.press('Enter');
    await b.running.page.getByRole('list', { name: 'Tags of this film' }).getByText('Cold War').waitFor();
    // The same field: B rates it too, later than A.
    await b.app.rating().getByRole('radio', { name: '4.5 stars' }).click();
    await resume(a);
    await resume(b);
    for (const one of [a, b]) {
      await one.app.goToLibrary();
      await one.app.openFilm('Red Hot');
      await expect.poll(() => one.app.checkedRating(), { timeout: 20_000 }).toBe('4.5 stars');
      await one.running.page.getByRole('list', { name: 'Tags of this film' }).getByText('Cold War').waitFor();
    }

    // A lists the conflict: the later rating shown, the other one offered back.
    await a.running.page.getByRole('link', { name: '1 conflict' }).click();
    await a.running.page.getByRole('heading', { name: 'Conflicts', level: 1 }).waitFor();
    await a.running.page.getByRole('heading', { name: 'Red Hot (1993)', level: 2 }).waitFor();
    expect(await a.running.page.getByTestId('conflict-kept').innerText()).toBe('4.5 ★');
    expect(await a.running.page.getByTestId('conflict-other').innerText()).toBe('2 ★');
    await a.running.page.screenshot({ path: new URL('./screenshots/sync-conflicts.png', import.meta.url).pathname });
    await a.running.page.getByRole('button', { name: 'Use “2 ★” instead' }).click();
    await a.running.page.getByText('Nothing to settle: every device agrees.').waitFor({ timeout: 20_000 });
    for (const one of [a, b]) {
      await one.app.goToLibrary();
      await one.app.openFilm('Red Hot');
      await expect.poll(() => one.app.checkedRating(), { timeout: 20_000 }).toBe('2 stars');
    }
    await expect.poll(() => b.running.page.getByRole('link', { name: /conflict/ }).count()).toBe(0);
  }, 180_000);

  it('a poster set on A shows on B', async () => {
    const a = await device();
    const b = await device();
    await connect(a, true);
    await connect(b, false);
    await a.app.goToLibrary();
    await a.app.openFilm('Red Hot');
    await new PosterPicker(a.running.page).chooseFile(fixturePath('poster.png'));
    await expect.poll(() => PosterPicker.naturalWidth(new PosterPicker(a.running.page).largePoster('Red Hot'))).toBe(200);
    await b.app.goToLibrary();
    await expect.poll(() => PosterPicker.naturalWidth(new PosterPicker(b.running.page).gridPoster('Red Hot')), { timeout: 20_000 }).toBe(200);
    await b.app.openFilm('Red Hot');
    await expect.poll(() => PosterPicker.naturalWidth(new PosterPicker(b.running.page).largePoster('Red Hot'))).toBe(200);
  }, 120_000);

  it('changes made offline catch up when the server is back', async () => {
    const route = await cuttableRoute();
    try {
      const a = await device();
      const b = await device();
      await connect(a, true, route.address);
      await connect(b, false);
      route.cut();
      await a.app.addFilm({ title: 'Thief', year: '1981' });
      await a.running.page.locator('.sync-status[data-sync-state="offline"]').waitFor({ timeout: 30_000 });
      expect(await a.sync.status().innerText()).toMatch(/^Offline/);
      await b.app.goToLibrary();
      expect(await b.app.libraryTitles()).not.toContain('Thief');
      route.restore();
      await libraryHas(b, 'Thief', true, 45_000);
      await a.sync.waitUntilUpToDate();
      // Chromium logs the refused connections while the route was cut; they are the point of this test.
      for (const one of [a, b]) one.errors.splice(0, one.errors.length, ...one.errors.filter((error) => !error.includes('ERR_')));
    } finally {
      await route.close();
    }
  }, 120_000);

  it('a wrong password is reported, and nothing syncs', async () => {
    const a = await device();
    await a.sync.openSettings();
    await a.sync.fill(account('not-the-password'));
    await a.running.page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => a.sync.verdict()).toBe('The server refused the user name or password.');
    await a.sync.turnOn();
    await expect.poll(() => a.sync.status().innerText()).toBe('Sync stopped: The server refused the user name or password.');
    // The status line leads to where it can be put right.
    await a.app.goToLibrary();
    await a.sync.status().click();
    await a.running.page.getByRole('heading', { name: 'Sync', level: 2 }).waitFor();
    a.errors.splice(0, a.errors.length, ...a.errors.filter((error) => !error.includes('401')));
  }, 60_000);
});
