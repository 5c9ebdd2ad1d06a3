import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filmSortKey } from '../../../renderer/src/domain/film';
import type { FilmSummary } from '../../../renderer/src/domain/film-summary';
import { FacetCounter, filterLibrary, noFilters, queryLibrary, ratingBoundCounts, viewIsFiltered, type LibraryFilters, type LibraryView } from '../../../renderer/src/domain/library-query';
import { viewFromSearch, viewToSearch } from '../../../renderer/src/domain/library-url';
import { compareFilmsBy, librarySortKeys } from '../../../renderer/src/domain/library-sort';
import type { HalfStars } from '../../../renderer/src/domain/rating';

function summary(title: string, fields: Partial<FilmSummary> = {}): FilmSummary {
  return {
    id: title,
    title,
    originalTitle: null,
    year: null,
    directors: [],
    genres: [],
    country: null,
    language: null,
    runtimeMinutes: null,
    rating: null,
    watchlist: false,
    favourite: false,
    tags: [],
    poster: null,
    sortTitle: filmSortKey(title),
    createdAt: '2026-01-01T00:00:00Z',
    lastWatched: null,
    viewingCount: 0,
    listIds: [],
    formats: [],
    loaned: false,
    ...fields,
  };
}

const catalog = [
  summary('Amélie', { year: 2001, genres: ['Comedy', 'Romance'], country: 'France', language: 'French', rating: 9, viewingCount: 2, tags: ['Paris'], listIds: ['l1'], formats: ['Blu-ray'] }),
  summary('Red Hot', { year: 1993, genres: ['Drama'], country: 'Canada', language: 'English', rating: 6, favourite: true, formats: ['DVD'], loaned: true }),
  summary('Possession', { year: 1981, genres: ['Drama', 'Horror'], country: 'France', language: 'English', watchlist: true, tags: ['paris'] }),
  summary('Fargo', { year: 1996, genres: ['Comedy', 'Drama'], country: 'USA', language: 'English', rating: 10, viewingCount: 1, listIds: ['l1', 'l2'] }),
  summary('Undated', { genres: ['Drama'] }),
];
const titles = (films: readonly FilmSummary[]) => films.map((film) => film.title);
const filters = (changes: Partial<LibraryFilters>): LibraryFilters => ({ ...noFilters, ...changes });

describe('Library filters', () => {
  it('combines groups with AND and values within a group with OR', () => {
    expect(titles(queryLibrary(catalog, filters({ genres: ['Comedy', 'Horror'] }), null).films)).toEqual(['Amélie', 'Possession', 'Fargo']);
    expect(titles(queryLibrary(catalog, filters({ genres: ['Comedy', 'Horror'], countries: ['France'] }), null).films)).toEqual(['Amélie', 'Possession']);
    expect(titles(queryLibrary(catalog, filters({ decades: [1990], languages: ['English'] }), null).films)).toEqual(['Red Hot', 'Fargo']);
  });

  it('filters a year range, leaving out films without a year', () => {
    expect(titles(queryLibrary(catalog, filters({ yearFrom: 1990 }), null).films)).toEqual(['Amélie', 'Red Hot', 'Fargo']);
    expect(titles(queryLibrary(catalog, filters({ yearFrom: 1981, yearTo: 1993 }), null).films)).toEqual(['Red Hot', 'Possession']);
  });

  it('filters a rating range, unrated films only when asked', () => {
    expect(titles(queryLibrary(catalog, filters({ ratingFrom: 8 }), null).films)).toEqual(['Amélie', 'Fargo']);
    expect(titles(queryLibrary(catalog, filters({ unrated: true }), null).films)).toEqual(['Possession', 'Undated']);
    expect(titles(queryLibrary(catalog, filters({ ratingTo: 6, unrated: true }), null).films)).toEqual(['Red Hot', 'Possession', 'Undated']);
  });

  it('filters watched, watchlist, favourite, tags (case and accents ignored), lists, formats and loans', () => {
    expect(titles(queryLibrary(catalog, filters({ watched: 'watched' }), null).films)).toEqual(['Amélie', 'Fargo']);
    expect(titles(queryLibrary(catalog, filters({ watched: 'unwatched' }), null).films)).toEqual(['Red Hot', 'Possession', 'Undated']);
    expect(titles(queryLibrary(catalog, filters({ watchlist: true }), null).films)).toEqual(['Possession']);
    expect(titles(queryLibrary(catalog, filters({ favourite: true }), null).films)).toEqual(['Red Hot']);
    expect(titles(queryLibrary(catalog, filters({ tags: ['PARIS'] }), null).films)).toEqual(['Amélie', 'Possession']);
    expect(titles(queryLibrary(catalog, filters({ lists: ['l2'] }), null).films)).toEqual(['Fargo']);
    expect(titles(queryLibrary(catalog, filters({ formats: ['DVD', 'Blu-ray'] }), null).films)).toEqual(['Amélie', 'Red Hot']);
    expect(titles(queryLibrary(catalog, filters({ loaned: true }), null).films)).toEqual(['Red Hot']);
  });

  it('keeps the search’s ranks first and the chosen order within a rank', () => {
    const found = new Map([
      ['Fargo', 1],
      ['Amélie', 0],
      ['Undated', 0],
      ['Red Hot', 2],
    ]);
    const ranks = (id: string) => found.get(id);
    expect(titles(queryLibrary(catalog, noFilters, ranks).films)).toEqual(['Amélie', 'Undated', 'Fargo', 'Red Hot']);
    expect(titles(queryLibrary(catalog, filters({ genres: ['Comedy'] }), ranks).films)).toEqual(['Amélie', 'Fargo']);
  });
});

