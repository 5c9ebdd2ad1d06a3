/**
 * Letterboxd's export (a zip of CSV files) read into an ImportPlan. Letterboxd names a film in two ways: ratings,
 * watched, watchlist and likes by the film's own address, the diary and reviews by the log entry's. So films are
 * joined across files by title and year (folded), and only film addresses become external ids. Decisions a person
 * would notice:
 * - deleted/ and orphaned/ hold what the person removed on Letterboxd; nothing in them is ever read.
 * - A film in watched.csv with no diary entry gets one undated viewing, so "seen" survives the move; a film with
 *   diary entries gets exactly those (rewatches included), and reviews never add a viewing (theirs is the diary's).
 * - Two different films sharing a title and year become one: the diary gives nothing else to tell them apart.
 * - A row with a bad value (a rating of "6", a date in the future) is skipped whole and said in the plan, never
 *   half-imported; a damaged file (a row of the wrong width, a missing column) stops the import.
 */
import { parseNoteBody } from '../annotation';
import type { FilmFields } from '../film';
import { MAX_TAGS_PER_FILM, parseTag, withTag } from '../tags';
import { foldText } from '../text-fold';
import {
  bareFilmFields, checkImportedFields, emptyImportPlan, externalId, imdbIdFrom, ImportError,
  type CsvRow, type CsvTable, type ImportedFilm, type ImportedListEntry, type ImportOrigin, type ImportPlan,
} from './import-plan';
import {
  cellOf, checkRowWidth, headerColumns, headerNames, isBlankRow, isListPreamble, readLetterboxdList, rowTitle, shown,
} from './letterboxd-lists';
import { unguardFormula } from './list-export';
import { markdownFromLetterboxdReview } from './letterboxd-review';
import { readDate, readRating, readRating10, RowProblem } from './letterboxd-cells';

type FilmFileKind = 'ratings' | 'watched' | 'watchlist' | 'likes' | 'diary' | 'reviews' | 'import';
/** 'ignored': Letterboxd's, but nothing to import (profile, removed things); 'unknown': Letterboxd's, but which? */
type FileKind = FilmFileKind | 'list' | 'ignored' | 'unknown';

const FILM_FILES: ReadonlyMap<string, FilmFileKind> = new Map([
  ['ratings.csv', 'ratings'], ['watched.csv', 'watched'], ['watchlist.csv', 'watchlist'],
  ['diary.csv', 'diary'], ['reviews.csv', 'reviews'],
]);

/** Files are read in this order whatever order they come in, so a plan never depends on the zip's order. */
const KIND_ORDER: readonly FileKind[] = ['ratings', 'watched', 'watchlist', 'likes', 'diary', 'reviews', 'import', 'list', 'unknown'];

const REQUIRED_COLUMNS: Readonly<Record<FilmFileKind, readonly string[]>> = {
  ratings: ['Name', 'Year', 'Rating'],
  watched: ['Name', 'Year'],
  watchlist: ['Name', 'Year'],
  likes: ['Name', 'Year'],
  diary: ['Name', 'Year', 'Watched Date'],
  reviews: ['Name', 'Year', 'Review'],
  import: ['Title'],
};
const OPTIONAL_COLUMNS = ['Date', 'Letterboxd URI', 'Rating', 'Rewatch', 'Tags', 'Watched Date'];
/** Letterboxd's *import* format (letterboxd.com/about/importing-data), which Cinefile's Letterboxd export writes. */
const IMPORT_OPTIONAL_COLUMNS = ['Year', 'imdbID', 'Directors', 'Rating', 'Rating10', 'WatchedDate', 'Rewatch', 'Tags', 'Review'];
/** Columns only the import format has; with a Title column, one of them marks a file as being in it. */
const IMPORT_FORMAT_MARKS = ['imdbid', 'tmdbid', 'watcheddate', 'rating10'];

/**
 * Columns of Letterboxd's film files. A file with a Letterboxd name needs two of them to count as Letterboxd's:
 * IMDb's export is also called ratings.csv, but shares only "Year".
 */
const LETTERBOXD_COLUMNS = ['date', 'name', 'year', 'letterboxd uri', 'rating', 'rewatch', 'tags', 'watched date', 'review'];

