/**
 * The figures of the Stats and Year in review pages, computed from the film projection and the viewings alone: pure,
 * so a worker can run them, linear (sorting only what is shown) so 100,000 films and their viewings answer at once,
 * and returned as plain data (no Maps) so they can cross a worker boundary.
 *
 * Rules every figure shares:
 * - A viewing's date is "YYYY", "YYYY-MM", "YYYY-MM-DD" or null. It counts in a year when it has at least a year, in
 *   a month when it has at least a month, on a day only with a full date; an undated viewing counts in no year.
 * - A viewing is a rewatch when it is flagged so, or when it is not its film's earliest viewing (oldest first by date
 *   as text, so "1999" < "1999-05" < "1999-05-12"; undated after every dated one; ties by id).
 * - Every viewing counts as a viewing; figures about films count only the films given (a viewing whose film is
 *   missing has no runtime, title or directors).
 * - Names (directors, actors, genres, countries, languages) are trimmed and otherwise compared exactly; empty ones
 *   are ignored, and a film naming one twice counts once. A film's country and language are one value each.
 */
import { copyFormats, type CopyFormat } from './copy';
import type { FilmSummary } from './film-summary';
import type { FilmList } from './list';
import { HALF_STAR_VALUES, type HalfStars } from './rating';
import type { Viewing } from './viewing';

export type StatsFilm = Pick<
  FilmSummary,
  'id' | 'title' | 'year' | 'directors' | 'genres' | 'country' | 'language' | 'runtimeMinutes' | 'rating' | 'formats' | 'loaned'
> & { /** Actor names in billing order. */ cast: readonly string[] };
export type StatsViewing = Pick<Viewing, 'id' | 'filmId' | 'watchedOn' | 'rewatch' | 'rating'>;
export type StatsList = Pick<FilmList, 'id' | 'name' | 'createdAt'>;

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const collator = new Intl.Collator('en');
/** Reader's order, with a fixed answer for names the collator calls equal. */
const byName = (a: string, b: string) => collator.compare(a, b) || byCodeUnits(a, b);

/** Oldest first: dated by their text (a year before its months, a month before its days), undated last, ties by id. */
export function compareViewingsOldestFirst(a: StatsViewing, b: StatsViewing): number {
  if (a.watchedOn !== b.watchedOn) {
    if (a.watchedOn === null) return 1;
    if (b.watchedOn === null) return -1;
    return a.watchedOn < b.watchedOn ? -1 : 1;
  }
  return byCodeUnits(a.id, b.id);
}

/** Each film's earliest viewing, in one pass: the index the rewatch rule and "first seen" read. */
export function firstViewingByFilm(viewings: readonly StatsViewing[]): Map<string, StatsViewing> {
  const first = new Map<string, StatsViewing>();
  for (const viewing of viewings) {
    const current = first.get(viewing.filmId);
    if (current === undefined || compareViewingsOldestFirst(viewing, current) < 0) first.set(viewing.filmId, viewing);
  }
  return first;
}

