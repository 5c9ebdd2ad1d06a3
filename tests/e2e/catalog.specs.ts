/**
 * The end-to-end specs, written once and run against each target (Chromium always, Electron when present):
 * a person's first session with Cinefile, from the seeded Red Hot to deleting a film and taking it back.
 */
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { CatalogApp } from './pages/catalog-app';
import { appPerTest } from './session';
import type { AppTarget } from './targets';

const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));

export function catalogSpecs(target: AppTarget, options: { screenshots: boolean }): void {
  describe(`Cinefile in ${target.name}`, () => {
    const session = appPerTest(target);
    let app: CatalogApp;

    beforeEach(() => {
      app = new CatalogApp(session.page);
    });

    it('opens on the Library with Red Hot (1993) first, and its page shows the seed in full', async () => {
      expect(await app.libraryTitles()).toEqual(['Red Hot']);
      const poster = app.libraryCards().first().locator('img');
      await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
      if (options.screenshots) await app.page.screenshot({ path: `${screenshotDir}library.png` });

      await app.openFilm('Red Hot');
      const page = app.page;
      await page.getByRole('img', { name: 'Poster of Red Hot' }).waitFor();
      await page.getByText('In 1959, a young Soviet musician risks everything').waitFor();
      expect(await page.locator('.film-directors').textContent()).toBe('Directed by Paul Haggis');
      expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(
        expect.arrayContaining(['Overview', 'Plot', 'Dispute', 'Resolution', 'Crucial Reception', 'Conclusion', 'Cast']),
      );
      const cast = await app.castMembers().allInnerTexts();
      expect(cast).toHaveLength(11);
      expect(cast[0]?.replace(/\s+/g, ' ')).toBe('Balthazar Getty Alexi');
      expect(cast[10]?.replace(/\s+/g, ' ')).toBe('Diane Fletcher Mrs. Kirov');
      if (options.screenshots) await page.screenshot({ path: `${screenshotDir}red-hot.png`, fullPage: true });
    });

    it('adds a film with clear validation, rates it 4.5, notes it, logs a viewing, and keeps it all after restarting', async () => {
      const page = app.page;
      await page.getByRole('link', { name: 'Add film' }).first().click();
      await page.getByLabel('Year').fill('1700');
      await page.getByRole('button', { name: 'Save film' }).click();
      await page.getByText('Title is required.').waitFor();
      await page.getByText(/Year must be between 1870 and \d{4}\./).waitFor();
      expect(await page.getByRole('textbox', { name: 'Title', exact: true }).evaluate((input) => input === document.activeElement)).toBe(true);

      await page.getByLabel('Year').fill('');
      await app.fillFilmForm({
        title: 'Alien',
        year: '1979',
        directors: 'Ridley Scott',
        runtime: '117',
        cast: [{ name: 'Sigourney Weaver', role: 'Ripley' }],
      });
      await page.getByRole('button', { name: 'Save film' }).click();
      await page.getByRole('heading', { level: 1, name: 'Alien (1979)' }).waitFor();

      await app.rating().getByRole('radio', { name: '4.5 stars' }).click();
      await expect.poll(() => app.checkedRating()).toBe('4.5 stars');

      await app.addNote('A **perfect** organism.');
      await expect.poll(() => app.notes().count()).toBe(1);
      expect(await app.notes().first().locator('strong').textContent()).toBe('perfect');

      await page.getByRole('button', { name: 'Log viewing' }).click();
      await expect.poll(() => page.getByRole('list', { name: 'Viewings' }).getByRole('listitem').count()).toBe(1);

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Alien (1979)' }).waitFor();
      expect(await app.checkedRating()).toBe('4.5 stars');

      // Close the app entirely and open it again on the same profile.
      await session.restart();
      app = new CatalogApp(session.page);
      expect(await app.libraryTitles()).toEqual(['Alien', 'Red Hot']);
      await app.openFilm('Alien');
      expect(await app.checkedRating()).toBe('4.5 stars');
      expect(await app.notes().first().innerText()).toContain('A perfect organism.');
      expect(await app.page.getByRole('list', { name: 'Viewings' }).getByRole('listitem').count()).toBe(1);
      expect(await app.page.getByRole('list', { name: 'Cast' }).innerText()).toContain('Sigourney Weaver');
    });

    it('rates by keyboard and clears the rating', async () => {
      await app.openFilm('Red Hot');
      const group = app.rating();
      await group.getByRole('radio', { name: '0.5 stars' }).focus();
      await app.page.keyboard.press('ArrowRight');
      await app.page.keyboard.press('ArrowRight');
      await expect.poll(() => app.checkedRating()).toBe('1.5 stars');
      await app.page.keyboard.press('Delete');
      await expect.poll(() => app.checkedRating()).toBeNull();
      await app.page.getByText('Not rated').waitFor();
    });

    it('deletes a film and brings it back with Undo', async () => {
      await app.openFilm('Red Hot');
      await app.addNote('Keep me');
      await expect.poll(() => app.notes().count()).toBe(1);
      await app.page.getByRole('button', { name: 'Delete film' }).click();
      await app.page.getByText('Deleted “Red Hot (1993)”.').waitFor();
      await app.page.getByText('Your library is empty').waitFor();

      await app.page.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => app.libraryTitles()).toEqual(['Red Hot']);
      await app.openFilm('Red Hot');
      expect(await app.notes().first().innerText()).toContain('Keep me');
    });

    it('shows a note with HTML in it as text and runs nothing', async () => {
      await app.openFilm('Red Hot');
      const payload = '<img src=x onerror=alert(1)>';
      await app.addNote(`Careful: ${payload}`);
      await expect.poll(() => app.notes().count()).toBe(1);
      const note = app.notes().first();
      expect(await note.locator('.note-body').innerText()).toBe(`Careful: ${payload}`);
      expect(await note.locator('img').count()).toBe(0);
      await app.page.waitForTimeout(300);
      expect(session.dialogs).toEqual([]);
    });

    it('switches between grid and list, sorts, and remembers the layout', async () => {
      await app.addFilm({ title: 'The Apartment', year: '1960' });
      await app.goToLibrary();
      expect(await app.libraryTitles()).toEqual(['The Apartment', 'Red Hot']);
      await app.page.getByRole('button', { name: 'List' }).click();
      await app.page.getByRole('table', { name: 'Films' }).waitFor();
      await app.page.getByLabel('Sort by').selectOption('year');
      await app.page.getByRole('button', { name: /switch to descending/ }).click();
      await expect.poll(() => app.libraryTitles()).toEqual(['Red Hot', 'The Apartment']);

      await app.page.reload();
      await app.page.getByRole('table', { name: 'Films' }).waitFor();
      expect(await app.libraryTitles()).toEqual(['Red Hot', 'The Apartment']);
      expect(await app.page.getByRole('button', { name: 'List' }).getAttribute('aria-pressed')).toBe('true');
    });
  });
}
