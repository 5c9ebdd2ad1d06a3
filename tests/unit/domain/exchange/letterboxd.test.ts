// The Letterboxd codec on a whole export in Letterboxd's own format (tests/fixtures/letterboxd/export), on each
// file alone, and on the damage a real file can carry.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, type CsvTable, type ImportPlan } from '../../../../renderer/src/domain/exchange/import-plan';
import {
  isLetterboxdTable,
  planLetterboxdImport,
} from '../../../../renderer/src/domain/exchange/letterboxd';
import { parseCsv } from '../../../../renderer/src/workers/import/csv';
import { markdownFromLetterboxdReview } from '../../../../renderer/src/domain/exchange/letterboxd-review';

const EXPORT = join(import.meta.dirname, '../../../fixtures/letterboxd/export');
/** The day the export is read: Letterboxd's dates after it are in the future. */
const NOW = new Date(2026, 10, 29, 12);

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

/** Every CSV of the fixture export as the worker hands them over: paths relative to the export's root. */
function exportTables(): CsvTable[] {
  return filesUnder(EXPORT)
    .sort()
    .map((file) => parseCsv(readFileSync(file, 'utf8'), relative(EXPORT, file).split(sep).join('/')));
}

function table(path: string): CsvTable {
  return exportTables().find((candidate) => candidate.path === path) as CsvTable;
}

function csv(path: string, lines: string[]): CsvTable {
  return parseCsv(lines.join('\n'), path);
}

function titleOf(plan: ImportPlan, ref: string): string {
  const film = plan.films.find((candidate) => candidate.ref === ref);
  return film ? `${film.fields.title} (${film.fields.year ?? '?'})` : `missing ${ref}`;
}

function filmNamed(plan: ImportPlan, title: string) {
  const film = plan.films.find((candidate) => candidate.fields.title === title);
  if (!film) throw new Error(`No film “${title}” in the plan`);
  return film;
}

/** What an ImportError says, or 'no error'. */
function importErrorOf(run: () => unknown): ImportError | string {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
}

