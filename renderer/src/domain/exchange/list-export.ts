/**
 * Turns an ExportDocument (a list, the Diary, a Library view) into the text of a file a person takes elsewhere: CSV
 * for spreadsheets, Markdown for notes and posts, HTML (list-export-html.ts) for reading and printing to PDF. The
 * CSV writer here is also the one the Letterboxd and IMDb exports use, so every CSV Cinefile writes is quoted and
 * guarded against spreadsheet formulas the same way.
 */
import { ratingGlyphs, starsFromHalfStars, type HalfStars } from '../rating';
import { formatWatchedOn, groupByDiaryMonth, watchedOnPrecision } from '../viewing';
import type { ExportDocument, ExportRow, ExportedFilm } from './export-model';
import { exportedFromCinefile } from './list-export-html';

export { exportHtml } from './list-export-html';

/**
 * A cell a spreadsheet would run as a formula starts with one of these (OWASP's list; LF because line breaks are
 * written as LF). Apostrophes before one are counted too, so that guarding can be undone exactly (unguardFormula).
 */
const FORMULA_START = /^'*[=+\-@\t\r\n]/;

/**
 * A cell's text made inert in Excel, LibreOffice and Google Sheets: a leading ' shows the text as typed instead of
 * running `=HYPERLINK(…)`. Numbers in Cinefile's columns are never negative, so no number is touched.
 */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text guardFormula was given, from what it returned (for reading Cinefile's own CSVs back). */
export function unguardFormula(cell: string): string {
  return /^'+[=+\-@\t\r\n]/.test(cell) ? cell.slice(1) : cell;
}

/** Control characters no one types (all but tab and line breaks); a NUL makes readers, Cinefile's too, see binary. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const STRAY_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * A cell's text as CSV carries it: line breaks as LF, which is how spreadsheets break lines in a cell and all any
 * reader gives back (a lone CR would not survive), and no stray control characters.
 */
function csvCellText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(STRAY_CONTROLS, '');
}

