// The statistics worker end to end in Node: an in-process stand-in runs the real service (createStatsService) over
// the catalog in fake-indexeddb with structured-cloned messages; the client follows Dexie's storagemutated event as
// in the app. The first read, following single writes and bulk writes (whole tables), other years answered from
// memory, the projection of actor names, and a catalog that cannot be read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addFilm, deleteFilm } from '../../../renderer/src/db/films';
import { db } from '../../../renderer/src/db/index';
import { logViewing } from '../../../renderer/src/db/viewings';
import { newFilmRecord } from '../../../renderer/src/domain/film';
import { changedStatsRecords, prewarmStats, resetStats, watchStats, type StatsUpdate } from '../../../renderer/src/workers/stats-client';
import { QUIET_MS, type StatsCatalog } from '../../../renderer/src/workers/stats-service';
import { filmFields, freshCatalog } from '../../fixtures/catalog';
import { InProcessStatsWorker } from '../../fixtures/stats-worker';

let workers: InProcessStatsWorker[];
let updates: StatsUpdate[];
let stop: () => void;

beforeEach(async () => {
  await freshCatalog();
  workers = [];
  updates = [];
  resetStats(() => {
    const worker = new InProcessStatsWorker();
    workers.push(worker);
    return worker;
  });
});

afterEach(() => {
  stop?.();
  resetStats();
});

