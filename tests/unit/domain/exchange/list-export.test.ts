// @vitest-environment jsdom
// The list encoders (CSV, Markdown, HTML) on small documents whose whole output is written out here, and on a
// catalog of awkward text: quotes, commas, line breaks, markup, formulas, accents. The HTML is read with a real DOM.
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { ExportDocument, ExportedFilm, ExportRow } from '../../../../renderer/src/domain/exchange/export-model';
import {
  exportCsv, exportHtml, exportMarkdown, guardFormula, unguardFormula,
} from '../../../../renderer/src/domain/exchange/list-export';
import { parseCsv } from '../../../../renderer/src/workers/import/csv';

/** Local noon, so the footer's day is the 29th in every time zone the tests run in. */
const EXPORTED_AT = new Date(2026, 10, 29, 12).toISOString();

function film(title: string, patch: Partial<ExportedFilm> = {}): ExportedFilm {
  return {
    id: `film-${title}`, title, originalTitle: null, year: null, directors: [], genres: [], runtimeMinutes: null, rating: null,
    tags: [], externalIds: [], watchlist: false, favourite: false, ...patch,
  };
}

function row(exported: ExportedFilm, patch: Partial<ExportRow> = {}): ExportRow {
  return { rank: null, film: exported, note: '', viewing: null, seen: false, poster: null, ...patch };
}

function documentOf(rows: ExportRow[], patch: Partial<ExportDocument> = {}): ExportDocument {
  return { kind: 'list', title: 'Best of 2001', description: '', ranked: false, rows, exportedAt: EXPORTED_AT, ...patch };
}

const amelie = film('Amélie', {
  originalTitle: "Le fabuleux destin d'Amélie Poulain", year: 2001, directors: ['Jean-Pierre Jeunet'], genres: ['Comedy', 'Romance'],
  runtimeMinutes: 122, rating: 9, tags: ['paris', 'comfort'], externalIds: ['letterboxd:https://boxd.it/1x', 'imdb:tt0211915'],
  favourite: true,
});
const HYPERLINK = '=HYPERLINK("http://evil","x")';
const evil = film(HYPERLINK);
const SCRIPT = '<script>alert(1)</script>';
const possession = film('Possession', { year: 1981, directors: ['Andrzej Żuławski'], rating: 7, watchlist: true });
const eightAndAHalf = film('8½', { year: 1963, directors: ['Federico Fellini'], rating: 10 });

/** Ranked, with a note of two lines (CRLF, as pasted from Windows) and a formula as a title and a note. */
const ranked = documentOf(
  [
    row(amelie, { rank: 1, seen: true, note: 'Line one, with "quotes"\r\nLine two' }),
    row(evil, { rank: 2, note: HYPERLINK }),
  ],
  { ranked: true, description: 'Mine, "honestly".' },
);

/** The awkward catalog: every encoder must keep all of it as text. */
const awkward = documentOf([
  row(film('"Quoted" title, with comma', { year: 1999, rating: 1 }), { seen: true, note: 'a, b\n"c"\n\nd' }),
  row(film(SCRIPT, { year: 2000, directors: ['<b>Bold</b> & Co'] }), { note: SCRIPT }),
  row(evil, { note: HYPERLINK }),
  row(amelie, { seen: true }),
  row(eightAndAHalf, { seen: true }),
  row(possession),
  row(film('*Batteries* [not] included', { year: 1987 })),
  row(film('No year, no rating')),
]);

const diary = documentOf(
  [
    row(amelie, { viewing: { watchedOn: '2026-11-25', rewatch: true, rating: 8 }, note: 'Still lovely.', seen: true }),
    row(possession, { viewing: { watchedOn: '2026-11', rewatch: false, rating: null }, seen: true }),
    row(eightAndAHalf, { viewing: { watchedOn: '2026-10-03', rewatch: false, rating: 10 }, seen: true }),
    row(evil, { viewing: { watchedOn: null, rewatch: false, rating: null }, note: HYPERLINK, seen: true }),
  ],
  { kind: 'diary', title: 'Diary' },
);

/** What a spreadsheet or Cinefile's importer reads: the cells, after the BOM a decoder drops. */
function cellsOf(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return parseCsv(csv.slice(1), 'export.csv').rows.map((parsed) => parsed.cells);
}

