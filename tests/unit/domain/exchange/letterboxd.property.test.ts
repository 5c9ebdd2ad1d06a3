// Damaged, reordered and random Letterboxd exports through parseCsv and planLetterboxdImport: the only outcomes
// allowed are a sound ImportPlan or an ImportError (never a TypeError, never a half-made plan), and column order
// or unknown columns never change what is imported.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError, type CsvTable, type ImportPlan } from '../../../../renderer/src/domain/exchange/import-plan';
import { planLetterboxdImport } from '../../../../renderer/src/domain/exchange/letterboxd';
import { isHalfStars } from '../../../../renderer/src/domain/rating';
import { parseWatchedOn } from '../../../../renderer/src/domain/viewing';
import { parseCsv } from '../../../../renderer/src/workers/import/csv';

const EXPORT = join(import.meta.dirname, '../../../fixtures/letterboxd/export');
const NOW = new Date(2026, 10, 29, 12);

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

interface TextFile {
  path: string;
  text: string;
}

const FILES: readonly TextFile[] = filesUnder(EXPORT)
  .sort()
  .map((file) => ({ path: relative(EXPORT, file).split(sep).join('/'), text: readFileSync(file, 'utf8') }));

/** Every column name the codec reads, as it compares them; an extra column must not be one of these. */
const KNOWN_COLUMNS = new Set([
  'date', 'name', 'year', 'letterboxd uri', 'rating', 'rewatch', 'tags', 'watched date', 'review',
  'position', 'url', 'description', 'date joined', 'username', 'title', 'imdbid', 'tmdbid', 'rating10', 'watcheddate', 'directors',
]);
const columnKey = (name: string) => name.replace(/^\uFEFF/, '').trim().toLowerCase();

/** A plan, or the ImportError it was refused with; any other exception fails the property. */
function attempt(files: readonly TextFile[]): ImportPlan | ImportError {
  try {
    const tables = files.map((file) => parseCsv(file.text, file.path));
    const plan = planLetterboxdImport(tables, 'export.zip', NOW);
    expectSound(plan, files);
    return plan;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
}

/** What every plan must be, whatever it was read from. */
function expectSound(plan: ImportPlan, files: readonly TextFile[]): void {
  const refs = new Set(plan.films.map((film) => film.ref));
  expect(refs.size).toBe(plan.films.length);
  const pointers = [...plan.viewings, ...plan.notes, ...plan.lists.flatMap((list) => list.entries)].map((item) => item.filmRef);
  for (const ref of pointers) expect(refs.has(ref)).toBe(true);
  for (const film of plan.films) {
    const title = film.fields.title;
    expect(title.trim() !== '' && title.length <= 500).toBe(true);
    if (film.rating !== undefined && film.rating !== null) expect(isHalfStars(film.rating)).toBe(true);
    for (const id of film.externalIds) expect(id.startsWith('letterboxd:')).toBe(true);
  }
  for (const viewing of plan.viewings) {
    if (viewing.rating !== null) expect(isHalfStars(viewing.rating)).toBe(true);
    if (viewing.watchedOn !== null) expect(parseWatchedOn(viewing.watchedOn, NOW)).toEqual({ ok: true, watchedOn: viewing.watchedOn });
  }
  for (const note of plan.notes) expect(note.body.trim()).not.toBe('');
  const paths = new Set(files.map((file) => file.path));
  const origins = [...plan.films, ...plan.viewings, ...plan.notes, ...plan.lists, ...plan.skipped].map((item) => item.origin);
  for (const origin of origins) {
    expect(paths.has(origin.file)).toBe(true);
    expect(/(^|\/)(deleted|orphaned)\//.test(origin.file)).toBe(false);
  }
}

/** CSV text for rows of cells, quoting every non-empty cell; a row of one empty cell is a blank line. */
function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => cells.map((cell) => (cell === '' ? '' : `"${cell.replace(/"/g, '""')}"`)).join(',')).join('\n');
}

