/**
 * The Library's figures, each measured by driving the real UI the way a person would. Every function either returns
 * its figure(s) or throws (Unmeasured, or whatever went wrong); run.mjs turns a throw into null and says why.
 */
import { startFrames, stopFrames, timeInPage, waitForQuiet } from './page-probes.mjs';
import { median, ms, percentile, Unmeasured } from './stats.mjs';
import { VIEWPORT } from './browser.mjs';

const filmsList = (page) => page.getByRole('list', { name: 'Films' });
const firstCardLink = (page) => filmsList(page).getByRole('listitem').first().getByRole('link').first();
const countText = (page) => page.evaluate(() => window.__benchProbes.countText());
const sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Navigation → the first Library screen painted: a film card and the count (a new browser process, same profile). */
export async function coldOpen(page, baseUrl, timeoutMs) {
  const start = Date.now();
  await page.goto(baseUrl);
  await page.waitForFunction(
    () => window.__benchProbes?.firstCardHref() != null && /\d/.test(window.__benchProbes.countText()),
    null,
    { polling: 'raf', timeout: timeoutMs },
  );
  return Date.now() - start;
}

/** Waits for the Library to finish loading in the background (no long frames for a second), so later figures are warm. */
export async function settle(page, films) {
  await sleep(films >= 100_000 ? 3000 : 1000);
  return waitForQuiet(page, { quietMs: 1000, longFrameMs: 50, maxMs: 60_000 });
}

export async function jsHeapMb(page) {
  const bytes = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
  if (bytes === null) throw new Unmeasured('performance.memory is not available');
  return Math.round(bytes / 104857.6) / 10;
}

/** selectOption → the first card is another film, painted; the median over the sort keys. Ends sorted by title. */
export async function sortChange(page) {
  const select = page.getByLabel('Sort by');
  if ((await select.count()) === 0) throw new Unmeasured('no control labelled “Sort by”');
  const offered = (await select.locator('option').allTextContents()).map((text) => text.trim());
  const labels = ['Year', 'Rating', 'Runtime', 'Date added', 'Last watched', 'Title'].filter((label) => offered.includes(label));
  const missing = ['Year', 'Rating', 'Runtime', 'Date added', 'Last watched', 'Title'].filter((label) => !labels.includes(label));
  if (missing.length > 0) console.error(`  note: “Sort by” offers no ${missing.map((label) => `“${label}”`).join(', ')}`);
  const samples = [];
  const misses = [];
  for (const label of labels) {
    const result = await timeInPage(page, { kind: 'firstCardChanged', startOn: ['input', 'change'], timeoutMs: 15_000 }, () =>
      select.selectOption({ label }, { timeout: 5_000 }),
    );
    if (result.ms === null) misses.push(`${label}: ${result.reason}`);
    else samples.push(result.ms);
  }
  if (samples.length === 0) throw new Unmeasured(`no sort change repainted the first card (${misses.join('; ')})`);
  return { sort_change_ms: ms(median(samples)), samples: samples.map(ms), misses };
}

/**
 * As before: focus the first card, press a rating key it does not show yet, and wait (from Node) until the new
 * rating badge is painted on that card.
 */
export async function rateOneFilm(page) {
  await waitForQuiet(page, { quietMs: 500, maxMs: 10_000 });
  // That film's card, wherever a new rating moves it in the current order.
  const href = await firstCardLink(page).getAttribute('href');
  const card = filmsList(page).locator(`a[href="${href}"]`).first();
  await card.focus();
  const badge = card.locator('.rating-badge');
  const current = (await badge.count()) > 0 ? await badge.getAttribute('aria-label') : null;
  const [key, label] = current === '1.5 stars' ? ['4', '2 stars'] : ['3', '1.5 stars'];
  const start = Date.now();
  await page.keyboard.press(key);
  await card.locator(`.rating-badge[aria-label="${label}"]`).waitFor({ timeout: 30_000 });
  return Date.now() - start;
}

/** Clears the search box and waits for the whole Library again. */
async function clearSearch(page, box, fullCount) {
  await box.fill('');
  await page.waitForFunction((count) => window.__benchProbes.countText() === count, fullCount, { polling: 'raf', timeout: 30_000 });
}

/**
 * Types each query one character at a time into the header's search box (focused with "/"), timing every keystroke
 * in the page: key press → the Library shows (data-search) and has painted the results for exactly that text. Each
 * keystroke waits for the previous one's results. Stops starting new queries once `budgetMs` is spent (a slow search
 * at 100,000 films would otherwise take most of an hour); the figures say how many keystrokes they cover.
 */
