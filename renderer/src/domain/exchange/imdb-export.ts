/**
 * Ratings in the shape of IMDb's own ratings export, the CSV other sites (Letterboxd, Trakt, Criticker …) accept
 * from IMDb, and that Cinefile's IMDb importer reads back. IMDb rates 1–10 and Cinefile stores half-stars 1–10, so
 * ratings carry over exactly. What Cinefile does not know (IMDb's own rating, votes, release date) is left empty. No
 * byte-order mark, as in IMDb's own file.
 */
import type { Film } from '../film';
import { localDateIso } from '../viewing';
import { encodeCsv, imdbIdOf } from './list-export';

export const IMDB_RATINGS_COLUMNS = [
  'Const', 'Your Rating', 'Date Rated', 'Title', 'Original Title', 'URL', 'Title Type', 'IMDb Rating', 'Runtime (mins)',
  'Year', 'Genres', 'Num Votes', 'Release Date', 'Directors',
] as const;

/** The day a rating was last given, as far as Cinefile knows: the film's last change, on the person's calendar. */
function dateRated(updatedAt: string): string {
  const when = new Date(updatedAt);
  return Number.isNaN(when.getTime()) ? '' : localDateIso(when);
}

/** One row per rated film, in the order given; unrated films are left out, as IMDb's export has only ratings. */
export function exportImdbRatingsCsv(films: Film[]): string {
  const rows = films.flatMap((film) => {
    if (film.rating === null) return [];
    const id = imdbIdOf(film.externalIds);
    return [[
      id,
      String(film.rating),
      dateRated(film.updatedAt),
      film.title,
      // IMDb's export repeats the title when there is no other; the importer reads that back as no original title.
      film.originalTitle ?? film.title,
      id === '' ? '' : `https://www.imdb.com/title/${id}/`,
      'Movie',
      '',
      film.runtimeMinutes === null ? '' : String(film.runtimeMinutes),
      film.year === null ? '' : String(film.year),
      film.genres.join(', '),
      '',
      '',
      film.directors.join(', '),
    ]];
  });
  return encodeCsv([IMDB_RATINGS_COLUMNS, ...rows], { bom: false });
}