function cellsOf(file: TextFile): string[][] {
  return parseCsv(file.text, file.path).rows.map((row) => row.cells);
}

/**
 * The runs of rows that share a header: a film file is one run, a list file two (the list, then its entries);
 * blank lines and the list's first line ("Letterboxd list export v7") belong to none.
 */
function sections(rows: readonly string[][]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  rows.forEach((cells, index) => {
    const blank = cells.length <= 1 && (cells[0] ?? '').trim() === '';
    const preamble = index === 0 && cells.length === 1 && /^letterboxd list export/i.test(cells[0] ?? '');
    if (blank || preamble) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push(index);
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Each section's columns rearranged by `arrange`, which gets the section's width and returns source indexes. */
function rearranged(rows: readonly string[][], arrange: (width: number, section: number) => (number | string)[]): string[][] {
  const result = rows.map((cells) => [...cells]);
  sections(rows).forEach((indexes, section) => {
    const width = rows[indexes[0] as number]?.length ?? 0;
    const order = arrange(width, section);
    for (const [position, index] of indexes.entries()) {
      const cells = rows[index] as string[];
      // A string is a new column: its name in the header row, a filler value below.
      result[index] = order.map((source) => (typeof source === 'number' ? (cells[source] ?? '') : position === 0 ? source : `${source}-value`));
    }
  });
  return result;
}

const RUNS = { numRuns: 400 };
const tricky = fc.oneof(
  fc.constantFrom('"', ',', '\n', '\r\n', '', ' ', ';', '\t', '\uFEFF', 'é', '½', 'Ż', '0', '9', '.', '-', 'Yes', '6'),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

describe('Letterboxd imports under damage', () => {
  it('flipped characters give a sound plan or an ImportError', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), tricky), { minLength: 1, maxLength: 8 }), (which, edits) => {
        const files = [...FILES];
        const file = files[which % files.length] as TextFile;
        let text = file.text;
        for (const [at, replacement] of edits) {
          const index = at % (text.length + 1);
          text = text.slice(0, index) + replacement + text.slice(index + 1);
        }
        files[which % files.length] = { ...file, text };
        attempt(files);
      }),
      RUNS,
    );
  });

  it('a file cut off anywhere gives a sound plan or an ImportError', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.boolean(), (which, at, alone) => {
        const file = FILES[which % FILES.length] as TextFile;
        const cut = { ...file, text: file.text.slice(0, at % (file.text.length + 1)) };
        attempt(alone ? [cut] : FILES.map((other) => (other.path === file.path ? cut : other)));
      }),
      RUNS,
    );
  });

  it('shuffled columns, with unknown columns added anywhere, give the very same plan', () => {
    const original = FILES.map((file) => ({ path: file.path, text: toCsv(cellsOf(file)) }));
    const expected = attempt(original);
    expect(expected).not.toBeInstanceOf(ImportError);
    // Line breaks stay out of names: parseCsv tells the delimiter from the first line, which one would cut short.
    const extraName = fc.string({ maxLength: 12 }).filter((name) => !/[\r\n]/.test(name) && !KNOWN_COLUMNS.has(columnKey(name)));
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }), { minLength: 2, maxLength: 2 }),
        fc.array(fc.tuple(fc.nat(), extraName), { maxLength: 3 }),
        fc.nat(),
        (keys, extras, which) => {
          const files = FILES.map((file, fileIndex) => {
            const rows = rearranged(cellsOf(file), (width, section) => {
              const sectionKeys = keys[section] ?? [];
              const order: (number | string)[] = [...Array(width).keys()].sort((a, b) => (sectionKeys[a] ?? 0) - (sectionKeys[b] ?? 0) || a - b);
              // Extra columns go into one file, each under a distinct name.
              if (fileIndex === which % FILES.length) {
                for (const [at, name] of extras) if (!order.includes(name)) order.splice(at % (order.length + 1), 0, name);
              }
              return order;
            });
            return { path: file.path, text: toCsv(rows) };
          });
          expect(attempt(files)).toEqual(expected);
        },
      ),
      RUNS,
    );
  });

  it('a missing column gives a sound plan or an ImportError naming the file', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (which, column) => {
        const files = FILES.map((file, index) => {
          if (index !== which % FILES.length) return file;
          const rows = rearranged(cellsOf(file), (width) => [...Array(width).keys()].filter((source) => source !== column % width));
          return { path: file.path, text: toCsv(rows) };
        });
        const outcome = attempt(files);
        if (outcome instanceof ImportError) expect(outcome.message).toContain('.csv');
      }),
      RUNS,
    );
  });
});

