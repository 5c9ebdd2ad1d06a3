// readImport, the function the import worker runs: zips, folders and loose files in; a Letterboxd or IMDb plan, a
// Tellico XML text, or an ImportError naming the file out. Uses the real codecs and the fixture exports.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImport, type ImportSource, type ReadProgress, type ReadResult } from '../../../renderer/src/workers/import/read-import';
import { utf8, zipOf } from './zip-fixtures';
import { refusal } from '../../fixtures/import-checks';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const NOW = new Date(2026, 10, 29, 12);
const PNG = readFileSync(join(FIXTURES, 'poster.png'));

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

/** The fixture Letterboxd export as relative path → bytes. */
function letterboxdExport(prefix = ''): Record<string, Uint8Array> {
  const root = join(FIXTURES, 'letterboxd/export');
  const files: Record<string, Uint8Array> = {};
  for (const file of filesUnder(root)) files[prefix + relative(root, file).split(sep).join('/')] = new Uint8Array(readFileSync(file));
  return files;
}

const source = (path: string, content: string | Uint8Array): ImportSource => ({ path, bytes: typeof content === 'string' ? utf8(content) : content });

function planOf(result: ReadResult) {
  if (result.kind !== 'plan') throw new Error(`expected a plan, got ${result.kind}`);
  return result.plan;
}

const IMDB_HEADER = 'Const,Your Rating,Date Rated,Title,URL,Title Type,Year,Directors';
const imdbRatings = `${IMDB_HEADER}\ntt0211915,9,2025-03-02,Amélie,https://www.imdb.com/title/tt0211915/,Movie,2001,Jean-Pierre Jeunet\n`;
const DIARY_HEADER = 'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date';

describe('readImport: Letterboxd', () => {
  it('plans a Letterboxd export zip', () => {
    const plan = planOf(readImport([source('letterboxd-jane-2026-11-29.zip', zipOf(letterboxdExport()))], undefined, NOW));
    expect(plan.format).toBe('letterboxd');
    expect(plan.sourceName).toBe('letterboxd-jane-2026-11-29.zip');
    expect(plan.films.map((film) => film.fields.title)).toContain('Amélie');
    expect(plan.lists.map((list) => list.name)).toEqual(['Red Hot and friends']);
  });

  it('sees the same paths in a zip re-zipped under one top folder, and in a dropped folder', () => {
    const flat = planOf(readImport([source('export.zip', zipOf(letterboxdExport()))], undefined, NOW));
    const resourceForks = { '__MACOSX/letterboxd-jane/._diary.csv': 'junk', 'letterboxd-jane/._ratings.csv': 'junk' };
    const nested = planOf(readImport([source('export.zip', zipOf({ ...letterboxdExport('letterboxd-jane/'), ...resourceForks }))], undefined, NOW));
    expect(nested).toEqual(flat);
    const folder = Object.entries(letterboxdExport('letterboxd-jane/')).map(([path, bytes]) => source(path, bytes));
    const dropped = planOf(readImport(folder, undefined, NOW));
    expect(dropped.sourceName).toBe('letterboxd-jane');
    expect({ ...dropped, sourceName: 'export.zip' }).toEqual(flat);
    expect(flat.films.every((film) => !film.origin.file.startsWith('letterboxd-jane/'))).toBe(true);
  });

  it('reads a diary re-saved as Windows-1252, or with a BOM, with its accents intact', () => {
    const windows = Uint8Array.from([...utf8(`${DIARY_HEADER}\n2021-06-13,Am`), 0xe9, ...utf8('lie,2001,,3.5,,,2021-06-12\n')]);
    expect(planOf(readImport([source('diary.csv', windows)], undefined, NOW)).films[0]?.fields.title).toBe('Amélie');
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(`${DIARY_HEADER}\n2021-06-13,Amélie,2001,,3.5,,,2021-06-12\n`)]);
    expect(planOf(readImport([source('diary.csv', withBom)], undefined, NOW)).films[0]?.fields.title).toBe('Amélie');
  });

  it('passes over an empty or broken stray CSV beside a Letterboxd export, but refuses an empty one alone', () => {
    const diary = `${DIARY_HEADER}\n2021-06-13,Amélie,2001,,3.5,,,2021-06-12\n`;
    const plan = planOf(readImport([source('export.zip', zipOf({ 'diary.csv': diary, 'comments.csv': '' }))], undefined, NOW));
    expect(plan.films).toHaveLength(1);
    // Nor does a stray file that is not even valid CSV stop a Letterboxd import.
    const stray = zipOf({ 'diary.csv': diary, 'notes.csv': 'a "quoted" word,b\n' });
    expect(planOf(readImport([source('export.zip', stray)], undefined, NOW)).films).toHaveLength(1);
    expect(refusal(() => readImport([source('export.zip', zipOf({ 'diary.csv': '\n' }))])).message).toBe('“diary.csv” is empty.');
  });

  it('reads a 10,000-row diary well within a second, reporting rows read', () => {
    const rows = Array.from({ length: 10_000 }, (_, index) => `2024-01-01,Film ${index},${1950 + (index % 70)},https://boxd.it/a${index},3.5,,,2023-12-31`);
    const diary = utf8(`${DIARY_HEADER}\n${rows.join('\n')}\n`);
    const progress: ReadProgress[] = [];
    const started = performance.now();
    const plan = planOf(readImport([source('export.zip', zipOf({ 'diary.csv': diary }))], (p) => progress.push(p), NOW));
    const elapsed = performance.now() - started;
    expect(plan.films).toHaveLength(10_000);
    expect(progress[0]).toEqual({ rowsRead: 0, phase: 'unpacking' });
    expect(progress.filter((p) => p.phase === 'reading').map((p) => p.rowsRead)).toEqual([0, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000, 10_000, 10_001]);
    expect(elapsed).toBeLessThan(1_000);
  });
});