/** Film addresses Letterboxd writes (https://boxd.it/2bcA, https://letterboxd.com/film/red-hot-1993/). */
const LETTERBOXD_ADDRESS = /^https?:\/\/(?:boxd\.it|(?:www\.)?letterboxd\.com)\/\S{1,200}$/i;

function classify(table: CsvTable): FileKind | null {
  const segments = table.path.replace(/\\/g, '/').toLowerCase().split('/').filter((part) => part !== '' && part !== '.');
  const base = segments.at(-1) ?? '';
  const folder = segments.at(-2);
  const removed = segments.slice(0, -1).some((part) => part === 'deleted' || part === 'orphaned');
  const header = table.rows[0];
  if (header === undefined) return null;
  if (isListPreamble(header)) return removed ? 'ignored' : 'list';
  const names = headerNames(header);
  const likedFilms = folder === 'likes' && base === 'films.csv';
  const knownPath = likedFilms || (folder !== 'likes' && FILM_FILES.has(base));
  const profile = names.has('date joined') && names.has('username');
  const importFormat = names.has('title') && !names.has('name') && IMPORT_FORMAT_MARKS.some((name) => names.has(name));
  const ours =
    importFormat || names.has('letterboxd uri') || profile || (knownPath && LETTERBOXD_COLUMNS.filter((name) => names.has(name)).length >= 2);
  if (!ours) return null;
  // likes/ also holds liked lists and reviews: someone else's, not the person's films.
  if (removed || profile || (folder === 'likes' && !likedFilms)) return 'ignored';
  if (likedFilms) return 'likes';
  if (importFormat) return 'import';
  const named = FILM_FILES.get(base);
  if (named !== undefined) return named;
  // A renamed file: its header tells all but watched, watchlist and likes apart, which only the name can.
  if (names.has('review')) return 'reviews';
  if (names.has('watched date')) return 'diary';
  if (names.has('rating')) return 'ratings';
  if (base.includes('watchlist')) return 'watchlist';
  if (base.includes('like')) return 'likes';
  return base.includes('watched') ? 'watched' : 'unknown';
}

/** True when this table is one Letterboxd writes (recognised by its path and/or header). */
export function isLetterboxdTable(table: CsvTable): boolean {
  return classify(table) !== null;
}

interface Planner {
  plan: ImportPlan;
  now: Date;
  films: Map<string, ImportedFilm>;
  /** Films that have a viewing from the diary. */
  diaryFilms: Set<string>;
  /** Films in watched.csv, with the first row naming them. */
  watched: Map<string, ImportOrigin>;
  /** Import-format films: the WatchedDate of the row their rating came from ('' for an undated row). */
  ratedOn: Map<string, string>;
}

interface RowFilm {
  fields: FilmFields;
  ref: string;
}

function readFilm(name: string, yearText: string, now: Date, directors: string[] = []): RowFilm {
  const title = name.replace(/\s+/g, ' ').trim();
  if (title === '') throw new RowProblem('The row has no film name.');
  const year = yearText.trim();
  if (year !== '' && !/^-?\d{1,9}$/.test(year)) throw new RowProblem(`Year “${shown(year)}” is not a whole number.`);
  const check = checkImportedFields({ ...bareFilmFields(title, year === '' ? null : Number(year)), directors }, now);
  if (!check.ok) throw new RowProblem(check.reason);
  // The ref is the join key: title folded (case, accents, spacing) and year; the year never holds "|".
  return { fields: check.fields, ref: `${foldText(check.fields.title)}|${check.fields.year ?? ''}` };
}

function filmFor(p: Planner, row: RowFilm, origin: ImportOrigin): ImportedFilm {
  let film = p.films.get(row.ref);
  if (film === undefined) {
    film = { ref: row.ref, fields: row.fields, externalIds: [], tags: [], origin };
    p.films.set(row.ref, film);
    p.plan.films.push(film);
  }
  return film;
}

function addExternalId(film: ImportedFilm, address: string): void {
  const text = address.trim();
  if (!LETTERBOXD_ADDRESS.test(text)) return; // an address is only a hint for matching; the film comes in anyway
  const id = externalId('letterboxd', text);
  if (!film.externalIds.includes(id)) film.externalIds.push(id);
}

