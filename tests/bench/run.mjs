/**
 * `npm run bench`: how the built app behaves with large catalogs, in Debian's Chromium with real IndexedDB.
 * For 1k, 10k and 100k films it measures the cold open of the Library (navigation → first poster card painted),
 * switching the Library's sort, and the JS heap afterwards; and a 10,000-row Letterboxd diary imported through the
 * Import page (import_10k_diary_ms); it prints the figures as JSON. Targets and the
 * platform's own limits are in docs/LIMITS.md; this only reports, it never fails on a number.
 * Usage: npm run bench [-- 1000 10000]   (sizes; default 1000 10000 100000)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'];

/** Writes `count` realistic films (~1.7 KB each) straight into the app's database, in batches of one transaction. */
function seedFilms(count) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('cinefile');
    request.onerror = () => reject(request.error);
    request.onsuccess = async () => {
      const database = request.result;
      const words = 'red hot cold war night city river glass silent long road winter garden mirror last first'.split(' ');
      const pick = (i, n) => words[(i * 7919 + n * 104729) % words.length];
      const batch = 5000;
      for (let start = 0; start < count; start += batch) {
        await new Promise((done, fail) => {
          const tx = database.transaction(['films', 'filmSummaries'], 'readwrite');
          const films = tx.objectStore('films');
          const summaries = tx.objectStore('filmSummaries');
          for (let i = start; i < Math.min(count, start + batch); i++) {
            const title = `${pick(i, 1)} ${pick(i, 2)} ${pick(i, 3)} ${i}`;
            const time = new Date(Date.UTC(2020, 0, 1) + i * 60000).toISOString();
            // The Library's summary of the film, as the app's film-summaries middleware writes it beside each film.
            const summary = {
              id: `bench-${i}`, title, year: 1900 + (i % 126),
              directors: [`Director ${i % 977}`, ...(i % 5 === 0 ? [`Co-director ${i % 31}`] : [])], runtimeMinutes: 80 + (i % 90),
              rating: i % 11 === 0 ? null : 1 + (i % 10), watchlist: i % 7 === 0, favourite: i % 13 === 0,
              tags: i % 4 === 0 ? ['bench'] : [], poster: null, sortTitle: title, createdAt: time,
            };
            films.put({
              ...summary, originalTitle: null,
              cast: Array.from({ length: 10 }, (_, k) => ({ name: `Actor ${(i + k * 13) % 5003}`, role: `Role ${k}` })),
              genres: ['Drama', 'Comedy', 'Thriller'].slice(0, 1 + (i % 3)),
              country: 'France', language: 'French', overview: `${title}. `.repeat(40).slice(0, 900), tagline: null,
              sections: [], titleKeys: [title.replace(/\s+/g, '')], externalIds: [], updatedAt: time,
            });
            summaries.put(summary);
          }
          tx.oncomplete = done;
          tx.onerror = () => fail(tx.error);
        });
      }
      database.close();
      resolve(count);
    };
  });
}

