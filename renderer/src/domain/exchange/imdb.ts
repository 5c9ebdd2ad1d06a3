/**
 * Reads IMDb's CSV exports (ratings, the watchlist, any other list) into an ImportPlan. IMDb has changed these files
 * over the years (column order, an Original Title column, "tvSeries" becoming "TV Series"), so columns are found by
 * name and both spellings of a title type are known. Series, episodes and games are not films: each is listed as
 * skipped with its title, never dropped silently.
 */
import { isHalfStars, type HalfStars } from '../rating';
import {
  ImportError, bareFilmFields, checkImportedFields, emptyImportPlan, externalId, imdbIdFrom,
  type CsvRow, type CsvTable, type ImportPlan,
} from './import-plan';

type Column =
  | 'const' | 'title' | 'originalTitle' | 'titleType' | 'rating' | 'year' | 'releaseDate' | 'runtime' | 'genres'
  | 'directors' | 'url' | 'position' | 'description';

/** Header names per column, lower-cased; the second spellings are from exports before 2017. */
const COLUMN_NAMES: Readonly<Record<Column, readonly string[]>> = {
  const: ['const'],
  title: ['title'],
  originalTitle: ['original title'],
  titleType: ['title type'],
  rating: ['your rating', 'you rated'],
  year: ['year'],
  releaseDate: ['release date', 'release date (month/day/year)'],
  runtime: ['runtime (mins)', 'runtime'],
  genres: ['genres'],
  directors: ['directors'],
  url: ['url'],
  position: ['position'],
  description: ['description'],
};

/** Title types that are films, compared with case, spaces and hyphens removed ("TV Movie" → "tvmovie"). */
const FILM_TYPES = new Set(['movie', 'featurefilm', 'film', 'short', 'shortfilm', 'tvmovie', 'tvshort', 'video', 'tvspecial', 'documentary']);

/** Title types that are not films, with how the skipped list names them. */
const OTHER_TYPES: Readonly<Record<string, string>> = {
  tvseries: 'a TV series',
  tvminiseries: 'a TV mini-series',
  miniseries: 'a TV mini-series',
  tvepisode: 'a TV episode',
  tvpilot: 'a TV pilot',
  videogame: 'a video game',
  podcastseries: 'a podcast series',
  podcastepisode: 'a podcast episode',
  musicvideo: 'a music video',
};

type Columns = Partial<Record<Column, number>>;

const headerKey = (cell: string) => cell.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');

/** A blank line: papaparse keeps it as one empty cell; it is no record, so it is passed over. */
const isBlank = (row: CsvRow) => row.cells.every((cell) => cell.trim() === '');

function columnsOf(header: readonly string[]): Columns {
  const keys = header.map(headerKey);
  const columns: Columns = {};
  for (const [column, names] of Object.entries(COLUMN_NAMES) as [Column, readonly string[]][]) {
    const index = keys.findIndex((key) => names.includes(key));
    if (index !== -1) columns[column] = index;
  }
  return columns;
}

function headerOf(table: CsvTable): CsvRow | undefined {
  return table.rows.find((row) => !isBlank(row));
}

/** True for an IMDb export, told by its header: a Const column with a Title Type or Position column. */
export function isImdbTable(table: CsvTable): boolean {
  const header = headerOf(table);
  if (!header) return false;
  const columns = columnsOf(header.cells);
  return columns.const !== undefined && (columns.titleType !== undefined || columns.position !== undefined);
}

/** Why a row's title type is not imported, or null for a film (an empty type is taken as a film). */
function notAFilm(titleType: string): string | null {
  const key = titleType.toLowerCase().replace(/[\s_-]+/g, '');
  if (key === '' || FILM_TYPES.has(key)) return null;
  const kind = OTHER_TYPES[key];
  return kind === undefined ? `its title type “${titleType}” is not one Cinefile imports as a film` : `${kind}, not a film`;
}

/** A whole number, null when empty, NaN for anything else (so the field check names the field). */
function wholeNumber(text: string): number | null {
  if (text === '') return null;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

function ratingOf(text: string): { rating: HalfStars | undefined } | { error: string } {
  if (text === '') return { rating: undefined };
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  // IMDb rates 1–10 in whole steps; each step is exactly one half-star.
  return isHalfStars(value) ? { rating: value } : { error: `its rating “${text}” is not a whole number from 1 to 10` };
}

const splitNames = (text: string) => text.split(',').map((name) => name.trim()).filter((name) => name !== '');

/** "ls012345678" from "exports/ls012345678.csv". */
function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  return name.replace(/\.[^.]*$/, '').trim();
}