/** Letterboxd's comma-separated tags onto the film; a tag Cinefile cannot keep is a skipped record of its own. */
function addTags(p: Planner, film: ImportedFilm, text: string, origin: ImportOrigin, title: string | null): void {
  for (const piece of text.split(',')) {
    if (piece.trim() === '') continue;
    const tag = parseTag(piece);
    const tags = tag.ok ? withTag(film.tags, tag.tag) : film.tags;
    const problem = !tag.ok ? tag.error : tags.length > MAX_TAGS_PER_FILM ? `A film can have up to ${MAX_TAGS_PER_FILM} tags.` : null;
    if (problem === null) film.tags = tags;
    else p.plan.skipped.push({ origin, title, reason: `The tag “${shown(piece)}” was left out: ${problem}` });
  }
}

/** Reads one record; a RowProblem skips it with its reason, anything else (an ImportError) stops the import. */
function eachRecord(p: Planner, origin: ImportOrigin, title: string | null, read: () => void): void {
  try {
    read();
  } catch (error) {
    if (!(error instanceof RowProblem)) throw error;
    p.plan.skipped.push({ origin, title, reason: error.reason });
  }
}

/**
 * One row of Letterboxd's import format, as Cinefile's Letterboxd export writes it: a viewing (undated when
 * WatchedDate is empty: seen, date unknown), its rating, which also becomes the film's when no later row has one,
 * the film's tags, and a review. Text cells Cinefile guarded against spreadsheet formulas ('=…) are unguarded.
 */
function planImportRow(p: Planner, cell: (name: string) => string, origin: ImportOrigin, title: string | null): void {
  const text = (name: string) => unguardFormula(cell(name));
  const directors = text('Directors').split(',').map((name) => name.trim()).filter((name) => name !== '');
  const row = readFilm(text('Title'), cell('Year'), p.now, directors);
  const rating = readRating(cell('Rating')) ?? readRating10(cell('Rating10'));
  const watchedOn = readDate('WatchedDate', cell('WatchedDate'), p.now, true);
  const reviewText = text('Review');
  const body = reviewText.trim() === '' ? null : parseNoteBody(markdownFromLetterboxdReview(reviewText));
  if (body !== null && !body.ok) throw new RowProblem(`The review was left out: ${body.error}`);
  const film = filmFor(p, row, origin);
  const imdbId = imdbIdFrom(cell('imdbID'));
  if (imdbId !== null && !film.externalIds.includes(externalId('imdb', imdbId))) film.externalIds.push(externalId('imdb', imdbId));
  const rewatch = /^(true|yes|1)$/i.test(cell('Rewatch').trim());
  p.plan.viewings.push({ filmRef: film.ref, watchedOn, rewatch, rating, origin });
  p.diaryFilms.add(film.ref);
  const ratedOn = p.ratedOn.get(film.ref);
  if (rating !== null && (ratedOn === undefined || (watchedOn ?? '') >= ratedOn)) {
    film.rating = rating;
    p.ratedOn.set(film.ref, watchedOn ?? '');
  }
  addTags(p, film, text('Tags'), origin, title);
  if (body !== null && body.ok) p.plan.notes.push({ filmRef: film.ref, body: body.body, writtenOn: watchedOn, origin });
}

/** One row of a film file. Everything is read before anything is added, so a skipped row leaves no trace. */
function planFilmRow(p: Planner, kind: FilmFileKind, cell: (name: string) => string, origin: ImportOrigin, title: string | null): void {
  if (kind === 'import') return planImportRow(p, cell, origin, title);
  const row = readFilm(cell('Name'), cell('Year'), p.now);
  switch (kind) {
    case 'diary': {
      const rating = readRating(cell('Rating'));
      const watchedOn = readDate('Watched Date', cell('Watched Date'), p.now, false);
      const film = filmFor(p, row, origin);
      const rewatch = cell('Rewatch').trim().toLowerCase() === 'yes';
      p.plan.viewings.push({ filmRef: film.ref, watchedOn, rewatch, rating, origin });
      p.diaryFilms.add(film.ref);
      addTags(p, film, cell('Tags'), origin, title);
      return;
    }
    case 'reviews': {
      const writtenOn = readDate('Watched Date', cell('Watched Date'), p.now, true) ?? readDate('Date', cell('Date'), p.now, true);
      const body = parseNoteBody(markdownFromLetterboxdReview(cell('Review')));
      if (!body.ok) throw new RowProblem(`The review was left out: ${body.error}`);
      const film = filmFor(p, row, origin);
      p.plan.notes.push({ filmRef: film.ref, body: body.body, writtenOn, origin });
      addTags(p, film, cell('Tags'), origin, title);
      return;
    }
    default: {
      const rating = kind === 'ratings' ? readRating(cell('Rating')) : null;
      const film = filmFor(p, row, origin);
      addExternalId(film, cell('Letterboxd URI'));
      if (rating !== null) film.rating = rating;
      if (kind === 'watchlist') film.watchlist = true;
      if (kind === 'likes') film.favourite = true;
      if (kind === 'watched' && !p.watched.has(film.ref)) p.watched.set(film.ref, origin);
    }
  }
}

