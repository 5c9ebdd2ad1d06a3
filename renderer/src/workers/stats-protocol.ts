/**
 * Everything that crosses between the main thread and the statistics worker, in one place, so both sides (and the
 * tests' in-process stand-in) agree on it. Types only; results are plain data (structured-cloned).
 */
import type { CatalogStats, ViewingHeatmap, YearInReview } from '../domain/stats';

/** The tables statistics are made from. */
export const statsTables = ['filmSummaries', 'filmCast', 'viewings', 'lists'] as const;
export type StatsTable = (typeof statsTables)[number];

/** Which records a write touched, per table, from Dexie's storagemutated event; 'all' when a whole range changed. */
export type StatsChanges = Partial<Record<StatsTable, string[] | 'all'>>;

/** The years the page shows beside the catalog's statistics: the heatmap's and the year in review's. */
export interface StatsView {
  heatmapYear: number | null;
  reviewYear: number | null;
}

/** Main → worker. */
export type StatsRequest =
  /** Read the catalog and compute (sent once, after the main thread has opened the database). */
  | { type: 'start'; view: StatsView }
  /** Other years to show: answered from what is in memory, without reading. */
  | { type: 'view'; view: StatsView }
  /** Records a write touched: the worker re-reads them and computes again. */
  | { type: 'changed'; changes: StatsChanges }
  /** Whether a page shows statistics now: while none does, changes are counted in once writes pause. */
  | { type: 'watching'; watching: boolean };

export interface StatsResult {
  stats: CatalogStats;
  heatmap: ViewingHeatmap | null;
  review: YearInReview | null;
  /** The view these were computed for. */
  view: StatsView;
  /** Time reading IndexedDB for this result (0 when nothing needed reading) and computing it. */
  readMs: number;
  computeMs: number;
}

/** Worker → main. */
export type StatsResponse = ({ type: 'stats' } & StatsResult) | { type: 'failed'; message: string };