describe('a whole Letterboxd export', () => {
  const plan = planLetterboxdImport(exportTables(), 'letterboxd-jane-2026-11-29-12-00-utc.zip', NOW);

  it('brings in one film per title and year, with only Letterboxd’s title and year', () => {
    expect(plan.format).toBe('letterboxd');
    expect(plan.sourceName).toBe('letterboxd-jane-2026-11-29-12-00-utc.zip');
    expect(plan.films.map((film) => `${film.fields.title} (${film.fields.year})`)).toEqual([
      'Red Hot (1993)',
      'Possession (1981)',
      'Amélie (2001)',
      'Na srebrnym globie (1988)',
      'Twin Peaks: Fire Walk with Me (1992)',
      '8½ (1963)',
    ]);
    expect(filmNamed(plan, 'Red Hot').fields).toEqual({
      title: 'Red Hot', originalTitle: null, year: 1993, directors: [], cast: [], genres: [],
      runtimeMinutes: null, country: null, language: null, overview: null,
    });
    expect(new Set(plan.films.map((film) => film.ref)).size).toBe(plan.films.length);
    expect(filmNamed(plan, 'Red Hot').origin).toEqual({ file: 'ratings.csv', line: 2 });
  });

  it('keeps the film addresses as external ids, never a diary or review entry’s address', () => {
    expect(filmNamed(plan, 'Red Hot').externalIds).toEqual([
      'letterboxd:https://boxd.it/2bcA',
      'letterboxd:https://letterboxd.com/film/red-hot-1993/',
    ]);
    expect(filmNamed(plan, '8½').externalIds).toEqual([
      'letterboxd:https://boxd.it/27eK',
      'letterboxd:https://letterboxd.com/film/8-half/',
    ]);
    expect(filmNamed(plan, 'Possession').externalIds).toEqual(['letterboxd:https://boxd.it/1Xa8']);
  });

  it('gives ratings in exact half stars, and leaves unrated, unlisted and unliked films unsaid', () => {
    expect(plan.films.map((film) => [film.fields.title, film.rating, film.watchlist, film.favourite])).toEqual([
      ['Red Hot', 9, undefined, true],
      ['Possession', 1, undefined, undefined],
      ['Amélie', 7, undefined, true],
      ['Na srebrnym globie', undefined, undefined, undefined],
      ['Twin Peaks: Fire Walk with Me', undefined, undefined, undefined],
      ['8½', undefined, true, undefined],
    ]);
  });

  it('makes a viewing of every diary entry, rewatches kept, and one undated viewing for films only marked watched', () => {
    expect(plan.viewings.map((viewing) => ({ ...viewing, filmRef: titleOf(plan, viewing.filmRef) }))).toEqual([
      { filmRef: 'Red Hot (1993)', watchedOn: '2019-03-02', rewatch: false, rating: 8, origin: { file: 'diary.csv', line: 2 } },
      { filmRef: 'Possession (1981)', watchedOn: '2020-10-31', rewatch: false, rating: 1, origin: { file: 'diary.csv', line: 3 } },
      { filmRef: 'Amélie (2001)', watchedOn: '2021-06-12', rewatch: false, rating: 7, origin: { file: 'diary.csv', line: 4 } },
      { filmRef: 'Red Hot (1993)', watchedOn: '2024-11-15', rewatch: true, rating: 9, origin: { file: 'diary.csv', line: 7 } },
      { filmRef: 'Na srebrnym globie (1988)', watchedOn: null, rewatch: false, rating: null, origin: { file: 'watched.csv', line: 5 } },
      // Its only diary row was skipped (a rating of 6), so "seen" comes from watched.csv.
      { filmRef: 'Twin Peaks: Fire Walk with Me (1992)', watchedOn: null, rewatch: false, rating: null, origin: { file: 'watched.csv', line: 6 } },
    ]);
  });

  it('puts the diary’s and reviews’ tags on the film, once each', () => {
    expect(filmNamed(plan, 'Red Hot').tags).toEqual(['noir', '1990s', 'snow']);
    expect(filmNamed(plan, 'Possession').tags).toEqual(['horror']);
    expect(filmNamed(plan, 'Amélie').tags).toEqual([]);
  });

  it('makes each review a dated note in Markdown, and no second viewing', () => {
    expect(plan.notes.map((note) => ({ ...note, filmRef: titleOf(plan, note.filmRef) }))).toEqual([
      {
        filmRef: 'Amélie (2001)',
        body:
          'Saw it on a rainy Saturday, which felt right.\n\n' +
          'Everyone calls it "whimsical", and it is; but *Amélie* is also about being lonely.\nAnd **that**, for me, is the point.',
        writtenOn: '2021-06-12',
        origin: { file: 'reviews.csv', line: 2 },
      },
      {
        filmRef: 'Red Hot (1993)',
        body: 'Second time, better: the snow, the jazz, the "Red Hot" sign over the door.',
        writtenOn: '2024-11-15',
        origin: { file: 'reviews.csv', line: 5 },
      },
    ]);
    expect(plan.viewings.filter((viewing) => viewing.origin.file === 'reviews.csv')).toEqual([]);
  });

  it('brings the list in its order, with each entry’s note, unranked', () => {
    expect(plan.lists).toHaveLength(1);
    const [list] = plan.lists;
    expect({ ...list, entries: list?.entries.map((entry) => ({ ...entry, filmRef: titleOf(plan, entry.filmRef) })) }).toEqual({
      name: 'Red Hot and friends',
      description: 'Films I press on people, in the order I would.\nStart at the top.',
      ranked: false,
      entries: [
        { filmRef: 'Red Hot (1993)', note: 'Where it all started.' },
        { filmRef: 'Na srebrnym globie (1988)', note: 'Żuławski\'s unfinished moon, "finished" anyway.' },
        { filmRef: '8½ (1963)', note: '' },
      ],
      origin: { file: 'lists/red-hot-and-friends.csv', line: 3 },
    });
  });

  it('never brings back what was deleted or orphaned, and reads nothing from the profile or comments', () => {
    const titles = plan.films.map((film) => film.fields.title);
    expect(titles).not.toContain('Cats');
    expect(titles).not.toContain('Morbius');
    expect(titles).not.toContain('jane');
    const files = new Set([...plan.films, ...plan.viewings, ...plan.notes, ...plan.lists, ...plan.skipped].map((item) => item.origin.file));
    expect([...files].sort()).toEqual(['diary.csv', 'lists/red-hot-and-friends.csv', 'ratings.csv', 'reviews.csv', 'watched.csv', 'watchlist.csv']);
    expect(plan.copies).toEqual([]);
    expect(plan.images).toEqual({});
  });

  it('skips the rows it cannot use, each with its file, line, film and reason', () => {
    expect(plan.skipped).toEqual([
      { origin: { file: 'ratings.csv', line: 5 }, title: 'Na srebrnym globie (1988)', reason: 'Rating “4.3” is not 0.5–5 stars in half steps.' },
      { origin: { file: 'watchlist.csv', line: 3 }, title: 'Stalker (197x)', reason: 'Year “197x” is not a whole number.' },
      { origin: { file: 'watchlist.csv', line: 4 }, title: null, reason: 'The row has no film name.' },
      {
        origin: { file: 'diary.csv', line: 3 },
        title: 'Possession (1981)',
        reason: 'The tag “a tag far too long for anyone to have ty…” was left out: A tag can be up to 50 characters; this one has 57.',
      },
      { origin: { file: 'diary.csv', line: 5 }, title: 'Twin Peaks: Fire Walk with Me (1992)', reason: 'Rating “6” is not 0.5–5 stars in half steps.' },
      { origin: { file: 'diary.csv', line: 6 }, title: 'Mulholland Drive (2001)', reason: 'Watched Date “2023-02-30” is not a real date.' },
      { origin: { file: 'diary.csv', line: 8 }, title: 'Red Hot (1993)', reason: 'Watched Date “2026-12-24” is in the future.' },
    ]);
  });

  it('gives the same plan whatever order the files come in', () => {
    expect(planLetterboxdImport(exportTables().reverse(), 'letterboxd-jane-2026-11-29-12-00-utc.zip', NOW)).toEqual(plan);
  });
});

