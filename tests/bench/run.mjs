/**
 * `npm run bench`: how the built app behaves with large catalogs, in Debian's Chromium with real IndexedDB.
 * For 1k, 10k and 100k films it measures the cold open of the Library (navigation → first poster card painted),
 * switching the Library's sort, and the JS heap afterwards, and prints the figures as JSON. Targets and the
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
          const tx = database.transaction('films', 'readwrite');
          const films = tx.objectStore('films');
          for (let i = start; i < Math.min(count, start + batch); i++) {
            const title = `${pick(i, 1)} ${pick(i, 2)} ${pick(i, 3)} ${i}`;
            const time = new Date(Date.UTC(2020, 0, 1) + i * 60000).toISOString();
            films.put({
              id: `bench-${i}`, title, originalTitle: null, year: 1900 + (i % 126),
              directors: [`Director ${i % 977}`, ...(i % 5 === 0 ? [`Co-director ${i % 31}`] : [])],
              cast: Array.from({ length: 10 }, (_, k) => ({ name: `Actor ${(i + k * 13) % 5003}`, role: `Role ${k}` })),
              genres: ['Drama', 'Comedy', 'Thriller'].slice(0, 1 + (i % 3)), runtimeMinutes: 80 + (i % 90),
              country: 'France', language: 'French', overview: `${title}. `.repeat(40).slice(0, 900), tagline: null,
              sections: [], poster: null, rating: i % 11 === 0 ? null : 1 + (i % 10), watchlist: i % 7 === 0,
              favourite: i % 13 === 0, tags: i % 4 === 0 ? ['bench'] : [], sortTitle: title, createdAt: time, updatedAt: time,
            });
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
    const heapMB = await coldPage.evaluate(() => Math.round((performance.memory?.usedJSHeapSize ?? 0) / 1048576));
    await cold.close();
    return { films: size + 1, seedMs, coldLibraryFirstCardMs: firstPaintMs, domCards: cards, resortByYearMs: resortMs, jsHeapMB: heapMB };
  } finally {
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
await server.close();
console.log(JSON.stringify({ benchmark: 'library-cold-open', machine: `${process.platform} ${process.arch}`, results }, null, 2));
