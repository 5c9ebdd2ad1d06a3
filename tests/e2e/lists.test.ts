/**
 * Lists end to end in Chromium: make a ranked list from film pages, reorder it by keyboard, by mouse drag and by
 * button, note an entry, and find it all again after a reload. Takes the README's screenshot of a list.
 */
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { CatalogApp } from './pages/catalog-app';
import { ListsModel } from './pages/lists';
import { appPerTest } from './session';
import { chromiumTarget } from './targets';

const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));
const target = chromiumTarget(inject('baseUrl'));

describe('Lists in chromium', () => {
  const session = appPerTest(target);
  let app: CatalogApp;
  let lists: ListsModel;

  beforeEach(() => {
    app = new CatalogApp(session.page);
    lists = new ListsModel(session.page);
  });

  it('builds a ranked list, reorders it by keyboard, drag and button, and keeps the order after a reload', async () => {
    const page = app.page;
    await lists.createList({ name: 'Favourites of the 90s', description: 'Three films for a long weekend, best first.', ranked: true });
    await page.getByText('No films in this list yet').waitFor();

    await app.goToLibrary();
    await app.openFilm('Red Hot');
    await lists.addOpenFilmTo('Favourites of the 90s');
    await app.addFilm({ title: 'Alien', year: '1979', directors: 'Ridley Scott' });
    await lists.addOpenFilmTo('Favourites of the 90s');
    await app.addFilm({ title: 'Heat', year: '1995', directors: 'Michael Mann' });
    await lists.addOpenFilmTo('Favourites of the 90s');
    await app.rating().getByRole('radio', { name: '4.5 stars' }).click();
    await page.getByRole('button', { name: 'Log viewing' }).click();
    await page.getByRole('list', { name: 'Viewings' }).waitFor();

    await lists.openList('Favourites of the 90s');
    expect(await lists.entryTitles()).toEqual(['Red Hot (1993)', 'Alien (1979)', 'Heat (1995)']);
    expect(await lists.ranks()).toEqual(['1', '2', '3']);
    await page.getByText('1 of 3 seen').waitFor();

    // Keyboard: pick Heat up, two places up, drop.
    await lists.moveByKeyboard('Heat (1995)', 'ArrowUp', 2);
    await expect.poll(() => lists.entryTitles()).toEqual(['Heat (1995)', 'Red Hot (1993)', 'Alien (1979)']);
    expect(await lists.handle('Heat (1995)').evaluate((handle) => handle === document.activeElement)).toBe(true);

    // Mouse: drag Red Hot's handle onto Alien's row.
    await lists.dragOnto('Red Hot (1993)', 'Alien (1979)');
    await expect.poll(() => lists.entryTitles()).toEqual(['Heat (1995)', 'Alien (1979)', 'Red Hot (1993)']);

    // The plain buttons, announced.
    await page.getByRole('button', { name: 'Move Red Hot (1993) up' }).click();
    await lists.announced('Red Hot (1993) moved to position 2 of 3.');
    await expect.poll(() => lists.entryTitles()).toEqual(['Heat (1995)', 'Red Hot (1993)', 'Alien (1979)']);

    await page.getByRole('button', { name: 'Add note on Red Hot (1993)' }).click();
    await page.getByRole('textbox', { name: 'Note on Red Hot (1993)' }).fill('The one that made me love Soviet rock ’n’ roll.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByRole('button', { name: 'Edit note on Red Hot (1993)' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Favourites of the 90s' }).waitFor();
    await lists.entries().first().waitFor();
    expect(await lists.entryTitles()).toEqual(['Heat (1995)', 'Red Hot (1993)', 'Alien (1979)']);
    expect(await lists.ranks()).toEqual(['1', '2', '3']);
    await page.getByText('The one that made me love Soviet rock ’n’ roll.').waitFor();
    await page.getByText('1 of 3 seen').waitFor();

    const poster = lists.entries().nth(1).locator('img');
    await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${screenshotDir}list.png` });

    // The film's page knows where it stands.
    await page.getByRole('link', { name: 'Alien (1979)' }).click();
    await page.getByRole('list', { name: 'Lists with this film' }).getByText('No. 3').waitFor();
  });

  it('adds several films chosen in the Library to a list at once', async () => {
    const page = app.page;
    await app.addFilm({ title: 'Alien', year: '1979' });
    await lists.createList({ name: 'Watch with Dad' });
    await app.goToLibrary();
    await page.getByRole('checkbox', { name: 'Select Red Hot' }).check();
    await page.getByRole('checkbox', { name: 'Select Alien' }).check();
    await page.getByRole('button', { name: 'Add to list…' }).click();
    await page.getByRole('dialog', { name: 'Add 2 films to a list' }).getByRole('button', { name: /^Watch with Dad/ }).click();
    await page.getByText('Added 2 films to “Watch with Dad”.').waitFor();
    await page.getByRole('button', { name: 'Open list' }).click();
    await page.getByRole('heading', { level: 1, name: 'Watch with Dad' }).waitFor();
    await expect.poll(() => lists.entryTitles()).toEqual(['Alien (1979)', 'Red Hot (1993)']);
  });
});
