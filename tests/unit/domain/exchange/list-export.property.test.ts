// @vitest-environment jsdom
// Random documents with any text a person could paste (quotes, commas, line breaks, "=", "<", accents, astral
// characters) through the list encoders: the CSV reads back into exactly the cells it was made from, the HTML shows
// every piece of text as text and nothing else, and Markdown renders titles and notes literally.
import fc from 'fast-check';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { ExportDocument, ExportedFilm, ExportPoster, ExportRow } from '../../../../renderer/src/domain/exchange/export-model';
import { htmlReadableText } from '../../../../renderer/src/domain/exchange/list-export-html';
import { exportCsv, exportHtml, exportMarkdown, unguardFormula } from '../../../../renderer/src/domain/exchange/list-export';
import type { HalfStars } from '../../../../renderer/src/domain/rating';
import { parseCsv } from '../../../../renderer/src/workers/import/csv';

/** The characters that break formats most, mixed with letters; and any Unicode at all. */
const awkwardChar = fc.constantFrom('"', ',', '\n', '\r', '\r\n', '=', '+', '-', '@', '\t', "'", '<', '>', '&', '*', '_', '#', '`', '\\', '[', ']', '|', '~', ' ', 'a', 'Z', 'é', '½', 'ł', '1', '.', ':', '/', '😀', '\0', '\u0007', '\u007f');
const text = fc.oneof(
  fc.string({ unit: awkwardChar, maxLength: 16 }),
  fc.string({ unit: 'binary', maxLength: 16 }),
  fc.constantFrom('<script>alert(1)</script>', '=HYPERLINK("http://evil","x")', '"><img src=x onerror=alert(1)>', 'Amélie', '8½', 'Żuławski'),
);
const names = fc.array(text, { maxLength: 3 });
const halfStars = fc.option(fc.integer({ min: 1, max: 10 }).map((value) => value as HalfStars), { nil: null });

const POSTERS: readonly ExportPoster[] = [
  { mimeType: 'image/png', base64: 'iVBORw0KGgo=' },
  { mimeType: 'image/svg+xml', base64: 'PHN2Zy8+' },
  { mimeType: 'image/jpeg', base64: '"><script>alert(1)</script>' },
];

const exportedFilm: fc.Arbitrary<ExportedFilm> = fc.record({
  id: fc.uuid(),
  title: text,
  originalTitle: fc.option(text, { nil: null }),
  year: fc.option(fc.integer({ min: 1870, max: 2036 }), { nil: null }),
  directors: names,
  genres: names,
  runtimeMinutes: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
  rating: halfStars,
  tags: names,
  externalIds: fc.option(fc.integer({ min: 1_000_000, max: 99_999_999 }).map((n) => [`imdb:tt${String(n).padStart(7, '0')}`]), { nil: [] }),
  watchlist: fc.boolean(),
  favourite: fc.boolean(),
});

const exportRow: fc.Arbitrary<ExportRow> = fc.record({
  rank: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
  film: exportedFilm,
  note: text,
  viewing: fc.option(
    fc.record({
      watchedOn: fc.constantFrom(null, '2026-11-25', '2026-11', '2026', '1999-01-31'),
      rewatch: fc.boolean(),
      rating: halfStars,
    }),
    { nil: null },
  ),
  seen: fc.boolean(),
  poster: fc.option(fc.constantFrom(...POSTERS), { nil: null }),
});

const exportDocument: fc.Arbitrary<ExportDocument> = fc.record({
  kind: fc.constantFrom('list', 'diary', 'library'),
  title: text,
  description: text,
  ranked: fc.boolean(),
  rows: fc.array(exportRow, { maxLength: 6 }),
  exportedAt: fc.constant(new Date(2026, 10, 29, 12).toISOString()),
});

/** A cell as written and read back: line breaks are LF, and control characters other than tab and LF are dropped. */
// eslint-disable-next-line no-control-regex -- control characters are what the encoder drops
const asRead = (value: string) => value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const stars = (rating: HalfStars | null) => (rating === null ? '' : String(rating / 2));
const optional = (value: number | null) => (value === null ? '' : String(value));

/** The cells a document must give, written out independently of the encoder. */
function expectedCells(document: ExportDocument): string[][] {
  if (document.kind === 'diary') {
    return [
      ['Watched Date', 'Title', 'Year', 'Rating', 'Rewatch', 'Directors', 'Note'],
      ...document.rows.map(({ film, viewing, note }) => [
        viewing?.watchedOn ?? '', film.title, optional(film.year), stars(viewing?.rating ?? null), yesNo(viewing?.rewatch ?? false),
        film.directors.join(', '), note,
      ]),
    ].map((cells) => cells.map(asRead));
  }
  return [
    ['Position', 'Title', 'Year', 'Original Title', 'Directors', 'Genres', 'Runtime (mins)', 'Rating', 'Seen', 'Watchlist', 'Favourite', 'Tags', 'IMDb ID', 'Note'],
    ...document.rows.map(({ rank, film, seen, note }, index) => [
      String(rank ?? index + 1), film.title, optional(film.year), film.originalTitle ?? '', film.directors.join(', '), film.genres.join(', '),
      optional(film.runtimeMinutes), stars(film.rating), yesNo(seen), yesNo(film.watchlist), yesNo(film.favourite), film.tags.join(', '),
      film.externalIds[0]?.slice('imdb:'.length) ?? '', note,
    ]),
  ].map((cells) => cells.map(asRead));
}

