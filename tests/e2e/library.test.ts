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

  it('tags a film, then finds it from the Tags view', async () => {
    await app.openFilm('Red Hot');
    await app.page.getByRole('combobox', { name: 'Add a tag' }).fill('Cold War');
    await app.page.keyboard.press('Enter');
    await app.page.getByRole('list', { name: 'Tags of this film' }).getByText('Cold War').waitFor();
    await app.page.getByRole('link', { name: 'Tags', exact: true }).click();
    await app.page.getByRole('link', { name: 'Cold War' }).click();
    await app.page.getByRole('heading', { name: 'Tagged “Cold War”' }).waitFor();
    expect(await app.libraryTitles()).toEqual(['Red Hot']);
  });
});
