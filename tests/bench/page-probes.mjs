/**
 * Timing inside the page, where the bench's own round trips to the browser do not count. `installProbes` is added
 * to every page as an init script (so it must stay self-contained: it is serialised); the functions below it drive
 * it from Node.
 *
 * A probe is armed before an action, starts its clock at the first of the given DOM events (in the capture phase,
 * before the app's own handlers), watches the DOM until its condition holds, then waits for the next frame
 * (requestAnimationFrame, then a task) so that what was asked for has been painted, and reports the milliseconds.
 */

/** Runs in the page: window.__benchProbes. */
export function installProbes() {
  if (window.__benchProbes) return;
  const labelOf = (element) =>
    element.getAttribute('aria-label') ??
    (element.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' ');
  const filmsList = () => [...document.querySelectorAll('[role="list"]')].find((element) => labelOf(element) === 'Films') ?? null;
  const firstCardHref = () => filmsList()?.querySelector('[role="listitem"] a[href]')?.getAttribute('href') ?? null;
  const countText = () => document.querySelector('.toolbar-count')?.textContent?.trim() ?? '';
  const sameQuery = (a, b) => a === b || a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();
  const conditions = {
    /** The Library says (data-search) that what is painted are the results of exactly what the box now holds. */
    search: (start) => {
      const query = start.input?.value ?? '';
      return [...document.querySelectorAll('[data-search]')].some((element) => sameQuery(element.getAttribute('data-search') ?? '', query));
    },
    countChanged: (start) => countText() !== '' && countText() !== start.count,
    firstCardChanged: (start) => {
      const href = firstCardHref();
      return href !== null && href !== start.href;
    },
    /** The Stats page shows figures computed for the catalog as it is (data-stats-state="ready"). */
    statsReady: () => document.querySelector('[data-stats-state="ready"]') !== null,
    heading: (_start, title) =>
      [...document.querySelectorAll('h1')].some((h1) => {
        const text = (h1.textContent ?? '').trim();
        return text === title || text.startsWith(`${title} `);
      }),
  };

  let pending = Promise.resolve({ ms: null, reason: 'no probe was armed' });
  let frames = null;
  window.__benchProbes = {
    filmsList,
    firstCardHref,
    countText,
    /**
     * `kind`: a condition above; `startOn`: DOM events that start the clock; `checkAfter`: an event before which
     * the condition is not looked at (a keystroke's results exist only once its `input` has happened).
     */
    arm(kind, startOn, checkAfter, arg, timeoutMs) {
      pending = new Promise((resolve) => {
        let t0 = null;
        let start = null;
        let settled = false;
        let painting = false;
        let observer = null;
        const finish = (result) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          observer?.disconnect();
          for (const type of startOn) window.removeEventListener(type, onStart, true);
          if (checkAfter) window.removeEventListener(checkAfter, onReady, true);
          resolve(result);
        };
        const timer = setTimeout(
          () => finish({ ms: null, reason: t0 === null ? `no ${startOn.join('/')} event came` : `“${kind}” did not happen within ${timeoutMs} ms` }),
          timeoutMs,
        );
        const check = () => {
          if (settled || painting || start === null || !conditions[kind](start, arg)) return;
          painting = true;
          observer?.disconnect();
          // Painted: the frame that follows the change has run.
          requestAnimationFrame(() => setTimeout(() => finish({ ms: performance.now() - t0 }), 0));
        };
        const watch = () => {
          observer = new MutationObserver(check);
          observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
          check();
        };
        function onReady() {
          window.removeEventListener(checkAfter, onReady, true);
          // After the app's own handlers for this event (capture runs first).
          setTimeout(watch, 0);
        }
        function onStart(event) {
          if (t0 !== null) return;
          t0 = performance.now();
          const target = event.target instanceof HTMLInputElement ? event.target : document.activeElement;
          start = { count: countText(), href: firstCardHref(), input: target instanceof HTMLInputElement ? target : null };
          for (const type of startOn) window.removeEventListener(type, onStart, true);
          if (checkAfter) window.addEventListener(checkAfter, onReady, true);
          else watch();
        }
        for (const type of startOn) window.addEventListener(type, onStart, true);
      }).then((result) => (result.ms === null ? result : { ms: result.ms }));
    },
    result: () => pending,
    /** Records requestAnimationFrame times until stopFrames(). */
    startFrames() {
      frames = [];
      const record = (now) => {
        if (frames === null) return;
        frames.push(now);
        requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    },
    stopFrames() {
      const times = frames ?? [];
      frames = null;
      return times.slice(1).map((time, index) => time - times[index]);
    },
    /** Resolves once no frame has taken longer than `longFrameMs` for `quietMs` (or after `maxMs`), with the wait. */
    whenQuiet(quietMs, longFrameMs, maxMs) {
      return new Promise((resolve) => {
        const began = performance.now();
        let last = began;
        let lastLong = began;
        const tick = (now) => {
          if (now - last > longFrameMs) lastLong = now;
          last = now;
          if (now - lastLong >= quietMs || now - began >= maxMs) resolve({ waitedMs: now - began, quiet: now - lastLong >= quietMs });
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
  };
}

/**
 * Times `action` in the page: the clock starts at the first `startOn` event and stops when `kind` holds and has
 * been painted. Resolves with { ms } or { ms: null, reason }.
 */
export async function timeInPage(page, { kind, startOn, checkAfter = null, arg = null, timeoutMs = 10_000 }, action) {
  await page.evaluate(([k, s, c, a, t]) => window.__benchProbes.arm(k, s, c, a, t), [kind, startOn, checkAfter, arg, timeoutMs]);
  await action();
  return page.evaluate(() => window.__benchProbes.result());
}

/** Waits until the page has been free of long frames for a while (the Library has finished loading in the background). */
export function waitForQuiet(page, { quietMs = 1000, longFrameMs = 50, maxMs = 60_000 } = {}) {
  return page.evaluate(([q, l, m]) => window.__benchProbes.whenQuiet(q, l, m), [quietMs, longFrameMs, maxMs]);
}

export const startFrames = (page) => page.evaluate(() => window.__benchProbes.startFrames());
export const stopFrames = (page) => page.evaluate(() => window.__benchProbes.stopFrames());