describe('Letterboxd imports of random rows', () => {
  const plausible = fc.oneof(
    fc.constantFrom('', ' ', 'Red Hot', 'Amélie', '8½', '1993', '0', '2036', '2037', '4.5', '0.5', '5', '6', 'Yes', 'No', 'noir, 1990s', ', ,'),
    fc.constantFrom('2019-03-02', '2026-11-29', '2026-11-30', '2023-02-30', '1869-12-31', '2020-13-01', '2020', '2020-05'),
    fc.constantFrom('https://boxd.it/2bcA', 'https://letterboxd.com/film/red-hot-1993/', '<i>x</i>', 'x'.repeat(501), 'y'.repeat(60)),
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
  );
  const diaryHeader = ['Date', 'Name', 'Year', 'Letterboxd URI', 'Rating', 'Rewatch', 'Tags', 'Watched Date'];
  const reviewsHeader = ['Date', 'Name', 'Year', 'Letterboxd URI', 'Rating', 'Rewatch', 'Review', 'Tags', 'Watched Date'];

  it('every diary row of the right width becomes a viewing or a skipped record, never an error', () => {
    fc.assert(
      fc.property(fc.array(fc.array(plausible, { minLength: 8, maxLength: 8 }), { maxLength: 12 }), (rows) => {
        // Built as a table (lines 2, 3 …) so that a cell's own line breaks do not shift the count.
        const table: CsvTable = { path: 'diary.csv', rows: [diaryHeader, ...rows].map((cells, index) => ({ line: index + 1, cells })) };
        const plan = planLetterboxdImport([table], 'diary.csv', NOW);
        expectSound(plan, [{ path: 'diary.csv', text: '' }]);
        rows.forEach((cells, index) => {
          if (cells.length === 1 && (cells[0] ?? '').trim() === '') return;
          const line = index + 2;
          const viewings = plan.viewings.filter((viewing) => viewing.origin.line === line).length;
          const skippedWhole = plan.skipped.some((record) => record.origin.line === line && !record.reason.startsWith('The tag '));
          expect(viewings + (skippedWhole ? 1 : 0)).toBe(1);
        });
      }),
      RUNS,
    );
  });

  it('random rows of any width in any Letterboxd file give a sound plan or an ImportError', () => {
    const path = fc.constantFrom('diary.csv', 'reviews.csv', 'ratings.csv', 'watched.csv', 'watchlist.csv', 'likes/films.csv', 'lists/x.csv', 'deleted/diary.csv', 'x.csv');
    const header = fc.oneof(fc.constant(diaryHeader), fc.constant(reviewsHeader), fc.array(plausible, { maxLength: 9 }));
    fc.assert(
      fc.property(path, header, fc.boolean(), fc.array(fc.array(plausible, { maxLength: 10 }), { maxLength: 10 }), (file, head, preamble, rows) => {
        const lines = [...(preamble ? [['Letterboxd list export v7']] : []), head, ...rows];
        attempt([{ path: file, text: toCsv(lines) }]);
      }),
      RUNS,
    );
  });

  it('random text in place of any file gives a sound plan or an ImportError', () => {
    fc.assert(
      fc.property(fc.nat(), fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 })), (which, text) => {
        attempt(FILES.map((file, index) => (index === which % FILES.length ? { ...file, text } : file)));
        attempt([{ path: FILES[which % FILES.length]?.path ?? 'diary.csv', text }]);
      }),
      RUNS,
    );
  });
});