describe('Filter counts', () => {
  it('counts what each value would leave, ignoring its own group’s choice', () => {
    const { counts } = queryLibrary(catalog, filters({ genres: ['Horror'], countries: ['France'] }), null);
    // Genre counts apply the country filter only: French films are Amélie and Possession.
    expect(Object.fromEntries(counts.genres)).toEqual({ Comedy: 1, Romance: 1, Drama: 1, Horror: 1 });
    // Country counts apply the genre filter only: Horror is Possession alone.
    expect(Object.fromEntries(counts.countries)).toEqual({ France: 1 });
    // Other groups count what is shown: Possession.
    expect(counts.watchlist).toBe(1);
    expect(Object.fromEntries(counts.decades)).toEqual({ 1980: 1 });
    expect(counts.ratings[0]).toBe(1);
  });

  it('counts the same in slices as in one go, and counts only what the search found', () => {
    const rank = (id: string) => (id === 'Possession' || id === 'Fargo' ? 0 : undefined);
    const whole = queryLibrary(catalog, filters({ genres: ['Drama'] }), rank).counts;
    const sliced = new FacetCounter(filters({ genres: ['Drama'] }), rank);
    sliced.count(catalog, 0, 2);
    sliced.count(catalog, 2, catalog.length);
    expect(sliced.counts).toEqual(whole);
    expect(Object.fromEntries(whole.genres)).toEqual({ Drama: 2, Horror: 1, Comedy: 1 });
    expect(filterLibrary(catalog, filters({ genres: ['Horror'] }), rank).map((film) => film.title)).toEqual(['Possession']);
  });

  it('counts tags once per spelling-blind key, rating buckets and watched states', () => {
    const { counts } = queryLibrary(catalog, noFilters, null);
    expect(counts.tags.get('paris')?.count).toBe(2);
    expect(counts.ratings).toEqual([2, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1]);
    expect([counts.watched, counts.unwatched]).toEqual([2, 3]);
    expect(Object.fromEntries(counts.lists)).toEqual({ l1: 2, l2: 1 });
  });

  it('gives every rating bound the number of films it would leave', () => {
    const { counts } = queryLibrary(catalog, noFilters, null);
    const from = ratingBoundCounts(counts.ratings, noFilters, 'from');
    expect(from[6]).toBe(3);
    expect(from[10]).toBe(1);
    const to = ratingBoundCounts(counts.ratings, filters({ ratingFrom: 8, unrated: true }), 'to');
    expect(to[9]).toBe(3); // Amélie, and the two unrated films
  });

  it('a value’s count equals the number of films choosing it shows (property)', () => {
    const film = fc.record({
      year: fc.option(fc.integer({ min: 1950, max: 2025 }), { nil: null }),
      genres: fc.uniqueArray(fc.constantFrom('Drama', 'Comedy', 'Horror'), { maxLength: 3 }),
      country: fc.option(fc.constantFrom('France', 'USA'), { nil: null }),
      rating: fc.option(fc.integer({ min: 1, max: 10 }) as fc.Arbitrary<HalfStars>, { nil: null }),
      watchlist: fc.boolean(),
      viewingCount: fc.nat(2),
    });
    const chosen = fc.record({
      genres: fc.uniqueArray(fc.constantFrom('Drama', 'Comedy', 'Horror'), { maxLength: 2 }),
      countries: fc.uniqueArray(fc.constantFrom('France', 'USA'), { maxLength: 1 }),
      watchlist: fc.boolean(),
      decades: fc.uniqueArray(fc.constantFrom(1950, 1980, 2000), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(film, { maxLength: 30 }), chosen, (fields, choice) => {
        const films = fields.map((f, index) => summary(`Film ${index}`, f));
        const current = filters(choice);
        const { counts } = queryLibrary(films, current, null);
        for (const genre of ['Drama', 'Comedy', 'Horror']) {
          const withIt = queryLibrary(films, { ...current, genres: [genre] }, null).films.length;
          expect(counts.genres.get(genre) ?? 0).toBe(withIt);
        }
        for (const country of ['France', 'USA']) {
          expect(counts.countries.get(country) ?? 0).toBe(queryLibrary(films, { ...current, countries: [country] }, null).films.length);
        }
        expect(counts.watchlist).toBe(queryLibrary(films, { ...current, watchlist: true }, null).films.length);
      }),
    );
  });
});

describe('The view in the URL', () => {
  const view = (changes: Partial<LibraryView> = {}): LibraryView => ({ search: '', filters: noFilters, sort: { by: 'title', direction: 'asc' }, ...changes });

  it('reads and writes a view', () => {
    const written = viewToSearch(view({ search: 'godf par', filters: filters({ genres: ['Drama'], decades: [1970], watched: 'unwatched', ratingFrom: 7 }), sort: { by: 'year', direction: 'desc' } }));
    expect(written).toBe('q=godf+par&decade=1970&genre=Drama&rmin=7&watched=no&sort=year&dir=desc');
    expect(viewFromSearch(written)).toEqual(view({ search: 'godf par', filters: filters({ genres: ['Drama'], decades: [1970], watched: 'unwatched', ratingFrom: 7 }), sort: { by: 'year', direction: 'desc' } }));
  });

  it('ignores what it does not understand and falls back to the last sort', () => {
    const read = viewFromSearch('rmin=11&decade=199&from=abc&sort=colour&watched=maybe&genre=', { by: 'rating', direction: 'desc' });
    expect(read).toEqual(view({ sort: { by: 'rating', direction: 'desc' } }));
    expect(viewIsFiltered(read)).toBe(false);
  });

  it('round-trips any view (property)', () => {
    const text = fc.string({ maxLength: 12 }).filter((value) => value.trim() !== '');
    const anyView = fc.record({
      search: fc.string({ maxLength: 20 }),
      filters: fc.record({
        yearFrom: fc.option(fc.integer({ min: 1000, max: 9999 }), { nil: null }),
        yearTo: fc.option(fc.integer({ min: 1000, max: 9999 }), { nil: null }),
        decades: fc.uniqueArray(fc.integer({ min: 100, max: 999 }).map((n) => n * 10), { maxLength: 3 }),
        genres: fc.uniqueArray(text, { maxLength: 3 }),
        countries: fc.uniqueArray(text, { maxLength: 2 }),
        languages: fc.uniqueArray(text, { maxLength: 2 }),
        ratingFrom: fc.option(fc.integer({ min: 1, max: 10 }) as fc.Arbitrary<HalfStars>, { nil: null }),
        ratingTo: fc.option(fc.integer({ min: 1, max: 10 }) as fc.Arbitrary<HalfStars>, { nil: null }),
        unrated: fc.boolean(),
        watched: fc.constantFrom('any' as const, 'watched' as const, 'unwatched' as const),
        watchlist: fc.boolean(),
        favourite: fc.boolean(),
        tags: fc.uniqueArray(text, { maxLength: 3 }),
        lists: fc.uniqueArray(text, { maxLength: 2 }),
        formats: fc.uniqueArray(text, { maxLength: 2 }),
        loaned: fc.boolean(),
      }),
      sort: fc.record({ by: fc.constantFrom(...librarySortKeys), direction: fc.constantFrom('asc' as const, 'desc' as const) }),
    });
    fc.assert(
      fc.property(anyView, (original) => {
        expect(viewFromSearch(viewToSearch(original))).toEqual(original);
      }),
    );
  });

  it('sorts summaries the same way whatever the view (sanity of the order the Library filters from)', () => {
    const sorted = [...catalog].sort(compareFilmsBy({ by: 'year', direction: 'asc' }));
    expect(titles(queryLibrary(sorted, noFilters, null).films)).toEqual(['Possession', 'Red Hot', 'Fargo', 'Amélie', 'Undated']);
  });
});