function planFilmTable(p: Planner, table: CsvTable, kind: FilmFileKind): void {
  const file = table.path;
  const [header, ...rows] = table.rows as [CsvRow, ...CsvRow[]];
  const columns = headerColumns(file, header, REQUIRED_COLUMNS[kind], kind === 'import' ? IMPORT_OPTIONAL_COLUMNS : OPTIONAL_COLUMNS);
  for (const row of rows) {
    if (isBlankRow(row)) continue;
    checkRowWidth(file, header, row);
    const cell = (name: string) => cellOf(row, columns, name);
    const origin = { file, line: row.line };
    const title = rowTitle(cell(kind === 'import' ? 'Title' : 'Name'), cell('Year'));
    eachRecord(p, origin, title, () => planFilmRow(p, kind, cell, origin, title));
  }
}

function planListTable(p: Planner, table: CsvTable): void {
  const list = readLetterboxdList(table, p.plan.skipped);
  if (list === null) return;
  const entries: ImportedListEntry[] = [];
  for (const entry of list.entries) {
    eachRecord(p, entry.origin, rowTitle(entry.name, entry.year), () => {
      const row = readFilm(entry.name, entry.year, p.now);
      if (entries.some((earlier) => earlier.filmRef === row.ref)) throw new RowProblem(`This film is already in “${list.name}”.`);
      const film = filmFor(p, row, entry.origin);
      addExternalId(film, entry.url);
      entries.push({ filmRef: film.ref, note: entry.note });
    });
  }
  p.plan.lists.push({ name: list.name, description: list.description, ranked: false, entries, origin: list.origin });
}

/**
 * Turns the CSV files of one Letterboxd export into an ImportPlan. Paths are relative to the export's root
 * (a common top folder has already been stripped by the caller), e.g. 'diary.csv', 'likes/films.csv',
 * 'lists/best-of-1993.csv', 'deleted/diary.csv'. Throws ImportError when none of the tables is a Letterboxd file.
 */
export function planLetterboxdImport(tables: CsvTable[], sourceName: string, now: Date = new Date()): ImportPlan {
  const known = tables.flatMap((table) => {
    const kind = classify(table);
    return kind === null ? [] : [{ table, kind }];
  });
  if (known.length === 0) {
    throw new ImportError(
      `“${sourceName}” holds no file from a Letterboxd export (such as diary.csv, ratings.csv or a list), so there is nothing to import.`,
    );
  }
  const p: Planner = { plan: emptyImportPlan('letterboxd', sourceName), now, films: new Map(), diaryFilms: new Set(), watched: new Map(), ratedOn: new Map() };
  const byPath = (a: CsvTable, b: CsvTable) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const ordered = known.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || byPath(a.table, b.table));
  for (const { table, kind } of ordered) {
    if (kind === 'ignored') continue;
    if (kind === 'list') planListTable(p, table);
    else if (kind !== 'unknown') planFilmTable(p, table, kind);
    else {
      p.plan.skipped.push({
        origin: { file: table.path, line: null },
        title: null,
        reason: 'Cinefile cannot tell whether this file holds films watched, wanted or liked; give it its export name (watched.csv, watchlist.csv or likes/films.csv).',
      });
    }
  }
  // "Seen" is kept for films watched but never logged: one viewing whose date nobody knows.
  for (const [filmRef, origin] of p.watched) {
    if (!p.diaryFilms.has(filmRef)) p.plan.viewings.push({ filmRef, watchedOn: null, rewatch: false, rating: null, origin });
  }
  return p.plan;
}
