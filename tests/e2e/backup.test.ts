/**
 * Backups end to end in Chromium: a catalog with ratings, notes, a diary, a list, a copy and a poster is backed
 * up (the browser build downloads the .cinefile), the catalog is deleted, and the backup restored with Replace
 * gives back every film page exactly. Takes the README's screenshot of a restore preview.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { CatalogApp } from './pages/catalog-app';
import { appPerTest } from './session';
import { chromiumTarget } from './targets';

const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));
const baseUrl = inject('baseUrl');

describe('Backups in chromium', () => {
  const session = appPerTest(chromiumTarget(baseUrl));

  it('backs up, loses the catalog, restores it with Replace, and every film page is as it was', async () => {
    const { page } = session;
    const app = new CatalogApp(page);
    await app.openFilm('Red Hot');
    await app.rating().getByRole('radio', { name: '4.5 stars' }).click();
    await app.addNote('Seen at the *Odeon*, "front row".');
    await app.addFilm({ title: 'Amélie', year: '2001', directors: 'Jean-Pierre Jeunet', cast: [{ name: 'Audrey Tautou', role: 'Amélie' }] });
    await page.getByRole('button', { name: 'Log viewing' }).click();
    await page.getByRole('list', { name: 'Viewings' }).waitFor();
    /** The film page's text once every panel has loaded (the same on two reads 300 ms apart). */
    const filmPage = async (title: string) => {
      await app.goToLibrary();
      await app.openFilm(title);
      await page.getByRole('radiogroup', { name: 'Rating' }).waitFor();
      let text = await page.locator('main').innerText();
      for (let read = 0; read < 20; read += 1) {
        await page.waitForTimeout(300);
        const again = await page.locator('main').innerText();
        if (again === text) break;
        text = again;
      }
      return text;
    };
    const before = { redHot: await filmPage('Red Hot'), amelie: await filmPage('Amélie') };

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Back up now…' }).click();
    const folder = mkdtempSync(join(tmpdir(), 'cinefile-backup-'));
    try {
      const file = join(folder, (await download).suggestedFilename());
      await (await download).saveAs(file);
      expect((await download).suggestedFilename()).toMatch(/^cinefile-backup-\d{4}-\d{2}-\d{2}\.cinefile$/);

      // Everything goes: the catalog is deleted from another tab; this window lets go and starts anew.
      const other = await page.context().newPage();
      await other.goto(baseUrl);
      await other.evaluate(() => new Promise((resolve) => { indexedDB.deleteDatabase('cinefile').onsuccess = resolve; }));
      await other.close();
      await page.getByRole('button', { name: 'Reload' }).click();
      await app.goToLibrary();
      expect(await app.libraryTitles()).toEqual(['Red Hot']);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await page.getByLabel('Backup file to restore').setInputFiles({ name: 'my.cinefile', mimeType: 'application/octet-stream', buffer: readFileSync(file) });
      const holds = page.getByRole('list', { name: 'What this backup holds' });
      await holds.waitFor();
      expect(await holds.getByRole('listitem').first().textContent()).toBe('2 films');
      await page.screenshot({ path: `${screenshotDir}restore-preview.png` });
      await page.getByRole('button', { name: 'Replace my catalog' }).click();
      await page.locator('.toast').filter({ hasText: /^Restored/ }).waitFor();
      expect(await filmPage('Red Hot')).toBe(before.redHot);
      expect(await filmPage('Amélie')).toBe(before.amelie);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not a backup, naming it, and changes nothing', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Backup file to restore').setInputFiles({ name: 'notes.cinefile', mimeType: 'text/plain', buffer: Buffer.from('not a zip') });
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(
      '“notes.cinefile” is not a zip file; it may be damaged or incomplete. Nothing was restored; your catalog is unchanged.',
    );
    await new CatalogApp(page).goToLibrary();
    expect(await new CatalogApp(page).libraryTitles()).toEqual(['Red Hot']);
  });
});
