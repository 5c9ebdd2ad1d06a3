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
import { EARLIEST_FILM_YEAR } from '../film-draft';
import { isHalfStars, type HalfStars } from '../rating';
import { MAX_TAGS_PER_FILM, parseTag, withTag } from '../tags';
import { foldText } from '../text-fold';
import { localDateIso, parseWatchedOn } from '../viewing';
import {
  bareFilmFields, checkImportedFields, emptyImportPlan, externalId, ImportError,
  type CsvRow, type CsvTable, type ImportedFilm, type ImportedListEntry, type ImportOrigin, type ImportPlan,
} from './import-plan';
import {
  cellOf, checkRowWidth, headerColumns, headerNames, isBlankRow, isListPreamble, readLetterboxdList, rowTitle, shown,
} from './letterboxd-lists';

type FilmFileKind = 'ratings' | 'watched' | 'watchlist' | 'likes' | 'diary' | 'reviews';
/** 'ignored': Letterboxd's, but nothing to import (profile, removed things); 'unknown': Letterboxd's, but which? */
type FileKind = FilmFileKind | 'list' | 'ignored' | 'unknown';

const FILM_FILES: ReadonlyMap<string, FilmFileKind> = new Map([
  ['ratings.csv', 'ratings'], ['watched.csv', 'watched'], ['watchlist.csv', 'watchlist'],
  ['diary.csv', 'diary'], ['reviews.csv', 'reviews'],
]);

/** Files are read in this order whatever order they come in, so a plan never depends on the zip's order. */
const KIND_ORDER: readonly FileKind[] = ['ratings', 'watched', 'watchlist', 'likes', 'diary', 'reviews', 'list', 'unknown'];

const REQUIRED_COLUMNS: Readonly<Record<FilmFileKind, readonly string[]>> = {
  ratings: ['Name', 'Year', 'Rating'],
  watched: ['Name', 'Year'],
  watchlist: ['Name', 'Year'],
  likes: ['Name', 'Year'],
  diary: ['Name', 'Year', 'Watched Date'],
  reviews: ['Name', 'Year', 'Review'],
};
const OPTIONAL_COLUMNS = ['Date', 'Letterboxd URI', 'Rating', 'Rewatch', 'Tags', 'Watched Date'];

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
  const ours =
    names.has('letterboxd uri') || profile || (knownPath && LETTERBOXD_COLUMNS.filter((name) => names.has(name)).length >= 2);
  if (!ours) return null;
  // likes/ also holds liked lists and reviews: someone else's, not the person's films.
  if (removed || profile || (folder === 'likes' && !likedFilms)) return 'ignored';
  if (likedFilms) return 'likes';
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

/** Why one row is left out; thrown inside a row's reading and caught around it, so the row is skipped whole. */
class RowProblem {
  constructor(readonly reason: string) {}
}

interface Planner {
  plan: ImportPlan;
  now: Date;
  films: Map<string, ImportedFilm>;
  /** Films that have a viewing from the diary. */
  diaryFilms: Set<string>;
  /** Films in watched.csv, with the first row naming them. */
  watched: Map<string, ImportOrigin>;
}

interface RowFilm {
  fields: FilmFields;
  ref: string;
}

function readFilm(name: string, yearText: string, now: Date): RowFilm {
  const title = name.replace(/\s+/g, ' ').trim();
  if (title === '') throw new RowProblem('The row has no film name.');
  const year = yearText.trim();
  if (year !== '' && !/^-?\d{1,9}$/.test(year)) throw new RowProblem(`Year “${shown(year)}” is not a whole number.`);
  const check = checkImportedFields(bareFilmFields(title, year === '' ? null : Number(year)), now);
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

function readRating(text: string): HalfStars | null {
  const stars = text.trim();
  if (stars === '') return null;
  const halfStars = /^\d(?:\.\d{1,3})?$/.test(stars) ? Number(stars) * 2 : NaN;
  if (!isHalfStars(halfStars)) throw new RowProblem(`Rating “${shown(stars)}” is not 0.5–5 stars in half steps.`);
  return halfStars;
}

/** A date cell: null when empty; a real, past date since films began; just a day when `dayOnly`. */
function readDate(label: string, text: string, now: Date, dayOnly: boolean): string | null {
  const date = text.trim();
  if (date === '') return null;
  const shape = dayOnly ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}(?:-\d{2}){0,2}$/;
  if (!shape.test(date)) throw new RowProblem(`${label} “${shown(date)}” is not a date like 2026-11-25.`);
  if (date > localDateIso(now).slice(0, date.length)) throw new RowProblem(`${label} “${date}” is in the future.`);
  if (Number(date.slice(0, 4)) < EARLIEST_FILM_YEAR) throw new RowProblem(`${label} “${date}” is before ${EARLIEST_FILM_YEAR}.`);
  const checked = parseWatchedOn(date, now);
  if (!checked.ok) throw new RowProblem(`${label} “${date}” is not a real date.`);
  return checked.watchedOn;
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

function emphasis(marker: string) {
  return (_match: string, _tag: string, inner: string): string => {
    const [, before = '', text = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner) ?? [];
    return text === '' ? inner : `${before}${marker}${text}${marker}${after}`;
  };
}

/**
 * Letterboxd writes reviews with a little HTML (<i>, <b>, <a href>, <blockquote>, <br>, <p>). Notes are Markdown
 * and show raw HTML as typed, so those few become their Markdown; everything else stays as written.
 */
export function markdownFromLetterboxdReview(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<p(?:\s[^>]*)?>/gi, '')
    .replace(/<\/p>\s*/gi, '\n\n')
    .replace(/<(i|em)>([\s\S]*?)<\/\1>/gi, emphasis('*'))
    .replace(/<(b|strong)>([\s\S]*?)<\/\1>/gi, emphasis('**'))
    .replace(/<a\s+href="([^"<>]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_match, href: string, label: string) =>
      `[${label}](${/^[^\s()]*$/.test(href) ? href : `<${href}>`})`)
    .replace(/<blockquote>([\s\S]*?)<\/blockquote>\s*/gi, (_match, quote: string) =>
      `${quote.trim().split('\n').map((line) => `> ${line}`.trimEnd()).join('\n')}\n\n`)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
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

/** One row of a film file. Everything is read before anything is added, so a skipped row leaves no trace. */
function planFilmRow(p: Planner, kind: FilmFileKind, cell: (name: string) => string, origin: ImportOrigin, title: string | null): void {
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
  const columns = headerColumns(file, header, REQUIRED_COLUMNS[kind], OPTIONAL_COLUMNS);
  for (const row of rows) {
    if (isBlankRow(row)) continue;
    checkRowWidth(file, header, row);
    const cell = (name: string) => cellOf(row, columns, name);
    const origin = { file, line: row.line };
    const title = rowTitle(cell('Name'), cell('Year'));
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
  const p: Planner = { plan: emptyImportPlan('letterboxd', sourceName), now, films: new Map(), diaryFilms: new Set(), watched: new Map() };
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
