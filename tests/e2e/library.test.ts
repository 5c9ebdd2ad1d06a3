// The Library by keyboard alone in Chromium: move, rate, flag, select, and find a film again by its tag.
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { CatalogApp } from './pages/catalog-app';
import { appPerTest } from './session';
import { chromiumTarget } from './targets';

describe('Library keyboard and tags in chromium', () => {
  const target = chromiumTarget(inject('baseUrl'));
  const session = appPerTest(target);
  let app: CatalogApp;

  beforeEach(() => {
    app = new CatalogApp(session.page);
  });

  it('rates with number keys, flags with W and F, and opens with Enter', async () => {
    await app.addFilm({ title: 'Alien', year: '1979' });
    await app.goToLibrary();
    const page = app.page;
    await page.keyboard.press('Tab');
    // Tab from the toolbar lands on the one focusable film; walk until a film has the focus.
    for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.hasAttribute('data-film-id'))); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Alien');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Red Hot');
    await page.keyboard.press('8');
    await page.getByText('Rated “Red Hot” 4 stars.').waitFor();
    await page.keyboard.press('w');
    await page.keyboard.press('f');
    const redHot = app.libraryCards().nth(1);
    await redHot.getByText('Watchlist').waitFor();
    await redHot.getByText('Favourite').waitFor();

    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Red Hot (1993)' }).waitFor();
    expect(await app.checkedRating()).toBe('4 stars');
    expect(await page.getByRole('button', { name: /Watchlist/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('keeps a large Library light: only a screenful is in the page, and the keyboard reaches the last film', async () => {
    const page = app.page;
    await page.getByRole('list', { name: 'Films' }).waitFor();
    // 300 films written straight into the catalog's stores (with their Library summaries, as the app's middleware
    // writes them), bypassing the app to make a big catalog quickly.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('cinefile');
          request.onsuccess = () => {
            const tx = request.result.transaction(['films', 'filmSummaries'], 'readwrite');
            for (let i = 0; i < 300; i++) {
              const title = `Film ${String(i).padStart(3, '0')}`;
              const time = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
              const summary = {
                id: `many-${i}`, title, originalTitle: null, year: 1950 + (i % 70), directors: [], genres: [], country: null,
                language: null, runtimeMinutes: null, rating: null, watchlist: false, favourite: false, tags: [], poster: null,
                sortTitle: title.toLowerCase(), createdAt: time,
              };
              tx.objectStore('films').put({
                ...summary, cast: [], overview: null,
                tagline: null, sections: [], titleKeys: [title.toLowerCase().replace(/\s+/g, '')], externalIds: [], updatedAt: time,
              });
              tx.objectStore('filmSummaries').put({ ...summary, lastWatched: null, viewingCount: 0, listIds: [], formats: [], loaned: false });
            }
            tx.oncomplete = () => {
              request.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await page.getByText('301 films').waitFor();
    expect(await app.libraryCards().count()).toBeLessThan(100);

    await app.libraryCards().first().getByRole('link').focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Red Hot');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    // Up goes one row back: to the film a row's width before the last.
    const perRow = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('.library-grid-row'), (row) => row.querySelectorAll('[role="listitem"]').length)));
    expect(perRow).toBeGreaterThan(2);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-film-index'))).toBe(String(300 - perRow));
    await page.keyboard.press('Home');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Film 000');
  });

  it('tags a film, then finds it from the Tags view', async () => {
    await app.openFilm('Red Hot');
    await app.page.getByRole('combobox', { name: 'Add a tag' }).fill('Cold War');
    await app.page.keyboard.press('Enter');
    await app.page.getByRole('list', { name: 'Tags of this film' }).getByText('Cold War').waitFor();
    await app.page.getByRole('link', { name: 'Tags', exact: true }).click();
    await app.page.getByRole('link', { name: 'Cold War' }).click();
    // The Library, filtered to the tag (the filter shows it ticked, with its count).
    await app.page.getByRole('region', { name: 'Filters' }).getByRole('checkbox', { name: 'Cold War 1', checked: true }).waitFor();
    await expect.poll(() => app.libraryTitles()).toEqual(['Red Hot']);
  });
});