export async function searchKeystrokes(page, queries, budgetMs) {
  const deadline = Date.now() + budgetMs;
  const box = page.getByRole('searchbox', { name: 'Search' });
  if ((await box.count()) === 0) throw new Unmeasured('no searchbox named “Search”');
  const fullCount = await countText(page);
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await page.keyboard.press('/');
  if (!(await box.evaluate((element) => element === document.activeElement))) {
    console.error('  note: “/” did not focus the search box; clicked it instead');
    await box.click();
  }
  const samples = [];
  const misses = [];
  let typed = 0;
  // The first search of a session may also start the search (a worker building its index): reported apart too.
  let firstKeystroke = null;
  for (const query of queries) {
    if (Date.now() > deadline) {
      console.error(`  note: search budget of ${budgetMs / 1000} s spent after ${typed} of ${queries.length} queries`);
      break;
    }
    typed += 1;
    for (const character of query) {
      // The first may wait for the search index to be built: it gets longer before it counts as unseen.
      const timeoutMs = samples.length + misses.length === 0 ? 60_000 : 20_000;
      const result = await timeInPage(page, { kind: 'search', startOn: ['keydown', 'beforeinput'], checkAfter: 'input', timeoutMs }, () =>
        page.keyboard.type(character),
      );
      if (result.ms === null) misses.push(`“${query}”: ${result.reason}`);
      else samples.push(result.ms);
      if (samples.length + misses.length === 1) firstKeystroke = result.ms;
      if (samples.length === 0 && misses.length >= 3) {
        throw new Unmeasured(`no keystroke's results were seen painted (${misses[0]}); the Films list marks the query it shows with data-search`);
      }
      // Each unseen keystroke costs its whole timeout: stop rather than spend half an hour on a broken contract.
      if (misses.length > 25) throw new Unmeasured(`${misses.length} of ${samples.length + misses.length} keystrokes not seen painted, e.g. ${misses[0]}`);
    }
    await clearSearch(page, box, fullCount);
  }
  if (misses.length > 0) console.error(`  note: ${misses.length} of ${samples.length + misses.length} keystrokes not seen painted, e.g. ${misses[0]}`);
  return {
    search_keystroke_p50_ms: ms(median(samples)),
    search_keystroke_p95_ms: ms(percentile(samples, 95)),
    search_keystrokes: samples.length,
    search_keystrokes_unseen: misses.length,
    search_queries: typed,
    search_first_keystroke_ms: ms(firstKeystroke),
  };
}

const FILTER_VALUES = ['Drama', 'Comedy', 'Thriller', 'Romance', 'Horror', 'Western', 'Crime', 'Documentary', 'Watchlist', 'Favourite'];
const startsWith = (value) => new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');

/** Ticks and unticks ten filter values (20 toggles): click → the count changed and painted; within `budgetMs`. */
export async function filterChanges(page, budgetMs) {
  const deadline = Date.now() + budgetMs;
  const region = page.getByRole('region', { name: 'Filters' });
  if (!(await region.isVisible())) {
    const toggle = page.getByRole('button', { name: 'Filters', exact: true });
    if ((await toggle.count()) > 0) await toggle.first().click();
    await region.waitFor({ timeout: 5_000 }).catch(() => undefined);
  }
  if (!(await region.isVisible())) throw new Unmeasured('no region named “Filters” (nor a “Filters” button that shows one)');
  // Every value in view: a group shows its most frequent values first, and which those are moves as counts change
  // (after the search phase they are still settling), so a value seen a moment ago could be folded away.
  await waitForQuiet(page, { quietMs: 500, maxMs: 10_000 });
  const showAll = region.getByRole('button', { name: /^Show all/ });
  // Each click turns its button into "Show fewer", so always the first one left.
  for (let groups = 0; groups < 20 && (await showAll.count()) > 0; groups++) await showAll.first().click({ timeout: 3_000 });
  const checkbox = (value) => region.getByRole('checkbox', { name: startsWith(value) }).first();
  const values = [];
  for (const value of FILTER_VALUES) if ((await checkbox(value).count()) > 0) values.push(value);
  if (values.length < FILTER_VALUES.length) {
    // Any other values the panel offers, by the name they start with (the count after it changes).
    const names = await region.getByRole('checkbox').evaluateAll((boxes) =>
      boxes.map((box) => (box.labels?.[0]?.textContent ?? box.getAttribute('aria-label') ?? '').trim().replace(/\s+[\d,]+$/, '')),
    );
    for (const name of names) if (name !== '' && values.length < FILTER_VALUES.length && !values.includes(name)) values.push(name);
  }
  if (values.length === 0) throw new Unmeasured('the Filters region has no checkboxes');
  const samples = [];
  const misses = [];
  for (const value of values) {
    if (Date.now() > deadline) {
      console.error(`  note: filter budget of ${budgetMs / 1000} s spent after ${samples.length + misses.length} toggles`);
      break;
    }
    for (const step of ['tick', 'untick']) {
      // A value can leave the panel meanwhile (a group whose values all have 0 films left is not shown): a miss.
      const result = await timeInPage(page, { kind: 'countChanged', startOn: ['click'], timeoutMs: 20_000 }, () =>
        checkbox(value).click({ timeout: 3_000 }),
      ).catch((error) => ({ ms: null, reason: String(error).split('\n')[0] }));
      if (result.ms === null) misses.push(`${step} ${value}: ${result.reason}`);
      else samples.push(result.ms);
    }
  }
  if (samples.length === 0) throw new Unmeasured(`no filter change repainted the count (${misses[0]})`);
  if (misses.length > 0) console.error(`  note: ${misses.length} filter toggles did not change the count, e.g. ${misses[0]}`);
  return { filter_change_p95_ms: ms(percentile(samples, 95)), filter_change_p50_ms: ms(median(samples)), filter_changes: samples.length };
}

