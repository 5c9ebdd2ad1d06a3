// Finding films in Chromium: search as you type (accents, prefixes, people), filters with counts, smart lists, and
// a 10,000-film catalog searched by keyboard, with the Library returning to where it was after opening a film.
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { CatalogApp } from './pages/catalog-app';
import { ImportPages } from './pages/imports';
import { fileURLToPath } from 'node:url';
import { appPerTest } from './session';
import { chromiumTarget } from './targets';

const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));

describe('Search, filters and smart lists in chromium', () => {
  const target = chromiumTarget(inject('baseUrl'));
  const session = appPerTest(target);
  let app: CatalogApp;

  beforeEach(() => {
    app = new CatalogApp(session.page);
  });

  const searchbox = () => session.page.getByRole('searchbox', { name: 'Search' });
  const count = () => session.page.locator('.toolbar-count');
  /** Titles of the films the Library shows for exactly this search, once they are on screen. */
  const resultsFor = async (query: string) => {
    await session.page.locator(`[aria-label="Films"][data-search="${query}"]`).waitFor();
    return app.libraryTitles();
  };

  it('searches as you type from anywhere: accents, word prefixes, directors and cast, highlighted, counted', async () => {
    const page = session.page;
    await app.addFilm({ title: 'Amélie', year: '2001', directors: 'Jean-Pierre Jeunet', cast: [{ name: 'Audrey Tautou', role: 'Amélie Poulain' }] });
    await app.addFilm({ title: 'The Godfather Part II', year: '1974', directors: 'Francis Ford Coppola' });
    await app.addFilm({ title: 'Possession', year: '1981', directors: 'Andrzej Żuławski' });
    await app.addFilm({ title: 'Avalon', year: '1990', directors: 'Barry Levinson', cast: [{ name: 'Armin Mueller-Stahl', role: 'Sam Krichinsky' }] });
    await app.addFilm({ title: 'Tautou Street', year: '2010' });

    // From a film's page, "/" focuses the search; typing takes the Library along.
    await page.locator('body').press('/');
    expect(await searchbox().evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type('amelie');
    expect(await resultsFor('amelie')).toEqual(['Amélie']);
    expect(await count().textContent()).toBe('1 film');
    expect(await page.locator('.library-card-title mark').first().textContent()).toBe('Amélie');

    await searchbox().fill('godf par');
    expect(await resultsFor('godf par')).toEqual(['The Godfather Part II']);
    await searchbox().fill('zulawski');
    expect(await resultsFor('zulawski')).toEqual(['Possession']);
    // Red Hot's own cast has Armin Mueller-Stahl too.
    await searchbox().fill('mueller');
    expect(await resultsFor('mueller')).toEqual(['Avalon', 'Red Hot']);
    // A title match ranks above a cast match, whatever the sort.
    await searchbox().fill('tautou');
    expect(await resultsFor('tautou')).toEqual(['Tautou Street', 'Amélie']);
    expect(await count().textContent()).toBe('2 films');
    // Without the "Added …" toasts over the results (they may also leave by themselves meanwhile).
    while ((await page.locator('.toast-close').count()) > 0) await page.locator('.toast-close').first().click({ timeout: 1000 }).catch(() => undefined);
    await page.screenshot({ path: `${screenshotDir}search.png` });
    await searchbox().fill('nothing like this');
    await page.getByRole('heading', { name: 'No films match' }).waitFor();

    // Ctrl+K from anywhere; Escape clears; the search is in the URL, so Back returns to it.
    await searchbox().fill('possession');
    expect(await resultsFor('possession')).toEqual(['Possession']);
    await app.openFilm('Possession');
    await page.goBack();
    expect(await resultsFor('possession')).toEqual(['Possession']);
    expect(await searchbox().inputValue()).toBe('possession');
    await page.locator('body').press('Control+k');
    await page.keyboard.press('Escape');
    expect(await resultsFor('')).toHaveLength(6);
  });

  it('filters with counts, combines them, keeps them in the URL, and saves them as a live smart list', async () => {
    const page = session.page;
    await app.addFilm({ title: 'Jaws', year: '1975' });
    await app.addFilm({ title: 'Alien', year: '1979' });
    await app.addFilm({ title: 'Heat', year: '1995' });
    await app.goToLibrary();
    const filters = page.getByRole('region', { name: 'Filters' });
    // Each decade says how many films choosing it leaves; Red Hot (1993) and Heat make two in the 1990s.
    await filters.getByRole('checkbox', { name: '1970s 2' }).waitFor();
    await filters.getByRole('checkbox', { name: '1990s 2' }).check();
    expect(await resultsFor('')).toEqual(['Heat', 'Red Hot']);
    expect(await count().textContent()).toBe('2 films');
    // Combined with another group: a year range.
    await filters.getByRole('spinbutton', { name: 'From' }).fill('1994');
    await page.keyboard.press('Enter');
    await expect.poll(() => app.libraryTitles()).toEqual(['Heat']);
    await filters.getByRole('spinbutton', { name: 'From' }).fill('');
    await page.keyboard.press('Enter');
    await expect.poll(() => app.libraryTitles()).toEqual(['Heat', 'Red Hot']);

    // Back undoes a filter step by step, since the view is in the URL.
    await filters.getByRole('checkbox', { name: /^1970s/ }).check();
    await expect.poll(() => app.libraryTitles()).toEqual(['Alien', 'Heat', 'Jaws', 'Red Hot']);
    await page.goBack();
    await expect.poll(() => app.libraryTitles()).toEqual(['Heat', 'Red Hot']);

    await page.getByRole('button', { name: 'Save as smart list' }).click();
    await page.getByRole('textbox', { name: 'Smart list name' }).fill('Nineties');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Nineties' }).waitFor();
    expect(await resultsFor('')).toEqual(['Heat', 'Red Hot']);

    // Live: a new film of the 1990s joins it; and it is listed with the other lists.
    await app.addFilm({ title: 'Fargo', year: '1996' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lists' }).click();
    await page.getByRole('list', { name: 'Your smart lists' }).getByRole('link', { name: 'Nineties' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nineties' }).waitFor();
    await expect.poll(() => app.libraryTitles()).toEqual(['Fargo', 'Heat', 'Red Hot']);
  });

  it('searches 10,000 films by keyboard and returns to the same place after opening one', async () => {
    const page = session.page;
    const lines = ['Date,Name,Year,Letterboxd URI'];
    for (let i = 0; i < 10_000; i++) lines.push(`2020-01-01,Film ${String(i).padStart(5, '0')} ${i % 97 === 0 ? 'Zanzibar' : 'Plain'},${1920 + (i % 100)},https://boxd.it/f${i}`);
    const imports = new ImportPages(page);
    await imports.openImport();
    await imports.choose({ name: 'watched.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
    await imports.confirm();
    await imports.importedToast().waitFor({ timeout: 60_000 });
    await app.goToLibrary();
    await page.getByText('10,001 films').waitFor({ timeout: 30_000 });

    // Keyboard only: "/" to the search, type, ArrowDown to the first result, Enter opens it.
    await page.locator('body').press('/');
    await page.keyboard.type('zanz 00970');
    expect(await resultsFor('zanz 00970')).toEqual(['Film 00970 Zanzibar']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Film 00970 Zanzibar/ }).waitFor();
    await page.goBack();
    expect(await resultsFor('zanz 00970')).toEqual(['Film 00970 Zanzibar']);

    // Scroll well down the whole Library, open a film there, come back: same place, same film focused.
    await searchbox().fill('');
    await resultsFor('');
    await page.mouse.wheel(0, 30_000);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(20_000);
    // A film fully on screen, so clicking it does not scroll.
    const onScreen = await app.libraryCards().evaluateAll((items) =>
      items.findIndex((item) => item.getBoundingClientRect().top > 80 && item.getBoundingClientRect().bottom < window.innerHeight),
    );
    const card = app.libraryCards().nth(onScreen).getByRole('link');
    const title = await card.locator('.library-card-title').textContent();
    const scrolled = await page.evaluate(() => window.scrollY);
    await card.click();
    await page.getByRole('heading', { level: 1, name: new RegExp(title ?? '') }).waitFor();
    await page.goBack();
    await expect.poll(() => page.evaluate(() => (document.activeElement?.hasAttribute('data-film-id') ? document.activeElement.textContent : null))).toContain(title ?? '');
    // The same place, give or take rows the rebuilt list has only estimated so far, with the film on screen.
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(400);
    const box = await page.evaluate(() => document.activeElement?.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(await page.evaluate(() => window.innerHeight));
  });
});