describe('recognising Letterboxd’s files', () => {
  it('knows its film files, lists and profile, and not other CSV files', () => {
    const recognised = exportTables().map((found) => [found.path, isLetterboxdTable(found)]);
    expect(recognised).toEqual([
      ['comments.csv', false],
      ['deleted/diary.csv', true],
      ['diary.csv', true],
      ['likes/films.csv', true],
      ['lists/red-hot-and-friends.csv', true],
      ['orphaned/reviews.csv', true],
      ['profile.csv', true],
      ['ratings.csv', true],
      ['reviews.csv', true],
      ['watched.csv', true],
      ['watchlist.csv', true],
    ]);
    // IMDb's export is called ratings.csv too.
    const imdb = csv('ratings.csv', ['Const,Your Rating,Date Rated,Title,URL,Title Type,Year', 'tt0107977,8,2020-01-01,Red Hot,https://www.imdb.com/title/tt0107977/,Movie,1993']);
    expect(isLetterboxdTable(imdb)).toBe(false);
    expect(isLetterboxdTable({ path: 'diary.csv', rows: [] })).toBe(false);
  });

  it('refuses an import with no Letterboxd file at all', () => {
    const error = importErrorOf(() => planLetterboxdImport([table('comments.csv')], 'comments.csv', NOW));
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe(
      '“comments.csv” holds no file from a Letterboxd export (such as diary.csv, ratings.csv or a list), so there is nothing to import.',
    );
    expect(importErrorOf(() => planLetterboxdImport([], 'empty.zip', NOW))).toBeInstanceOf(ImportError);
  });

  it('reads an export that holds only deleted things or a profile as an empty plan, not an error', () => {
    const plan = planLetterboxdImport([table('deleted/diary.csv'), table('profile.csv')], 'x.zip', NOW);
    expect([plan.films, plan.viewings, plan.notes, plan.lists, plan.skipped]).toEqual([[], [], [], [], []]);
  });

  it('reads a renamed file by its header, and names one it cannot tell apart', () => {
    const diary = csv('my diary (1).csv', ['Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date', '2019-03-03,Red Hot,1993,https://boxd.it/x,4,,,2019-03-02']);
    const unknown = csv('films.csv', ['Date,Name,Year,Letterboxd URI', '2019-03-03,Red Hot,1993,https://boxd.it/2bcA']);
    const plan = planLetterboxdImport([diary, unknown], 'x', NOW);
    expect(plan.viewings.map((viewing) => viewing.watchedOn)).toEqual(['2019-03-02']);
    expect(plan.skipped).toEqual([
      {
        origin: { file: 'films.csv', line: null },
        title: null,
        reason: 'Cinefile cannot tell whether this file holds films watched, wanted or liked; give it its export name (watched.csv, watchlist.csv or likes/films.csv).',
      },
    ]);
  });

  it('ignores likes of lists and reviews, and removed files however deep they sit', () => {
    const likedList = csv('likes/lists.csv', ['Date,Name,Year,Letterboxd URI', '2020-01-01,Someone’s list,,https://boxd.it/l1']);
    const deeper = csv('jane/deleted/watched.csv', ['Date,Name,Year,Letterboxd URI', '2020-01-01,Cats,2019,https://boxd.it/c1']);
    const plan = planLetterboxdImport([likedList, deeper, table('likes/films.csv')], 'x', NOW);
    expect(plan.films.map((film) => film.fields.title)).toEqual(['Red Hot', 'Amélie']);
  });
});

