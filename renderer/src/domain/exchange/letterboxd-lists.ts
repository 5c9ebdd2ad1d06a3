/**
 * How Letterboxd's CSV files are read: columns found by name in a header (Letterboxd has reordered and added
 * columns over the years), rows held to their header's width, and the list files, which carry two tables one after
 * the other (the list itself, then its entries). The planner in letterboxd.ts turns what this reads into films.
 */
import { parseListDescription, parseListEntryNote, parseListName } from '../list';
import { ImportError, type CsvRow, type CsvTable, type ImportOrigin, type SkippedRecord } from './import-plan';

/** A header's columns by lower-case name. */
export type Columns = ReadonlyMap<string, number>;

/** A cell's value cut short enough to quote in a message. */
export function shown(text: string, limit = 40): string {
  const trimmed = text.trim();
  return trimmed.length > limit ? `${trimmed.slice(0, limit)}…` : trimmed;
}

/** What a skipped record names: "Name (Year)" as the row spells them, or null when the row names nothing. */
export function rowTitle(name: string, year: string): string | null {
  if (name.trim() === '') return null;
  return year.trim() === '' ? shown(name, 80) : `${shown(name, 80)} (${shown(year, 10)})`;
}

function columnName(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim().toLowerCase();
}

/** The lower-case column names of a header row. */
export function headerNames(header: CsvRow): Set<string> {
  return new Set(header.cells.map(columnName).filter((name) => name !== ''));
}

/**
 * Finds `required` and `optional` columns (spelt as Letterboxd does) in a header. A missing required column, or a
 * column the reader uses given twice, is an ImportError: the file is not the one it claims to be.
 */
export function headerColumns(file: string, header: CsvRow, required: readonly string[], optional: readonly string[]): Columns {
  const used = new Set([...required, ...optional].map(columnName));
  const columns = new Map<string, number>();
  header.cells.forEach((cell, index) => {
    const name = columnName(cell);
    if (!used.has(name)) return;
    if (columns.has(name)) {
      throw new ImportError(`“${file}” has two “${cell.trim()}” columns (line ${header.line}).`, { file, line: header.line });
    }
    columns.set(name, index);
  });
  const missing = required.filter((name) => !columns.has(columnName(name)));
  if (missing.length > 0) {
    const names = missing.map((name) => `“${name}”`).join(', ');
    throw new ImportError(
      `“${file}” has no ${names} ${missing.length === 1 ? 'column' : 'columns'} in its header (line ${header.line}), so Cinefile cannot read it.`,
      { file, line: header.line },
    );
  }
  return columns;
}

/** A cell by column name; '' when the file has no such column. */
export function cellOf(row: CsvRow, columns: Columns, name: string): string {
  const index = columns.get(columnName(name));
  return index === undefined ? '' : (row.cells[index] ?? '');
}

/** A line with nothing on it: the CSV reader keeps blank lines (lists use one as a break); they carry no data. */
export function isBlankRow(row: CsvRow): boolean {
  return row.cells.length <= 1 && (row.cells[0] ?? '').trim() === '';
}

/** A row with more or fewer fields than its header is damage (a lost quote, a cut-off line), never guessed at. */
export function checkRowWidth(file: string, header: CsvRow, row: CsvRow): void {
  if (row.cells.length === header.cells.length) return;
  throw new ImportError(
    `“${file}” is damaged: line ${row.line} has ${row.cells.length} fields where its header (line ${header.line}) has ${header.cells.length}.`,
    { file, line: row.line },
  );
}

/** The first line of every list file Letterboxd exports ("Letterboxd list export v7"). */
export function isListPreamble(row: CsvRow | undefined): boolean {
  return row !== undefined && /^\uFEFF?\s*letterboxd list export\b/i.test(row.cells[0] ?? '');
}

/** One entry of a list as the file gives it; the planner reads its film. */
export interface LetterboxdListEntryRow {
  origin: ImportOrigin;
  name: string;
  year: string;
  url: string;
  note: string;
}

