/**
 * The Stats pages' figures: follows the statistics worker (watchStats) for the years shown and gives its latest
 * answer, and stops following on unmount (the worker stays, so coming back shows figures at once). Nothing is
 * computed here: the worker counts, the page displays.
 */
import { useEffect, useState } from 'react';
import { watchStats, type StatsUpdate } from '../../workers/stats-client';

export interface StatsYears {
  /**
   * The heatmap's year: a year, 'latest' for the latest year with a viewing (once the first answer says which), or
   * null for no heatmap. A year that no longer has viewings falls back to the latest.
   */
  heatmapYear: number | 'latest' | null;
  /** The year in review's year, or null for none. */
  reviewYear: number | null;
}

export interface CatalogStatsState {
  /** The latest answer (a result, a failure, or both: a failure after a result keeps the result); null before the first. */
  update: StatsUpdate | null;
  /** The heatmap year asked of the worker (the result's heatmap may still be the previous year's for a moment). */
  heatmapYear: number | null;
}

export function useCatalogStats({ heatmapYear: wanted, reviewYear }: StatsYears): CatalogStatsState {
  const [update, setUpdate] = useState<StatsUpdate | null>(null);
  const years = update?.result?.stats.yearsWithViewings;
  const latest = years?.at(-1) ?? null;
  const heatmapYear =
    wanted === 'latest' ? latest : wanted !== null && years !== undefined && !years.includes(wanted) ? latest : wanted;

  // Asking for other years is following again with the new view: the listener gets the latest answer at once and
  // the worker answers the new years from what it holds, without reading the catalog again.
  useEffect(() => watchStats({ heatmapYear, reviewYear }, setUpdate), [heatmapYear, reviewYear]);

  return { update, heatmapYear };
}
