/**
 * Statistics end to end in Chromium: a catalog with known viewings (a Letterboxd diary imported) shows the right
 * totals; the 1990s bar of "Films by decade" leads to the Library filtered to the 1990s; the year in review ranks
 * its films by the ratings given that year (not by a rating changed since); its exported web page opens on its own,
 * offline. Takes the README's screenshots of the Stats page and a year in review.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { CatalogApp } from './pages/catalog-app';
import { ImportPages, type ChosenFile } from './pages/imports';
import { appPerTest } from './session';
import { chromiumTarget } from './targets';

const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));
const target = chromiumTarget(inject('baseUrl'));

/** A Letterboxd export holding only diary.csv. */
function letterboxdDiary(rows: string[]): ChosenFile {
  const csv = ['Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date', ...rows].join('\n');
  return { name: 'letterboxd-ann-2026-11-29.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync({ 'diary.csv': new TextEncoder().encode(csv) })) };
}

/**
 * With Red Hot (1993, unwatched): 5 films, 4 watched, 5 viewings, 1 rewatch; decades 1970s 1 (Alien), 1980s 1
 * (Possession), 1990s 3 (Red Hot, Heat, Fargo). 2024: Possession 5★, Alien 4.5★, Heat 3.5★, Fargo 3★.
 */
const knownDiary = [
  '2023-11-03,Heat,1995,https://boxd.it/a1,4,,,2023-11-02',
  '2024-05-14,Heat,1995,https://boxd.it/a2,3.5,Yes,,2024-05-13',
  '2024-05-13,Alien,1979,https://boxd.it/a3,4.5,,,2024-05-12',
  '2024-06-21,Fargo,1996,https://boxd.it/a4,3,,,2024-06-20',
  '2024-07-02,Possession,1981,https://boxd.it/a5,5,,,2024-07-01',
];

/** Imports one export file through the Import page, waiting until it is written. */
async function importFile(page: Page, file: ChosenFile): Promise<void> {
  const imports = new ImportPages(page);
  await imports.openImport();
  await imports.choose(file);
  await imports.counts();
  await imports.confirm();
  await imports.importedToast().waitFor();
}

const importDiary = (page: Page, rows: string[]) => importFile(page, letterboxdDiary(rows));

async function openStats(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stats' }).click();
  await page.locator('[data-stats-state="ready"]').waitFor();
}

/** "Films watched" → "4": a figure of the totals, by its name. */
async function figure(page: Page, label: string): Promise<string> {
  const value = page.locator('.stats-figure').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('.stats-figure-value');
  return (await value.innerText()).trim();
}

describe('Statistics in chromium', () => {
  const session = appPerTest(target);

  it('shows the right totals, and the 1990s bar leads to the Library filtered to the 1990s', async () => {
    const { page } = session;
    await importDiary(page, knownDiary);
    await openStats(page);
    expect(await figure(page, 'Films in the catalog')).toBe('5');
    expect(await figure(page, 'Films watched')).toBe('4');
    expect(await figure(page, 'Viewings')).toBe('5');
    expect(await figure(page, 'Rewatches')).toBe('1');

    // The bar itself, on the canvas: the third of three columns (1970s, 1980s, 1990s).
    const chart = page.getByRole('img', { name: /^Films by decade/ });
    await expect.poll(() => chart.getAttribute('aria-label')).toContain('Most: 1990s, 3 films');
    const box = await chart.boundingBox();
    if (!box) throw new Error('the decade chart has no box');
    await chart.click({ position: { x: box.width * 0.85, y: box.height * 0.6 } });
    await page.waitForURL(/#\/\?decade=1990/);
    await expect.poll(() => new CatalogApp(page).libraryTitles()).toEqual(expect.arrayContaining(['Fargo', 'Heat', 'Red Hot']));
    expect((await new CatalogApp(page).libraryTitles()).length).toBe(3);
  });

  it("ranks a year's films by that year's ratings, and its exported page opens offline", async () => {
    const { page } = session;
    await importDiary(page, knownDiary);
    // Alien is rated lower today than when it was watched in 2024; the review keeps the 2024 rating.
    const app = new CatalogApp(page);
    await app.goToLibrary();
    await app.openFilm('Alien');
    await app.rating().getByRole('radio', { name: '1 star', exact: true }).click();
    await openStats(page);
    await page.getByRole('link', { name: '2024 in review' }).click();
    await page.getByRole('heading', { level: 1, name: '2024 in review' }).waitFor();
    const top = page.getByRole('region', { name: 'Highest rated' }).getByRole('listitem');
    await expect.poll(() => top.allInnerTexts()).toEqual(['Possession (1981) 5 ★', 'Alien (1979) 4.5 ★', 'Heat (1995) 3.5 ★', 'Fargo (1996) 3 ★']);

    const folder = mkdtempSync(join(tmpdir(), 'cinefile-review-'));
    try {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export as web page…' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('cinefile-2024-in-review.html');
      const path = join(folder, file.suggestedFilename());
      await file.saveAs(path);
      expect(readFileSync(path, 'utf8')).not.toMatch(/<script/i);
      const exported = await page.context().newPage();
      const requested: string[] = [];
      exported.on('request', (request) => requested.push(request.url()));
      await exported.goto(`file://${path}`);
      expect(await exported.locator('h1').innerText()).toBe('2024 in review');
      expect((await exported.locator('ol li').first().innerText()).replace(/\s+/g, ' ')).toBe('Possession (1981) ★★★★★');
      // The charts are images inside the page, drawn: their pixels decoded.
      const images = exported.locator('figure img');
      expect(await images.count()).toBe(2);
      expect(await images.evaluateAll((imgs) => imgs.every((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 100))).toBe(true);
      expect(requested.filter((url) => !url.startsWith('file://') && !url.startsWith('data:'))).toEqual([]);
      await exported.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('draws a full year of viewings (the README screenshots of Stats and a year in review)', async () => {
    const { page } = session;
    // Twelve films rated on IMDb (with directors, genres and runtimes), then a year of Letterboxd diary entries.
    const films: [string, string, number, number, number, string, string][] = [
      ['tt0079944', 'Stalker', 1979, 162, 10, 'Drama, Sci-Fi', 'Andrei Tarkovsky'],
      ['tt0089881', 'Ran', 1985, 162, 9, 'Drama, Action', 'Akira Kurosawa'],
      ['tt0052357', 'Vertigo', 1958, 128, 9, 'Mystery, Thriller', 'Alfred Hitchcock'],
      ['tt0071315', 'Chinatown', 1974, 130, 8, 'Drama, Mystery', 'Roman Polanski'],
      ['tt0087884', 'Paris, Texas', 1984, 145, 9, 'Drama', 'Wim Wenders'],
      ['tt0072443', 'Mirror', 1975, 107, 8, 'Drama', 'Andrei Tarkovsky'],
      ['tt0044741', 'Ikiru', 1952, 143, 9, 'Drama', 'Akira Kurosawa'],
      ['tt0046438', 'Tokyo Story', 1953, 136, 10, 'Drama', 'Yasujirō Ozu'],
      ['tt0062136', 'Playtime', 1967, 124, 8, 'Comedy', 'Jacques Tati'],
      ['tt0244316', 'Yi Yi', 2000, 173, 9, 'Drama, Romance', 'Edward Yang'],
      ['tt0060827', 'Persona', 1966, 83, 8, 'Drama', 'Ingmar Bergman'],
      ['tt0073440', 'Nashville', 1975, 160, 7, 'Drama, Music', 'Robert Altman'],
    ];
    const imdb = [
      'Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors',
      ...films.map(([id, title, year, runtime, rating, genres, director]) =>
        `${id},${rating},2024-01-01,"${title}","${title}",https://www.imdb.com/title/${id}/,Movie,8.0,${runtime},${year},"${genres}",1000,${year}-01-01,${director}`,
      ),
    ].join('\n');
    await importFile(page, { name: 'ratings.csv', mimeType: 'text/csv', buffer: Buffer.from(imdb) });
    const rows: string[] = [...knownDiary];
    for (let i = 0; i < 48; i += 1) {
      const month = String((i % 12) + 1).padStart(2, '0');
      const day = String(1 + ((i * 7) % 27)).padStart(2, '0');
      const [, title, year] = films[i % films.length]!;
      rows.push(`2024-${month}-${day},"${title}",${year},https://boxd.it/b${i},${((i % 9) + 2) / 2},${i >= films.length ? 'Yes' : ''},,2024-${month}-${day}`);
    }
    await importDiary(page, rows);
    // The import's toast (with its Undo) would cover a chart in the screenshot.
    const toasts = page.locator('.toast');
    while ((await toasts.count()) > 0) await toasts.first().getByRole('button', { name: 'Dismiss' }).click();
    await openStats(page);
    expect(await figure(page, 'Films in the catalog')).toBe('17');
    expect(await figure(page, 'Viewings')).toBe('53');
    await expect.poll(() => page.getByRole('img', { name: /^Films by decade/ }).getAttribute('aria-label')).toMatch(/1950s to 2000s/);
    await page.waitForTimeout(600); // Chart.js's entry animation
    await page.screenshot({ path: `${screenshotDir}stats.png`, fullPage: true });

    await page.getByRole('link', { name: '2024 in review' }).click();
    await page.getByRole('region', { name: 'New directors' }).getByRole('listitem').first().waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${screenshotDir}year-in-review.png`, fullPage: true });
  });
});