describe('readImport: IMDb', () => {
  it('plans one IMDb file, loose or zipped, and in UTF-16', () => {
    const plan = planOf(readImport([source('ratings.csv', imdbRatings)], undefined, NOW));
    expect(plan.format).toBe('imdb');
    expect(plan.sourceName).toBe('ratings.csv');
    expect(plan.films[0]?.fields.title).toBe('Amélie');
    expect(planOf(readImport([source('imdb.zip', zipOf({ 'ratings.csv': imdbRatings }))], undefined, NOW)).films).toHaveLength(1);
    const utf16 = new Uint8Array(2 + imdbRatings.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let index = 0; index < imdbRatings.length; index++) utf16[2 + index * 2] = imdbRatings.charCodeAt(index);
    expect(planOf(readImport([source('ratings.csv', utf16)], undefined, NOW)).films[0]?.fields.title).toBe('Amélie');
  });

  it('refuses several IMDb files, IMDb beside Letterboxd, and IMDb beside another CSV', () => {
    expect(refusal(() => readImport([source('a.csv', imdbRatings), source('b.csv', imdbRatings)])).message).toMatch(/^Import one IMDb file at a time/);
    const diary = `${DIARY_HEADER}\n2021-06-13,Amélie,2001,,3.5,,,2021-06-12\n`;
    expect(refusal(() => readImport([source('ratings.csv', imdbRatings), source('diary.csv', diary)])).message).toBe(
      'These files mix a Letterboxd export (“diary.csv”) and an IMDb export (“ratings.csv”); import them one at a time.',
    );
    expect(refusal(() => readImport([source('ratings.csv', imdbRatings), source('notes.csv', 'a,b\n1,2\n')])).message).toContain(
      'import it on its own, without “notes.csv”',
    );
  });
});

describe('readImport: Tellico', () => {
  it('returns a .tc file’s XML and the images that really are images, for the main thread to parse', () => {
    const xml = readFileSync(join(FIXTURES, 'tellico/videos/tellico.xml'), 'utf8');
    const tc = zipOf({ 'tellico.xml': xml, 'images/abc.png': PNG, 'images/notes.txt': 'not an image', 'images/fake.jpeg': 'GIF89a' });
    const result = readImport([source('My Videos.tc', tc)]);
    expect(result.kind).toBe('tellico');
    if (result.kind !== 'tellico') return;
    expect(result.sourceName).toBe('My Videos.tc');
    expect(result.xmlPath).toBe('tellico.xml');
    expect(result.xml).toBe(xml);
    expect(Object.keys(result.images)).toEqual(['images/abc.png']);
    expect(result.images['images/abc.png']?.mimeType).toBe('image/png');
  });

  it('knows a loose Tellico XML by its root element, and refuses one beside CSV files', () => {
    const xml = '<?xml version="1.0"?>\n<tellico xmlns="http://periapsis.org/tellico/"><collection type="3"/></tellico>';
    expect(readImport([source('collection.xml', xml)]).kind).toBe('tellico');
    expect(refusal(() => readImport([source('c/tellico.xml', xml), source('c/diary.csv', 'a\n')])).message).toMatch(/is a Tellico file, but “diary\.csv” is beside it/);
  });
});

