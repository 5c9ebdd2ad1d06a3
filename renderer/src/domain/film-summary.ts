/**
 * The compact projection of a film the Library lists, sorts, filters and counts from: what a card or a row shows,
 * and the facets filters need — the film's own (genres, country, language, flags, tags) and those derived from its
 * viewings, list places, copies and loans. Kept in step by the database itself (db/film-summaries.ts) in the same
 * transaction as every write to those tables, so the Library never reads full records (cast, sections, overview).
 */
import type { CopyFormat } from './copy';
import type { Film } from './film';

/** What a film's summary derives from the records that point at it. */
export interface FilmFacets {
  /** The latest dated viewing ("1999", "1999-05" or "1999-05-12": sortable as text), null when none is dated. */
  lastWatched: string | null;
  /** How many viewings the film has (dated or not): 0 means not watched. */
  viewingCount: number;
  /** The lists the film is on, each once. */
  listIds: string[];
  /** The formats of the copies owned, each once. */
  formats: CopyFormat[];
  /** A copy is lent out now (a loan not yet returned). */
  loaned: boolean;
}

type SummaryFilmFields =
  | 'id'
  | 'title'
  | 'originalTitle'
  | 'year'
  | 'directors'
  | 'genres'
  | 'country'
  | 'language'
  | 'runtimeMinutes'
  | 'rating'
  | 'watchlist'
  | 'favourite'
  | 'tags'
  | 'poster'
  | 'sortTitle'
  | 'createdAt';

export type FilmSummary = Pick<Film, SummaryFilmFields> & FilmFacets;

/** A film nothing points at yet: never watched, on no list, no copy, no loan. */
export const noFacets: FilmFacets = { lastWatched: null, viewingCount: 0, listIds: [], formats: [], loaned: false };

/** A film's summary: exactly the fields above, copied (never the record itself, so nothing else leaks in). */
export function filmSummary(film: Film, facets: FilmFacets = noFacets): FilmSummary {
  const { id, title, originalTitle, year, directors, genres, country, language, runtimeMinutes, rating, watchlist, favourite, tags, poster, sortTitle, createdAt } = film;
  const { lastWatched, viewingCount, listIds, formats, loaned } = facets;
  return {
    id, title, originalTitle, year, directors, genres, country, language, runtimeMinutes, rating, watchlist, favourite, tags, poster, sortTitle, createdAt,
    lastWatched, viewingCount, listIds: [...listIds], formats: [...formats], loaned,
  };
}

/**
 * A film's actors by name, billing order, each once: the small projection statistics count actors from (schema v6),
 * kept beside the summary by the same middleware, so counting actors never reads whole film records.
 */
export interface FilmCast {
  id: string;
  names: string[];
}

/** The cast projection of a film: trimmed, non-empty names, each once, in billing order. */
export function filmCast(film: Pick<Film, 'id' | 'cast'>): FilmCast {
  return { id: film.id, names: distinct(film.cast.map((member) => member.name.trim()).filter((name) => name !== '')) };
}

/** The facets a summary carries, for re-projecting a changed film without re-reading what points at it. */
export function facetsOf(summary: FilmSummary): FilmFacets {
  const { lastWatched, viewingCount, listIds, formats, loaned } = summary;
  return { lastWatched, viewingCount, listIds, formats, loaned };
}

/** The latest dated viewing of these (partial dates compare as text: "1999" < "1999-05" < "1999-05-12"). */
export function lastWatchedOf(viewings: readonly { watchedOn: string | null }[]): string | null {
  let latest: string | null = null;
  for (const { watchedOn } of viewings) if (watchedOn !== null && (latest === null || watchedOn > latest)) latest = watchedOn;
  return latest;
}

/** Each distinct value once, in first-seen order. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** True while one of these loans is not returned. */
export function isLoanedOut(loans: readonly { returnedOn: string | null }[]): boolean {
  return loans.some((loan) => loan.returnedOn === null);
}
