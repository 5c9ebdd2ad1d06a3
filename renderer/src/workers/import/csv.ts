/**
 * Reading a CSV file's decoded text into a CsvTable with papaparse, strictly: whatever papaparse would quietly
 * repair (an unterminated or stray quote) is an ImportError naming the file and line, because a "repaired" row is a
 * guess about someone's data. Each row keeps the line it starts on, so codecs can name it.
 */
import Papa from 'papaparse';
import { ImportError, type CsvRow, type CsvTable } from '../../domain/exchange/import-plan';

/** The delimiter of a header line: a comma unless the line has none outside quotes but has semicolons or tabs. */
function delimiterOf(firstLine: string): string {
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  if (unquoted.includes(',')) return ',';
  if (unquoted.includes(';')) return ';';
  return unquoted.includes('\t') ? '\t' : ',';
}

/** 1-based line of a character offset, counting from `from` (whose line is `fromLine`). */
function lineAt(text: string, offset: number, from: number, fromLine: number): number {
  let line = fromLine;
  for (let index = from; index < offset && index < text.length; index++) if (text.charCodeAt(index) === 10) line++;
  return line;
}

/** Called every `ROWS_PER_PROGRESS` rows with how many rows have been read so far. */
export const ROWS_PER_PROGRESS = 1_000;

/**
 * Parses decoded CSV text (line endings of any kind). Blank lines stay as rows of one empty cell, because some
 * formats (Letterboxd lists) use a blank line as a section break.
 */
export function parseCsv(text: string, path: string, onRows?: (rowsRead: number) => void): CsvTable {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  const rows: CsvRow[] = [];
  if (normalised.trim() === '') return { path, rows };
  let rowStart = 0;
  let rowLine = 1;
  let failure: ImportError | null = null;
  Papa.parse<string[]>(normalised, {
    delimiter: delimiterOf(normalised.slice(0, normalised.indexOf('\n') === -1 ? undefined : normalised.indexOf('\n'))),
    newline: '\n',
    skipEmptyLines: false,
    step(result, parser) {
      const error = result.errors[0];
      if (error) {
        const line = lineAt(normalised, error.index ?? rowStart, rowStart, rowLine);
        const what = error.code === 'MissingQuotes' ? 'a quoted field is never closed' : 'a quote is out of place';
        failure = new ImportError(`“${path}” is not valid CSV: on line ${line}, ${what}.`, { file: path, line });
        parser.abort();
        return;
      }
      rows.push({ line: rowLine, cells: result.data });
      const cursor = result.meta.cursor;
      rowLine = lineAt(normalised, cursor, rowStart, rowLine);
      rowStart = cursor;
      if (onRows && rows.length % ROWS_PER_PROGRESS === 0) onRows(rows.length);
    },
  });
  if (failure) throw failure;
  return { path, rows };
}
