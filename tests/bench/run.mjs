/**
 * `npm run bench`: how the built app behaves with large catalogs, in Debian's Chromium with real IndexedDB.
 *
 * Builds the renderer in bench mode (out/bench-renderer: the app plus renderer/src/bench/seed-catalog.ts, which the
 * shipped build leaves out), then for each size seeds a deterministic synthetic catalog through the app's own Dexie
 * writes (so the film-summaries middleware derives every summary), restarts the browser on that profile (twice: the
 * first start after a big write is slower, both are reported) and drives the real UI: cold open, JS heap, sorting,
 * rating one film, 50 searches typed key by key, filter toggles, scrolling, opening a film. Finally it imports a
 * 10,000-row Letterboxd diary through the Import page. Figures are in ms unless named otherwise.
 *
 * stdout: one JSON object per size, then one {"import_10k_diary_ms":…} line, then one {"sync_films":…} line per synced
 * size (tests/bench/sync.mjs; BENCH_ONLY_SYNC=1 measures sync alone). stderr: progress, and the reason for
 * every figure that is null. This only reports; it never fails on a number. Targets: docs/benchmarks.md; the
 * platform's own limits: docs/LIMITS.md.
 * Usage: npm run bench [-- 1000 10000]   (sizes; default 1000 10000 100000)
 * Searching and filtering stop after 150 s and 90 s per catalog (BENCH_SEARCH_BUDGET_S, BENCH_FILTER_BUDGET_S), so a
 * slow search at 100,000 films does not stretch the run past ~15 minutes; the lines say how much they cover.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { freshProfile, launch } from './browser.mjs';
import { measureDiaryImport } from './diary-import.mjs';
import { measureSync } from './sync.mjs';
import { coldOpen, filterChanges, jsHeapMb, openFilm, rateOneFilm, scrollFrames, searchKeystrokes, settle, sortChange, statsPage, statsPageCold } from './library-figures.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SEARCH_QUERIES = 50;
/** Time allowed per catalog for typing the queries and for toggling filters (BENCH_SEARCH_BUDGET_S, BENCH_FILTER_BUDGET_S). */
const SEARCH_BUDGET_MS = Number(process.env.BENCH_SEARCH_BUDGET_S ?? 150) * 1000;
const FILTER_BUDGET_MS = Number(process.env.BENCH_FILTER_BUDGET_S ?? 90) * 1000;
/** Catalog sizes synced between two devices (BENCH_SYNC_SIZES, comma-separated; 10,000 by default: sync_first_10k_s). */
const SYNC_SIZES = (process.env.BENCH_SYNC_SIZES ?? '10000').split(',').map(Number).filter((n) => n > 0);
const began = Date.now();
const elapsed = () => `${((Date.now() - began) / 1000).toFixed(0)} s`;
const progress = (message) => console.error(`[bench ${elapsed()}] ${message}`);

/** Runs one measurement; on failure the figure is null and the reason goes to stderr. */
async function attempt(size, name, measure) {
  try {
    return await measure();
  } catch (error) {
    console.error(`[bench ${size}] ${name}: null — ${(error?.message ?? String(error)).split('\n')[0]}`);
    return null;
  }
}

/** A fresh profile holding Red Hot plus `size` synthetic films, written through the app; returns the seeding facts. */
async function seedProfile(baseUrl, profileDir, size) {
  const { context, page } = await launch(profileDir, `seed ${size}`);
  try {
    // A page with no Library on it, so no live query re-reads while the catalog is written.
    await page.goto(`${baseUrl}#/bench-seed`);
    await page.locator('h1').first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => window.__cinefileBench !== undefined, null, { timeout: 30_000 });
    const seeded = await page.evaluate((count) => window.__cinefileBench.seed(count), size);
    const queries = await page.evaluate(([count, films]) => window.__cinefileBench.queries(count, films), [SEARCH_QUERIES, size]);
    return { seeded, queries };
  } finally {
    // Closing the browser process flushes IndexedDB to the profile on disk.
    await context.close();
  }
}

