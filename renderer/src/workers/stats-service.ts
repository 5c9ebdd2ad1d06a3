/**
 * The statistics worker's work, as a plain module tests run in Node (fake-indexeddb, no Worker): read the film
 * projections (summaries and cast names), viewings and lists once, keep them in memory, take in the records each
 * write touched, and compute the Stats page's figures (domain/stats) for the years asked. stats.worker.ts only
 * wires it to the worker's messages.
 */
import type { FilmCast, FilmSummary } from '../domain/film-summary';
import type { FilmList } from '../domain/list';
import { catalogStats, viewingHeatmap, yearInReview, type CatalogStats, type StatsFilm } from '../domain/stats';
import type { Viewing } from '../domain/viewing';
import type { CinefileDb } from '../db/schema';
import { statsTables, type StatsChanges, type StatsRequest, type StatsResponse, type StatsTable, type StatsView } from './stats-protocol';

export type StatsCatalog = Pick<CinefileDb, StatsTable | 'transaction'>;

export interface StatsService {
  receive(request: StatsRequest): void;
}

interface Records {
  filmSummaries: Map<string, FilmSummary>;
  filmCast: Map<string, FilmCast>;
  viewings: Map<string, Viewing>;
  lists: Map<string, FilmList>;
}

const noNames: string[] = [];

/** While no page shows statistics, a change is counted in once writes have paused this long (see `watching`). */
export const QUIET_MS = 1000;

/**
 * A film as statistics need it, joined from its summary and cast names: exactly these fields, in one shape (a spread
 * of the whole summary cost ~5× more at 100,000 films, and left the counting loops many shapes to handle).
 */
function statsFilm(summary: FilmSummary, cast: FilmCast | undefined): StatsFilm {
  return {
    id: summary.id,
    title: summary.title,
    year: summary.year,
    directors: summary.directors,
    genres: summary.genres,
    country: summary.country,
    language: summary.language,
    runtimeMinutes: summary.runtimeMinutes,
    rating: summary.rating,
    formats: summary.formats,
    loaned: summary.loaned,
    cast: cast?.names ?? noNames,
  };
}