const FORMULA_START = /^[=+\-@\t\r\n]/;

describe('list export properties', () => {
  it('CSV: parses back into exactly the cells it was made from, every risky cell guarded', () => {
    fc.assert(
      fc.property(exportDocument, (document) => {
        const csv = exportCsv(document);
        expect(csv.startsWith('\uFEFF')).toBe(true);
        expect(csv.endsWith('\r\n')).toBe(true);
        const read = parseCsv(csv.slice(1), 'export.csv').rows.map((row) => row.cells);
        for (const cells of read) for (const cell of cells) expect(FORMULA_START.test(cell)).toBe(false);
        expect(read.map((cells) => cells.map(unguardFormula))).toEqual(expectedCells(document));
      }),
      { numRuns: 300 },
    );
  });

  it('HTML: every piece of text shows as itself, and the page is made only of the template’s elements', () => {
    const TEMPLATE_TAGS = new Set(['HTML', 'HEAD', 'META', 'TITLE', 'STYLE', 'BODY', 'MAIN', 'HEADER', 'H1', 'H2', 'P', 'SECTION', 'OL', 'UL', 'LI', 'SPAN', 'TIME', 'IMG', 'DIV', 'FOOTER']);
    fc.assert(
      fc.property(exportDocument, (document) => {
        const page = new DOMParser().parseFromString(exportHtml(document), 'text/html');
        for (const element of page.querySelectorAll('*')) {
          expect(TEMPLATE_TAGS.has(element.tagName)).toBe(true);
          for (const attribute of element.attributes) expect(attribute.name.startsWith('on')).toBe(false);
        }
        for (const image of page.querySelectorAll('img')) expect(image.getAttribute('src')).toMatch(/^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/=]+$/);
        expect(page.querySelector('title')?.textContent).toBe(htmlReadableText(document.title));
        expect(page.querySelector('h1')?.textContent).toBe(htmlReadableText(document.title));
        expect(page.querySelector('.description')?.textContent ?? '').toBe(document.description.trim() === '' ? '' : htmlReadableText(document.description));
        const entries = [...page.querySelectorAll('.entry')];
        expect(entries.length).toBe(document.rows.length);
        document.rows.forEach((row, index) => {
          const entry = entries[index] as Element;
          expect(entry.querySelector('.title')?.textContent).toBe(htmlReadableText(row.film.title));
          expect(entry.querySelector('.note')?.textContent ?? '').toBe(row.note.trim() === '' ? '' : htmlReadableText(row.note));
          const directors = row.film.directors.length === 0 ? '' : `dir. ${htmlReadableText(row.film.directors.join(', '))}`;
          expect(entry.querySelector('.directors')?.textContent ?? '').toBe(directors);
          const image = entry.querySelector('img');
          if (image !== null) expect(image.getAttribute('alt')).toBe(`Poster of ${htmlReadableText(row.film.title)}`);
          else expect(entry.querySelector('.poster-placeholder-title')?.textContent).toBe(htmlReadableText(row.film.title));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('Markdown: titles, names and notes render as the text typed', () => {
    const marked = new Marked({ gfm: true });
    /** What a renderer shows of one line of text: runs of spaces as one (HTML would), and no NUL (the encoder drops it). */
    const shown = (value: string) => value.replace(/\0/g, '').replace(/\s+/g, ' ').trim();
    // A film's title is never blank (parseFilmDraft); everything else may be anything.
    const titled = exportRow.filter((row) => row.film.title.replace(/\0/g, '').trim() !== '');
    fc.assert(
      fc.property(fc.array(titled, { minLength: 1, maxLength: 4 }), text, (rows, description) => {
        const document: ExportDocument = { kind: 'list', title: 'Films', description, ranked: true, rows, exportedAt: new Date().toISOString() };
        const page = new DOMParser().parseFromString(marked.parse(exportMarkdown(document), { async: false }), 'text/html');
        for (const lineBreak of page.querySelectorAll('br')) lineBreak.replaceWith('\n');
        expect(page.querySelector('script, a, img, code, pre, table, del, blockquote, h2, h3, hr, ol ol, ol ul, li em, li strong strong')).toBeNull();
        const items = [...page.querySelectorAll('ol > li')];
        expect(items.length).toBe(rows.length);
        rows.forEach((row, index) => {
          const item = items[index] as Element;
          expect(shown(item.querySelector('strong')?.textContent ?? '')).toBe(shown(row.film.title));
          const lines = (item.textContent ?? '').split('\n').map(shown);
          const noteLines = row.note.split(/\r\n?|\n/).map(shown).filter((line) => line !== '');
          expect(lines.slice(1)).toEqual(noteLines);
          if (row.film.directors.length > 0) expect(lines[0]?.endsWith(shown(`dir. ${row.film.directors.join(', ')}`))).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});
