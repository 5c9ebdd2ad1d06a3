/**
 * A CSV that Letterboxd's importer (letterboxd.com/import) takes, so a person can move their diary, ratings and
 * reviews there. This is Letterboxd's *import* format, not the *export* format letterboxd.ts reads. Decisions:
 * - One row per viewing, oldest first within a film; a viewing known only by month or year has no WatchedDate
 *   (Letterboxd takes whole days only) but keeps its row, rating and rewatch.
 * - A row's rating is the viewing's, else the film's: Letterboxd has no film rating apart from its diary's.
 * - The film's newest note is its review, on its first row only, so Letterboxd does not post it once per viewing.
 * - A film never watched is exported only when it is rated (a rating means seen, as after an IMDb import): Letterboxd
 *   marks every imported row as watched, so a watchlist film would arrive there as seen.
 * - No byte-order mark: Letterboxd reads UTF-8, and a BOM would become part of the first column's name for a reader
 *   that does not expect one. Cells are quoted and guarded against formulas as every Cinefile CSV is.
 */
import { compareNotesNewestFirst, type Annotation } from '../annotation';
import type { Film } from '../film';
import type { HalfStars } from '../rating';
import { compareViewingsNewestFirst, watchedOnPrecision, type Viewing } from '../viewing';
import { encodeCsv, imdbIdOf, starsCell } from './list-export';

export interface LetterboxdExportSource {
  films: Film[];
  viewings: Viewing[];
  notes: Annotation[];
}

export const LETTERBOXD_IMPORT_COLUMNS = [
  'Title', 'Year', 'imdbID', 'Directors', 'Rating', 'Rating10', 'WatchedDate', 'Rewatch', 'Tags', 'Review',
] as const;

function byFilm<T extends { filmId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.filmId);
    if (group === undefined) groups.set(item.filmId, [item]);
    else group.push(item);
  }
  return groups;
}

function rowCells(film: Film, watchedOn: string | null, rating: HalfStars | null, rewatch: boolean, review: string): string[] {
  return [
    film.title,
    film.year === null ? '' : String(film.year),
    imdbIdOf(film.externalIds),
    film.directors.join(', '),
    starsCell(rating),
    rating === null ? '' : String(rating),
    watchedOn !== null && watchedOnPrecision(watchedOn) === 'day' ? watchedOn : '',
    rewatch ? 'true' : 'false',
    film.tags.join(', '),
    review,
  ];
}

/** The Letterboxd import CSV of these films, their viewings and their notes (films in the order given). */
export function exportLetterboxdCsv(source: LetterboxdExportSource): string {
  const viewingsOf = byFilm(source.viewings);
  const notesOf = byFilm(source.notes);
  const rows: string[][] = [];
  for (const film of source.films) {
    // Newest first, reversed: undated viewings count as the oldest, as isRewatch takes them.
    const viewings = [...(viewingsOf.get(film.id) ?? [])].sort(compareViewingsNewestFirst).reverse();
    const review = [...(notesOf.get(film.id) ?? [])].sort(compareNotesNewestFirst)[0]?.body ?? '';
    if (viewings.length === 0) {
      if (film.rating !== null) rows.push(rowCells(film, null, film.rating, false, review));
      continue;
    }
    viewings.forEach((viewing, index) => {
      rows.push(rowCells(film, viewing.watchedOn, viewing.rating ?? film.rating, viewing.rewatch, index === 0 ? review : ''));
    });
  }
  return encodeCsv([LETTERBOXD_IMPORT_COLUMNS, ...rows], { bom: false });
}
