// Properties of the statistics over generated catalogs (partial and missing dates, flagged rewatches, unrated and
// year-less films): the figures on different pages add up to one another, first viewings are counted exactly once,
// and the heatmap grid is a calendar. Then one run at 100,000 films to make sure the whole catalog is handled.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HalfStars } from '../../../renderer/src/domain/rating';
import {
  catalogStats,
  compareViewingsOldestFirst,
  viewingHeatmap,
  yearInReview,
  type StatsFilm,
  type StatsViewing,
} from '../../../renderer/src/domain/stats';

const FILM_IDS = Array.from({ length: 12 }, (_, at) => `f${at}`);
const DAY_MS = 86_400_000;
const FROM = Date.UTC(2019, 0, 1);

const rating = fc.option(fc.integer({ min: 1, max: 10 }).map((n) => n as HalfStars), { nil: null });
const names = fc.array(fc.constantFrom('Ann', 'Bob', ' Ann', 'Cy', ''), { maxLength: 3 });

const catalog = fc
  .record({
    filmCount: fc.integer({ min: 0, max: FILM_IDS.length }),
    films: fc.array(
      fc.record({
        year: fc.option(fc.integer({ min: 1920, max: 2024 }), { nil: null }),
        directors: names,
        cast: names,
        genres: names,
        runtimeMinutes: fc.option(fc.integer({ min: 1, max: 240 }), { nil: null }),
        rating,
      }),
      { minLength: FILM_IDS.length, maxLength: FILM_IDS.length },
    ),
    viewings: fc.array(
      fc.record({
        film: fc.nat(FILM_IDS.length - 1),
        day: fc.integer({ min: 0, max: 6 * 366 }), // 2019 … 2024
        precision: fc.constantFrom(10, 10, 10, 7, 4, 0),
        rewatch: fc.boolean(),
        rating,
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ filmCount, films, viewings }) => {
    const catalogFilms: StatsFilm[] = films.slice(0, filmCount).map((fields, at) => ({
      id: FILM_IDS[at] as string, title: `Film ${at}`, country: null, language: null, formats: [], loaned: false, ...fields,
    }));
    // Viewings only of films in the catalog (deleting a film deletes its viewings).
    const catalogViewings: StatsViewing[] = filmCount === 0 ? [] : viewings.map((v, at) => ({
      id: `v${String(at).padStart(2, '0')}`,
      filmId: FILM_IDS[v.film % filmCount] as string,
      watchedOn: v.precision === 0 ? null : new Date(FROM + v.day * DAY_MS).toISOString().slice(0, v.precision),
      rewatch: v.rewatch,
      rating: v.rating,
    }));
    return { films: catalogFilms, viewings: catalogViewings };
  });

const sum = (counts: readonly number[]) => counts.reduce((total, count) => total + count, 0);

describe('statistics properties', () => {
  it('adds up across pages: years, months, ratings, years in review and heatmaps', () => {
    fc.assert(
      fc.property(catalog, ({ films, viewings }) => {
        const stats = catalogStats(films, viewings);
        const undated = viewings.filter((v) => v.watchedOn === null).length;
        expect(stats.totals.viewings).toBe(sum(stats.viewingsPerYear.map((y) => y.viewings)) + stats.viewingsWithoutYear);
        expect(stats.viewingsWithoutYear).toBe(undated);
        expect(sum(stats.viewingsPerMonth.map((m) => m.viewings)) + stats.viewingsWithoutMonth + undated).toBe(viewings.length);
        expect(sum(stats.ratingDistribution.map((bar) => bar.films)) + stats.unratedFilms).toBe(films.length);
        expect(sum(stats.filmsByDecade.map((d) => d.films)) + stats.filmsWithoutYear).toBe(films.length);

        let inYears = 0;
        for (const year of stats.yearsWithViewings) {
          const review = yearInReview(year, films, viewings, []);
          inYears += review.viewings;
          expect(review.firstSeen + review.rewatched).toBe(review.filmsSeen);
          expect(sum(review.perMonth) + review.monthless).toBe(review.viewings);
          const heatmap = viewingHeatmap(viewings, year);
          expect(sum(heatmap.days.map((day) => day.viewings)) + heatmap.undatedInYear).toBe(review.viewings);
        }
        expect(inYears + undated).toBe(stats.totals.viewings);
      }),
    );
  });

  it('counts each film’s first viewing once, in its year, unless it is undated or flagged as a rewatch', () => {
    fc.assert(
      fc.property(catalog, ({ films, viewings }) => {
        // The reference: sort each film's viewings oldest first and take the first.
        const expected = new Map<number, number>();
        let firstWatches = 0;
        for (const { id } of films) {
          const [first] = viewings.filter((v) => v.filmId === id).sort(compareViewingsOldestFirst);
          if (first === undefined) continue;
          if (!first.rewatch) firstWatches += 1;
          if (first.watchedOn === null || first.rewatch) continue;
          const year = Number(first.watchedOn.slice(0, 4));
          expected.set(year, (expected.get(year) ?? 0) + 1);
        }
        const stats = catalogStats(films, viewings);
        expect(stats.totals.rewatches).toBe(viewings.length - firstWatches);
        for (const year of stats.yearsWithViewings) {
          expect(yearInReview(year, films, viewings, []).firstSeen).toBe(expected.get(year) ?? 0);
        }
      }),
    );
  });

  it('has a streak exactly when some viewing has a full date', () => {
    fc.assert(
      fc.property(catalog, ({ films, viewings }) => {
        const { longestStreak } = catalogStats(films, viewings);
        const dayPrecision = viewings.some((v) => v.watchedOn?.length === 10);
        expect(longestStreak !== null && longestStreak.days >= 1).toBe(dayPrecision);
      }),
    );
  });

  it('lays every year out as a calendar: one cell a day, weekdays in turn, a new column each Monday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1870, max: 2400 }), (year) => {
        const { days } = viewingHeatmap([], year);
        const jan1 = Date.UTC(year, 0, 1);
        expect(days).toHaveLength((Date.UTC(year + 1, 0, 1) - jan1) / DAY_MS);
        days.forEach((day, at) => {
          const date = new Date(jan1 + at * DAY_MS);
          expect(day.date).toBe(date.toISOString().slice(0, 10));
          expect(day.weekday).toBe((date.getUTCDay() + 6) % 7);
          const previous = days[at - 1];
          if (previous !== undefined) expect(day.week).toBe(previous.week + (day.weekday === 0 ? 1 : 0));
        });
        expect(days[0]?.week).toBe(0);
        expect(days.at(-1)?.week).toBeLessThanOrEqual(53);
      }),
      { numRuns: 30 },
    );
  });
});