describe('exportCsv', () => {
  it('writes a ranked list exactly: BOM, CRLF, quoting, doubled quotes, LF inside a cell, guarded formulas', () => {
    expect(exportCsv(ranked)).toBe(
      '\uFEFFPosition,Title,Year,Original Title,Directors,Genres,Runtime (mins),Rating,Seen,Watchlist,Favourite,Tags,IMDb ID,Note\r\n' +
        '1,Amélie,2001,Le fabuleux destin d\'Amélie Poulain,Jean-Pierre Jeunet,"Comedy, Romance",122,4.5,Yes,No,Yes,"paris, comfort",tt0211915,' +
        '"Line one, with ""quotes""\nLine two"\r\n' +
        '2,"\'=HYPERLINK(""http://evil"",""x"")",,,,,,,No,No,No,,,"\'=HYPERLINK(""http://evil"",""x"")"\r\n',
    );
  });

  it('numbers the rows of an unranked list, and leaves unrated, year-less films empty', () => {
    const cells = cellsOf(exportCsv(awkward));
    expect(cells.map((cells) => cells[0])).toEqual(['Position', '1', '2', '3', '4', '5', '6', '7', '8']);
    expect(cells[8]).toEqual(['8', 'No year, no rating', '', '', '', '', '', '', 'No', 'No', 'No', '', '', '']);
    expect(cells[6]?.slice(0, 10)).toEqual(['6', 'Possession', '1981', '', 'Andrzej Żuławski', '', '', '3.5', 'No', 'Yes']);
    expect(cells[5]?.[7]).toBe('5');
    expect(cells[1]?.[7]).toBe('0.5');
  });

  it('gives back every cell of the awkward catalog as written, formulas guarded', () => {
    const cells = cellsOf(exportCsv(awkward));
    expect(cells.every((cells) => cells.length === 14)).toBe(true);
    expect(cells.slice(1).map((cells) => cells[1])).toEqual([
      '"Quoted" title, with comma', SCRIPT, `'${HYPERLINK}`, 'Amélie', '8½', 'Possession', '*Batteries* [not] included', 'No year, no rating',
    ]);
    expect(cells[1]?.[13]).toBe('a, b\n"c"\n\nd');
    expect(cells[2]?.[4]).toBe('<b>Bold</b> & Co');
    expect(cells[3]?.[13]).toBe(`'${HYPERLINK}`);
  });

  it('writes the diary with its own columns: the date as stored, the viewing’s rating, rewatch', () => {
    expect(exportCsv(diary)).toBe(
      '\uFEFFWatched Date,Title,Year,Rating,Rewatch,Directors,Note\r\n' +
        '2026-11-25,Amélie,2001,4,Yes,Jean-Pierre Jeunet,Still lovely.\r\n' +
        '2026-11,Possession,1981,,No,Andrzej Żuławski,\r\n' +
        '2026-10-03,8½,1963,5,No,Federico Fellini,\r\n' +
        ',"\'=HYPERLINK(""http://evil"",""x"")",,,No,,"\'=HYPERLINK(""http://evil"",""x"")"\r\n',
    );
  });

  it('writes only the header for an empty list', () => {
    expect(exportCsv(documentOf([]))).toBe(
      '\uFEFFPosition,Title,Year,Original Title,Directors,Genres,Runtime (mins),Rating,Seen,Watchlist,Favourite,Tags,IMDb ID,Note\r\n',
    );
    expect(exportCsv(documentOf([], { kind: 'diary' }))).toBe('\uFEFFWatched Date,Title,Year,Rating,Rewatch,Directors,Note\r\n');
  });

  it('guards every cell that a spreadsheet would run, and nothing else', () => {
    for (const text of ['=1+1', '+1', '-30-', '@SUM(A1)', '\tx', '\rx', '\nx']) expect(guardFormula(text)).toBe(`'${text}`);
    for (const text of ['1+1', "'Round Midnight", 'a=b', ' =1', '']) expect(guardFormula(text)).toBe(text);
    // An apostrophe before a trigger gets one more, so reading back is exact.
    expect(guardFormula("'=x")).toBe("''=x");
    for (const text of ['=1', "'=x", "''-y", "'Round Midnight", 'plain']) expect(unguardFormula(guardFormula(text))).toBe(text);
    const cells = cellsOf(exportCsv(documentOf([row(film('-30-'), { note: '@mention' }), row(film('+1'), { note: '\tindented' })])));
    expect(cells.slice(1).map((cells) => [cells[1], cells[13]])).toEqual([["'-30-", "'@mention"], ["'+1", "'\tindented"]]);
  });
});

