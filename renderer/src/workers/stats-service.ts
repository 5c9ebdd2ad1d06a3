/**
 * The statistics worker's work, as a plain module tests run in Node (fake-indexeddb, no Worker): read the film
 * projections (summaries and cast names), viewings and lists once, keep them in memory, take in the records each
 * write touched, and compute the Stats page's figures (domain/stats) for the years asked. stats.worker.ts only
 * wires it to the worker's messages.
 */
import type { FilmCast, FilmSummary } from '../domain/film-summary';
import type { FilmList } from '../domain/list';
import { catalogStats, viewingHeatmap, yearInReview, type StatsFilm } from '../domain/stats';
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

/** The statistics service over `db`, answering through `post`: nothing until 'start', then a 'stats' per change. */
export function createStatsService(db: StatsCatalog, post: (message: StatsResponse) => void): StatsService {
  const records: Records = { filmSummaries: new Map(), filmCast: new Map(), viewings: new Map(), lists: new Map() };
  let view: StatsView = { heatmapYear: null, reviewYear: null };
  let started = false;
  let failed = false;
  let working = false;
  let pending: StatsChanges | null = null;
  let viewChanged = false;

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

  function compute(readMs: number): void {
    const started = performance.now();
    const films: StatsFilm[] = [];
    for (const summary of records.filmSummaries.values()) films.push({ ...summary, cast: records.filmCast.get(summary.id)?.names ?? noNames });
    const viewings = [...records.viewings.values()];
    const stats = catalogStats(films, viewings);
    const heatmap = view.heatmapYear === null ? null : viewingHeatmap(viewings, view.heatmapYear);
    const review = view.reviewYear === null ? null : yearInReview(view.reviewYear, films, viewings, [...records.lists.values()]);
    post({ type: 'stats', stats, heatmap, review, view, readMs: Math.round(readMs), computeMs: Math.round(performance.now() - started) });
  }

  async function work(): Promise<void> {
    while (pending !== null || viewChanged) {
      const changes = pending;
      pending = null;
      viewChanged = false;
      const asked = performance.now();
      if (changes !== null) await read(changes);
      compute(changes === null ? 0 : performance.now() - asked);
    }
  }

  function startWorking(): void {
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
        if (pending !== null || viewChanged) startWorking();
      });
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
        view = request.view;
        viewChanged = true;
      } else {
        // Before the first read, changes are already covered by it.
        if (!started) return;
        take(request.changes);
      }
      startWorking();
    },
  };
}
