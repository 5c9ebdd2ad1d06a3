/**
 * What the Library shows: a search, filters that combine, and an order — one value (a LibraryView) that lives in the
 * URL (library-url), so Back returns to it, and that a smart list saves. Filtering and counting are one pass over the summaries in
 * memory: each filter value's count is how many films choosing it would leave, given the search and every *other*
 * filter (the usual faceted-search rule), so no count is ever read from IndexedDB (docs/LIMITS.md: a count over a
 * whole table costs 80–180 ms).
 */
import type { FilmSummary } from './film-summary';
import type { LibrarySort } from './library-sort';
import type { HalfStars } from './rating';
import { tagKey } from './tags';

export type WatchedFilter = 'any' | 'watched' | 'unwatched';

export interface LibraryFilters {
  /** Release years, inclusive; null = open. */
  yearFrom: number | null;
  yearTo: number | null;
  /** First years of decades (1990 = 1990–1999); a film in any of them passes. */
  decades: readonly number[];
  genres: readonly string[];
  countries: readonly string[];
  languages: readonly string[];
  /** My rating in half-stars, inclusive; with `unrated`, unrated films pass too. */
  ratingFrom: HalfStars | null;
  ratingTo: HalfStars | null;
  unrated: boolean;
  watched: WatchedFilter;
  watchlist: boolean;
  favourite: boolean;
  /** Tags compare by tagKey (case and accents ignored). */
  tags: readonly string[];
  /** List ids. */
  lists: readonly string[];
  /** Owned copy formats. */
  formats: readonly string[];
  loaned: boolean;
}

export interface LibraryView {
  /** The search as typed ('' = none). */
  search: string;
  filters: LibraryFilters;
  sort: LibrarySort;
}

export const noFilters: LibraryFilters = {
  yearFrom: null,
  yearTo: null,
  decades: [],
  genres: [],
  countries: [],
  languages: [],
  ratingFrom: null,
  ratingTo: null,
  unrated: false,
  watched: 'any',
  watchlist: false,
  favourite: false,
  tags: [],
  lists: [],
  formats: [],
  loaned: false,
};

/** The filter groups that count separately: choosing a value in one never changes that group's own counts. */
export const facetNames = ['year', 'decade', 'genre', 'country', 'language', 'rating', 'watched', 'watchlist', 'favourite', 'tag', 'list', 'format', 'loaned'] as const;
export type FacetName = (typeof facetNames)[number];

/** How many films each filter value would leave. Keys of the maps are the values as stored (tags: by tagKey). */
export interface FacetCounts {
  decades: Map<number, number>;
  genres: Map<string, number>;
  countries: Map<string, number>;
  languages: Map<string, number>;
  tags: Map<string, { tag: string; count: number }>;
  lists: Map<string, number>;
  formats: Map<string, number>;
  /** Index 0 = unrated, 1–10 = half-stars. */
  ratings: number[];
  watched: number;
  unwatched: number;
  watchlist: number;
  favourite: number;
  loaned: number;
}

export interface LibraryResult {
  /** The films shown, in order: search rank first when searching, then the chosen sort. */
  films: readonly FilmSummary[];
  counts: FacetCounts;
}

export const decadeOf = (year: number): number => Math.floor(year / 10) * 10;

type Test = (film: FilmSummary) => boolean;

/** A search's answer for one film: its rank (0 best), or undefined when the search did not find it. */
export type SearchRank = (filmId: string) => number | undefined;

/** tagKey folds Unicode, which is slow next to the rest of a pass over 100,000 films; tags repeat, so it is kept. */
const tagKeys = new Map<string, string>();
function cachedTagKey(tag: string): string {
  let key = tagKeys.get(tag);
  if (key === undefined) {
    if (tagKeys.size > 50_000) tagKeys.clear();
    key = tagKey(tag);
    tagKeys.set(tag, key);
  }
  return key;
}

const anyOf = <T>(values: readonly T[], wanted: ReadonlySet<T>) => values.some((value) => wanted.has(value));