/** Markdown as GitHub-flavoured renderers show it, as a DOM whose line breaks (<br>) read as "\n". */
function renderedMarkdown(markdown: string): Document {
  const page = new DOMParser().parseFromString(new Marked({ gfm: true }).parse(markdown, { async: false }), 'text/html');
  for (const lineBreak of page.querySelectorAll('br')) lineBreak.replaceWith('\n');
  return page;
}

describe('exportMarkdown', () => {
  it('writes a ranked list exactly: numbered items, stars, directors, the note as lines of the item', () => {
    expect(exportMarkdown(ranked)).toBe(
      [
        '# Best of 2001',
        '',
        'Mine, "honestly".',
        '',
        '1. **Amélie** (2001) — ★★★★½ · dir. Jean-Pierre Jeunet\\',
        '   Line one, with "quotes"\\',
        '   Line two',
        '2. **\\=HYPERLINK("http\\://evil","x")**\\',
        '   \\=HYPERLINK("http\\://evil","x")',
        '',
        '_Exported from Cinefile on 29 November 2026_',
        '',
      ].join('\n'),
    );
  });

  it('bullets an unranked list, and escapes what Markdown would act on', () => {
    const markdown = exportMarkdown(awkward);
    expect(markdown).toContain('- **\\*Batteries\\* \\[not\\] included** (1987)\n');
    expect(markdown).toContain('- **\\<script\\>alert(1)\\</script\\>** (2000) · dir. \\<b\\>Bold\\</b\\> \\& Co\\\n  \\<script\\>alert(1)\\</script\\>\n');
    expect(markdown).toContain('- **8½** (1963) — ★★★★★ · dir. Federico Fellini\n');
    expect(markdown).toContain('- **No year, no rating**\n');
    expect(markdown).not.toMatch(/^\d+\. /m);
  });

  it('renders every title, name and note literally in a Markdown renderer', () => {
    const page = renderedMarkdown(exportMarkdown(awkward));
    // The footer is the only emphasis; nothing the person wrote became markup.
    expect(page.querySelector('script, b, a, code, del, table, img, ul em')).toBeNull();
    const items = [...page.querySelectorAll('li')];
    expect(items.map((item) => item.querySelector('strong')?.textContent)).toEqual([
      '"Quoted" title, with comma', SCRIPT, HYPERLINK, 'Amélie', '8½', 'Possession', '*Batteries* [not] included', 'No year, no rating',
    ]);
    expect(items[1]?.textContent).toContain('dir. <b>Bold</b> & Co');
    expect(items[0]?.textContent).toContain('a, b\n"c"\nd');
    expect(page.querySelector('h1')?.textContent).toBe('Best of 2001');
  });

  it('keeps block markers in notes and descriptions as text', () => {
    const notes = ['1. not a list', '- nor this', '+ nor this', '# nor a heading', '> nor a quote', '    nor code', '==='];
    const document = documentOf([row(film('Title'), { note: notes.join('\n') })], { description: '1986. A year.\n---\n## no' });
    const page = renderedMarkdown(exportMarkdown(document));
    expect(page.querySelectorAll('ol, blockquote, pre, hr, h2').length).toBe(0);
    expect(page.querySelectorAll('li').length).toBe(1);
    expect(page.querySelector('li')?.textContent).toBe(`Title\n${notes.map((note) => note.trim()).join('\n')}`);
    expect(page.querySelector('p')?.textContent).toBe('1986. A year.\n---\n## no');
  });

  it('groups the diary under month headings, newest first as given', () => {
    expect(exportMarkdown(diary)).toBe(
      [
        '# Diary',
        '',
        '## November 2026',
        '',
        '- 25 November 2026: **Amélie** (2001) — ★★★★ · rewatch · dir. Jean-Pierre Jeunet\\',
        '  Still lovely.',
        '- **Possession** (1981) · dir. Andrzej Żuławski',
        '',
        '## October 2026',
        '',
        '- 3 October 2026: **8½** (1963) — ★★★★★ · dir. Federico Fellini',
        '',
        '## Date unknown',
        '',
        '- **\\=HYPERLINK("http\\://evil","x")**\\',
        '  \\=HYPERLINK("http\\://evil","x")',
        '',
        '_Exported from Cinefile on 29 November 2026_',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to list', () => {
    expect(exportMarkdown(documentOf([]))).toBe('# Best of 2001\n\n_No films._\n\n_Exported from Cinefile on 29 November 2026_\n');
    expect(exportMarkdown(documentOf([], { kind: 'diary', title: 'Diary' }))).toContain('_No viewings._');
  });
});

const PNG = { mimeType: 'image/png', base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==' } as const;
const SVG = { mimeType: 'image/svg+xml', base64: btoa('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="3"/>') } as const;

function pageOf(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Every element and attribute, for the checks that hold for the whole page. */
function allAttributes(page: Document): { element: string; name: string; value: string }[] {
  return [...page.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes].map((attribute) => ({ element: element.tagName, name: attribute.name, value: attribute.value })),
  );
}

describe('exportHtml', () => {
  const withPosters = documentOf(
    [
      row(amelie, { rank: 1, seen: true, poster: PNG, note: 'Line one\nLine two' }),
      row(film(SCRIPT, { year: 2000 }), { rank: 2, poster: SVG, note: SCRIPT }),
      row(evil, { rank: 3, note: `"><img src=x onerror=alert(1)>` }),
      row(film("It's <b>bold</b> & \"quoted\"", { year: 1950 }), { rank: 4, poster: { mimeType: 'image/png', base64: '"><script>alert(1)</script>' } }),
    ],
    { ranked: true, title: `Best <i>of</i> "2001"`, description: `Mine & <yours>` },
  );
  const html = exportHtml(withPosters);
  const page = pageOf(html);

  it('is one self-contained page: doctype, UTF-8, a policy that forbids scripts and anything remote', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    const policy = page.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(policy?.getAttribute('content')).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    expect(page.querySelectorAll('style').length).toBe(1);
    expect(page.querySelectorAll('script, link, iframe, object, embed, base, form').length).toBe(0);
    expect(page.title).toBe('Best <i>of</i> "2001"');
  });

  it('runs nothing and loads nothing: no handler attribute, no href, every src a data: URL', () => {
    const attributes = allAttributes(page);
    expect(attributes.filter(({ name }) => name.startsWith('on'))).toEqual([]);
    expect(attributes.filter(({ name }) => name === 'href' || name === 'srcset' || name === 'action')).toEqual([]);
    expect(attributes.filter(({ name }) => name === 'src').every(({ value }) => value.startsWith('data:image/'))).toBe(true);
    const style = page.querySelector('style')?.textContent ?? '';
    expect(style).not.toMatch(/url\(|@import|https?:/);
    expect(html).not.toMatch(/<script/i);
  });

  it('shows every piece of user text as text, in the elements and in attributes', () => {
    expect(page.querySelector('h1')?.textContent).toBe('Best <i>of</i> "2001"');
    expect(page.querySelector('h1 i')).toBeNull();
    expect(page.querySelector('.description')?.textContent).toBe('Mine & <yours>');
    const titles = [...page.querySelectorAll('.entry .title')].map((element) => element.textContent);
    expect(titles).toEqual(['Amélie', SCRIPT, HYPERLINK, "It's <b>bold</b> & \"quoted\""]);
    expect([...page.querySelectorAll('.note')].map((element) => element.textContent)).toEqual([
      'Line one\nLine two', SCRIPT, `"><img src=x onerror=alert(1)>`,
    ]);
    expect(page.querySelectorAll('img').length).toBe(2);
    expect([...page.querySelectorAll('img')].map((image) => image.getAttribute('alt'))).toEqual(['Poster of Amélie', `Poster of ${SCRIPT}`]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('It&#39;s &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;');
  });

  it('embeds posters as data: URLs (SVG too), and a title-and-year card where there is none or it is damaged', () => {
    const entries = [...page.querySelectorAll('.entry')];
    expect(entries[0]?.querySelector('img')?.getAttribute('src')).toBe(`data:image/png;base64,${PNG.base64}`);
    expect(entries[1]?.querySelector('img')?.getAttribute('src')).toBe(`data:image/svg+xml;base64,${SVG.base64}`);
    for (const [index, title, year] of [[2, HYPERLINK, ''], [3, "It's <b>bold</b> & \"quoted\"", '1950']] as const) {
      const card = entries[index]?.querySelector('.poster-placeholder');
      expect(card?.querySelector('.poster-placeholder-title')?.textContent).toBe(title);
      expect(card?.querySelector('.poster-placeholder-year')?.textContent ?? '').toBe(year);
      expect(entries[index]?.querySelector('img')).toBeNull();
    }
  });

  it('shows the rank, year, directors, rating, seen mark and note of each row, in order', () => {
    const first = page.querySelector('.entry');
    expect(page.querySelector('ol.entries')).not.toBeNull();
    expect([...page.querySelectorAll('.rank')].map((rank) => rank.textContent)).toEqual(['1', '2', '3', '4']);
    expect(first?.querySelector('.title-line')?.textContent).toBe('Amélie (2001)');
    expect(first?.querySelector('.rating')?.textContent).toBe('★★★★½');
    expect(first?.querySelector('.rating')?.getAttribute('aria-label')).toBe('4.5 stars');
    expect(first?.querySelector('.directors')?.textContent).toBe('dir. Jean-Pierre Jeunet');
    expect([...page.querySelectorAll('.seen')].map((seen) => seen.textContent)).toEqual(['✓ Seen', 'Not seen yet', 'Not seen yet', 'Not seen yet']);
    expect(page.querySelectorAll('.entry')[2]?.querySelector('.rating')).toBeNull();
    expect(page.querySelector('.summary')?.textContent).toBe('4 films, ranked · 1 seen');
    expect(page.querySelector('footer')?.textContent).toBe('Exported from Cinefile on 29 November 2026');
  });

  it('lists an unranked list without numbers, in its order', () => {
    const unranked = pageOf(exportHtml(awkward));
    expect(unranked.querySelector('ol')).toBeNull();
    expect(unranked.querySelectorAll('.rank').length).toBe(0);
    expect([...unranked.querySelectorAll('.entry .title')].map((title) => title.textContent)).toEqual([
      '"Quoted" title, with comma', SCRIPT, HYPERLINK, 'Amélie', '8½', 'Possession', '*Batteries* [not] included', 'No year, no rating',
    ]);
    expect(unranked.querySelectorAll('script').length).toBe(0);
    expect(unranked.querySelectorAll('.entry')[1]?.querySelector('.directors')?.textContent).toBe('dir. <b>Bold</b> & Co');
  });

  it('groups the diary under its months, with the day, the viewing’s rating and rewatch', () => {
    const diaryPage = pageOf(exportHtml(diary));
    const months = [...diaryPage.querySelectorAll('.month')];
    expect(months.map((month) => month.querySelector('h2')?.textContent)).toEqual(['November 2026', 'October 2026', 'Date unknown']);
    expect(months.map((month) => [...month.querySelectorAll('.title')].map((title) => title.textContent))).toEqual([
      ['Amélie', 'Possession'], ['8½'], [HYPERLINK],
    ]);
    const first = diaryPage.querySelector('.entry');
    expect(first?.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-25');
    expect(first?.querySelector('.day-number')?.textContent).toBe('25');
    expect(first?.querySelector('.weekday')?.textContent).toBe('Wed');
    expect(first?.querySelector('.date')?.textContent).toBe('25 November 2026');
    expect(first?.querySelector('.rating')?.textContent).toBe('★★★★');
    expect(first?.querySelector('.rewatch')?.textContent).toBe('↻ Rewatch');
    expect(diaryPage.querySelectorAll('.rewatch').length).toBe(1);
    expect(diaryPage.querySelectorAll('.entry')[1]?.querySelector('.date')?.textContent).toBe('November 2026');
    expect(diaryPage.querySelectorAll('.entry')[1]?.querySelector('.day-number')?.textContent).toBe('–');
    expect(diaryPage.querySelector('.summary')?.textContent).toBe('4 viewings');
  });

  it('prints on A4, light, without shadows, never splitting a row across pages', () => {
    const style = page.querySelector('style')?.textContent ?? '';
    expect(style).toMatch(/@page \{ size: A4; margin: [^}]+\}/);
    const print = style.slice(style.indexOf('@media print'));
    expect(print).toContain('--bg: #ffffff');
    expect(print).toContain('--shadow: none');
    expect(print).toMatch(/\.entry \{ break-inside: avoid; page-break-inside: avoid;/);
    // On screen, the app's warm dark background and serif titles.
    expect(style).toContain('--bg: #14110f');
    expect(style).toContain("--font-display: 'Iowan Old Style'");
  });

  it('says so when the list is empty', () => {
    const empty = pageOf(exportHtml(documentOf([], { description: '' })));
    expect(empty.querySelector('.empty')?.textContent).toBe('No films.');
    expect(empty.querySelector('.description')).toBeNull();
    expect(empty.querySelector('.summary')?.textContent).toBe('0 films');
    expect(pageOf(exportHtml(documentOf([], { kind: 'diary' }))).querySelector('.empty')?.textContent).toBe('No viewings.');
  });
});