export interface LetterboxdListRows {
  name: string;
  description: string;
  origin: ImportOrigin;
  /** In the list's order (by Position, then as written). */
  entries: LetterboxdListEntryRow[];
}

/** The next row that is not blank, from `start`; -1 when there is none. */
function nextFilledRow(rows: readonly CsvRow[], start: number): number {
  for (let index = start; index < rows.length; index++) if (!isBlankRow(rows[index] as CsvRow)) return index;
  return -1;
}

/**
 * Reads a list file: the preamble line, the list's header and row, then (after a blank line) the entries' header
 * and rows. A list whose own row is unusable (no name) is skipped whole; an entry's bad position is skipped; an
 * over-long description or note is left out, with a skipped record saying so. Returns null when the list is skipped.
 *
 * Ranked: Letterboxd's export does not say whether a list is ranked, and every list numbers its entries 1, 2, 3 …
 * whether ranked or not, so positions give no signal. Lists come in unranked, in their order; a person can tick
 * "ranked" afterwards, which loses nothing.
 */
export function readLetterboxdList(table: CsvTable, skipped: SkippedRecord[]): LetterboxdListRows | null {
  const file = table.path;
  const rows = table.rows;
  const headerIndex = nextFilledRow(rows, 1);
  const header = rows[headerIndex];
  if (header === undefined) throw new ImportError(`“${file}” ends before its list is named.`, { file, line: null });
  const columns = headerColumns(file, header, ['Name'], ['Description']);
  const listIndex = nextFilledRow(rows, headerIndex + 1);
  const listRow = rows[listIndex];
  if (listRow === undefined) throw new ImportError(`“${file}” ends before its list is named.`, { file, line: null });
  checkRowWidth(file, header, listRow);
  const origin = { file, line: listRow.line };
  const name = parseListName(cellOf(listRow, columns, 'Name'));
  if (!name.ok) {
    skipped.push({ origin, title: null, reason: `This list was left out: ${name.error}` });
    return null;
  }
  const list: LetterboxdListRows = { name: name.text, description: '', origin, entries: [] };
  const description = parseListDescription(cellOf(listRow, columns, 'Description'));
  if (description.ok) list.description = description.text;
  else skipped.push({ origin, title: name.text, reason: `The list’s description was left out: ${description.error}` });

  const entriesIndex = nextFilledRow(rows, listIndex + 1);
  const entriesHeader = rows[entriesIndex];
  if (entriesHeader === undefined) return list;
  const entryColumns = headerColumns(file, entriesHeader, ['Name', 'Year'], ['Position', 'URL', 'Description']);
  const placed: { position: number; entry: LetterboxdListEntryRow }[] = [];
  for (const row of rows.slice(entriesIndex + 1)) {
    if (isBlankRow(row)) continue;
    checkRowWidth(file, entriesHeader, row);
    const cell = (column: string) => cellOf(row, entryColumns, column);
    const entryOrigin = { file, line: row.line };
    const title = rowTitle(cell('Name'), cell('Year'));
    const positionText = cell('Position').trim();
    if (entryColumns.has('position') && !/^\d{1,9}$/.test(positionText)) {
      skipped.push({ origin: entryOrigin, title, reason: `Position “${shown(positionText)}” in the list is not a whole number.` });
      continue;
    }
    const note = parseListEntryNote(cell('Description'));
    if (!note.ok) skipped.push({ origin: entryOrigin, title, reason: `The note on this list entry was left out: ${note.error}` });
    const entry = { origin: entryOrigin, name: cell('Name'), year: cell('Year'), url: cell('URL'), note: note.ok ? note.text : '' };
    placed.push({ position: positionText === '' ? placed.length : Number(positionText), entry });
  }
  // Array.prototype.sort is stable, so equal positions keep the file's order.
  list.entries = placed.sort((a, b) => a.position - b.position).map(({ entry }) => entry);
  return list;
}
