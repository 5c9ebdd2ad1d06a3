/**
 * The diary end to end in Chromium: log viewings of three films on their pages (a day, a month only, no date;
 * ratings, media, notes, rewatches from history), then read them back in the Diary, newest first under month
 * headings, and follow a row to its film. Dates are counted back from today so the run never logs the future.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { CatalogApp } from './pages/catalog-app';
import { dayBeforeToday, DiaryPages, longDate, monthHeading } from './pages/diary';
import { appPerTest } from './session';
import { chromiumTarget } from './targets';

const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));
const target = chromiumTarget(inject('baseUrl'));

describe('The diary in Chromium', () => {
  const session = appPerTest(target);
  let page: Page;
  let app: CatalogApp;
  let diary: DiaryPages;

  const bindPage = () => {
    page = session.page;
    app = new CatalogApp(page);
    diary = new DiaryPages(page);
  };
  beforeEach(bindPage);

  it('logs viewings on film pages and reads them back in the Diary, newest first by month', async () => {
    const [apartmentDay, redHotAgain, alienDay, redHotFirst] = [4, 11, 40, 53].map(dayBeforeToday) as [string, string, string, string];

    await app.openFilm('Red Hot');
    await diary.logViewing({ day: redHotFirst, rating: '4 stars', medium: 'Cinema', note: 'Festival print, with a Q&A after.' });
    await page.getByLabel('Date watched').fill(redHotAgain);
    expect(await diary.rewatchBox().isChecked()).toBe(true);
    await diary.logViewing({ day: redHotAgain, rating: '4.5 stars', medium: 'Streaming', note: 'Better the second time.' });
    expect(await diary.filmViewings().first().innerText()).toContain('Rewatch');
    expect(await diary.filmViewings().last().innerText()).not.toContain('Rewatch');
    // The rating given that time is the viewing's own; the film's rating is untouched.
    const filmRating = page.getByRole('radiogroup', { name: 'Rating', exact: true });
    expect(await filmRating.getByRole('radio', { checked: true }).count()).toBe(0);

    await app.addFilm({ title: 'Alien', year: '1979' });
    await diary.logViewing({ month: { month: 'July', year: '1999' }, medium: 'Other', note: 'First time, on a friend’s VHS.' });
    await diary.logViewing({ day: alienDay, rating: '4.5 stars', medium: 'Disc', note: 'Director’s cut, lights off.' });
    expect(await diary.filmViewings().first().innerText()).toContain('Rewatch');
    expect(await diary.filmViewings().last().innerText()).toContain('July 1999');

    await app.addFilm({ title: 'The Apartment', year: '1960' });
    await diary.logViewing({ day: apartmentDay, rating: '5 stars', medium: 'TV', note: 'A Christmas film a month early.' });

    await diary.openDiary();
    await page.getByText('5 viewings of 3 films').waitFor();
    const expectedMonths = [...new Set([apartmentDay, redHotAgain, alienDay, redHotFirst].map(monthHeading)), 'July 1999'];
    await expect.poll(() => diary.monthHeadings()).toEqual(expectedMonths);
    const newest = diary.rowsUnder(monthHeading(apartmentDay)).first();
    const newestText = await newest.innerText();
    expect(newestText).toContain('The Apartment');
    expect(newestText).toContain('Rated 5 stars');
    expect(newestText).toContain('TV');
    expect(newestText).toContain('A Christmas film a month early.');
    const rewatched = diary.rowsUnder(monthHeading(redHotAgain)).filter({ hasText: 'Red Hot' });
    expect(await rewatched.innerText()).toMatch(new RegExp(`${longDate(redHotAgain)}[^]*Rated 4.5 stars[^]*Rewatch[^]*Streaming`));

    // Restarting keeps the diary; the screenshot shows it without the toasts of the logging above.
    await session.restart();
    bindPage();
    await diary.openDiary();
    await expect.poll(() => diary.monthHeadings()).toEqual(expectedMonths);
    await page.screenshot({ path: `${screenshotDir}diary.png` });

    await diary.rowsUnder(monthHeading(alienDay)).filter({ hasText: 'Alien' }).getByRole('link', { name: 'Alien' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alien (1979)' }).waitFor();
    await expect.poll(() => diary.filmViewings().count()).toBe(2);
  });

  it('edits and removes viewings on a film’s page, with Undo, and the Diary follows', async () => {
    const day = dayBeforeToday(20);
    await app.openFilm('Red Hot');
    await diary.logViewing({ day });
    await diary.logViewing({ unknownDate: true });
    expect(await diary.filmViewings().allInnerTexts()).toEqual([
      expect.stringContaining(longDate(day)),
      expect.stringContaining('Date unknown'),
    ]);

    await page.getByRole('button', { name: `Edit viewing of ${longDate(day)}` }).click();
    const editor = page.getByRole('form', { name: `Edit viewing of ${longDate(day)}` });
    await editor.getByRole('combobox', { name: 'Date precision' }).selectOption('Month only');
    await editor.getByRole('radio', { name: '3 stars', exact: true }).click();
    await editor.getByRole('button', { name: 'Save viewing' }).click();
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => diary.filmViewings().first().innerText()).toMatch(new RegExp(`^${monthHeading(day)}[^]*Rated 3 stars`));

    await page.getByRole('button', { name: 'Remove viewing of Date unknown' }).click();
    await page.getByText('Removed the viewing on an unknown date.').waitFor();
    await expect.poll(() => diary.filmViewings().count()).toBe(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => diary.filmViewings().count()).toBe(2);

    await diary.openDiary();
    await expect.poll(() => diary.monthHeadings()).toEqual([monthHeading(day), 'Date unknown']);
    expect(await diary.rowsUnder(monthHeading(day)).innerText()).toContain('Rated 3 stars');
  });

  it('says how to begin when nothing has been logged', async () => {
    await diary.openDiary();
    await page.getByRole('heading', { name: 'No viewings yet' }).waitFor();
    await page.getByRole('link', { name: 'Go to the Library', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
  });
});