/** Resolves with the next update that satisfies `test`. */
function nextUpdate(test: (update: StatsUpdate) => boolean = () => true): Promise<StatsUpdate> {
  const from = updates.length;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching update; last: ${JSON.stringify(updates.at(-1)?.result?.stats.totals)}`)), 5_000);
    const poll = () => {
      const found = updates.slice(from).find(test);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      } else setTimeout(poll, 5);
    };
    poll();
  });
}

const heat = () => filmFields('Heat', { year: 1995, runtimeMinutes: 170, directors: ['Michael Mann'], cast: [{ name: 'Al Pacino', role: 'Hanna' }, { name: 'Robert De Niro', role: 'McCauley' }] });

describe('statistics worker', () => {
  it('reads the catalog once and answers with its figures: Red Hot alone at first', async () => {
    stop = watchStats({ heatmapYear: null, reviewYear: null }, (update) => updates.push(update));
    const first = await nextUpdate();
    expect(first.failure).toBeNull();
    expect(first.result?.stats.totals).toMatchObject({ films: 1, filmsWatched: 0, viewings: 0 });
    expect(workers).toHaveLength(1);
  });

  it('follows writes: a new film with actors and a viewing, then its deletion', async () => {
    stop = watchStats({ heatmapYear: 2024, reviewYear: 2024 }, (update) => updates.push(update));
    await nextUpdate();
    const id = await addFilm(heat());
    await logViewing(id, '2024-05-12', { rating: 9 });
    const watched = await nextUpdate((update) => update.result?.stats.totals.viewings === 1);
    const { stats, heatmap, review } = watched.result!;
    expect(stats.totals).toMatchObject({ films: 2, filmsWatched: 1, minutesWatched: 170 });
    expect(stats.people.actors.mostWatched.map((entry) => entry.name)).toEqual(['Al Pacino', 'Robert De Niro']);
    expect(stats.people.directors.mostWatched.map((entry) => entry.name)).toEqual(['Michael Mann']);
    expect(heatmap?.days.find((day) => day.date === '2024-05-12')?.viewings).toBe(1);
    expect(review?.topRated).toEqual([{ filmId: id, title: 'Heat', year: 1995, rating: 9 }]);

    await deleteFilm(id);
    const after = await nextUpdate((update) => update.result?.stats.totals.films === 1);
    expect(after.result?.stats.totals.viewings).toBe(0);
    expect(after.result?.stats.people.actors.mostWatched).toEqual([]);
  });

  it('takes in a bulk write (the whole table marked changed) with every record counted', async () => {
    stop = watchStats({ heatmapYear: null, reviewYear: null }, (update) => updates.push(update));
    await nextUpdate();
    const films = Array.from({ length: 120 }, (_, i) => newFilmRecord(filmFields(`Film ${i}`, { year: 1990 + (i % 20), cast: [{ name: `Actor ${i % 7}`, role: '' }] }), {}, `bulk-${i}`, new Date('2026-01-01T00:00:00Z')));
    await db.films.bulkAdd(films);
    const bulk = await nextUpdate((update) => update.result?.stats.totals.films === 121);
    expect(bulk.result?.stats.filmsByDecade.find((decade) => decade.decade === 2000)?.films).toBe(60);
  });

  it('answers other years from what it holds, without reading the catalog again', async () => {
    const id = await addFilm(heat());
    await logViewing(id, '2023-01-02');
    await logViewing(id, '2024-03-04');
    stop = watchStats({ heatmapYear: 2023, reviewYear: 2023 }, (update) => updates.push(update));
    const first = await nextUpdate();
    expect(first.result?.review?.year).toBe(2023);
    // A page asking for other years follows again with the new view, as useCatalogStats does.
    stop();
    stop = watchStats({ heatmapYear: 2024, reviewYear: 2024 }, (update) => updates.push(update));
    const other = await nextUpdate((update) => update.result?.view.reviewYear === 2024);
    expect(other.result?.readMs).toBe(0);
    expect(other.result?.heatmap?.days.find((day) => day.date === '2024-03-04')?.viewings).toBe(1);
    expect(other.result?.stats.yearsWithViewings).toEqual([2023, 2024]);
  });

  it('keeps one worker for the session: a second page following statistics gets the latest answer at once', async () => {
    stop = watchStats({ heatmapYear: null, reviewYear: null }, (update) => updates.push(update));
    await nextUpdate();
    const seen: StatsUpdate[] = [];
    const stopSecond = watchStats({ heatmapYear: null, reviewYear: null }, (update) => seen.push(update));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.result?.stats.totals.films).toBe(1);
    stopSecond();
    expect(workers).toHaveLength(1);
  });

  it('counts ahead of the first visit when prewarmed, so the page gets figures at once from the same worker', async () => {
    prewarmStats();
    prewarmStats();
    await new Promise<void>((resolve) => {
      const poll = () => (workers[0]?.responses.some((response) => response.type === 'stats') ? resolve() : setTimeout(poll, 5));
      poll();
    });
    const seen: StatsUpdate[] = [];
    stop = watchStats({ heatmapYear: null, reviewYear: null }, (update) => seen.push(update));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.result?.stats.totals.films).toBe(1);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.requests.filter((request) => request.type === 'start')).toHaveLength(1);
  });

  it('while no page shows statistics, counts a change in only once writes have paused; at once when one does', async () => {
    prewarmStats();
    const statsAnswers = () => workers[0]?.responses.filter((response) => response.type === 'stats').length ?? 0;
    const answers = async (count: number) => {
      while (statsAnswers() < count) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await answers(1);
    const began = performance.now();
    const id = await addFilm(heat());
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(statsAnswers()).toBe(1);
    await answers(2);
    expect(performance.now() - began).toBeGreaterThanOrEqual(QUIET_MS);

    stop = watchStats({ heatmapYear: null, reviewYear: null }, (update) => updates.push(update));
    const logged = performance.now();
    await logViewing(id, '2024-05-12');
    const watched = await nextUpdate((update) => update.result?.stats.totals.viewings === 1);
    expect(performance.now() - logged).toBeLessThan(QUIET_MS);
    expect(watched.result?.stats.totals.films).toBe(2);
  });

  it('says so when the catalog cannot be read', async () => {
    const broken = { ...db, filmSummaries: { toArray: () => Promise.reject(new Error('disk on fire')) } } as unknown as StatsCatalog;
    resetStats(() => new InProcessStatsWorker(broken));
    stop = watchStats({ heatmapYear: null, reviewYear: null }, (update) => updates.push(update));
    const failed = await nextUpdate((update) => update.failure !== null);
    expect(failed.failure).toBe('The catalog could not be read for statistics (disk on fire).');
    expect(failed.result).toBeNull();
  });
});

describe('changedStatsRecords', () => {
  it('names the keys each statistics table lost or gained, and ignores other tables', () => {
    const parts = {
      'idb://cinefile/viewings/': { from: 'v1', to: 'v1', r: { from: 'v2', to: 'v2' } },
      'idb://cinefile/notes/': { from: 'n1', to: 'n1' },
      'idb://other/viewings/': { from: 'x', to: 'x' },
    };
    expect(changedStatsRecords(parts, 'cinefile')).toEqual({ viewings: ['v1', 'v2'] });
    expect(changedStatsRecords({ 'idb://cinefile/notes/': { from: 'n1', to: 'n1' } }, 'cinefile')).toBeNull();
    expect(changedStatsRecords({ 'idb://cinefile/lists/': { from: 'a', to: 'z' } }, 'cinefile')).toEqual({ lists: 'all' });
    expect(changedStatsRecords({ all: {} }, 'cinefile')).toEqual({ filmSummaries: 'all', filmCast: 'all', viewings: 'all', lists: 'all' });
  });
});