/** Flagged as a rewatch, or not its film's earliest viewing (`firstViewings` from firstViewingByFilm). */
export function countsAsRewatch(viewing: StatsViewing, firstViewings: ReadonlyMap<string, StatsViewing>): boolean {
  return viewing.rewatch || firstViewings.get(viewing.filmId)?.id !== viewing.id;
}

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a YYYY-MM-DD, by UTC arithmetic (no local time zone, so no DST gaps). */
function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}
/** Monday 0 … Sunday 6 (1970-01-01 was a Thursday). */
const weekdayOf = (day: number) => (((day + 3) % 7) + 7) % 7;
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number) => (month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
const pad2 = (n: number) => String(n).padStart(2, '0');

const bump = <K>(counts: Map<K, number>, key: K) => counts.set(key, (counts.get(key) ?? 0) + 1);
const bumpAt = (counts: number[], index: number) => {
  counts[index] = (counts[index] ?? 0) + 1;
};

/** Every key from the smallest to the largest in steps, with its count or 0. */
function zeroFilled(counts: ReadonlyMap<number, number>, step: number): [number, number][] {
  if (counts.size === 0) return [];
  const keys = [...counts.keys()];
  const [low, high] = [Math.min(...keys), Math.max(...keys)];
  const filled: [number, number][] = [];
  for (let key = low; key <= high; key += step) filled.push([key, counts.get(key) ?? 0]);
  return filled;
}

/** The first `k` of `items` in `compare` order: a bounded insertion for the usual top 10, a sort for long tops. */
function topOf<T>(items: Iterable<T>, compare: (a: T, b: T) => number, k: number): T[] {
  if (k > 64) return [...items].sort(compare).slice(0, k);
  const best: T[] = [];
  for (const item of items) {
    if (best.length === k && (k === 0 || compare(item, best[k - 1] as T) >= 0)) continue;
    let at = best.length;
    while (at > 0 && compare(item, best[at - 1] as T) < 0) at -= 1;
    best.splice(at, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Index of the first largest count (earliest wins ties), or null when every count is 0. */
function busiest(counts: readonly number[]): number | null {
  let at: number | null = null;
  counts.forEach((count, index) => {
    if (count > 0 && (at === null || count > (counts[at] as number))) at = index;
  });
  return at;
}

export interface CatalogTotals {
  films: number;
  /** Films with at least one viewing. */
  filmsWatched: number;
  viewings: number;
  /** Viewings that count as rewatches (see the rule above). */
  rewatches: number;
  /** The runtime of each viewing's film, summed over viewings. */
  minutesWatched: number;
  /** Viewings not in minutesWatched: their film has no runtime (or is not given). */
  viewingsWithoutRuntime: number;
  /** Mean of the films' own ratings, in half-stars (unrounded); null when no film is rated. */
  averageRating: number | null;
  ratedFilms: number;
  /** Films with a copy lent out now. */
  loansOut: number;
}

/** A director, actor, genre, country or language: its films in the catalog and their viewings and own ratings. */
export interface PeopleEntry {
  name: string;
  /** Catalog films that have it, watched or not. */
  films: number;
  /** Viewings of those films. */
  viewings: number;
  /** Mean own rating of those films that are rated, in half-stars; null when none is. */
  averageRating: number | null;
  ratedFilms: number;
}
export const peopleKinds = ['directors', 'actors', 'genres', 'countries', 'languages'] as const;
export type PeopleKind = (typeof peopleKinds)[number];
export interface PeopleRanking {
  /** Entries with a viewing: most viewings first, then most films, then by name. */
  mostWatched: PeopleEntry[];
  /** Entries with at least minFilmsForRated rated films: highest mean first, then most rated films, then by name. */
  highestRated: PeopleEntry[];
}

export interface Streak {
  days: number;
  /** YYYY-MM-DD of its first and last day. */
  from: string;
  to: string;
}

export interface CatalogStats {
  totals: CatalogTotals;
  /** Formats owned (films with a copy in each), most films first, then shelf order; only formats owned. */
  formats: { format: CopyFormat; films: number }[];
  /** Every year from the first to the last with a viewing, 0 in gaps. */
  viewingsPerYear: { year: number; viewings: number }[];
  /** Every month ("YYYY-MM") from the first to the last viewing known to the month, 0 in gaps. */
  viewingsPerMonth: { month: string; viewings: number }[];
  /** Undated viewings: in no year (nor month). */
  viewingsWithoutYear: number;
  /** Viewings known only by year: in their year, in no month. */
  viewingsWithoutMonth: number;
  /** Years having a viewing, ascending (no zero years): the years a Year in review exists for. */
  yearsWithViewings: number[];
  /** Every decade (1990 for the 1990s) from the first to the last release year, 0 in gaps. */
  filmsByDecade: { decade: number; films: number }[];
  /** Every release year from the first to the last, 0 in gaps. */
  filmsByReleaseYear: { year: number; films: number }[];
  filmsWithoutYear: number;
  /** All ten half-star ratings 1–10 (own ratings), in order, with their film counts. */
  ratingDistribution: { rating: HalfStars; films: number }[];
  unratedFilms: number;
  people: Record<PeopleKind, PeopleRanking>;
  /** The longest run of consecutive calendar days each with a full-date viewing (the earliest of equal runs). */
  longestStreak: Streak | null;
}

export interface CatalogStatsOptions {
  /** Rated films an entry needs to be in highestRated, so one film does not top it. Default 3. */
  minFilmsForRated?: number;
  /** Entries kept in each ranking. Default 10. */
  top?: number;
}

interface Tally {
  name: string;
  films: number;
  viewings: number;
  ratingSum: number;
  ratedFilms: number;
  /** The last film counted, so a name listed twice by one film counts once. */
  lastFilm: number;
}

function tally(tallies: Map<string, Tally>, raw: string, film: number, viewings: number, rating: HalfStars | null): void {
  const name = raw.trim();
  if (name === '') return;
  let entry = tallies.get(name);
  if (entry === undefined) {
    entry = { name, films: 0, viewings: 0, ratingSum: 0, ratedFilms: 0, lastFilm: -1 };
    tallies.set(name, entry);
  }
  if (entry.lastFilm === film) return;
  entry.lastFilm = film;
  entry.films += 1;
  entry.viewings += viewings;
  if (rating !== null) {
    entry.ratingSum += rating;
    entry.ratedFilms += 1;
  }
}

const byMostWatched = (a: Tally, b: Tally) => b.viewings - a.viewings || b.films - a.films || byName(a.name, b.name);
// Means compared as cross products of whole numbers: never floats compared for equality.
const byHighestRated = (a: Tally, b: Tally) =>
  b.ratingSum * a.ratedFilms - a.ratingSum * b.ratedFilms || b.ratedFilms - a.ratedFilms || byName(a.name, b.name);

function ranking(tallies: Map<string, Tally>, minFilmsForRated: number, top: number): PeopleRanking {
  const entry = ({ name, films, viewings, ratingSum, ratedFilms }: Tally): PeopleEntry => ({
    name, films, viewings, averageRating: ratedFilms === 0 ? null : ratingSum / ratedFilms, ratedFilms,
  });
  const all = [...tallies.values()];
  const rated = Math.max(1, minFilmsForRated);
  return {
    mostWatched: topOf(all.filter((t) => t.viewings > 0), byMostWatched, top).map(entry),
    highestRated: topOf(all.filter((t) => t.ratedFilms >= rated), byHighestRated, top).map(entry),
  };
}

function longestStreakOf(days: ReadonlySet<string>): Streak | null {
  const sorted = [...days].sort(); // YYYY-MM-DD sorts in time order as text
  const first = sorted[0];
  if (first === undefined) return null;
  let best: Streak = { days: 1, from: first, to: first };
  let runStart = 0;
  let previous = dayNumber(first);
  for (let at = 1; at < sorted.length; at += 1) {
    const date = sorted[at] as string;
    const day = dayNumber(date);
    if (day !== previous + 1) runStart = at;
    else if (at - runStart + 1 > best.days) best = { days: at - runStart + 1, from: sorted[runStart] as string, to: date };
    previous = day;
  }
  return best;
}

/** Everything on the Stats page, from the film projection (with cast names) and every viewing. */
export function catalogStats(films: readonly StatsFilm[], viewings: readonly StatsViewing[], options: CatalogStatsOptions = {}): CatalogStats {
  const { minFilmsForRated = 3, top = 10 } = options;
  const filmsById = new Map(films.map((film) => [film.id, film]));
  const firstViewings = firstViewingByFilm(viewings);

  const viewingCounts = new Map<string, number>();
  const perYear = new Map<number, number>();
  const perMonth = new Map<number, number>(); // year * 12 + month - 1
  const days = new Set<string>();
  let rewatches = 0;
  let minutesWatched = 0;
  let viewingsWithoutRuntime = 0;
  let viewingsWithoutYear = 0;
  let viewingsWithoutMonth = 0;
  for (const viewing of viewings) {
    bump(viewingCounts, viewing.filmId);
    if (countsAsRewatch(viewing, firstViewings)) rewatches += 1;
    const runtime = filmsById.get(viewing.filmId)?.runtimeMinutes ?? null;
    if (runtime === null) viewingsWithoutRuntime += 1;
    else minutesWatched += runtime;
    const date = viewing.watchedOn;
    if (date === null) {
      viewingsWithoutYear += 1;
      continue;
    }
    const year = Number(date.slice(0, 4));
    bump(perYear, year);
    if (date.length < 7) viewingsWithoutMonth += 1;
    else bump(perMonth, year * 12 + Number(date.slice(5, 7)) - 1);
    if (date.length === 10) days.add(date);
  }

  const formatCounts = new Map<CopyFormat, number>();
  const byYear = new Map<number, number>();
  const byDecade = new Map<number, number>();
  const ratingCounts = new Map<HalfStars, number>();
  const tallies: Record<PeopleKind, Map<string, Tally>> = {
    directors: new Map(), actors: new Map(), genres: new Map(), countries: new Map(), languages: new Map(),
  };
  let filmsWatched = 0;
  let ratingSum = 0;
  let ratedFilms = 0;
  let loansOut = 0;
  films.forEach((film, index) => {
    const watched = viewingCounts.get(film.id) ?? 0;
    if (watched > 0) filmsWatched += 1;
    if (film.loaned) loansOut += 1;
    film.formats.forEach((format, at) => {
      if (film.formats.indexOf(format) === at) bump(formatCounts, format);
    });
    if (film.year !== null) {
      bump(byYear, film.year);
      bump(byDecade, Math.floor(film.year / 10) * 10);
    }
    const { rating } = film;
    if (rating !== null) {
      bump(ratingCounts, rating);
      ratingSum += rating;
      ratedFilms += 1;
    }
    for (const name of film.directors) tally(tallies.directors, name, index, watched, rating);
    for (const name of film.cast) tally(tallies.actors, name, index, watched, rating);
    for (const name of film.genres) tally(tallies.genres, name, index, watched, rating);
    if (film.country !== null) tally(tallies.countries, film.country, index, watched, rating);
    if (film.language !== null) tally(tallies.languages, film.language, index, watched, rating);
  });

  const shelfOrder = (format: CopyFormat) => copyFormats.indexOf(format);
  return {
    totals: {
      films: films.length,
      filmsWatched,
      viewings: viewings.length,
      rewatches,
      minutesWatched,
      viewingsWithoutRuntime,
      averageRating: ratedFilms === 0 ? null : ratingSum / ratedFilms,
      ratedFilms,
      loansOut,
    },
    formats: [...formatCounts]
      .sort(([a, aFilms], [b, bFilms]) => bFilms - aFilms || shelfOrder(a) - shelfOrder(b))
      .map(([format, count]) => ({ format, films: count })),
    viewingsPerYear: zeroFilled(perYear, 1).map(([year, count]) => ({ year, viewings: count })),
    viewingsPerMonth: zeroFilled(perMonth, 1).map(([month, count]) => ({
      month: `${String(Math.floor(month / 12)).padStart(4, '0')}-${pad2((month % 12) + 1)}`,
      viewings: count,
    })),
    viewingsWithoutYear,
    viewingsWithoutMonth,
    yearsWithViewings: [...perYear.keys()].sort((a, b) => a - b),
    filmsByDecade: zeroFilled(byDecade, 10).map(([decade, count]) => ({ decade, films: count })),
    filmsByReleaseYear: zeroFilled(byYear, 1).map(([year, count]) => ({ year, films: count })),
    filmsWithoutYear: films.length - [...byYear.values()].reduce((sum, count) => sum + count, 0),
    ratingDistribution: HALF_STAR_VALUES.map((rating) => ({ rating, films: ratingCounts.get(rating) ?? 0 })),
    unratedFilms: films.length - ratedFilms,
    people: {
      directors: ranking(tallies.directors, minFilmsForRated, top),
      actors: ranking(tallies.actors, minFilmsForRated, top),
      genres: ranking(tallies.genres, minFilmsForRated, top),
      countries: ranking(tallies.countries, minFilmsForRated, top),
      languages: ranking(tallies.languages, minFilmsForRated, top),
    },
    longestStreak: longestStreakOf(days),
  };
}

export interface HeatmapDay {
  date: string;
  /** Monday 0 … Sunday 6: the grid's row. */
  weekday: number;
  /** The grid's column, 0–53: Monday-first weeks, column 0 holding 1 January. */
  week: number;
  viewings: number;
}

export interface ViewingHeatmap {
  year: number;
  /** Every day of the year in order, with its full-date viewings. */
  days: HeatmapDay[];
  /** The most viewings on one day (0 when none). */
  max: number;
  /** Viewings in the year known only to the month or the year: they cannot be placed on a day. */
  undatedInYear: number;
}

/** The calendar of one year's viewings, a cell per day. */
export function viewingHeatmap(viewings: readonly StatsViewing[], year: number): ViewingHeatmap {
  const yearText = String(year).padStart(4, '0');
  const janFirst = dayNumber(`${yearText}-01-01`);
  const counts = new Array<number>(isLeapYear(year) ? 366 : 365).fill(0);
  let undatedInYear = 0;
  for (const { watchedOn } of viewings) {
    if (watchedOn === null || !watchedOn.startsWith(yearText)) continue;
    if (watchedOn.length !== 10) undatedInYear += 1;
    else bumpAt(counts, dayNumber(watchedOn) - janFirst);
  }
  const offset = weekdayOf(janFirst);
  const days: HeatmapDay[] = [];
  for (let month = 1; month <= 12; month += 1) {
    for (let day = 1; day <= daysInMonth(year, month); day += 1) {
      const index = days.length;
      days.push({
        date: `${yearText}-${pad2(month)}-${pad2(day)}`,
        weekday: (offset + index) % 7,
        week: Math.floor((offset + index) / 7),
        viewings: counts[index] as number,
      });
    }
  }
  return { year, days, max: Math.max(0, ...counts), undatedInYear };
}

export interface YearInReview {
  year: number;
  /** Viewings dated in the year at any precision, rewatches included. */
  viewings: number;
  /** Distinct films with a viewing in the year. */
  filmsSeen: number;
  /** Films seen whose earliest viewing ever is in the year and not flagged as a rewatch. */
  firstSeen: number;
  /** Films seen that are not firstSeen. */
  rewatched: number;
  minutesWatched: number;
  viewingsWithoutRuntime: number;
  /**
   * Films by the rating given in the year: the latest dated viewing of the film in the year that has a rating (ties
   * on one date: the greater id); highest first, then by title. Not the film's current rating.
   */
  topRated: { filmId: string; title: string; year: number | null; rating: HalfStars }[];
  /** Months 1–12, from viewings known to the month; the earliest of equal months. */
  busiestMonth: { month: number; viewings: number } | null;
  /** Monday 0 … Sunday 6, from full-date viewings; the earliest of equal weekdays. */
  busiestWeekday: { weekday: number; viewings: number } | null;
  /**
   * Directors none of whose films had a viewing dated in an earlier year (undated viewings never count as before)
   * and one of whose films was viewed in this one, with the film seen first; by name.
   */
  newDirectors: { name: string; filmId: string; title: string }[];
  /** The longest-running film seen (ties by title). */
  longestFilm: { filmId: string; title: string; runtimeMinutes: number } | null;
  /** Lists made in the year (the year written in createdAt: UTC for timestamps Cinefile writes), oldest first. */
  lists: { id: string; name: string }[];
  /** Viewings per month, January first, from viewings known to the month. */
  perMonth: number[];
  /** Viewings in the year known only by year (in no month). */
  monthless: number;
}

/** One year's viewing: counted by viewing date, each rewatch counting. */
export function yearInReview(
  year: number,
  films: readonly StatsFilm[],
  viewings: readonly StatsViewing[],
  lists: readonly StatsList[],
  options: { top?: number } = {},
): YearInReview {
  const { top = 10 } = options;
  const yearText = String(year).padStart(4, '0');
  const inYear = (date: string | null): date is string => date !== null && date.startsWith(yearText);
  const filmsById = new Map(films.map((film) => [film.id, film]));
  const firstViewings = firstViewingByFilm(viewings);

  let count = 0;
  let minutesWatched = 0;
  let viewingsWithoutRuntime = 0;
  let monthless = 0;
  const perMonth = new Array<number>(12).fill(0);
  const perWeekday = new Array<number>(7).fill(0);
  const seen = new Map<string, StatsFilm>();
  const ratedIn = new Map<string, StatsViewing>(); // the film's latest rated viewing in the year
  for (const viewing of viewings) {
    const date = viewing.watchedOn;
    if (!inYear(date)) continue;
    count += 1;
    const film = filmsById.get(viewing.filmId);
    const runtime = film?.runtimeMinutes ?? null;
    if (runtime === null) viewingsWithoutRuntime += 1;
    else minutesWatched += runtime;
    if (date.length === 4) monthless += 1;
    else bumpAt(perMonth, Number(date.slice(5, 7)) - 1);
    if (date.length === 10) bumpAt(perWeekday, weekdayOf(dayNumber(date)));
    if (film === undefined) continue;
    seen.set(film.id, film);
    const latest = ratedIn.get(film.id);
    if (viewing.rating !== null && (latest === undefined || compareViewingsOldestFirst(viewing, latest) > 0)) ratedIn.set(film.id, viewing);
  }

  let firstSeen = 0;
  let longestFilm: YearInReview['longestFilm'] = null;
  for (const film of seen.values()) {
    const first = firstViewings.get(film.id);
    if (first !== undefined && inYear(first.watchedOn) && !first.rewatch) firstSeen += 1;
    const runtime = film.runtimeMinutes;
    if (runtime === null) continue;
    if (longestFilm === null || runtime > longestFilm.runtimeMinutes ||
      (runtime === longestFilm.runtimeMinutes && (byName(film.title, longestFilm.title) || byCodeUnits(film.id, longestFilm.filmId)) < 0)) {
      longestFilm = { filmId: film.id, title: film.title, runtimeMinutes: runtime };
    }
  }

  // Each director's earliest dated viewing of any of their films: new this year when it falls in this year.
  const discovered = new Map<string, { viewing: StatsViewing; film: StatsFilm }>();
  for (const film of films) {
    const first = firstViewings.get(film.id);
    if (first === undefined || first.watchedOn === null) continue;
    for (const raw of film.directors) {
      const name = raw.trim();
      const known = discovered.get(name);
      if (name !== '' && (known === undefined || compareViewingsOldestFirst(first, known.viewing) < 0)) discovered.set(name, { viewing: first, film });
    }
  }
  const newDirectors = [...discovered]
    .filter(([, { viewing }]) => inYear(viewing.watchedOn))
    .sort(([a], [b]) => byName(a, b))
    .map(([name, { film }]) => ({ name, filmId: film.id, title: film.title }));

  const topRated = topOf(
    [...ratedIn].map(([filmId, viewing]) => {
      const film = seen.get(filmId) as StatsFilm;
      return { filmId, title: film.title, year: film.year, rating: viewing.rating as HalfStars };
    }),
    (a, b) => b.rating - a.rating || byName(a.title, b.title) || byCodeUnits(a.filmId, b.filmId),
    top,
  );

  const month = busiest(perMonth);
  const weekday = busiest(perWeekday);
  return {
    year,
    viewings: count,
    filmsSeen: seen.size,
    firstSeen,
    rewatched: seen.size - firstSeen,
    minutesWatched,
    viewingsWithoutRuntime,
    topRated,
    busiestMonth: month === null ? null : { month: month + 1, viewings: perMonth[month] as number },
    busiestWeekday: weekday === null ? null : { weekday, viewings: perWeekday[weekday] as number },
    newDirectors,
    longestFilm,
    lists: lists
      .filter((list) => list.createdAt.startsWith(yearText))
      .sort((a, b) => byCodeUnits(a.createdAt, b.createdAt) || byName(a.name, b.name))
      .map(({ id, name }) => ({ id, name })),
    perMonth,
    monthless,
  };
}