describe('one file alone', () => {
  it('diary.csv: films, viewings and tags, but no external ids (its addresses are log entries)', () => {
    const plan = planLetterboxdImport([table('diary.csv')], 'diary.csv', NOW);
    expect(plan.films.map((film) => [film.fields.title, film.externalIds, film.rating])).toEqual([
      ['Red Hot', [], undefined],
      ['Possession', [], undefined],
      ['Amélie', [], undefined],
    ]);
    expect(plan.viewings.map((viewing) => [titleOf(plan, viewing.filmRef), viewing.watchedOn, viewing.rewatch, viewing.rating])).toEqual([
      ['Red Hot (1993)', '2019-03-02', false, 8],
      ['Possession (1981)', '2020-10-31', false, 1],
      ['Amélie (2001)', '2021-06-12', false, 7],
      ['Red Hot (1993)', '2024-11-15', true, 9],
    ]);
    expect(plan.skipped.map((record) => record.origin.line)).toEqual([3, 5, 6, 8]);
  });

  it('a list file: the list and its films, nothing else', () => {
    const plan = planLetterboxdImport([table('lists/red-hot-and-friends.csv')], 'red-hot-and-friends.csv', NOW);
    expect(plan.films.map((film) => [film.fields.title, film.fields.year, film.externalIds])).toEqual([
      ['Red Hot', 1993, ['letterboxd:https://letterboxd.com/film/red-hot-1993/']],
      ['Na srebrnym globie', 1988, ['letterboxd:https://letterboxd.com/film/on-the-silver-globe/']],
      ['8½', 1963, ['letterboxd:https://letterboxd.com/film/8-half/']],
    ]);
    expect(plan.lists.map((list) => list.entries.map((entry) => titleOf(plan, entry.filmRef)))).toEqual([
      ['Red Hot (1993)', 'Na srebrnym globie (1988)', '8½ (1963)'],
    ]);
    expect([plan.viewings, plan.notes, plan.skipped]).toEqual([[], [], []]);
    expect(plan.films.every((film) => film.rating === undefined && film.watchlist === undefined && film.favourite === undefined)).toBe(true);
  });

  it('ratings.csv: rated films, and no viewing (rating is not watching on a known day)', () => {
    const plan = planLetterboxdImport([table('ratings.csv')], 'ratings.csv', NOW);
    expect(plan.films.map((film) => [film.fields.title, film.rating])).toEqual([
      ['Red Hot', 9],
      ['Possession', 1],
      ['Amélie', 7],
    ]);
    expect(plan.viewings).toEqual([]);
    expect(plan.skipped.map((record) => record.origin)).toEqual([{ file: 'ratings.csv', line: 5 }]);
  });

  it('reviews.csv: notes on their films, dated by the logged day when no watched day is given', () => {
    const reviews = csv('reviews.csv', [
      'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date',
      '2021-06-13,Amélie,2001,https://boxd.it/r1,3.5,,Lovely.,paris,',
      '2021-06-14,Amélie,2001,https://boxd.it/r2,3.5,,   ,,2021-06-12',
      '2021-06-15,Amélie,2001,https://boxd.it/r3,3.5,,Fine.,,2021-06',
    ]);
    const plan = planLetterboxdImport([reviews], 'reviews.csv', NOW);
    expect(plan.notes.map((note) => [note.body, note.writtenOn])).toEqual([['Lovely.', '2021-06-13']]);
    expect(plan.films[0]?.tags).toEqual(['paris']);
    expect(plan.viewings).toEqual([]);
    expect(plan.skipped.map((record) => [record.origin.line, record.reason])).toEqual([
      [3, 'The review was left out: A note cannot be empty.'],
      [4, 'Watched Date “2021-06” is not a date like 2026-11-25.'],
    ]);
  });
});

