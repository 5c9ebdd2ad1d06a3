// The IMDb ratings CSV written out in full for a small catalog, and the way back through Cinefile's IMDb importer:
// for a few awkward films by hand, and for random catalogs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newFilmRecord, type Film, type FilmFields } from '../../../../renderer/src/domain/film';
import { exportImdbRatingsCsv, IMDB_RATINGS_COLUMNS } from '../../../../renderer/src/domain/exchange/imdb-export';
import { isImdbTable, planImdbImport } from '../../../../renderer/src/domain/exchange/imdb';
import { bareFilmFields } from '../../../../renderer/src/domain/exchange/import-plan';
import { guardFormula } from '../../../../renderer/src/domain/exchange/list-export';
import type { HalfStars } from '../../../../renderer/src/domain/rating';
import { parseCsv } from '../../../../renderer/src/workers/import/csv';
import { decodeText } from '../../../../renderer/src/workers/import/decode-text';

/** Local noon on 20 November 2026: the day every film below was last changed. */
const NOW = new Date(2026, 10, 20, 12);
const PATH = 'ratings.csv';
const HEADER =
  'Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors\r\n';
const HYPERLINK = '=HYPERLINK("http://evil","x")';

function film(title: string, fields: Partial<FilmFields>, extras: Partial<Film> = {}): Film {
  return { ...newFilmRecord({ ...bareFilmFields(title, null), ...fields }, {}, `film-${title}`, NOW), ...extras };
}

const amelie = film('Amélie', {
  originalTitle: "Le fabuleux destin d'Amélie Poulain", year: 2001, directors: ['Jean-Pierre Jeunet'], genres: ['Comedy', 'Romance'],
  runtimeMinutes: 122,
}, { rating: 9, externalIds: ['letterboxd:https://boxd.it/1mW3eF', 'imdb:tt0211915'] });
const eight = film('8½', { year: 1963, directors: ['Federico Fellini'], genres: ['Drama'], runtimeMinutes: 138 }, { rating: 10 });
const possession = film('Possession', { year: 1981, directors: ['Andrzej Żuławski'] }, { externalIds: ['imdb:tt0082933'] });
const delicatessen = film('Delicatessen, "the film"', { year: 1991, directors: ['Marc Caro', 'Jean-Pierre Jeunet'] }, {
  rating: 1, externalIds: ['imdb:tt0101700'],
});
const evil = film(HYPERLINK, {}, { rating: 4 });

const films = [amelie, eight, possession, delicatessen, evil];

const planOf = (csv: string) => planImdbImport(parseCsv(decodeText(new TextEncoder().encode(csv), PATH), PATH), PATH, NOW);

describe('exportImdbRatingsCsv', () => {
  it('writes one row per rated film in IMDb’s current ratings format', () => {
    expect(exportImdbRatingsCsv(films)).toBe(
      HEADER +
        'tt0211915,9,2026-11-20,Amélie,Le fabuleux destin d\'Amélie Poulain,https://www.imdb.com/title/tt0211915/,Movie,,122,2001,"Comedy, Romance",,,Jean-Pierre Jeunet\r\n' +
        ',10,2026-11-20,8½,8½,,Movie,,138,1963,Drama,,,Federico Fellini\r\n' +
        'tt0101700,1,2026-11-20,"Delicatessen, ""the film""","Delicatessen, ""the film""",https://www.imdb.com/title/tt0101700/,Movie,,,1991,,,,"Marc Caro, Jean-Pierre Jeunet"\r\n' +
        ',4,2026-11-20,"\'=HYPERLINK(""http://evil"",""x"")","\'=HYPERLINK(""http://evil"",""x"")",,Movie,,,,,,,\r\n',
    );
    expect(IMDB_RATINGS_COLUMNS.join(',')).toBe(HEADER.trimEnd());
  });

  it('writes only the header when nothing is rated', () => {
    expect(exportImdbRatingsCsv([possession])).toBe(HEADER);
    expect(exportImdbRatingsCsv([])).toBe(HEADER);
  });

  it('is read back by the IMDb importer: titles, years, ratings, directors, genres, runtimes and IMDb ids', () => {
    const csv = exportImdbRatingsCsv(films);
    expect(isImdbTable(parseCsv(csv, PATH))).toBe(true);
    const plan = planOf(csv);
    expect(plan.skipped).toEqual([]);
    expect(plan.viewings).toEqual([]);
    expect(plan.films.map((planned) => [planned.fields, planned.rating, planned.externalIds])).toEqual([
      [pickFields(amelie), 9, ['imdb:tt0211915']],
      [pickFields(eight), 10, []],
      [pickFields(delicatessen), 1, ['imdb:tt0101700']],
      // Guarded against spreadsheets, the title comes back as "'=HYPERLINK(…)": planImdbImport reads cells as written.
      [{ ...pickFields(evil), title: asImported(HYPERLINK), originalTitle: null }, 4, []],
    ]);
  });
});

