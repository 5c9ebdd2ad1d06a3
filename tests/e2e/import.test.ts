/**
 * Imports end to end in Chromium, through the real Import page, worker and IndexedDB: a Letterboxd export zip
 * previewed, imported, found again in the Library, Diary, film pages and Lists; imported a second time with
 * nothing changing; undone. A damaged file is refused with the catalog untouched, and an IMDb ratings file lists
 * the series it leaves out. Takes the README's screenshot of a preview.
 */
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { CatalogApp } from './pages/catalog-app';
import { DiaryPages } from './pages/diary';
import { LoansPages } from './pages/loans';
import { fileOf, ImportPages, zipOfFolder } from './pages/imports';
import { appPerTest } from './session';
import { chromiumTarget } from './targets';

const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const letterboxdZip = () => zipOfFolder(`${fixtures}letterboxd/export`, 'letterboxd-jane-2026-11-29-12-00-utc.zip');

describe('Importing in chromium', () => {
  const session = appPerTest(chromiumTarget(inject('baseUrl')));
  let app: CatalogApp;
  let imports: ImportPages;

  beforeEach(() => {
    app = new CatalogApp(session.page);
    imports = new ImportPages(session.page);
  });

  it('imports a Letterboxd export after a preview, finds it all, changes nothing the second time, and undoes it', async () => {
    const { page } = session;
    await imports.openImport();
    await page.screenshot({ path: `${screenshotDir}import-page.png` });
    await imports.choose(letterboxdZip());
    expect(await imports.counts()).toEqual([
      '5 new films', '1 film updated', '6 viewings', '2 reviews and notes', '1 new list', '3 list entries', '4 tags', '7 rows left out',
    ]);
    const skipped = await imports.skippedRows();
    expect(skipped).toContain('diary.csv, line 5 | Twin Peaks: Fire Walk with Me (1992) | Rating “6” is not 0.5–5 stars in half steps.');
    expect(skipped.some((row) => row.includes('Cats'))).toBe(false); // deleted/ stays deleted
    await page.getByText('Films already in your catalog that this import updates (1)').click();
    await page.screenshot({ path: `${screenshotDir}import-preview.png`, fullPage: true });

    await imports.confirm();
    await imports.importedToast().waitFor();
    expect(await imports.importedToast().locator('span').textContent()).toBe(
      'Imported “letterboxd-jane-2026-11-29-12-00-utc.zip”: 5 films added, 1 film updated, 6 viewings, 2 notes, 1 list, 3 list entries, 4 tags.',
    );

    await app.goToLibrary();
    expect((await app.libraryTitles()).length).toBe(6);
    await app.openFilm('Amélie');
    expect(await app.checkedRating()).toBe('3.5 stars');
    // The review, as a note: its Markdown rendered (the export's <i> became emphasis), never as raw HTML.
    await expect.poll(() => app.notes().first().textContent()).toContain('Everyone calls it "whimsical", and it is; but Amélie is also about being lonely.');
    expect(await app.notes().first().locator('em').textContent()).toBe('Amélie');
    await app.goToLibrary();
    await app.openFilm('Red Hot');
    expect(await app.checkedRating()).toBe('4.5 stars');
    await expect.poll(() => page.getByRole('list', { name: 'Viewings' }).getByRole('listitem').count()).toBe(2);

    const diary = new DiaryPages(page);
    await diary.openDiary();
    await expect.poll(() => diary.monthHeadings()).toEqual(expect.arrayContaining(['November 2024', 'March 2019']));

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lists' }).click();
    await page.getByRole('link', { name: 'Red Hot and friends' }).click();
    await page.getByText('Where it all started.').waitFor();

    // The same export again: the preview says nothing is new, and Import cannot be pressed.
    await imports.openImport();
    await imports.choose(letterboxdZip());
    await imports.preview().getByText(/^Nothing new: everything in/).waitFor();
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Done' }).click();

    // Undo from the history: back to Red Hot alone, as it was.
    await page.getByRole('button', { name: 'Undo import…' }).click();
    await page.getByRole('group', { name: /Undo the import of/ }).getByRole('button', { name: 'Undo import' }).click();
    await page.getByText(/· undone/).waitFor();
    await app.goToLibrary();
    expect(await app.libraryTitles()).toEqual(['Red Hot']);
    await app.openFilm('Red Hot');
    expect(await app.checkedRating()).toBeNull();
  });

  it('refuses a damaged zip, naming it, and leaves the catalog as it was', async () => {
    const { page } = session;
    await imports.openImport();
    const zip = letterboxdZip();
    await imports.choose({ ...zip, buffer: zip.buffer.subarray(0, Math.floor(zip.buffer.length / 2)) });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/^“letterboxd-jane-2026-11-29-12-00-utc\.zip” is damaged or incomplete/);
    expect(await alert.textContent()).toContain('Nothing was imported; your catalog is unchanged.');
    await page.screenshot({ path: `${screenshotDir}import-refused.png` });
    await app.goToLibrary();
    expect(await app.libraryTitles()).toEqual(['Red Hot']);
  });

  it('lists the series, episodes and games an IMDb ratings file leaves out, by title', async () => {
    const { page } = session;
    await imports.openImport();
    await imports.choose(fileOf(`${fixtures}imdb/ratings.csv`, 'ratings.csv'));
    const counts = await imports.counts();
    expect(counts[0]).toBe('6 new films');
    const skipped = await imports.skippedRows();
    expect(skipped.filter((row) => row.includes('Twin Peaks')).length).toBe(2);
    expect(skipped.some((row) => row.includes('Alan Wake (2010)') && row.includes('video game'))).toBe(true);
    await imports.confirm();
    await imports.importedToast().waitFor();
    await page.getByRole('button', { name: 'Undo import', exact: true }).click();
    await page.locator('.toast').filter({ hasText: 'undone' }).waitFor();
    await app.goToLibrary();
    expect(await app.libraryTitles()).toEqual(['Red Hot']);
  });

  it('imports a Tellico collection with its cover as the film’s poster, copies and loans', async () => {
    const { page } = session;
    await imports.openImport();
    await imports.choose({ ...zipOfFolder(`${fixtures}tellico/videos`, 'videos.tc'), mimeType: 'application/octet-stream' });
    expect(await imports.counts()).toEqual(expect.arrayContaining(['1 poster']));
    const skipped = await imports.skippedRows();
    expect(skipped.some((row) => row.startsWith('tellico.xml') && row.includes('8½') && row.includes('missing'))).toBe(true);
    await imports.confirm();
    await imports.importedToast().waitFor();
    await app.goToLibrary();
    await app.openFilm('Amélie');
    // The cover was decoded and stored: the film page shows it as an image, not the typographic card.
    const poster = page.locator('img.poster').first();
    await poster.waitFor();
    expect(await poster.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    // Its DVD is lent to Ann and La Jetée's VHS to Bob, as the collection's borrowers say.
    const loans = new LoansPages(page);
    await loans.openLoanedOut();
    await expect
      .poll(() => loans.loanRows().allTextContents())
      .toEqual([expect.stringMatching(/^Amélie \(2001\)DVDAnn1 Oct 2026/), expect.stringMatching(/^La Jetée \(1962\)VHSBob12 Sept 2026/)]);
  });

  it('takes files dropped anywhere on the page, and reads a diary a spreadsheet saved as Windows-1252', async () => {
    const { page } = session;
    await imports.openImport();
    // "Amélie" with é as the single Windows-1252 byte 0xE9, as Excel on Windows saves it.
    const diary = Buffer.concat([
      Buffer.from('Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\r\n2021-06-13,Am', 'latin1'),
      Buffer.from([0xe9]),
      Buffer.from('lie,2001,https://boxd.it/1mW3eF,3.5,,,2021-06-12\r\n', 'latin1'),
    ]);
    await page.locator('.import-page').evaluate((zone, bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'diary.csv', { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, [...diary]);
    expect(await imports.counts()).toEqual(['1 new film', '1 viewing']);
    await page.getByText('New films (1)').click();
    await imports.preview().getByText('Amélie (2001)').waitFor();
    await imports.confirm();
    await imports.importedToast().waitFor();
    await app.goToLibrary();
    expect(await app.libraryTitles()).toEqual(['Amélie', 'Red Hot']);
  });
});
