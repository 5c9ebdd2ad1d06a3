/**
 * The compact projection of a film the Library lists, sorts and filters from: only what a card or a row shows and
 * what sorting and filtering need. Kept in step with films by the database itself (db/film-summaries.ts), so the
 * Library never reads full records (cast, sections, overview) to list films.
 */
import type { Film } from './film';

export type FilmSummary = Pick<
  Film,
  'id' | 'title' | 'year' | 'directors' | 'runtimeMinutes' | 'rating' | 'watchlist' | 'favourite' | 'tags' | 'poster' | 'sortTitle' | 'createdAt'
>;

/** A film's summary: exactly the fields above, copied (never the record itself, so nothing else leaks in). */
export function filmSummary(film: Film): FilmSummary {
  const { id, title, year, directors, runtimeMinutes, rating, watchlist, favourite, tags, poster, sortTitle, createdAt } = film;
  return { id, title, year, directors, runtimeMinutes, rating, watchlist, favourite, tags, poster, sortTitle, createdAt };
}