async function measure(baseUrl, size) {
  const profile = mkdtempSync(join(tmpdir(), 'cinefile-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport: { width: 1280, height: 820 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(baseUrl);
    await page.getByRole('list', { name: 'Films' }).waitFor(); // the app created and seeded its database
    const seedStart = Date.now();
    await page.evaluate(seedFilms, size);
    const seedMs = Date.now() - seedStart;
    // A new browser process on the same profile: the cold start a person gets after restarting.
    await context.close();
    const cold = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport: { width: 1280, height: 820 } });
    const coldPage = cold.pages()[0] ?? (await cold.newPage());
    const start = Date.now();
    await coldPage.goto(baseUrl);
    await coldPage.locator('.library-card').first().waitFor({ timeout: 120_000 });
    const firstPaintMs = Date.now() - start;
    const cards = await coldPage.locator('.library-card').count();
    const firstHref = await coldPage.locator('.library-card').first().getAttribute('href');
    const sortStart = Date.now();
    await coldPage.getByLabel('Sort by').selectOption('year');
    await coldPage.waitForFunction((href) => document.querySelector('.library-card')?.getAttribute('href') !== href, firstHref, { timeout: 120_000 });
    const resortMs = Date.now() - sortStart;
    // Once every summary is loaded (the count settles), rate the first film by keyboard: key press → new badge painted.
    await coldPage.waitForFunction(() => document.querySelectorAll('.library-card').length > 0);
    await coldPage.waitForTimeout(size >= 100000 ? 3000 : 1000);
    const card = coldPage.locator('.library-card').first();
    await card.focus();
    // A rating the card does not show yet, so the wait ends only when the new one is painted.
    const badge = card.locator('.rating-badge');
    const current = (await badge.count()) > 0 ? await badge.getAttribute('aria-label') : null;
    const [key, label] = current === '1.5 stars' ? ['4', '2 stars'] : ['3', '1.5 stars'];
    const rateStart = Date.now();
    await coldPage.keyboard.press(key);
    await card.locator(`.rating-badge[aria-label="${label}"]`).waitFor({ timeout: 120_000 });
    const rateOneFilmMs = Date.now() - rateStart;
    const heapMB = await coldPage.evaluate(() => Math.round((performance.memory?.usedJSHeapSize ?? 0) / 1048576));
    await cold.close();
    return { films: size + 1, seedMs, coldLibraryFirstCardMs: firstPaintMs, domCards: cards, resortByYearMs: resortMs, rate_one_film_ms: rateOneFilmMs, jsHeapMB: heapMB };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A Letterboxd diary.csv of `rows` entries: ~rows/3 films, each watched about three times, rated in half stars. */
function letterboxdDiary(rows) {
  const lines = ['Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date'];
  const films = Math.ceil(rows / 3);
  for (let i = 0; i < rows; i++) {
    const film = i % films;
    const day = new Date(Date.UTC(2012, 0, 1) + i * 36e6).toISOString().slice(0, 10);
    const rating = ((film * 7 + i) % 10 + 1) / 2;
    lines.push(`${day},"Film number ${film}, the ${film % 2 ? 'return' : 'début'}",${1920 + (film % 100)},https://boxd.it/d${i},${rating},${i >= films ? 'Yes' : ''},"bench, tag ${film % 40}",${day}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Imports a 10,000-row Letterboxd diary through the Import page (worker parse, preview, one transaction), timing
 * choose → preview and confirm → "Imported" toast, and the longest frame the window took meanwhile (responsiveness).
 */
async function measureImport(baseUrl, rows = 10_000) {
  const profile = mkdtempSync(join(tmpdir(), 'cinefile-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport: { width: 1280, height: 820 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${baseUrl}#/import`);
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await page.evaluate(() => {
      window.longestFrameMs = 0;
      let last = performance.now();
      const tick = (now) => {
        window.longestFrameMs = Math.max(window.longestFrameMs, now - last);
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const buffer = Buffer.from(letterboxdDiary(rows));
    const start = Date.now();
    await page.getByLabel('Export files to import').setInputFiles([{ name: 'diary.csv', mimeType: 'text/csv', buffer }]);
    await page.getByRole('list', { name: 'What this import brings in' }).waitFor({ timeout: 120_000 });
    const previewMs = Date.now() - start;
    const writeStart = Date.now();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('.toast').filter({ hasText: /^Imported/ }).waitFor({ timeout: 120_000 });
    const writeMs = Date.now() - writeStart;
    const counts = await page.locator('.toast').filter({ hasText: /^Imported/ }).locator('span').textContent();
    const longestFrameMs = Math.round(await page.evaluate(() => window.longestFrameMs));
    return { import_10k_diary_ms: previewMs + writeMs, rows, readAndPreviewMs: previewMs, writeMs, longestFrameMs, imported: counts };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const outDir = join(tmpdir(), 'cinefile-bench-build');
process.env.CINEFILE_OUT_DIR = outDir;
await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
const server = await preview({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', preview: { port: 4391, strictPort: false } });
const baseUrl = server.resolvedUrls.local[0];
const results = [];
for (const size of sizes.length > 0 ? sizes : [1000, 10000, 100000]) {
  results.push(await measure(baseUrl, size));
  console.error(`measured ${size} films`);
}
const importResult = await measureImport(baseUrl);
console.error('measured a 10,000-row diary import');
await server.close();
console.log(JSON.stringify({ benchmark: 'library-cold-open', machine: `${process.platform} ${process.arch}`, results, import: importResult, import_10k_diary_ms: importResult.import_10k_diary_ms }, null, 2));