/** The test of each facet that is in use (a facet not in use lets every film through and is left out). */
function activeTests(filters: LibraryFilters): [FacetName, Test][] {
  const tests: [FacetName, Test][] = [];
  const { yearFrom, yearTo, ratingFrom, ratingTo, unrated } = filters;
  if (yearFrom !== null || yearTo !== null) {
    tests.push(['year', (film) => film.year !== null && (yearFrom === null || film.year >= yearFrom) && (yearTo === null || film.year <= yearTo)]);
  }
  if (filters.decades.length > 0) {
    const decades = new Set(filters.decades);
    tests.push(['decade', (film) => film.year !== null && decades.has(decadeOf(film.year))]);
  }
  const setTest = (name: FacetName, values: readonly string[], of: (film: FilmSummary) => readonly string[]) => {
    if (values.length === 0) return;
    const wanted = new Set(values);
    tests.push([name, (film) => anyOf(of(film), wanted)]);
  };
  setTest('genre', filters.genres, (film) => film.genres);
  setTest('country', filters.countries, (film) => (film.country === null ? [] : [film.country]));
  setTest('language', filters.languages, (film) => (film.language === null ? [] : [film.language]));
  if (ratingFrom !== null || ratingTo !== null || unrated) {
    const ranged = ratingFrom !== null || ratingTo !== null;
    tests.push([
      'rating',
      (film) =>
        film.rating === null
          ? unrated
          : ranged && (ratingFrom === null || film.rating >= ratingFrom) && (ratingTo === null || film.rating <= ratingTo),
    ]);
  }
  if (filters.watched !== 'any') {
    const watched = filters.watched === 'watched';
    tests.push(['watched', (film) => film.viewingCount > 0 === watched]);
  }
  if (filters.watchlist) tests.push(['watchlist', (film) => film.watchlist]);
  if (filters.favourite) tests.push(['favourite', (film) => film.favourite]);
  if (filters.tags.length > 0) {
    const wanted = new Set(filters.tags.map(tagKey));
    tests.push(['tag', (film) => film.tags.some((tag) => wanted.has(cachedTagKey(tag)))]);
  }
  setTest('list', filters.lists, (film) => film.listIds);
  setTest('format', filters.formats, (film) => film.formats);
  if (filters.loaned) tests.push(['loaned', (film) => film.loaned]);
  return tests;
}

function emptyCounts(): FacetCounts {
  return {
    decades: new Map(),
    genres: new Map(),
    countries: new Map(),
    languages: new Map(),
    tags: new Map(),
    lists: new Map(),
    formats: new Map(),
    ratings: new Array<number>(11).fill(0),
    watched: 0,
    unwatched: 0,
    watchlist: 0,
    favourite: 0,
    loaned: 0,
  };
}

const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/** Adds the film to the counts of one facet, or of every facet (null). */
function countFilm(film: FilmSummary, counts: FacetCounts, only: FacetName | null): void {
  const counting = (facet: FacetName) => only === null || only === facet;
  if (film.year !== null && counting('decade')) bump(counts.decades, decadeOf(film.year));
  if (counting('genre')) for (const genre of film.genres) bump(counts.genres, genre);
  if (film.country !== null && counting('country')) bump(counts.countries, film.country);
  if (film.language !== null && counting('language')) bump(counts.languages, film.language);
  if (counting('rating')) counts.ratings[film.rating ?? 0]! += 1;
  if (counting('watched')) {
    if (film.viewingCount > 0) counts.watched += 1;
    else counts.unwatched += 1;
  }
  if (film.watchlist && counting('watchlist')) counts.watchlist += 1;
  if (film.favourite && counting('favourite')) counts.favourite += 1;
  if (counting('tag')) {
    for (const tag of film.tags) {
      const key = cachedTagKey(tag);
      const entry = counts.tags.get(key);
      if (entry) entry.count += 1;
      else counts.tags.set(key, { tag, count: 1 });
    }
  }
  if (counting('list')) for (const list of film.listIds) bump(counts.lists, list);
  if (counting('format')) for (const format of film.formats) bump(counts.formats, format);
  if (film.loaned && counting('loaned')) counts.loaned += 1;
}