describe('statistics at 100,000 films', () => {
  it('computes the Stats page, a heatmap and a year in review for 100,000 films and 250,000 viewings', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const films: StatsFilm[] = Array.from({ length: 100_000 }, (_, at) => ({
      id: `film-${at}`,
      title: `Film ${at}`,
      year: next(10) === 0 ? null : 1900 + next(126),
      directors: [`Director ${next(20_000)}`],
      cast: Array.from({ length: 10 }, () => `Actor ${next(150_000)}`),
      genres: [`Genre ${next(25)}`, `Genre ${next(25)}`],
      country: `Country ${next(80)}`,
      language: `Language ${next(60)}`,
      runtimeMinutes: next(8) === 0 ? null : 60 + next(120),
      rating: next(3) === 0 ? null : ((1 + next(10)) as HalfStars),
      formats: next(2) === 0 ? ['DVD'] : [],
      loaned: next(50) === 0,
    }));
    const viewings: StatsViewing[] = Array.from({ length: 250_000 }, (_, at) => {
      const date = new Date(Date.UTC(1990, 0, 1) + next(36 * 365) * DAY_MS).toISOString();
      const precision = [10, 10, 10, 10, 7, 4, 0][next(7)] as number;
      return {
        id: `viewing-${at}`, filmId: `film-${next(100_000)}`, watchedOn: precision === 0 ? null : date.slice(0, precision),
        rewatch: next(10) === 0, rating: next(2) === 0 ? null : ((1 + next(10)) as HalfStars),
      };
    });

    const stats = catalogStats(films, viewings);
    expect(stats.totals.films).toBe(100_000);
    expect(stats.totals.viewings).toBe(250_000);
    expect(stats.people.actors.mostWatched).toHaveLength(10);
    const year = stats.yearsWithViewings.at(-1) as number;
    const review = yearInReview(year, films, viewings, []);
    expect(review.viewings).toBe(stats.viewingsPerYear.at(-1)?.viewings);
    expect(viewingHeatmap(viewings, year).days.length).toBeGreaterThanOrEqual(365);
  }, 120_000);
});
