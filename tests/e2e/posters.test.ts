/**
 * Posters end to end in Chromium: set a new film's poster from the file dialog and Red Hot's by dropping an image,
 * see both on the film page and in the Library grid (real decoding, real thumbnails, real IndexedDB Blobs), keep
 * them across a reload, and refuse a non-image and a damaged image while the poster stays as it was.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { CatalogApp } from './pages/catalog-app';
import { fixturePath, PosterPicker } from './pages/posters';
import { appPerTest } from './session';
import { chromiumTarget } from './targets';

const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));
const target = chromiumTarget(inject('baseUrl'));
const { naturalWidth } = PosterPicker;

describe('Posters in Chromium', () => {
  const session = appPerTest(target);
  let page: Page;
  let app: CatalogApp;
  let posters: PosterPicker;

  beforeEach(() => {
    page = session.page;
    app = new CatalogApp(page);
    posters = new PosterPicker(page);
  });

  it('sets a poster from the file dialog; the film page and the Library show it, also after a reload', async () => {
    await app.addFilm({ title: 'Stalker', year: '1979', directors: 'Andrei Tarkovsky', runtime: '162' });
    await page.getByRole('img', { name: 'No poster for Stalker' }).waitFor();

    await posters.chooseFile(fixturePath('poster.png'));
    // The film page shows the full image: the fixture is 200×300.
    await expect.poll(() => naturalWidth(posters.largePoster('Stalker'))).toBe(200);
    await page.getByText('Poster of “Stalker” changed.').waitFor();
    await page.getByRole('button', { name: 'Remove poster' }).waitFor();
    await page.screenshot({ path: `${screenshotDir}film-poster.png` });

    await app.goToLibrary();
    await expect.poll(() => naturalWidth(posters.gridPoster('Stalker'))).toBe(200);

    await page.reload();
    await expect.poll(() => naturalWidth(posters.gridPoster('Stalker'))).toBe(200);
    await app.openFilm('Stalker');
    await expect.poll(() => naturalWidth(posters.largePoster('Stalker'))).toBe(200);
  });

  it("replaces Red Hot's poster with a dropped image, thumbnailed for the grid; Undo of a later change brings it back", async () => {
    await app.openFilm('Red Hot');
    await posters.dragFileOver(fixturePath('poster.png'));
    await posters.dropZone().getByText('Drop to set the poster').waitFor();
    expect(await posters.dropZone().getAttribute('class')).toContain('is-dragging');

    await posters.dropDrawnJpeg('red-hot-scan.jpg', 600, 900);
    await expect.poll(() => naturalWidth(posters.largePoster('Red Hot'))).toBe(600);
    expect(await posters.dropZone().getAttribute('class')).not.toContain('is-dragging');
    // The grid shows the thumbnail made once on setting: 600×900 fits 300×450.
    await app.goToLibrary();
    await expect.poll(() => naturalWidth(posters.gridPoster('Red Hot'))).toBe(300);

    await app.openFilm('Red Hot');
    await posters.chooseFile(fixturePath('poster.png'));
    await expect.poll(() => naturalWidth(posters.largePoster('Red Hot'))).toBe(200);
    await page.getByRole('button', { name: 'Undo' }).last().click();
    await expect.poll(() => naturalWidth(posters.largePoster('Red Hot'))).toBe(600);
  });

  it('refuses a non-image file and a damaged image with a message naming it, keeping the poster', async () => {
    await app.addFilm({ title: 'Solaris', year: '1972' });
    await posters.dropFile(fixturePath('poster.png'));
    await expect.poll(() => naturalWidth(posters.largePoster('Solaris'))).toBe(200);
    const shown = await posters.largePoster('Solaris').getAttribute('src');

    await posters.chooseFile(fixturePath('not-an-image.png'));
    await expect.poll(() => posters.alert().textContent()).toBe('“not-an-image.png” is not a JPEG, PNG or WebP image.');
    expect(await posters.largePoster('Solaris').getAttribute('src')).toBe(shown);

    await posters.dropFile(fixturePath('broken-poster.png'));
    await expect
      .poll(() => posters.alert().textContent())
      .toBe('“broken-poster.png” could not be read as an image; it may be damaged or incomplete.');
    expect(await posters.largePoster('Solaris').getAttribute('src')).toBe(shown);
    expect(await naturalWidth(posters.largePoster('Solaris'))).toBe(200);

    await page.reload();
    await expect.poll(() => naturalWidth(posters.largePoster('Solaris'))).toBe(200);
  });
});
