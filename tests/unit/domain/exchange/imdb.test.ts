// IMDb's CSV exports, as people download them, through planImdbImport: what a person would see in the preview.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isImdbTable, planImdbImport } from '../../../../renderer/src/domain/exchange/imdb';
import type { ImportPlan } from '../../../../renderer/src/domain/exchange/import-plan';
import { parseCsv } from '../../../../renderer/src/workers/import/csv';
import { refusal } from '../../../fixtures/import-checks';

/** 20 November 2026: "now" for every plan below. */
const now = new Date(2026, 10, 20, 12, 0);

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/imdb/${name}`, import.meta.url), 'utf8');
const planOf = (name: string, path = name, sourceName = path) => planImdbImport(parseCsv(fixture(name), path), sourceName, now);
const planOfText = (text: string, path = 'ratings.csv') => planImdbImport(parseCsv(text, path), path, now);

const film = (plan: ImportPlan, title: string) => {
  const found = plan.films.find((candidate) => candidate.fields.title === title);
  if (!found) throw new Error(`no film “${title}” in the plan`);
  return found;
};
const titles = (plan: ImportPlan) => plan.films.map((candidate) => candidate.fields.title);
const skipped = (plan: ImportPlan) => plan.skipped.map(({ title, reason }) => [title, reason]);

const RATINGS_HEADER = 'Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors';
const ratingRow = (rating: string, title = 'Amélie', type = 'Movie', extra: Partial<Record<'year' | 'runtime', string>> = {}) =>
  `tt0211915,${rating},2025-03-02,${title},,https://www.imdb.com/title/tt0211915/,${type},8.3,${extra.runtime ?? '122'},${extra.year ?? '2001'},"Comedy, Romance",812045,2001-04-25,Jean-Pierre Jeunet`;