describe('readImport: what is not an export', () => {
  it('refuses a zip holding only images and a readme', () => {
    const zip = zipOf({ 'images/a.png': PNG, 'README.txt': 'hello', 'notes.md': '# hi' });
    expect(refusal(() => readImport([source('photos.zip', zip)])).message).toBe('“photos.zip” holds no Letterboxd, IMDb or Tellico file.');
  });

  it('does not open a zip inside a zip, nor entries that climb out with ..', () => {
    const inner = zipOf({ 'diary.csv': `${DIARY_HEADER}\n` });
    const zip = zipOf({ 'export.zip': inner, '../diary.csv': `${DIARY_HEADER}\n` });
    expect(refusal(() => readImport([source('outer.zip', zip)])).message).toBe('“outer.zip” holds no Letterboxd, IMDb or Tellico file.');
  });

  it('refuses an unrelated CSV, naming it and its first line (cut when long)', () => {
    expect(refusal(() => readImport([source('budget.csv', 'Month,Rent,Food\nJanuary,900,300\n')])).message).toBe(
      '“budget.csv” is not a Letterboxd, IMDb or Tellico export: its first line is “Month,Rent,Food”.',
    );
    const long = `${'Column'.repeat(40)}\n1\n`;
    const message = refusal(() => readImport([source('wide.csv', long)])).message;
    expect(message).toContain(`its first line is “${'Column'.repeat(40).slice(0, 79)}…”.`);
  });

  it('names each unrelated CSV of a zip', () => {
    const zip = zipOf({ 'a.csv': 'x,y\n', 'b.csv': 'p;q\n' });
    expect(refusal(() => readImport([source('stuff.zip', zip)])).message).toBe(
      'None of these files is a Letterboxd, IMDb or Tellico export (“a.csv”: its first line is “x,y”; “b.csv”: its first line is “p;q”).',
    );
  });

  it('refuses a 50 MB file of printable junk quickly, naming it and its first line', () => {
    const junk = new Uint8Array(50 * 1024 * 1024);
    let seed = 42;
    for (let index = 0; index < junk.length; index++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const byte = 0x20 + ((seed >>> 16) % 95);
      junk[index] = byte === 0x2c ? 0x2e : index % 200 === 199 ? 0x0a : byte; // no commas; a line break now and then
    }
    const firstLine = new TextDecoder().decode(junk.subarray(0, 79));
    const started = performance.now();
    const error = refusal(() => readImport([source('movies.csv', junk)]));
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(error.message).toBe(`“movies.csv” is not a Letterboxd, IMDb or Tellico export: its first line is “${firstLine.trim()}…”.`);
  });

  it('refuses binary data, an empty file, a .zip that is not one, and nothing at all', () => {
    const binary = new Uint8Array(2048).map((_, index) => (index * 31) % 256);
    expect(refusal(() => readImport([source('diary.csv', binary)])).message).toMatch(/^“diary\.csv” is not a text file/);
    expect(refusal(() => readImport([source('diary.csv', new Uint8Array(0))])).message).toBe('“diary.csv” is empty.');
    expect(refusal(() => readImport([source('export.zip', 'Date,Name\n')])).message).toBe('“export.zip” is not a zip file; it may be damaged or incomplete.');
    expect(refusal(() => readImport([])).message).toBe('Choose a Letterboxd, IMDb or Tellico export to import.');
  });

  it('refuses a truncated export zip as damaged or incomplete', () => {
    const zip = zipOf(letterboxdExport());
    expect(refusal(() => readImport([source('export.zip', zip.subarray(0, zip.length - 100))])).message).toMatch(/^“export\.zip” is damaged or incomplete/);
  });

  it('refuses two exports chosen together that hold the same file', () => {
    const zip = zipOf({ 'diary.csv': `${DIARY_HEADER}\n` });
    expect(refusal(() => readImport([source('a.zip', zip), source('b.zip', zip)])).message).toBe(
      '“diary.csv” is in more than one of the chosen files; import one export at a time.',
    );
  });
});