/** Which facet a film fails, if exactly one: null when it passes all, 'several' when more than one. */
function failedFacet(film: FilmSummary, tests: readonly [FacetName, Test][]): FacetName | null | 'several' {
  let failed: FacetName | null = null;
  for (const [name, test] of tests) {
    if (test(film)) continue;
    if (failed !== null) return 'several';
    failed = name;
  }
  return failed;
}

/**
 * The films a view shows, in order: those the search found (`rank` null when not searching) that pass every filter,
 * search rank first, then `sorted`'s order (the summaries in the view's sort).
 */
export function filterLibrary(sorted: readonly FilmSummary[], filters: LibraryFilters, rank: SearchRank | null): readonly FilmSummary[] {
  const tests = activeTests(filters).map(([, test]) => test);
  // The whole Library, unsearched and unfiltered: the same list (no copy of 100,000 entries per change).
  if (rank === null && tests.length === 0) return sorted;
  const shown: FilmSummary[] = [];
  for (const film of sorted) {
    if (rank !== null && rank(film.id) === undefined) continue;
    if (tests.every((test) => test(film))) shown.push(film);
  }
  return rank === null ? shown : byRank(shown, rank);
}

/**
 * Counts every filter value over films, a slice at a time (so a caller can spread 100,000 films over several tasks
 * and keep the window responsive): a film passing every filter counts for all its values; one failing a single
 * facet counts for that facet's values only (choosing one of them could bring it in); others count nowhere.
 */
export class FacetCounter {
  readonly counts = emptyCounts();
  private readonly tests: [FacetName, Test][];

  constructor(
    filters: LibraryFilters,
    private readonly rank: SearchRank | null,
  ) {
    this.tests = activeTests(filters);
  }

  /** Counts films[start, end). */
  count(films: readonly FilmSummary[], start = 0, end = films.length): void {
    for (let index = start; index < end; index++) {
      const film = films[index]!;
      if (this.rank !== null && this.rank(film.id) === undefined) continue;
      const failed = failedFacet(film, this.tests);
      if (failed !== 'several') countFilm(film, this.counts, failed === null ? null : failed);
    }
  }
}

/** The films a view shows and the count of every filter value (filterLibrary and a FacetCounter in one go). */
export function queryLibrary(sorted: readonly FilmSummary[], filters: LibraryFilters, rank: SearchRank | null): LibraryResult {
  const counter = new FacetCounter(filters, rank);
  counter.count(sorted);
  return { films: filterLibrary(sorted, filters, rank), counts: counter.counts };
}

/** Search rank first (a stable bucket sort, so each rank keeps the chosen order). */
function byRank(films: FilmSummary[], rank: SearchRank): FilmSummary[] {
  const buckets: FilmSummary[][] = [];
  for (const film of films) (buckets[rank(film.id) ?? 0] ??= []).push(film);
  return buckets.flatMap((bucket) => bucket ?? []);
}

/** How many films a rating bound would leave (index = half-stars), from the rating counts and the other bound. */
export function ratingBoundCounts(ratings: readonly number[], filters: LibraryFilters, bound: 'from' | 'to'): number[] {
  const unrated = filters.unrated ? ratings[0]! : 0;
  return ratings.map((_, value) => {
    if (value === 0) return 0;
    const from = bound === 'from' ? value : (filters.ratingFrom ?? 1);
    const to = bound === 'to' ? value : (filters.ratingTo ?? 10);
    let count = unrated;
    for (let rating = from; rating <= to; rating++) count += ratings[rating]!;
    return count;
  });
}

/** True when the view narrows the Library at all (a search or any filter). */
export function viewIsFiltered(view: Pick<LibraryView, 'search' | 'filters'>): boolean {
  return view.search.trim() !== '' || activeTests(view.filters).length > 0;
}
