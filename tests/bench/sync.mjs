/**
 * Sync figures for `npm run bench`: a device holding `size` films turns sync on against a CouchDB-protocol server on
 * 127.0.0.1 (pouchdb-server --in-memory, or COUCHDB_URL), then a new device joins it through Settings › Sync as a
 * person would. Reported: the first device's first push (s), the new device's first sync until its Library shows
 * every film (s: sync_first_10k_s at 10,000 films), the storage the sync mirror adds on the
 * first device (MB, from navigator.storage.estimate), and the delay from a rating given on one device to it showing
 * on the other (ms).
 */
import { startCouchServer } from '../fixtures/couch-server.mjs';
import { freshProfile, launch } from './browser.mjs';

const LONG = 60 * 60 * 1000;

async function storageUsedMb(page) {
  const { usage } = await page.evaluate(() => navigator.storage.estimate());
  return Math.round((usage / 1048576) * 10) / 10;
}

async function turnOnSync(page, baseUrl, server, database, create) {
  await page.goto(`${baseUrl}#/settings`);
  await page.getByLabel('Server address').fill(server.url);
  await page.getByLabel('Database').fill(database);
  await page.getByLabel('User name').fill(server.admin.username);
  await page.getByLabel('Password', { exact: true }).fill(server.admin.password);
  if (create) {
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByRole('button', { name: 'Create the database' }).click();
    await page.getByTestId('sync-verdict').getByText('Connected').waitFor({ timeout: 60_000 });
  }
  const started = Date.now();
  await page.getByRole('button', { name: 'Turn sync on' }).click();
  return started;
}

const upToDate = (page) => page.locator('.sync-status[data-sync-state="up-to-date"]').waitFor({ timeout: LONG });

/**
 * `seedProfile(baseUrl, dir, size)` fills a profile with the bench's synthetic catalog; returns the figures.
 */
export async function measureSync(baseUrl, seedProfile, size) {
  const label = size % 1000 === 0 ? `${size / 1000}k` : String(size);
  const server = await startCouchServer(new URL(baseUrl).origin);
  const first = freshProfile();
  const second = freshProfile();
  const database = `bench-${size}`;
  try {
    await seedProfile(baseUrl, first.dir, size);
    const a = await launch(first.dir, `sync ${size} A`);
    const figures = {};
    try {
      await a.page.goto(baseUrl);
      await a.page.waitForFunction(() => /\d/.test(window.__benchProbes?.countText() ?? ''), null, { timeout: LONG });
      const before = await storageUsedMb(a.page);
      const pushStarted = await turnOnSync(a.page, baseUrl, server, database, true);
      await upToDate(a.page);
      figures[`sync_push_${label}_s`] = Math.round((Date.now() - pushStarted) / 100) / 10;
      figures[`sync_mirror_storage_${label}_mb`] = Math.round(((await storageUsedMb(a.page)) - before) * 10) / 10;
      figures[`catalog_storage_${label}_mb`] = before;

      const b = await launch(second.dir, `sync ${size} B`);
      try {
        await b.page.goto(baseUrl);
        await b.page.waitForFunction(() => /\d/.test(window.__benchProbes?.countText() ?? ''), null, { timeout: 60_000 });
        const joinStarted = await turnOnSync(b.page, baseUrl, server, database, false);
        await upToDate(b.page);
        await b.page.goto(`${baseUrl}#/`);
        const total = (size + 1).toLocaleString('en');
        await b.page.waitForFunction((count) => window.__benchProbes?.countText().includes(count), total, { timeout: LONG, polling: 200 });
        figures[`sync_first_${label}_s`] = Math.round((Date.now() - joinStarted) / 100) / 10;

        // A rating given on A, until B's page of the same film shows it.
        await a.page.goto(`${baseUrl}#/films/seed-red-hot-1993`);
        await b.page.goto(`${baseUrl}#/films/seed-red-hot-1993`);
        const radio = (page) => page.getByRole('radiogroup', { name: 'Rating' }).getByRole('radio', { name: '3.5 stars' });
        await radio(b.page).waitFor();
        const rated = Date.now();
        await radio(a.page).click();
        await b.page.waitForFunction(
          () => document.querySelector('[role="radiogroup"][aria-label="Rating"] input[aria-label="3.5 stars"]')?.checked === true,
          null,
          { timeout: 120_000, polling: 50 },
        );
        figures.sync_change_delay_ms = Date.now() - rated;
      } finally {
        await b.context.close();
      }
    } finally {
      await a.context.close();
    }
    return figures;
  } finally {
    first.remove();
    second.remove();
    await server.stop();
  }
}