async function measureSize(baseUrl, size) {
  const profile = freshProfile();
  try {
    progress(`${size}: seeding`);
    const { seeded, queries } = await seedProfile(baseUrl, profile.dir, size);
    progress(`${size}: seeded in ${seeded.ms} ms of writes (${seeded.generateMs} ms generating): ${JSON.stringify(seeded)}`);
    const figures = { films: size, insert_films_per_s: Math.round(size / (seeded.ms / 1000)) };
    // A new browser process on the same profile: the cold start a person gets after restarting.
    const first = await launch(profile.dir, `${size}`);
    try {
      figures.cold_open_ms = await attempt(size, 'cold_open_ms', () => coldOpen(first.page, baseUrl, 120_000));
      await attempt(size, 'settling', () => settle(first.page, size));
    } finally {
      await first.context.close();
    }
    // The first open after writing a big catalog also pays for the storage engine tidying what was just written;
    // every later start does not. So the second cold start is reported too, and the rest is measured in it.
    const { context, page } = await launch(profile.dir, `${size}`);
    try {
      figures.cold_open_second_ms = await attempt(size, 'cold_open_second_ms', () => coldOpen(page, baseUrl, 120_000));
      const settled = await attempt(size, 'settling', () => settle(page, size));
      if (settled && !settled.quiet) console.error(`[bench ${size}] note: still busy after ${Math.round(settled.waitedMs)} ms; measuring anyway`);
      figures.library_count = await attempt(size, 'library_count', () => page.evaluate(() => window.__benchProbes.countText()));
      figures.js_heap_mb = await attempt(size, 'js_heap_mb', () => jsHeapMb(page));
      progress(`${size}: cold open ${figures.cold_open_ms} ms, then ${figures.cold_open_second_ms} ms; sorting`);
      const sort = await attempt(size, 'sort_change_ms', () => sortChange(page));
      figures.sort_change_ms = sort?.sort_change_ms ?? null;
      figures.rate_one_film_ms = await attempt(size, 'rate_one_film_ms', () => rateOneFilm(page));
      progress(`${size}: searching (${queries.length} queries, e.g. ${queries.slice(0, 6).map((query) => `“${query}”`).join(', ')})`);
      const search = await attempt(size, 'search_keystroke_p50_ms/p95_ms', () => searchKeystrokes(page, queries, SEARCH_BUDGET_MS));
      Object.assign(figures, search ?? { search_keystroke_p50_ms: null, search_keystroke_p95_ms: null });
      progress(`${size}: filters`);
      const filters = await attempt(size, 'filter_change_p95_ms', () => filterChanges(page, FILTER_BUDGET_MS));
      Object.assign(figures, filters ?? { filter_change_p95_ms: null });
      progress(`${size}: scrolling`);
      const scroll = await attempt(size, 'scroll_frame_p95_ms', () => scrollFrames(page));
      Object.assign(figures, scroll ?? { scroll_frame_p95_ms: null });
      figures.open_film_ms = await attempt(size, 'open_film_ms', () => openFilm(page));
      progress(`${size}: statistics`);
      const stats = await attempt(size, 'stats_page_ms', () => statsPage(page));
      Object.assign(figures, stats ?? { stats_page_ms: null });
      figures.seeded = { viewings: seeded.viewings, notes: seeded.notes, lists: seeded.lists, list_entries: seeded.listEntries, copies: seeded.copies, loans: seeded.loans, write_ms: seeded.ms, write_ms_by_table: seeded.tableMs };
      figures.sort_samples_ms = sort?.samples ?? null;
    } finally {
      await context.close();
    }
    const cold = await launch(profile.dir, `${size}`);
    try {
      Object.assign(figures, (await attempt(size, 'stats_page_cold_ms', () => statsPageCold(cold.page, baseUrl))) ?? { stats_page_cold_ms: null });
    } finally {
      await cold.context.close();
    }
    return figures;
  } finally {
    profile.remove();
  }
}

/** The key order of the issue first, then the details. */
const ORDER = ['films', 'insert_films_per_s', 'cold_open_ms', 'cold_open_second_ms', 'search_keystroke_p50_ms', 'search_keystroke_p95_ms', 'filter_change_p95_ms', 'sort_change_ms', 'rate_one_film_ms', 'open_film_ms', 'scroll_frame_p95_ms', 'stats_page_ms', 'js_heap_mb'];
const ordered = (figures) => Object.fromEntries([...ORDER.map((key) => [key, figures[key] ?? null]), ...Object.entries(figures).filter(([key]) => !ORDER.includes(key))]);

/** True when some built file holds the seeding hooks (a string found only in seed-catalog.ts). */
function hasSeedingCode(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((file) => String(file).endsWith('.js'))
    .some((file) => readFileSync(join(dir, String(file)), 'utf8').includes('__cinefileBench'));
}

const outDir = join(root, 'out', 'bench-renderer');
const viteConfig = { configFile: join(root, 'vite.config.ts'), mode: 'bench', logLevel: 'warn', build: { outDir, emptyOutDir: true } };
progress('building the renderer (mode bench)');
await build(viteConfig);
if (!hasSeedingCode(outDir)) throw new Error(`The bench build in ${outDir} has no seeding hooks (renderer/src/main.tsx loads them in mode “bench”).`);
const server = await preview({ ...viteConfig, preview: { port: 4391, strictPort: false } });
const baseUrl = server.resolvedUrls.local[0];
const onlySync = process.env.BENCH_ONLY_SYNC === '1';
try {
  for (const size of onlySync ? [] : sizes.length > 0 ? sizes : [1000, 10000, 100000]) {
    const figures = await measureSize(baseUrl, size);
    console.log(JSON.stringify(ordered(figures)));
    progress(`measured ${size} films`);
  }
  if (!onlySync) {
    const diary = await attempt('import', 'import_10k_diary_ms', () => measureDiaryImport(baseUrl));
    console.log(JSON.stringify(diary ?? { import_10k_diary_ms: null }));
    progress('measured a 10,000-row diary import');
  }
  for (const size of SYNC_SIZES) {
    progress(`sync: ${size} films, one device pushing, a new one joining`);
    const figures = await attempt(`sync ${size}`, 'sync figures', () => measureSync(baseUrl, seedProfile, size));
    console.log(JSON.stringify({ sync_films: size, ...(figures ?? { sync_first_s: null }) }));
    progress(`measured sync at ${size} films`);
  }
} finally {
  await server.close();
}