/** The FilmFields of a film, as a plan carries them (the importer knows no cast, country, language or overview). */
function pickFields(source: Film): FilmFields {
  const { title, originalTitle, year, directors, genres, runtimeMinutes } = source;
  return { ...bareFilmFields(title, year), originalTitle, directors, genres, runtimeMinutes };
}

const awkwardChar = fc.constantFrom('"', ',', '\n', '=', '+', '-', '@', "'", '<', '&', ' ', 'a', 'Z', 'é', '½', 'ł', 'Ż', '1', '😀');
const anyText = fc
  .oneof(fc.string({ unit: awkwardChar, maxLength: 14 }), fc.string({ unit: 'binary', maxLength: 14 }))
  // Every CSV export drops control characters (list-export.property.test.ts checks that); catalogs here have none.
  // eslint-disable-next-line no-control-regex -- control characters are what is left out
  .map((text) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''));
/** A title as the catalog holds one: a line, trimmed, not blank. */
const line = anyText.map((text) => text.replace(/\s+/g, ' ').trim()).filter((text) => text !== '');
/** Names and genres: IMDb's format joins them with commas, so one cannot hold a comma. */
const name = line.map((text) => text.replace(/,/g, ' ').replace(/\s+/g, ' ').trim()).filter((text) => text !== '');

/**
 * A text cell as planImdbImport gives it back: the export guards cells a spreadsheet would run as formulas ("'=…"),
 * and the importer reads cells as written, so the guard stays. (Identity once planImdbImport undoes the guard.)
 */
const asImported = guardFormula;
const namesAsImported = (names: string[]) => [...new Set(asImported(names.join(', ')).split(',').map((part) => part.trim()).filter((part) => part !== ''))];

const catalog = fc
  .array(
    fc.record({
      title: line,
      originalTitle: fc.option(line, { nil: null }),
      year: fc.option(fc.integer({ min: 1870, max: 2036 }), { nil: null }),
      directors: fc.uniqueArray(name, { maxLength: 3 }),
      genres: fc.uniqueArray(name.map((genre) => genre.slice(0, 60).trim()).filter((genre) => genre !== ''), { maxLength: 3 }),
      runtimeMinutes: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
      rating: fc.option(fc.integer({ min: 1, max: 10 }).map((value) => value as HalfStars), { nil: null }),
      hasImdbId: fc.boolean(),
    }),
    { maxLength: 8 },
  )
  .map((drafts) =>
    drafts.map(({ rating, hasImdbId, ...fields }, index) =>
      film(fields.title, fields, { id: `film-${index}`, rating, externalIds: hasImdbId ? [`imdb:tt${String(1_000_000 + index)}`] : [] }),
    ),
  );

describe('IMDb export property', () => {
  it('round-trips every rated film through planImdbImport, titles guarded against formulas as written', () => {
    fc.assert(
      fc.property(catalog, (catalogFilms) => {
        const plan = planOf(exportImdbRatingsCsv(catalogFilms));
        const rated = catalogFilms.filter((candidate) => candidate.rating !== null);
        expect(plan.skipped).toEqual([]);
        expect(plan.films.map((planned) => [planned.fields, planned.rating, planned.externalIds])).toEqual(
          rated.map((source) => {
            const title = asImported(source.title);
            const originalTitle = asImported(source.originalTitle ?? source.title);
            const fields = {
              ...pickFields(source),
              title,
              // The importer keeps no original title equal to the title.
              originalTitle: originalTitle === title ? null : originalTitle,
              directors: namesAsImported(source.directors),
              genres: namesAsImported(source.genres),
            };
            return [fields, source.rating, source.externalIds];
          }),
        );
      }),
      { numRuns: 200 },
    );
  });
});