describe('what a damaged or unusual file does', () => {
  const diaryHeader = 'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date';

  it('finds columns by name in any order, ignores unknown ones and a blank trailing row', () => {
    const usual = csv('diary.csv', [diaryHeader, '2019-03-03,Red Hot,1993,https://boxd.it/a,4.5,Yes,noir,2019-03-02']);
    const reordered = parseCsv(
      'Watched Date,Tags,Mood,Rewatch,Rating,Letterboxd URI,Year,Name,Date\n2019-03-02,noir,happy,Yes,4.5,https://boxd.it/a,1993,Red Hot,2019-03-03\n\n',
      'diary.csv',
    );
    expect(planLetterboxdImport([reordered], 'x', NOW)).toEqual(planLetterboxdImport([usual], 'x', NOW));
  });

  it('refuses a file missing a column it needs, naming the file and the column', () => {
    const noName = csv('diary.csv', ['Date,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date', '2019-03-03,1993,https://boxd.it/a,4.5,,,2019-03-02']);
    const error = importErrorOf(() => planLetterboxdImport([noName], 'x', NOW)) as ImportError;
    expect(error.message).toBe('“diary.csv” has no “Name” column in its header (line 1), so Cinefile cannot read it.');
    expect(error.origin).toEqual({ file: 'diary.csv', line: 1 });
    const noRating = csv('ratings.csv', ['Date,Name,Year,Letterboxd URI', '2019-03-03,Red Hot,1993,https://boxd.it/2bcA']);
    expect((importErrorOf(() => planLetterboxdImport([noRating], 'x', NOW)) as ImportError).message).toContain('no “Rating” column');
  });

  it('refuses a row with more or fewer fields than its header, naming the file and line', () => {
    const short = csv('watched.csv', ['Date,Name,Year,Letterboxd URI', '2019-03-03,Red Hot,1993,https://boxd.it/2bcA', '2019-03-04,Amélie,2001']);
    const error = importErrorOf(() => planLetterboxdImport([short], 'x', NOW)) as ImportError;
    expect(error.message).toBe('“watched.csv” is damaged: line 3 has 3 fields where its header (line 1) has 4.');
    expect(error.origin).toEqual({ file: 'watched.csv', line: 3 });
  });

  it('refuses a header that gives a column it reads twice', () => {
    const twice = csv('watched.csv', ['Date,Name,Year,Name', '2019-03-03,Red Hot,1993,Red Hot']);
    expect((importErrorOf(() => planLetterboxdImport([twice], 'x', NOW)) as ImportError).message).toBe('“watched.csv” has two “Name” columns (line 1).');
  });

  it('skips absurd titles and years with the add-film form’s reasons', () => {
    const watched = csv('watched.csv', [
      'Date,Name,Year,Letterboxd URI',
      `2019-03-03,${'A'.repeat(10_000)},1993,https://boxd.it/a`,
      '2019-03-03,Red Hot,1850,https://boxd.it/b',
      '2019-03-03,Red Hot,2999,https://boxd.it/c',
      '2019-03-03,  Red   Hot ,,not an address',
    ]);
    const plan = planLetterboxdImport([watched], 'x', NOW);
    expect(plan.skipped).toEqual([
      { origin: { file: 'watched.csv', line: 2 }, title: `${'A'.repeat(80)}… (1993)`, reason: 'Title is 10,000 characters long; the limit is 500.' },
      { origin: { file: 'watched.csv', line: 3 }, title: 'Red Hot (1850)', reason: 'Year must be between 1870 and 2036.' },
      { origin: { file: 'watched.csv', line: 4 }, title: 'Red Hot (2999)', reason: 'Year must be between 1870 and 2036.' },
    ]);
    // A film without a year is still a film; an address that is not Letterboxd's is no id.
    expect(plan.films.map((film) => [film.fields.title, film.fields.year, film.externalIds])).toEqual([['Red Hot', null, []]]);
  });

  it('refuses ratings off the half-star scale', () => {
    const lines = ['0', '6', '4.3', 'abc', '4,5', '-1', '5.5', '1e0'].map((rating, index) => `2019-03-03,Film ${index},1993,https://boxd.it/a${index},"${rating}"`);
    const plan = planLetterboxdImport([csv('ratings.csv', ['Date,Name,Year,Letterboxd URI,Rating', ...lines, '2019-03-03,Good,1993,https://boxd.it/g,5.0'])], 'x', NOW);
    expect(plan.skipped.map((record) => record.reason)).toEqual(
      ['0', '6', '4.3', 'abc', '4,5', '-1', '5.5', '1e0'].map((rating) => `Rating “${rating}” is not 0.5–5 stars in half steps.`),
    );
    expect(plan.films.map((film) => [film.fields.title, film.rating])).toEqual([['Good', 10]]);
  });

  it('joins films across files whatever their case, accents and spacing', () => {
    const ratings = csv('ratings.csv', ['Date,Name,Year,Letterboxd URI,Rating', '2019-03-03,Amélie,2001,https://boxd.it/2b0s,3.5']);
    const diary = csv('diary.csv', [diaryHeader, '2019-03-03,AMELIE ,2001,https://boxd.it/e,,,,2019-03-02', '2019-03-03,Amélie,2002,https://boxd.it/f,,,,2019-03-02']);
    const plan = planLetterboxdImport([diary, ratings], 'x', NOW);
    expect(plan.films.map((film) => `${film.fields.title} (${film.fields.year})`)).toEqual(['Amélie (2001)', 'Amélie (2002)']);
    expect(plan.viewings.map((viewing) => titleOf(plan, viewing.filmRef))).toEqual(['Amélie (2001)', 'Amélie (2002)']);
  });

  it('orders a list by position, skips a bad position and a film listed twice, and keeps long notes out', () => {
    const list = csv('lists/mixed.csv', [
      'Letterboxd list export v7',
      'Date,Name,Tags,URL,Description',
      '2024-01-05,  Mixed  ,,https://letterboxd.com/jane/list/mixed/,',
      '',
      'Position,Name,Year,URL,Description',
      '3,Amélie,2001,https://letterboxd.com/film/amelie/,third',
      '1,Red Hot,1993,https://letterboxd.com/film/red-hot-1993/,first',
      'two,8½,1963,https://letterboxd.com/film/8-half/,',
      '2,Possession,1981,https://letterboxd.com/film/possession/,' + 'x'.repeat(2_001),
      '4,red hot,1993,https://letterboxd.com/film/red-hot-1993/,again',
    ]);
    const plan = planLetterboxdImport([list], 'x', NOW);
    expect(plan.lists.map((found) => [found.name, found.ranked, found.entries.map((entry) => [titleOf(plan, entry.filmRef), entry.note])])).toEqual([
      ['Mixed', false, [['Red Hot (1993)', 'first'], ['Possession (1981)', ''], ['Amélie (2001)', 'third']]],
    ]);
    expect(plan.skipped.map((record) => [record.origin.line, record.title, record.reason])).toEqual([
      [8, '8½ (1963)', 'Position “two” in the list is not a whole number.'],
      [9, 'Possession (1981)', 'The note on this list entry was left out: This note is 2,001 characters long; the limit is 2,000.'],
      [10, 'red hot (1993)', 'This film is already in “Mixed”.'],
    ]);
  });

  it('skips a list with no name, and refuses one cut off before it is named', () => {
    const nameless = csv('lists/x.csv', ['Letterboxd list export v7', 'Date,Name,Tags,URL,Description', '2024-01-05,,,,', '', 'Position,Name,Year,URL,Description', '1,Red Hot,1993,,']);
    const plan = planLetterboxdImport([nameless], 'x', NOW);
    expect([plan.lists, plan.films]).toEqual([[], []]);
    expect(plan.skipped).toEqual([{ origin: { file: 'lists/x.csv', line: 3 }, title: null, reason: 'This list was left out: A list needs a name.' }]);
    const cut = csv('lists/x.csv', ['Letterboxd list export v7', 'Date,Name,Tags,URL,Description']);
    expect((importErrorOf(() => planLetterboxdImport([cut], 'x', NOW)) as ImportError).message).toBe('“lists/x.csv” ends before its list is named.');
    const empty = csv('lists/x.csv', ['Letterboxd list export v7', 'Date,Name,Tags,URL,Description', '2024-01-05,Empty,,,']);
    expect(planLetterboxdImport([empty], 'x', NOW).lists).toEqual([{ name: 'Empty', description: '', ranked: false, entries: [], origin: { file: 'lists/x.csv', line: 3 } }]);
  });

  it('makes no undated viewing for a watched film that has a diary entry', () => {
    const watched = csv('watched.csv', ['Date,Name,Year,Letterboxd URI', '2019-03-03,Red Hot,1993,https://boxd.it/2bcA', '2019-03-03,Red Hot,1993,https://boxd.it/2bcA']);
    const diary = csv('diary.csv', [diaryHeader, '2019-03-03,Red Hot,1993,https://boxd.it/e,,,,2019-03-02']);
    expect(planLetterboxdImport([watched, diary], 'x', NOW).viewings.map((viewing) => viewing.watchedOn)).toEqual(['2019-03-02']);
    expect(planLetterboxdImport([watched], 'x', NOW).viewings.map((viewing) => viewing.watchedOn)).toEqual([null]);
  });
});

describe('review markup', () => {
  it('turns Letterboxd’s few HTML tags into Markdown and leaves the rest as written', () => {
    expect(markdownFromLetterboxdReview('<i>Amélie</i>, <em> really </em> <b>good</b><br>next<br/>line')).toBe(
      '*Amélie*,  *really*  **good**\nnext\nline',
    );
    expect(markdownFromLetterboxdReview('<p>One.</p><p>Two.</p>')).toBe('One.\n\nTwo.');
    expect(markdownFromLetterboxdReview('See <a href="https://letterboxd.com/film/red-hot-1993/">this</a>.')).toBe(
      'See [this](https://letterboxd.com/film/red-hot-1993/).',
    );
    expect(markdownFromLetterboxdReview('<blockquote>He said it.\nTwice.</blockquote>Then left.')).toBe('> He said it.\n> Twice.\n\nThen left.');
    expect(markdownFromLetterboxdReview('a < b, <u>under</u>, <i></i> 5 > 4')).toBe('a < b, <u>under</u>,  5 > 4');
  });
});
