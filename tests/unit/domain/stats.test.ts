// Statistics on a small catalog whose every figure was worked out by hand (the comments show the sums), so a wrong
// number here is one a person would see on the Stats or Year in review page.
import { describe, expect, it } from 'vitest';
import type { HalfStars } from '../../../renderer/src/domain/rating';
import {
  catalogStats,
  viewingHeatmap,
  yearInReview,
  type StatsFilm,
  type StatsList,
  type StatsViewing,
} from '../../../renderer/src/domain/stats';

function film(id: string, title: string, fields: Partial<StatsFilm> = {}): StatsFilm {
  return {
    id, title, year: null, directors: [], genres: [], country: null, language: null, runtimeMinutes: null, rating: null,
    formats: [], loaned: false, cast: [], ...fields,
  };
}

function viewing(id: string, filmId: string, watchedOn: string | null, rating: HalfStars | null = null, rewatch = false): StatsViewing {
  return { id, filmId, watchedOn, rewatch, rating };
}

const films: StatsFilm[] = [
  film('f1', 'Alpha', {
    year: 1993, directors: ['Ann Dir'], cast: ['Xavier', 'Yolanda'], genres: ['Drama'], country: 'France', language: 'French',
    runtimeMinutes: 100, rating: 8, formats: ['Blu-ray', 'DVD'],
  }),
  film('f2', 'Bravo', {
    year: 1995, directors: ['Ann Dir', ' Ann Dir '], cast: ['Xavier'], genres: ['Drama', 'Comedy'], country: 'France',
    language: 'French', runtimeMinutes: 90, rating: 6, formats: ['DVD'], loaned: true,
  }),
  film('f3', 'Charlie', {
    year: 1999, directors: ['Bob Dir'], cast: ['Yolanda', 'Yolanda'], genres: ['Comedy'], country: 'Italy', language: 'Italian',
    runtimeMinutes: null, rating: 10,
  }),
  film('f4', 'Delta', {
    year: 2001, directors: ['Bob Dir'], cast: ['Zed'], genres: ['Drama'], country: 'Italy', language: 'Italian',
    runtimeMinutes: 120, rating: null, formats: ['Blu-ray'],
  }),
  film('f5', 'Echo', { year: 2021, directors: ['Cat Dir'], runtimeMinutes: 80, rating: 8, formats: ['4K UHD', 'Blu-ray'], loaned: true }),
  film('f6', 'Foxtrot', {
    year: null, directors: ['Ann Dir'], cast: ['Xavier'], genres: ['Drama'], country: 'France', language: 'French', runtimeMinutes: 95, rating: 4,
  }),
  film('f7', 'Golf', {
    year: 1993, directors: ['  ', 'Dee Dir'], cast: ['Zed'], genres: ['Drama'], country: 'UK', language: 'English', runtimeMinutes: 150,
    rating: 1, formats: ['VHS'],
  }),
];

// Earliest viewing of each film (not a rewatch unless flagged): v01, v05 (flagged), v07, v09, v11, v14.
const viewings: StatsViewing[] = [
  viewing('v01', 'f1', '2019'),
  viewing('v02', 'f1', '2022-12-30', 7),
  viewing('v03', 'f1', '2024-02-27', 9),
  viewing('v04', 'f1', null),
  viewing('v05', 'f2', '2022-12-31', null, true),
  viewing('v06', 'f2', '2024-02-28', 4),
  viewing('v07', 'f3', '2023-01-01', 10),
  viewing('v08', 'f3', '2024', 6),
  viewing('v09', 'f4', '2024-02-29', 8),
  viewing('v10', 'f4', '2024-02-29', 5),
  viewing('v11', 'f5', '2024-03', 3),
  viewing('v12', 'f5', '2024-03-01'),
  viewing('v13', 'f7', null),
  viewing('v14', 'f7', '2021-06', 2),
  viewing('v15', 'f5', '2024-07-13', 9, true),
];

const lists: StatsList[] = [
  { id: 'l1', name: 'Best of 2023', createdAt: '2023-12-31T23:30:00.000Z' },
  { id: 'l3', name: 'Comfort', createdAt: '2024-06-01T10:00:00.000Z' },
  { id: 'l2', name: 'Rainy days', createdAt: '2024-01-01T00:10:00.000Z' },
];