interface PendingEntry {
  position: number;
  order: number;
  filmRef: string;
  note: string;
}

/**
 * Turns one IMDb export into a plan. A ratings export sets ratings; the watchlist export (its file name says
 * "watchlist") marks films wanted; any other list export becomes one list in Position order. "Date Rated" is when a
 * rating was given, not a watch date, so no viewing is made from it. Throws ImportError when the table is empty, is
 * not an IMDb export, or has a row whose field count differs from the header's.
 */
export function planImdbImport(table: CsvTable, sourceName: string, now: Date = new Date()): ImportPlan {
  const file = table.path;
  const header = headerOf(table);
  if (!header) throw new ImportError(`“${file}” is empty.`, { file, line: null });
  const columns = columnsOf(header.cells);
  const missing = (['const', 'title'] as const).filter((column) => columns[column] === undefined);
  if (missing.length > 0) {
    const names = missing.map((column) => (column === 'const' ? 'Const' : 'Title')).join(' or ');
    throw new ImportError(`“${file}” is not an IMDb export: it has no ${names} column.`, { file, line: header.line });
  }

  const plan = emptyImportPlan('imdb', sourceName);
  const isList = columns.position !== undefined;
  const isWatchlist = isList && /watchlist/i.test(`${baseName(file)} ${sourceName}`);
  const entries: PendingEntry[] = [];
  const linesById = new Map<string, number>();

  for (const row of table.rows) {
    if (row === header || isBlank(row)) continue;
    const origin = { file, line: row.line };
    if (row.cells.length !== header.cells.length) {
      throw new ImportError(
        `“${file}” is damaged: line ${row.line} has ${row.cells.length} fields where its header has ${header.cells.length}.`,
        origin,
      );
    }
    const cell = (column: Column) => {
      const index = columns[column];
      return index === undefined ? '' : (row.cells[index] ?? '').trim();
    };
    const title = cell('title');
    const yearText = cell('year') || (/\b(\d{4})\b/.exec(cell('releaseDate'))?.[1] ?? '');
    const named = title === '' ? cell('const') || null : yearText === '' ? title : `${title} (${yearText})`;
    const skip = (reason: string) => plan.skipped.push({ origin, title: named, reason });

    const otherKind = notAFilm(cell('titleType'));
    if (otherKind !== null) {
      skip(otherKind);
      continue;
    }
    const rated = ratingOf(cell('rating'));
    if ('error' in rated) {
      skip(rated.error);
      continue;
    }
    const imdbId = imdbIdFrom(cell('const')) ?? imdbIdFrom(cell('url'));
    const earlier = imdbId === null ? undefined : linesById.get(imdbId);
    if (earlier !== undefined) {
      skip(`${imdbId ?? ''} is already on line ${earlier}`);
      continue;
    }
    const originalTitle = cell('originalTitle');
    const checked = checkImportedFields(
      {
        ...bareFilmFields(title, wholeNumber(yearText)),
        originalTitle: originalTitle === '' || originalTitle === title ? null : originalTitle,
        directors: splitNames(cell('directors')),
        genres: splitNames(cell('genres')),
        runtimeMinutes: wholeNumber(cell('runtime')),
      },
      now,
    );
    if (!checked.ok) {
      skip(checked.reason);
      continue;
    }
    if (imdbId !== null) linesById.set(imdbId, row.line);
    const ref = `imdb-line-${row.line}`;
    plan.films.push({
      ref,
      fields: checked.fields,
      externalIds: imdbId === null ? [] : [externalId('imdb', imdbId)],
      ...(rated.rating === undefined ? {} : { rating: rated.rating }),
      ...(isWatchlist ? { watchlist: true } : {}),
      tags: [],
      origin,
    });
    if (isList && !isWatchlist) {
      const position = wholeNumber(cell('position'));
      entries.push({
        position: position === null || Number.isNaN(position) ? Number.POSITIVE_INFINITY : position,
        order: entries.length,
        filmRef: ref,
        note: cell('description'),
      });
    }
  }

  if (isList && !isWatchlist) {
    entries.sort((a, b) => a.position - b.position || a.order - b.order);
    plan.lists.push({
      name: baseName(file) || baseName(sourceName) || 'IMDb list',
      description: '',
      ranked: false,
      entries: entries.map(({ filmRef, note }) => ({ filmRef, note })),
      origin: { file, line: null },
    });
  }
  return plan;
}