/** One CSV field (RFC 4180): its text as CSV carries it, guarded, then quoted when it must be. */
function csvField(text: string): string {
  const cell = guardFormula(csvCellText(text));
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Rows of cells as CSV text: commas, CRLF after every record. `bom` starts it with a UTF-8 byte-order mark, without
 * which Excel reads the file as the system's code page and shows "AmÃ©lie".
 */
export function encodeCsv(rows: readonly (readonly string[])[], options: { bom: boolean }): string {
  return (options.bom ? '\uFEFF' : '') + rows.map((cells) => `${cells.map(csvField).join(',')}\r\n`).join('');
}

/** "tt0211915" from a film's "imdb:tt0211915" external id; '' when it has none. */
export function imdbIdOf(externalIds: readonly string[]): string {
  const id = externalIds.find((candidate) => /^imdb:tt\d+$/.test(candidate));
  return id === undefined ? '' : id.slice('imdb:'.length);
}

/** Stars as a spreadsheet number: "4.5", "5", "0.5"; '' when unrated. */
export function starsCell(rating: HalfStars | null): string {
  return rating === null ? '' : String(starsFromHalfStars(rating));
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const numberCell = (value: number | null) => (value === null ? '' : String(value));

export const LIST_CSV_COLUMNS = [
  'Position', 'Title', 'Year', 'Original Title', 'Directors', 'Genres', 'Runtime (mins)', 'Rating', 'Seen', 'Watchlist',
  'Favourite', 'Tags', 'IMDb ID', 'Note',
] as const;

export const DIARY_CSV_COLUMNS = ['Watched Date', 'Title', 'Year', 'Rating', 'Rewatch', 'Directors', 'Note'] as const;

function listCells(row: ExportRow, index: number): string[] {
  const film = row.film;
  return [
    String(row.rank ?? index + 1), film.title, numberCell(film.year), film.originalTitle ?? '', film.directors.join(', '),
    film.genres.join(', '), numberCell(film.runtimeMinutes), starsCell(film.rating), yesNo(row.seen), yesNo(film.watchlist),
    yesNo(film.favourite), film.tags.join(', '), imdbIdOf(film.externalIds), row.note,
  ];
}

function diaryCells(row: ExportRow): string[] {
  const film = row.film;
  const viewing = row.viewing;
  return [
    viewing?.watchedOn ?? '', film.title, numberCell(film.year), starsCell(viewing?.rating ?? null), yesNo(viewing?.rewatch ?? false),
    film.directors.join(', '), row.note,
  ];
}

/** One row per ExportRow, with the columns a spreadsheet user expects; UTF-8 with a BOM for Excel. */
export function exportCsv(document: ExportDocument): string {
  const diary = document.kind === 'diary';
  const header: readonly string[] = diary ? DIARY_CSV_COLUMNS : LIST_CSV_COLUMNS;
  const rows = document.rows.map((row, index) => (diary ? diaryCells(row) : listCells(row, index)));
  return encodeCsv([header, ...rows], { bom: true });
}

/** Characters Markdown gives meaning to anywhere in a line; each is shown literally when backslash-escaped. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|~&]/g;

/**
 * One line of user text that renders as typed: special characters escaped; what would start a block at the start
 * of a line ("1. ", "- ", "+ ", "=" under a line) escaped too; and addresses kept from turning into links (GFM links
 * "http://…", "www.…" and e-mail addresses by themselves). Surrounding spaces go (four would start code), and so does NUL,
 * which renderers drop or replace.
 */
function markdownLine(text: string): string {
  return text
    .replace(/\0/g, '')
    .trim()
    .replace(MARKDOWN_SPECIAL, '\\$&')
    .replace(/:(?=\/\/)|@/g, '\\$&')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^[-+=]/, '\\$&');
}

/** Inline text (a title, names): one line whatever it holds. */
const markdownInline = (text: string) => markdownLine(text.replace(/\s+/g, ' '));

/** The non-blank lines of user text, escaped. */
const markdownLines = (text: string) =>
  text.split(/\r\n?|\n/).map(markdownLine).filter((line) => line !== '');

/** A hard line break (CommonMark's backslash form, which no editor strips as trailing space). */
const HARD_BREAK = '\\\n';

/** The description as paragraphs: blank lines part them, single line breaks stay line breaks. */
function markdownParagraphs(text: string): string {
  return text
    .split(/(?:\r\n?|\n)\s*(?:\r\n?|\n)/)
    .map((paragraph) => markdownLines(paragraph).join(HARD_BREAK))
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

function filmLine(film: ExportedFilm, rating: HalfStars | null, extras: readonly string[]): string {
  const year = film.year === null ? '' : ` (${film.year})`;
  const stars = rating === null ? '' : ` — ${ratingGlyphs(rating)}`;
  const directors = film.directors.length === 0 ? [] : [`dir. ${markdownInline(film.directors.join(', '))}`];
  const details = [...extras, ...directors];
  return `**${markdownInline(film.title)}**${year}${stars}${details.length === 0 ? '' : ` · ${details.join(' · ')}`}`;
}

/** A list item, with the note below it as lines of the same item (indented to the item's text). */
function markdownItem(marker: string, line: string, note: string): string {
  const indent = ' '.repeat(marker.length + 1);
  const noteLines = markdownLines(note);
  return [`${marker} ${line}`, ...noteLines.map((noteLine) => `${indent}${noteLine}`)].join(HARD_BREAK);
}

function diaryItem(row: ExportRow): string {
  const viewing = row.viewing;
  const watchedOn = viewing?.watchedOn ?? null;
  const day = watchedOnPrecision(watchedOn) === 'day' ? `${formatWatchedOn(watchedOn)}: ` : '';
  return markdownItem('-', day + filmLine(row.film, viewing?.rating ?? null, viewing?.rewatch === true ? ['rewatch'] : []), row.note);
}

function markdownBody(document: ExportDocument): string {
  const rows = document.rows;
  if (rows.length === 0) return document.kind === 'diary' ? '_No viewings._' : '_No films._';
  if (document.kind === 'diary') {
    return groupByDiaryMonth(rows, (row) => row.viewing?.watchedOn ?? null)
      .map((month) => `## ${month.label}\n\n${month.items.map(diaryItem).join('\n')}`)
      .join('\n\n');
  }
  return rows
    .map((row, index) => {
      const marker = document.ranked ? `${row.rank ?? index + 1}.` : '-';
      return markdownItem(marker, filmLine(row.film, row.film.rating, []), row.note);
    })
    .join('\n');
}

/** A Markdown document: the title, the description, the films as a numbered (ranked) or bulleted list. */
export function exportMarkdown(document: ExportDocument): string {
  const title = markdownInline(document.title) || 'Untitled';
  const description = markdownParagraphs(document.description);
  const parts = [`# ${title}`, description, markdownBody(document), `_${exportedFromCinefile(document.exportedAt)}_`];
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}