/** The statistics service over `db`, answering through `post`: nothing until 'start', then a 'stats' per change. */
export function createStatsService(db: StatsCatalog, post: (message: StatsResponse) => void): StatsService {
  const records: Records = { filmSummaries: new Map(), filmCast: new Map(), viewings: new Map(), lists: new Map() };
  let view: StatsView = { heatmapYear: null, reviewYear: null };
  let started = false;
  let failed = false;
  let working = false;
  let pending: StatsChanges | null = null;
  let viewChanged = false;
  /** A page shows statistics: changes are counted in at once. Otherwise after QUIET_MS without writes, so a burst
   * of ratings in the Library never shares the machine with counting 100,000 films after each one. */
  let watching = false;
  let quietTimer: ReturnType<typeof setTimeout> | null = null;

  /** Reads whole tables (each its own read, so IndexedDB can answer them side by side) or just the keys touched. */
  async function read(changes: StatsChanges): Promise<void> {
    await Promise.all(
      statsTables.map(async (name) => {
        const keys = changes[name];
        if (keys === undefined) return;
        const table = db[name] as unknown as { toArray(): Promise<{ id: string }[]>; bulkGet(keys: string[]): Promise<({ id: string } | undefined)[]> };
        const into = records[name] as Map<string, { id: string }>;
        if (keys === 'all') {
          const all = await table.toArray();
          into.clear();
          for (const record of all) into.set(record.id, record);
          return;
        }
        const found = await table.bulkGet(keys);
        keys.forEach((key, index) => {
          const record = found[index];
          if (record) into.set(key, record);
          else into.delete(key);
        });
      }),
    );
  }

  /** Joined films by id (kept, and re-joined only where a summary or cast changed), the lists the counting takes, and
   * the catalog's statistics as of the last read. */
  const joined = new Map<string, StatsFilm>();
  let films: StatsFilm[] | null = null;
  let viewings: Viewing[] | null = null;
  let stats: CatalogStats | null = null;

  function join(changes: StatsChanges): void {
    const summaries = changes.filmSummaries;
    const cast = changes.filmCast;
    if (summaries === undefined && cast === undefined) return;
    films = null;
    if (summaries === 'all' || cast === 'all') {
      joined.clear();
      for (const summary of records.filmSummaries.values()) joined.set(summary.id, statsFilm(summary, records.filmCast.get(summary.id)));
      return;
    }
    for (const id of new Set([...(summaries ?? []), ...(cast ?? [])])) {
      const summary = records.filmSummaries.get(id);
      if (summary) joined.set(id, statsFilm(summary, records.filmCast.get(id)));
      else joined.delete(id);
    }
  }

  function compute(changes: StatsChanges | null, readMs: number): void {
    const began = performance.now();
    if (changes !== null) {
      join(changes);
      if (changes.filmSummaries !== undefined || changes.filmCast !== undefined || changes.viewings !== undefined) stats = null;
      if (changes.viewings !== undefined) viewings = null;
    }
    films ??= [...joined.values()];
    viewings ??= [...records.viewings.values()];
    // Other years only (the calendar's, a year in review's): the catalog's figures stand, nothing is counted again.
    stats ??= catalogStats(films, viewings);
    const heatmap = view.heatmapYear === null ? null : viewingHeatmap(viewings, view.heatmapYear);
    const review = view.reviewYear === null ? null : yearInReview(view.reviewYear, films, viewings, [...records.lists.values()]);
    post({ type: 'stats', stats, heatmap, review, view, readMs: Math.round(readMs), computeMs: Math.round(performance.now() - began) });
  }

  async function work(): Promise<void> {
    while (pending !== null || viewChanged) {
      const changes = pending;
      pending = null;
      viewChanged = false;
      const asked = performance.now();
      if (changes !== null) await read(changes);
      compute(changes, changes === null ? 0 : performance.now() - asked);
    }
  }

  function startWorking(): void {
    if (quietTimer !== null) {
      clearTimeout(quietTimer);
      quietTimer = null;
    }
    if (working || failed || !started) return;
    working = true;
    work()
      .catch((error: unknown) => {
        failed = true;
        // Closed: another window deleted or upgraded the catalog; the window already says so and offers Reload.
        if (error instanceof Error && error.name === 'DatabaseClosedError') return;
        post({ type: 'failed', message: `The catalog could not be read for statistics (${error instanceof Error ? error.message : String(error)}).` });
      })
      .finally(() => {
        working = false;
        if (pending !== null || viewChanged) schedule();
      });
  }

  /** Works now when a page watches (or nothing was counted yet); otherwise once writes have paused. */
  function schedule(): void {
    if (!started || failed) return;
    if (watching || stats === null) {
      startWorking();
      return;
    }
    if (quietTimer !== null) clearTimeout(quietTimer);
    quietTimer = setTimeout(startWorking, QUIET_MS);
  }

  const take = (changes: StatsChanges) => {
    const merged: StatsChanges = pending ?? {};
    for (const name of statsTables) {
      const keys = changes[name];
      if (keys === undefined) continue;
      const before = merged[name];
      merged[name] = keys === 'all' || before === 'all' ? 'all' : [...new Set([...(before ?? []), ...keys])];
    }
    pending = merged;
  };

  return {
    receive(request) {
      if (request.type === 'start') {
        if (started) return;
        started = true;
        view = request.view;
        pending = Object.fromEntries(statsTables.map((name) => [name, 'all'])) as StatsChanges;
      } else if (request.type === 'view') {
        if (request.view.heatmapYear === view.heatmapYear && request.view.reviewYear === view.reviewYear) return;
        view = request.view;
        viewChanged = true;
      } else if (request.type === 'watching') {
        watching = request.watching;
        if (!watching || (pending === null && !viewChanged)) return;
      } else {
        // Before the first read, changes are already covered by it.
        if (!started) return;
        take(request.changes);
      }
      schedule();
    },
  };
}