/** Scrolls the Library with the mouse wheel for ~3 s, recording every frame's duration; reports the p95. */
export async function scrollFrames(page, seconds = 3) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await filmsList(page).boundingBox();
  if (!box) throw new Unmeasured('the Films list is not on screen');
  await page.mouse.move(box.x + box.width / 2, Math.min(Math.max(box.y + 100, 200), VIEWPORT.height - 100));
  await sleep(200);
  const before = await page.evaluate(() => window.scrollY);
  await startFrames(page);
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    await page.mouse.wheel(0, 200);
    await sleep(16);
  }
  await sleep(100);
  const frames = await stopFrames(page);
  const scrolled = (await page.evaluate(() => window.scrollY)) - before;
  await page.evaluate(() => window.scrollTo(0, 0));
  if (scrolled < 1000) throw new Unmeasured(`the wheel scrolled the window only ${scrolled} px`);
  return { scroll_frame_p95_ms: ms(percentile(frames, 95)), scroll_frame_max_ms: ms(Math.max(...frames)), scroll_frames: frames.length, scroll_px: Math.round(scrolled) };
}

/** Click the first card → the film's page with its title as the h1, painted. */
export async function openFilm(page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await waitForQuiet(page, { quietMs: 300, maxMs: 5_000 });
  const link = firstCardLink(page);
  const titled = link.locator('.library-card-title');
  const title = ((await titled.count()) > 0 ? await titled.first().textContent() : await link.textContent())?.trim();
  if (!title) throw new Unmeasured('the first card has no title');
  const result = await timeInPage(page, { kind: 'heading', startOn: ['click'], arg: title, timeoutMs: 15_000 }, () => link.click());
  if (result.ms === null) throw new Unmeasured(`the film page of “${title}” was not seen: ${result.reason}`);
  return ms(result.ms);
}

/**
 * Click "Stats" in the navigation → every figure painted: the first visit (the statistics worker reads the catalog's
 * projections and viewings and counts them), then back to the Library and to Stats again (the worker kept what it
 * read). Also reports the worker's own reading and counting time, which the page exposes as data attributes.
 */
export async function statsPage(page) {
  await waitForQuiet(page, { quietMs: 500, maxMs: 10_000 });
  const link = page.getByRole('link', { name: 'Stats', exact: true });
  if ((await link.count()) === 0) throw new Unmeasured('no “Stats” link in the navigation');
  const visit = async () => {
    const result = await timeInPage(page, { kind: 'statsReady', startOn: ['click'], timeoutMs: 60_000 }, () => link.click());
    if (result.ms === null) throw new Unmeasured(`the Stats page did not show its figures: ${result.reason}`);
    return ms(result.ms);
  };
  const first = await visit();
  const section = page.locator('[data-stats-state="ready"]');
  const readMs = Number(await section.getAttribute('data-stats-read-ms'));
  const computeMs = Number(await section.getAttribute('data-stats-compute-ms'));
  await page.getByRole('link', { name: 'Library', exact: true }).first().click();
  await page.locator('[data-stats-state]').waitFor({ state: 'detached', timeout: 15_000 });
  await waitForQuiet(page, { quietMs: 500, maxMs: 10_000 });
  const again = await visit();
  return { stats_page_ms: first, stats_page_again_ms: again, stats_worker_read_ms: readMs, stats_worker_compute_ms: computeMs };
}

/**
 * Stats opened straight after starting (nothing read yet): navigation → every figure painted, the statistics worker
 * reading the catalog and counting while the page waits. The worst case; a person who opens the Library first gets
 * stats_page_ms.
 */
export async function statsPageCold(page, baseUrl) {
  await page.goto(`${baseUrl}#/stats`);
  await page.locator('[data-stats-state="ready"]').waitFor({ timeout: 120_000 });
  const painted = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))));
  return { stats_page_cold_ms: ms(painted) };
}
