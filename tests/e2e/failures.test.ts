/**
 * When another tab deletes the catalog, this window lets go of it at once and says so (in Chromium, on real
 * IndexedDB). Before, the connection was closed without a word, and a click on a star here then did nothing.
 * A full disk is simulated where IndexedDB reports it: Chromium's quota override over the DevTools protocol did
 * not take effect in headless Chromium here, so the page's IndexedDB refuses writes with QuotaExceededError itself.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { CatalogApp } from './pages/catalog-app';
import { appPerTest } from './session';
import { chromiumTarget } from './targets';

const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));
const baseUrl = inject('baseUrl');

describe('Failures a person is told about, in Chromium', () => {
  const session = appPerTest(chromiumTarget(baseUrl));

  it('says the disk is full when a rating cannot be saved, and keeps the catalog as it was', async () => {
    const { page } = session;
    await new CatalogApp(page).openFilm('Red Hot');
    await page.evaluate(() => {
      // Every write refused as a full disk refuses it; reads still work.
      const refuse = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.put = refuse;
      IDBObjectStore.prototype.add = refuse;
    });
    await page.getByRole('radio', { name: '4 stars' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'was not saved' });
    await expect.poll(() => alert.locator('span').textContent()).toBe(
      'Your rating of “Red Hot (1993)” was not saved: the disk is full. Free some disk space (or remove large posters), then try again.',
    );
    // Away from the stars, whose hover preview would otherwise show the rating that was not saved.
    await page.mouse.move(640, 60);
    expect(await page.getByRole('radio', { name: '4 stars' }).isChecked()).toBe(false);
    await page.screenshot({ path: `${screenshotDir}disk-full.png` });
    await session.restart();
    await new CatalogApp(session.page).openFilm('Red Hot');
    expect(await session.page.getByRole('radio', { name: '4 stars' }).isChecked()).toBe(false);
  });

  it('lets go of the catalog when another tab deletes it, says so, and offers Reload', async () => {
    const { page } = session;
    await new CatalogApp(page).openFilm('Red Hot');
    const other = await page.context().newPage();
    await other.goto(baseUrl);
    await other.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    const outcome = await other.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.deleteDatabase('cinefile');
          request.onsuccess = () => resolve('deleted');
          request.onerror = () => resolve('failed');
          // A window that held on to its connection would block the deletion.
          request.onblocked = () => resolve('blocked');
        }),
    );
    expect(outcome).toBe('deleted');

    const problem = page.getByRole('alert');
    await expect.poll(() => problem.getByRole('heading').textContent()).toBe('Another Cinefile window changed the catalog');
    expect(await problem.textContent()).toContain('Reload this window to open the catalog as it is now.');
    await page.screenshot({ path: `${screenshotDir}closed-elsewhere.png` });
    // Nothing quietly recreated the deleted catalog.
    expect(await other.evaluate(async () => (await indexedDB.databases()).map((database) => database.name))).toEqual([]);
    await other.close();

    // Reloaded on the same address: the deleted catalog starts anew, as on a first run, with Red Hot.
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('heading', { level: 1, name: 'Red Hot (1993)' }).waitFor();
  });
});
