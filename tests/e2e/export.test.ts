/**
 * Exports end to end in Chromium: a ranked list exported as a web page opens on its own, offline, in order, with
 * its posters embedded and its text escaped (a `<script>` title is shown, never run); the Diary exported as a
 * Letterboxd CSV imports into a fresh catalog with the same films, ratings and viewings. Takes the README's
 * screenshot of an exported list.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Download, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { CatalogApp } from './pages/catalog-app';
import { ImportPages } from './pages/imports';
import { ListsModel } from './pages/lists';
import { appPerTest } from './session';
import { chromiumTarget, freshProfile } from './targets';

const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));
const target = chromiumTarget(inject('baseUrl'));

/** Chooses Export… › `format` and saves the download; answers its path and the suggested name. */
async function exportAs(page: Page, format: string, folder: string): Promise<{ path: string; name: string }> {
  const download: Promise<Download> = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByRole('menuitem', { name: format }).click();
  const file = await download;
  const path = join(folder, file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

describe('Exports in chromium', () => {
  const session = appPerTest(target);

  it('exports a ranked list as a web page that opens offline, in order, posters embedded, text escaped', async () => {
    const { page } = session;
    const app = new CatalogApp(page);
    const lists = new ListsModel(page);
    await lists.createList({ name: 'Best of 1993 & “friends”', description: 'Mine, "best" first.', ranked: true });
    await app.goToLibrary();
    await app.openFilm('Red Hot');
    await app.rating().getByRole('radio', { name: '4.5 stars' }).click();
    await lists.addOpenFilmTo('Best of 1993 & “friends”');
    await app.addFilm({ title: '<script>document.title="owned"</script>', year: '1993' });
    await lists.addOpenFilmTo('Best of 1993 & “friends”');
    await lists.openList('Best of 1993 & “friends”');

    const folder = mkdtempSync(join(tmpdir(), 'cinefile-export-'));
    try {
      const { path, name } = await exportAs(page, 'Web page (HTML)', folder);
      expect(name).toBe('Best of 1993 & “friends”.html');
      const html = readFileSync(path, 'utf8');
      expect(html).not.toMatch(/<script/i);
      // The exported page, on its own: no app, no network.
      const exported = await page.context().newPage();
      await exported.goto(`file://${path}`);
      const titles = await exported.locator('h2, h3, .title, [class*="title"]').allTextContents();
      expect(titles.join('\n')).toContain('<script>document.title="owned"</script>');
      const text = await exported.locator('body').innerText();
      expect(text.indexOf('Red Hot')).toBeLessThan(text.indexOf('<script>document.title="owned"</script>'));
      expect(text).toContain('Best of 1993 & “friends”');
      const images = await exported.locator('img').evaluateAll((imgs) => imgs.map((img) => [(img as HTMLImageElement).src.slice(0, 22), (img as HTMLImageElement).naturalWidth]));
      expect(images).toEqual([['data:image/svg+xml;bas', expect.any(Number)]]);
      expect(images[0]?.[1]).toBeGreaterThan(0);
      await exported.screenshot({ path: `${screenshotDir}exported-list.png` });
      await exported.close();

      // The same list as CSV: ranked rows in order, the title quoted with its quotes doubled.
      const csv = readFileSync((await exportAs(page, 'CSV (spreadsheet)', folder)).path, 'utf8').split('\r\n');
      expect(csv[1]).toMatch(/^1,Red Hot,1993,/);
      expect(csv[2]).toMatch(/^2,"<script>document.title=""owned""<\/script>",1993,/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('exports the Diary as a Letterboxd CSV that imports into a fresh catalog with the same films and viewings', async () => {
    const { page } = session;
    const app = new CatalogApp(page);
    await app.openFilm('Red Hot');
    await app.rating().getByRole('radio', { name: '3.5 stars', exact: true }).click();
    await page.getByRole('button', { name: 'Log viewing' }).click();
    await page.getByRole('list', { name: 'Viewings' }).waitFor();
    await app.addFilm({ title: 'Amélie', year: '2001', directors: 'Jean-Pierre Jeunet' });
    await app.rating().getByRole('radio', { name: '5 stars', exact: true }).click();
    await page.getByRole('button', { name: 'Log viewing' }).click();
    await page.getByRole('list', { name: 'Viewings' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diary' }).click();
    const folder = mkdtempSync(join(tmpdir(), 'cinefile-export-'));
    const profile = freshProfile();
    try {
      const { path } = await exportAs(page, 'Letterboxd CSV (to import on Letterboxd)', folder);
      const other = await target.launch(profile.dir);
      try {
        const imports = new ImportPages(other.page);
        await imports.openImport();
        await imports.choose({ name: 'cinefile-letterboxd.csv', mimeType: 'text/csv', buffer: readFileSync(path) });
        expect(await imports.counts()).toEqual(['1 new film', '1 film updated', '2 viewings']);
        await imports.confirm();
        await imports.importedToast().waitFor();
        const otherApp = new CatalogApp(other.page);
        await otherApp.goToLibrary();
        expect(await otherApp.libraryTitles()).toEqual(['Amélie', 'Red Hot']);
        await otherApp.openFilm('Amélie');
        expect(await otherApp.checkedRating()).toBe('5 stars');
        await expect.poll(() => other.page.getByRole('list', { name: 'Viewings' }).getByRole('listitem').count()).toBe(1);
      } finally {
        await other.close();
      }
    } finally {
      profile.remove();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