describe('IMDb ratings export', () => {
  it('reads the current export: ratings exactly, every film field, the IMDb id', () => {
    const plan = planOf('ratings.csv');
    expect(plan.format).toBe('imdb');
    expect(plan.sourceName).toBe('ratings.csv');
    expect(titles(plan)).toEqual(['Amélie', '8½', 'Possession', 'Delicatessen', 'La Jetée', 'Duel']);
    expect(film(plan, 'Amélie')).toEqual({
      ref: expect.any(String),
      fields: {
        title: 'Amélie',
        originalTitle: "Le fabuleux destin d'Amélie Poulain",
        year: 2001,
        directors: ['Jean-Pierre Jeunet'],
        cast: [],
        genres: ['Comedy', 'Romance'],
        runtimeMinutes: 122,
        country: null,
        language: null,
        overview: null,
      },
      externalIds: ['imdb:tt0211915'],
      rating: 9,
      tags: [],
      origin: { file: 'ratings.csv', line: 2 },
    });
    expect(plan.films.map((candidate) => candidate.rating)).toEqual([9, 10, 7, 8, 8, 6]);
    expect(film(plan, '8½').fields.originalTitle).toBe('Otto e mezzo');
    expect(film(plan, 'Possession').fields).toMatchObject({ originalTitle: null, directors: ['Andrzej Żuławski'], year: 1981 });
    expect(film(plan, 'Delicatessen').fields.directors).toEqual(['Marc Caro', 'Jean-Pierre Jeunet']);
    expect(film(plan, 'La Jetée').fields.runtimeMinutes).toBe(28);
  });

  it('makes no viewings from Date Rated, and says nothing about the watchlist', () => {
    const plan = planOf('ratings.csv');
    expect(plan.viewings).toEqual([]);
    expect(plan.lists).toEqual([]);
    expect(plan.films.every((candidate) => candidate.watchlist === undefined)).toBe(true);
  });

  it('lists series, episodes and games as skipped, by title, with why', () => {
    expect(skipped(planOf('ratings.csv'))).toEqual([
      ['Twin Peaks (1990)', 'a TV series, not a film'],
      ['Twin Peaks (2017)', 'a TV mini-series, not a film'],
      ['Pilot (1990)', 'a TV episode, not a film'],
      ['Alan Wake (2010)', 'a video game, not a film'],
    ]);
    expect(planOf('ratings.csv').skipped[0]?.origin).toEqual({ file: 'ratings.csv', line: 8 });
  });

  it('reads the 2017–2024 export (no Original Title, "tvSeries" spellings) the same way', () => {
    const plan = planOf('ratings-2019.csv');
    expect(titles(plan)).toEqual(['Amélie', '8½', 'Possession', 'La Jetée', 'Duel']);
    expect(plan.films.map((candidate) => candidate.rating)).toEqual([9, 10, 7, 8, 6]);
    expect(plan.films.every((candidate) => candidate.fields.originalTitle === null)).toBe(true);
    expect(skipped(plan)).toEqual([
      ['Twin Peaks (1990)', 'a TV series, not a film'],
      ['Twin Peaks: Pilot (1990)', 'a TV episode, not a film'],
      ['Alan Wake (2010)', 'a video game, not a film'],
    ]);
  });

  it('maps each IMDb rating 1–10 to exactly that many half-stars', () => {
    for (let rating = 1; rating <= 10; rating++) {
      expect(planOfText(`${RATINGS_HEADER}\n${ratingRow(String(rating))}`).films[0]?.rating).toBe(rating);
    }
  });

  it.each(['0', '11', '7.5', 'abc', '-3'])('skips a row rated “%s”, saying why', (rating) => {
    const plan = planOfText(`${RATINGS_HEADER}\n${ratingRow(rating)}`);
    expect(plan.films).toEqual([]);
    expect(skipped(plan)).toEqual([['Amélie (2001)', `its rating “${rating}” is not a whole number from 1 to 10`]]);
  });

  it('skips a row whose fields the add-film form would refuse, with the form’s reason', () => {
    const plan = planOfText(`${RATINGS_HEADER}\n${ratingRow('8', '', 'Movie')}\n${ratingRow('8', 'Amélie', 'Movie', { year: '1492' })}`);
    expect(plan.films).toEqual([]);
    expect(plan.skipped.map((record) => record.reason)).toEqual(['Title is required.', 'Year must be between 1870 and 2036.']);
    expect(plan.skipped[0]?.title).toBe('tt0211915');
  });

  it('names an unknown title type in the reason, and takes every film spelling', () => {
    const rows = ['Feature Film', 'TV Special', 'Video', 'tvMovie', 'Radio Play'].map((type, index) =>
      ratingRow('8', `Film ${index}`, type).replace('tt0211915', `tt000000${index}`));
    const plan = planOfText([RATINGS_HEADER, ...rows].join('\n'));
    expect(titles(plan)).toEqual(['Film 0', 'Film 1', 'Film 2', 'Film 3']);
    expect(skipped(plan)).toEqual([['Film 4 (2001)', 'its title type “Radio Play” is not one Cinefile imports as a film']]);
  });

  it('finds columns by name in any order', () => {
    const text = 'Title,Year,Const,Title Type,Your Rating\n"Amélie",2001,tt0211915,movie,10';
    const plan = planOfText(text);
    expect(plan.films[0]).toMatchObject({ fields: { title: 'Amélie', year: 2001 }, rating: 10, externalIds: ['imdb:tt0211915'] });
  });
});