describe('catalog totals', () => {
  const { totals } = catalogStats(films, viewings);

  it('counts films, watched films, viewings and rewatches by the rewatch rule', () => {
    expect(totals.films).toBe(7);
    expect(totals.filmsWatched).toBe(6); // all but Foxtrot
    expect(totals.viewings).toBe(15);
    // 15 viewings − 5 earliest unflagged ones (v01, v07, v09, v11, v14); v05 is earliest but flagged.
    expect(totals.rewatches).toBe(10);
  });

  it('sums the runtime of each viewing and says how many viewings had none', () => {
    // Alpha 4×100 + Bravo 2×90 + Delta 2×120 + Echo 3×80 + Golf 2×150; Charlie's two viewings have no runtime.
    expect(totals.minutesWatched).toBe(1360);
    expect(totals.viewingsWithoutRuntime).toBe(2);
  });

  it('averages the films’ own ratings and counts loans out', () => {
    expect(totals.ratedFilms).toBe(6);
    expect(totals.averageRating).toBeCloseTo(37 / 6, 10); // (8 + 6 + 10 + 8 + 4 + 1) / 6
    expect(totals.loansOut).toBe(2);
  });

  it('has no average rating for a catalog without ratings, and nothing at all for an empty one', () => {
    const empty = catalogStats([], []);
    expect(empty.totals).toEqual({
      films: 0, filmsWatched: 0, viewings: 0, rewatches: 0, minutesWatched: 0, viewingsWithoutRuntime: 0,
      averageRating: null, ratedFilms: 0, loansOut: 0,
    });
    expect(empty.viewingsPerYear).toEqual([]);
    expect(empty.viewingsPerMonth).toEqual([]);
    expect(empty.filmsByDecade).toEqual([]);
    expect(empty.longestStreak).toBeNull();
    expect(empty.ratingDistribution.map((bar) => bar.films)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('the rewatch rule', () => {
  it('sorts undated viewings after dated ones, a year before its days, and same-day viewings by id', () => {
    // Each case flags one viewing: the count is 1 when the flagged one is a later viewing anyway, 2 when it is first.
    const stats = (vs: StatsViewing[]) => catalogStats([film('a', 'A')], vs).totals.rewatches;
    expect(stats([viewing('x', 'a', null, null, true), viewing('y', 'a', '2020-05-05')])).toBe(1);
    expect(stats([viewing('d', 'a', '2020-05-05'), viewing('y', 'a', '2020', null, true)])).toBe(2);
    expect(stats([viewing('b', 'a', '2020-05-05', null, true), viewing('a', 'a', '2020-05-05')])).toBe(1);
    expect(stats([viewing('x', 'a', null)])).toBe(0); // an only viewing, even undated, is a first watch
    expect(stats([viewing('a', 'a', '2020', null, true)])).toBe(1); // flagged: seen before Cinefile knew
  });
});

describe('formats, release years and ratings', () => {
  const stats = catalogStats(films, viewings);

  it('counts films per owned format, most first, equal counts in shelf order', () => {
    expect(stats.formats).toEqual([
      { format: 'Blu-ray', films: 3 },
      { format: 'DVD', films: 2 },
      { format: '4K UHD', films: 1 },
      { format: 'VHS', films: 1 },
    ]);
  });

  it('fills decades and release years without films with zero, and counts films with no year', () => {
    expect(stats.filmsByDecade).toEqual([
      { decade: 1990, films: 4 },
      { decade: 2000, films: 1 },
      { decade: 2010, films: 0 },
      { decade: 2020, films: 1 },
    ]);
    expect(stats.filmsByReleaseYear).toHaveLength(29); // 1993 … 2021
    expect(stats.filmsByReleaseYear.slice(0, 4)).toEqual([
      { year: 1993, films: 2 },
      { year: 1994, films: 0 },
      { year: 1995, films: 1 },
      { year: 1996, films: 0 },
    ]);
    expect(stats.filmsByReleaseYear.at(-1)).toEqual({ year: 2021, films: 1 });
    expect(stats.filmsWithoutYear).toBe(1);
  });

  it('has a bar for every half star, empty ones included, and the unrated beside them', () => {
    expect(stats.ratingDistribution.map((bar) => [bar.rating, bar.films])).toEqual([
      [1, 1], [2, 0], [3, 0], [4, 1], [5, 0], [6, 1], [7, 0], [8, 2], [9, 0], [10, 1],
    ]);
    expect(stats.unratedFilms).toBe(1);
  });
});

describe('viewings over time', () => {
  const stats = catalogStats(films, viewings);

  it('counts a year-only viewing in its year, an undated one in none, and fills empty years', () => {
    expect(stats.viewingsPerYear).toEqual([
      { year: 2019, viewings: 1 },
      { year: 2020, viewings: 0 },
      { year: 2021, viewings: 1 },
      { year: 2022, viewings: 2 },
      { year: 2023, viewings: 1 },
      { year: 2024, viewings: 8 },
    ]);
    expect(stats.viewingsWithoutYear).toBe(2);
    expect(stats.yearsWithViewings).toEqual([2019, 2021, 2022, 2023, 2024]);
  });

  it('counts a year-only viewing in no month, and fills months from the first to the last known', () => {
    expect(stats.viewingsWithoutMonth).toBe(2); // "2019" and "2024"
    expect(stats.viewingsPerMonth).toHaveLength(38); // 2021-06 … 2024-07
    expect(stats.viewingsPerMonth[0]).toEqual({ month: '2021-06', viewings: 1 });
    expect(stats.viewingsPerMonth[1]).toEqual({ month: '2021-07', viewings: 0 });
    const nonZero = stats.viewingsPerMonth.filter((month) => month.viewings > 0);
    expect(nonZero).toEqual([
      { month: '2021-06', viewings: 1 },
      { month: '2022-12', viewings: 2 },
      { month: '2023-01', viewings: 1 },
      { month: '2024-02', viewings: 4 },
      { month: '2024-03', viewings: 2 },
      { month: '2024-07', viewings: 1 },
    ]);
  });
});

describe('longest streak', () => {
  const streak = (dates: (string | null)[]) =>
    catalogStats([film('a', 'A')], dates.map((date, at) => viewing(`v${at}`, 'a', date))).longestStreak;

  it('runs over 29 February in a leap year and is the longest of the catalog’s runs', () => {
    // Runs: 2022-12-30 … 2023-01-01 (3 days) and 2024-02-27 … 2024-03-01 (4 days, through the 29th).
    expect(catalogStats(films, viewings).longestStreak).toEqual({ days: 4, from: '2024-02-27', to: '2024-03-01' });
  });

  it('runs across the end of a year', () => {
    expect(streak(['2022-12-30', '2023-01-01', '2022-12-31'])).toEqual({ days: 3, from: '2022-12-30', to: '2023-01-01' });
  });

  it('breaks on a missing 29 February, and joins 28 February to 1 March in other years, 2100 included', () => {
    expect(streak(['2024-02-28', '2024-03-01'])).toEqual({ days: 1, from: '2024-02-28', to: '2024-02-28' });
    expect(streak(['2023-02-28', '2023-03-01'])).toEqual({ days: 2, from: '2023-02-28', to: '2023-03-01' });
    expect(streak(['2100-02-28', '2100-03-01'])).toEqual({ days: 2, from: '2100-02-28', to: '2100-03-01' });
  });

  it('counts a day once however many viewings it has, ignores partial dates, and keeps the earlier of equal runs', () => {
    expect(streak(['2020-05-01', '2020-05-01', '2020-05', '2020', null, '2020-05-02', '2020-06-10', '2020-06-11']))
      .toEqual({ days: 2, from: '2020-05-01', to: '2020-05-02' });
    expect(streak(['2020-05', '2020', null])).toBeNull();
  });
});

describe('people, genres, countries and languages', () => {
  const { people } = catalogStats(films, viewings);

  it('ranks directors by viewings, ignoring a blank name and counting a name listed twice once', () => {
    // Ann: Alpha 4 + Bravo 2 + Foxtrot 0 viewings; Bob: Charlie 2 + Delta 2; Cat: Echo 3; Dee: Golf 2.
    expect(people.directors.mostWatched).toEqual([
      { name: 'Ann Dir', films: 3, viewings: 6, averageRating: 6, ratedFilms: 3 },
      { name: 'Bob Dir', films: 2, viewings: 4, averageRating: 10, ratedFilms: 1 },
      { name: 'Cat Dir', films: 1, viewings: 3, averageRating: 8, ratedFilms: 1 },
      { name: 'Dee Dir', films: 1, viewings: 2, averageRating: 1, ratedFilms: 1 },
    ]);
  });

  it('keeps one perfect film from topping the highest rated until the minimum is lowered', () => {
    expect(people.directors.highestRated.map((entry) => entry.name)).toEqual(['Ann Dir']);
    const anyCount = catalogStats(films, viewings, { minFilmsForRated: 1 }).people.directors.highestRated;
    expect(anyCount.map((entry) => [entry.name, entry.averageRating])).toEqual([
      ['Bob Dir', 10], ['Cat Dir', 8], ['Ann Dir', 6], ['Dee Dir', 1],
    ]);
  });

  it('breaks equal viewings by films, and counts an actor billed twice in one film once', () => {
    // Xavier: Alpha, Bravo, Foxtrot (6 viewings); Yolanda: Alpha, Charlie twice (6 viewings, 2 films).
    expect(people.actors.mostWatched).toEqual([
      { name: 'Xavier', films: 3, viewings: 6, averageRating: 6, ratedFilms: 3 },
      { name: 'Yolanda', films: 2, viewings: 6, averageRating: 9, ratedFilms: 2 },
      { name: 'Zed', films: 2, viewings: 4, averageRating: 1, ratedFilms: 1 },
    ]);
  });

  it('ranks genres, countries and languages the same way', () => {
    // Drama: Alpha, Bravo, Delta, Foxtrot, Golf — 4 + 2 + 2 + 0 + 2 viewings, rated 8, 6, 4, 1.
    expect(people.genres.mostWatched).toEqual([
      { name: 'Drama', films: 5, viewings: 10, averageRating: 4.75, ratedFilms: 4 },
      { name: 'Comedy', films: 2, viewings: 4, averageRating: 8, ratedFilms: 2 },
    ]);
    expect(people.genres.highestRated.map((entry) => entry.name)).toEqual(['Drama']);
    expect(catalogStats(films, viewings, { minFilmsForRated: 2 }).people.genres.highestRated.map((entry) => entry.name))
      .toEqual(['Comedy', 'Drama']);
    expect(people.countries.mostWatched.map((entry) => [entry.name, entry.viewings])).toEqual([['France', 6], ['Italy', 4], ['UK', 2]]);
    expect(people.languages.mostWatched.map((entry) => [entry.name, entry.films])).toEqual([['French', 3], ['Italian', 2], ['English', 1]]);
  });

  it('leaves out the never watched, cuts to the top asked for, and orders equal entries by name as a reader would', () => {
    const catalog = [
      film('a', 'A', { directors: ['Zola'], rating: 6 }),
      film('b', 'B', { directors: ['émile'], rating: 6 }),
      film('c', 'C', { directors: ['Unseen'], rating: 6 }),
    ];
    const seen = [viewing('1', 'a', '2020'), viewing('2', 'b', '2020')];
    const ranked = catalogStats(catalog, seen, { minFilmsForRated: 1 }).people.directors;
    expect(ranked.mostWatched.map((entry) => entry.name)).toEqual(['émile', 'Zola']);
    expect(ranked.highestRated.map((entry) => entry.name)).toEqual(['émile', 'Unseen', 'Zola']);
    expect(catalogStats(catalog, seen, { top: 1 }).people.directors.mostWatched.map((entry) => entry.name)).toEqual(['émile']);
  });
});

describe('viewing heatmap', () => {
  it('places each day in a Monday-first grid: 2024 starts on a Monday and is a leap year', () => {
    const heatmap = viewingHeatmap(viewings, 2024);
    expect(heatmap.days).toHaveLength(366);
    const day = (date: string) => heatmap.days.find((cell) => cell.date === date);
    expect(day('2024-01-01')).toEqual({ date: '2024-01-01', weekday: 0, week: 0, viewings: 0 });
    expect(day('2024-01-07')).toMatchObject({ weekday: 6, week: 0 });
    expect(day('2024-01-08')).toMatchObject({ weekday: 0, week: 1 });
    expect(day('2024-02-29')).toEqual({ date: '2024-02-29', weekday: 3, week: 8, viewings: 2 }); // a Thursday
    expect(day('2024-07-13')).toEqual({ date: '2024-07-13', weekday: 5, week: 27, viewings: 1 }); // a Saturday
    expect(day('2024-12-31')).toEqual({ date: '2024-12-31', weekday: 1, week: 52, viewings: 0 }); // a Tuesday
    expect(heatmap.max).toBe(2);
    // "2024" (v08) and "2024-03" (v11) are in the year but on no day.
    expect(heatmap.undatedInYear).toBe(2);
    expect(heatmap.days.reduce((sum, cell) => sum + cell.viewings, 0)).toBe(6);
  });

  it('starts a Sunday-first year in column 0 and reaches column 53 when a leap year starts on a Sunday', () => {
    const year2023 = viewingHeatmap([], 2023);
    expect(year2023.days).toHaveLength(365);
    expect(year2023.days[0]).toEqual({ date: '2023-01-01', weekday: 6, week: 0, viewings: 0 });
    expect(year2023.days[1]).toMatchObject({ date: '2023-01-02', weekday: 0, week: 1 });
    expect(year2023.max).toBe(0);
    expect(viewingHeatmap([], 2012).days.at(-1)).toEqual({ date: '2012-12-31', weekday: 0, week: 53, viewings: 0 });
  });
});

describe('year in review', () => {
  const review2024 = yearInReview(2024, films, viewings, lists);

  it('counts every viewing dated in the year, at any precision, and the films seen new or again', () => {
    expect(review2024.viewings).toBe(8); // v03 v06 v08 v09 v10 v11 v12 v15
    expect(review2024.filmsSeen).toBe(5);
    expect(review2024.firstSeen).toBe(2); // Delta, Echo
    expect(review2024.rewatched).toBe(3); // Alpha, Bravo, Charlie
    expect(review2024.minutesWatched).toBe(670); // 100 + 90 + 2×120 + 3×80; Charlie has no runtime
    expect(review2024.viewingsWithoutRuntime).toBe(1);
  });

  it('does not count a film first seen when its earliest viewing was flagged as a rewatch', () => {
    const review2022 = yearInReview(2022, films, viewings, lists);
    expect(review2022).toMatchObject({ viewings: 2, filmsSeen: 2, firstSeen: 0, rewatched: 2 });
    expect(yearInReview(2019, films, viewings, lists)).toMatchObject({ viewings: 1, filmsSeen: 1, firstSeen: 1 });
  });

  it('rates films by the rating given that year, not their current rating', () => {
    // Alpha 9 (own 8), Echo 9 from July (own 8), Charlie 6 (own 10), Delta 5 (later id that day; unrated), Bravo 4.
    expect(review2024.topRated).toEqual([
      { filmId: 'f1', title: 'Alpha', year: 1993, rating: 9 },
      { filmId: 'f5', title: 'Echo', year: 2021, rating: 9 },
      { filmId: 'f3', title: 'Charlie', year: 1999, rating: 6 },
      { filmId: 'f4', title: 'Delta', year: 2001, rating: 5 },
      { filmId: 'f2', title: 'Bravo', year: 1995, rating: 4 },
    ]);
    expect(yearInReview(2024, films, viewings, lists, { top: 2 }).topRated.map((entry) => entry.title)).toEqual(['Alpha', 'Echo']);
  });

  it('finds the busiest month from viewings known to the month, and the busiest weekday from full dates', () => {
    expect(review2024.perMonth).toEqual([0, 4, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(review2024.monthless).toBe(1);
    expect(review2024.busiestMonth).toEqual({ month: 2, viewings: 4 });
    // Tue 27 Feb, Wed 28 Feb, Thu 29 Feb twice, Fri 1 Mar, Sat 13 Jul.
    expect(review2024.busiestWeekday).toEqual({ weekday: 3, viewings: 2 });
    const review2019 = yearInReview(2019, films, viewings, lists);
    expect(review2019.busiestMonth).toBeNull();
    expect(review2019.busiestWeekday).toBeNull();
  });

  it('names directors discovered that year, whose films were never viewed in an earlier year', () => {
    // Bob Dir's Delta is new in 2024, but his Charlie was seen in 2023.
    expect(review2024.newDirectors).toEqual([{ name: 'Cat Dir', filmId: 'f5', title: 'Echo' }]);
    expect(yearInReview(2023, films, viewings, lists).newDirectors).toEqual([{ name: 'Bob Dir', filmId: 'f3', title: 'Charlie' }]);
    expect(yearInReview(2022, films, viewings, lists).newDirectors).toEqual([]); // Ann Dir was seen in 2019
    // Golf's undated viewing does not count as before 2021.
    expect(yearInReview(2021, films, viewings, lists).newDirectors).toEqual([{ name: 'Dee Dir', filmId: 'f7', title: 'Golf' }]);
  });

  it('names the longest film seen and the lists made that year', () => {
    expect(review2024.longestFilm).toEqual({ filmId: 'f4', title: 'Delta', runtimeMinutes: 120 });
    expect(review2024.lists).toEqual([{ id: 'l2', name: 'Rainy days' }, { id: 'l3', name: 'Comfort' }]);
    expect(yearInReview(2023, films, viewings, lists).lists).toEqual([{ id: 'l1', name: 'Best of 2023' }]);
  });

  it('is empty for a year without viewings', () => {
    expect(yearInReview(2020, films, viewings, [])).toEqual({
      year: 2020, viewings: 0, filmsSeen: 0, firstSeen: 0, rewatched: 0, minutesWatched: 0, viewingsWithoutRuntime: 0,
      topRated: [], busiestMonth: null, busiestWeekday: null, newDirectors: [], longestFilm: null, lists: [],
      perMonth: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], monthless: 0,
    });
  });
});