describe('IMDb list exports', () => {
  it('marks every film of a watchlist export as wanted, keeping ratings it has and leaving others unsaid', () => {
    const plan = planOf('watchlist.csv', 'WATCHLIST.csv');
    expect(titles(plan)).toEqual(['Amélie', '8½', 'Possession', 'La Jetée', 'Duel']);
    expect(plan.films.every((candidate) => candidate.watchlist === true)).toBe(true);
    expect(film(plan, 'Amélie').rating).toBe(9);
    expect(film(plan, '8½').rating).toBeUndefined();
    expect(film(plan, '8½').fields.originalTitle).toBe('Otto e mezzo');
    expect(plan.lists).toEqual([]);
    expect(skipped(plan)).toEqual([
      ['Twin Peaks (1990)', 'a TV series, not a film'],
      ['Pilot (1990)', 'a TV episode, not a film'],
      ['Alan Wake (2010)', 'a video game, not a film'],
    ]);
  });

  it('tells a watchlist by the name of what was chosen, too', () => {
    const plan = planImdbImport(parseCsv(fixture('watchlist.csv'), 'export.csv'), 'my-imdb-watchlist.csv', now);
    expect(plan.films.every((candidate) => candidate.watchlist === true)).toBe(true);
  });

  it('turns any other list into one list named after its file, in Position order, with descriptions as notes', () => {
    const plan = planOf('ls-list.csv', 'exports/ls012345678.csv', 'ls012345678.csv');
    expect(plan.films.every((candidate) => candidate.watchlist === undefined)).toBe(true);
    expect(plan.lists).toHaveLength(1);
    const [list] = plan.lists;
    expect(list).toMatchObject({ name: 'ls012345678', description: '', ranked: false });
    const titleOf = (ref: string) => plan.films.find((candidate) => candidate.ref === ref)?.fields.title;
    expect(list?.entries.map((entry) => [titleOf(entry.filmRef), entry.note])).toEqual([
      ['Possession', 'Isabelle Adjani in the subway.\nNot for a first date.'],
      ['8½', "Fellini's film about making a film, about not making one."],
      ['Amélie', ''],
      ['La Jetée', 'Told in still photographs.'],
      ['Duel', ''],
    ]);
    expect(film(plan, '8½').rating).toBe(10);
    expect(film(plan, 'Amélie').rating).toBeUndefined();
    expect(skipped(plan).map(([title]) => title)).toEqual(['Twin Peaks (1990)', 'Twin Peaks: Pilot (1990)', 'Alan Wake (2010)']);
  });

  it('keeps the line a row starts on, past a description that spans two lines', () => {
    const plan = planOf('ls-list.csv');
    expect(film(plan, 'Possession').origin).toEqual({ file: 'ls-list.csv', line: 3 });
    expect(film(plan, 'Amélie').origin).toEqual({ file: 'ls-list.csv', line: 5 });
    expect(plan.lists[0]?.name).toBe('ls-list');
  });
});

describe('isImdbTable', () => {
  it('knows every IMDb export by its header, and nothing else', () => {
    for (const name of ['ratings.csv', 'ratings-2019.csv', 'watchlist.csv', 'ls-list.csv']) {
      expect(isImdbTable(parseCsv(fixture(name), name))).toBe(true);
    }
    expect(isImdbTable(parseCsv('Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,Amélie,2001,https://boxd.it/1,4.5', 'ratings.csv'))).toBe(false);
    expect(isImdbTable(parseCsv('', 'empty.csv'))).toBe(false);
  });
});

describe('damaged and unrelated files', () => {
  it('refuses a row whose field count differs from the header, naming the file and line', () => {
    const error = refusal(() => planOfText(`${RATINGS_HEADER}\n${ratingRow('8')}\ntt0056801,10,2024-11-20,8½`));
    expect(error.message).toBe('“ratings.csv” is damaged: line 3 has 4 fields where its header has 14.');
    expect(error.origin).toEqual({ file: 'ratings.csv', line: 3 });
  });

  it('refuses a file with no Const or Title column, saying which is missing', () => {
    expect(refusal(() => planOfText('Date,Name,Year\n2024-01-01,Amélie,2001', 'diary.csv')).message).toBe(
      '“diary.csv” is not an IMDb export: it has no Const or Title column.',
    );
    expect(refusal(() => planOfText('Const,Year\ntt0211915,2001')).message).toBe(
      '“ratings.csv” is not an IMDb export: it has no Title column.',
    );
  });

  it('refuses an empty file', () => {
    expect(refusal(() => planOfText('', 'ratings.csv')).message).toBe('“ratings.csv” is empty.');
  });

  it('reads a header-only export as nothing to import', () => {
    const plan = planOfText(RATINGS_HEADER);
    expect([plan.films, plan.skipped, plan.lists]).toEqual([[], [], []]);
  });

  it('lists a film that appears twice once, and the repeat as skipped', () => {
    const plan = planOfText(`${RATINGS_HEADER}\n${ratingRow('8')}\n${ratingRow('9')}`);
    expect(plan.films.map((candidate) => candidate.rating)).toEqual([8]);
    expect(skipped(plan)).toEqual([['Amélie (2001)', 'tt0211915 is already on line 2']]);
  });
});
