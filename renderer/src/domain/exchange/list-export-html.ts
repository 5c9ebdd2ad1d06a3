/**
 * The HTML export of a list, the Diary or a Library view: one self-contained page that looks like the app's list
 * page, and that the PDF export prints. It is opened later in any browser, far from Cinefile, so it must be inert
 * whatever the catalog holds: every piece of user text is escaped, there is no script and no external address, and a
 * Content-Security-Policy forbids both in case escaping were ever wrong. Posters travel inside as data: URLs.
 */
import { filmCountLabel } from '../list';
import { ratingGlyphs, ratingLabel } from '../rating';
import { formatCalendarDate, formatWatchedOn, groupByDiaryMonth, localDateIso, watchedOnPrecision } from '../viewing';
import type { ExportDocument, ExportPoster, ExportRow } from './export-model';

/**
 * Text as HTML will read it back: line breaks as LF (the parser turns CR into LF anyway) and without NUL, which the
 * parser drops from text and turns into U+FFFD in attributes. Tests compare textContent against this.
 */
export function htmlReadableText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\0/g, '');
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** User text made safe in element content and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return htmlReadableText(text).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** "Exported from Cinefile on 29 November 2026": the export's own (local) day, or no date when it is unreadable. */
export function exportedFromCinefile(exportedAt: string): string {
  const when = new Date(exportedAt);
  return Number.isNaN(when.getTime()) ? 'Exported from Cinefile' : `Exported from Cinefile on ${formatCalendarDate(localDateIso(when))}`;
}

/** The same stable hue as the app's typographic poster (ui/common/Poster.tsx), so a film keeps its colour. */
function titleHue(title: string): number {
  let hash = 0;
  for (const char of title) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  return hash;
}

const POSTER_TYPES = new Set<string>(['image/jpeg', 'image/png', 'image/webp', 'image/svg+xml']);

/** A data: URL for a poster, or null when its type or bytes are not what they claim (the placeholder shows instead). */
function posterUrl(poster: ExportPoster | null): string | null {
  if (poster === null || !POSTER_TYPES.has(poster.mimeType)) return null;
  const base64 = poster.base64.replace(/\s+/g, '');
  return /^[A-Za-z0-9+/]+={0,2}$/.test(base64) ? `data:${poster.mimeType};base64,${base64}` : null;
}

function posterHtml(row: ExportRow): string {
  const url = posterUrl(row.poster);
  const { title, year } = row.film;
  if (url !== null) return `<img class="poster" src="${escapeHtml(url)}" alt="Poster of ${escapeHtml(title)}">`;
  // The title sits right beside it, so the card is decoration to a screen reader.
  const yearHtml = year === null ? '' : `<span class="poster-placeholder-year">${year}</span>`;
  return (
    `<div class="poster poster-placeholder" style="--poster-hue: ${titleHue(title)}" aria-hidden="true">` +
    `<span class="poster-placeholder-title">${escapeHtml(title)}</span>${yearHtml}</div>`
  );
}

const weekdayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short' });

/** The diary's day column, as the app draws it: the day of the month over its weekday, a dash when unknown. */
function dayHtml(watchedOn: string | null): string {
  if (watchedOn === null || watchedOnPrecision(watchedOn) !== 'day') return '<span class="day"><span class="day-number is-unknown">–</span></span>';
  const [y, m, d] = watchedOn.split('-').map(Number) as [number, number, number];
  return (
    `<time class="day" datetime="${escapeHtml(watchedOn)}"><span class="day-number">${d}</span>` +
    `<span class="weekday">${weekdayFormat.format(new Date(y, m - 1, d))}</span></time>`
  );
}

function entryHtml(document: ExportDocument, row: ExportRow, index: number): string {
  const { film } = row;
  const diary = document.kind === 'diary';
  const lead = diary ? dayHtml(row.viewing?.watchedOn ?? null) : document.ranked ? `<span class="rank">${row.rank ?? index + 1}</span>` : '';
  const rating = diary ? (row.viewing?.rating ?? null) : film.rating;
  const meta = [
    diary ? `<span class="date">${escapeHtml(formatWatchedOn(row.viewing?.watchedOn ?? null))}</span>` : '',
    rating === null ? '' : `<span class="rating" aria-label="${ratingLabel(rating)}">${ratingGlyphs(rating)}</span>`,
    diary
      ? row.viewing?.rewatch === true ? '<span class="rewatch">↻ Rewatch</span>' : ''
      : `<span class="${row.seen ? 'seen is-seen' : 'seen'}">${row.seen ? '✓ Seen' : 'Not seen yet'}</span>`,
    film.directors.length === 0 ? '' : `<span class="directors">dir. ${escapeHtml(film.directors.join(', '))}</span>`,
  ].join('');
  const year = film.year === null ? '' : ` <span class="year">(${film.year})</span>`;
  const note = row.note.trim() === '' ? '' : `<p class="note">${escapeHtml(row.note)}</p>`;
  return (
    `<li class="entry">${lead}${posterHtml(row)}<div class="body">` +
    `<p class="title-line"><span class="title">${escapeHtml(film.title)}</span>${year}</p>` +
    `<p class="meta">${meta}</p>${note}</div></li>`
  );
}

function entriesHtml(document: ExportDocument): string {
  const rows = document.rows;
  if (rows.length === 0) return `<p class="empty">${document.kind === 'diary' ? 'No viewings.' : 'No films.'}</p>`;
  if (document.kind === 'diary') {
    // The rows arrive newest first; headings follow them as the Diary page's do.
    return groupByDiaryMonth(rows, (row) => row.viewing?.watchedOn ?? null)
      .map((month) => {
        const items = month.items.map((row, index) => entryHtml(document, row, index)).join('\n');
        return `<section class="month"><h2>${escapeHtml(month.label)}</h2>\n<ul class="entries diary">\n${items}\n</ul></section>`;
      })
      .join('\n');
  }
  const items = rows.map((row, index) => entryHtml(document, row, index)).join('\n');
  return document.ranked ? `<ol class="entries ranked">\n${items}\n</ol>` : `<ul class="entries">\n${items}\n</ul>`;
}

function summary(document: ExportDocument): string {
  const count = document.rows.length;
  if (document.kind === 'diary') return `${count.toLocaleString('en')} ${count === 1 ? 'viewing' : 'viewings'}`;
  const seen = document.rows.filter((row) => row.seen).length;
  return `${filmCountLabel(count)}${document.ranked ? ', ranked' : ''}${count === 0 ? '' : ` · ${seen.toLocaleString('en')} seen`}`;
}

/** The app's palette and list page (ui/styles.css, ui/styles/lists.css, diary.css), cut down to what a page shows. */
const STYLE = `
:root {
  --bg: #14110f; --bg-raised: #1e1a17; --bg-sunken: #0e0c0a; --line: #3a322c; --text: #f4ead5; --text-quiet: #b9ab95;
  --star: #f2b134; --shadow: 0 4px 14px rgb(0 0 0 / 0.35);
  --font-ui: system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif;
  --font-display: 'Iowan Old Style', 'Palatino Linotype', Palatino, Georgia, 'DejaVu Serif', serif;
  color-scheme: dark;
}
* { box-sizing: border-box; }
html { background: var(--bg); }
body { margin: 0; color: var(--text); background: var(--bg); font: 15px/1.5 var(--font-ui); }
.page { max-width: 980px; margin: 0 auto; padding: 32px 32px 48px; }
h1, h2 { font-family: var(--font-display); font-weight: 600; line-height: 1.2; overflow-wrap: anywhere; }
h1 { margin: 4px 0 6px; font-size: 2.2rem; }
.description { margin: 0 0 12px; max-width: 72ch; white-space: pre-wrap; overflow-wrap: anywhere; }
.summary { margin: 0 0 20px; color: var(--text-quiet); }
.entries { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.entry {
  display: grid; grid-template-columns: 56px minmax(0, 1fr); align-items: center; gap: 12px; padding: 10px 12px;
  border: 1px solid var(--line); border-radius: 10px; background: var(--bg-raised);
}
.ranked .entry, .diary .entry { grid-template-columns: auto 56px minmax(0, 1fr); }
.rank { min-width: 1.6ch; text-align: right; font-family: var(--font-display); font-size: 1.6rem; font-weight: 700; color: var(--star); }
.day { display: flex; flex-direction: column; align-items: center; min-width: 40px; line-height: 1.1; }
.day-number { font-family: var(--font-display); font-size: 1.45rem; font-weight: 600; }
.day-number.is-unknown, .weekday { color: var(--text-quiet); }
.weekday { font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.08em; }
.poster {
  display: block; width: 56px; aspect-ratio: 2 / 3; border-radius: 4px; object-fit: cover; background: var(--bg-sunken);
  box-shadow: var(--shadow);
}
.poster-placeholder {
  display: flex; flex-direction: column; justify-content: flex-end; padding: 4px; overflow: hidden; color: #f4ead5;
  background: linear-gradient(160deg, hsl(var(--poster-hue) 45% 32%), hsl(calc(var(--poster-hue) + 40) 50% 12%));
  font-family: var(--font-display);
}
.poster-placeholder-title { font-size: 0.55rem; font-weight: 700; line-height: 1.15; overflow-wrap: anywhere; }
.poster-placeholder-year { font-size: 0.5rem; opacity: 0.75; margin-top: 1px; }
.body { min-width: 0; display: flex; flex-direction: column; gap: 2px; }
.title-line { margin: 0; font-size: 1.05rem; font-weight: 600; overflow-wrap: anywhere; }
.year { color: var(--text-quiet); font-weight: 400; }
.meta { margin: 0; display: flex; flex-wrap: wrap; gap: 2px 12px; font-size: 0.88rem; color: var(--text-quiet); }
.meta:empty { display: none; }
.rating { color: var(--star); letter-spacing: 1px; }
.seen.is-seen { color: var(--text); }
.note { margin: 2px 0 0; font-style: italic; white-space: pre-wrap; overflow-wrap: anywhere; }
.month { margin-top: 28px; }
.month h2 { margin: 0 0 10px; padding-bottom: 6px; font-size: 1.4rem; border-bottom: 1px solid var(--line); }
.empty { padding: 32px 0; color: var(--text-quiet); }
footer { margin-top: 32px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--text-quiet); font-size: 0.85rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  :root {
    --bg: #ffffff; --bg-raised: #ffffff; --bg-sunken: #ece4d4; --line: #d8ccb6; --text: #231c16; --text-quiet: #6b5d4d;
    --star: #c77d00; --shadow: none; color-scheme: light;
  }
  body { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  .entry { break-inside: avoid; page-break-inside: avoid; box-shadow: none; }
  .month h2 { break-after: avoid; page-break-after: avoid; }
  .poster, .poster-placeholder, .rank, .rating { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

/**
 * An exported page around its content: nothing in it loads anything, as the policy allows data: images and the page's
 * own style only. `title` is the page's title as HTML (escaped by the caller); `main` the HTML inside <main>.
 */
export function selfContainedPage(title: string, style: string, main: readonly string[]): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${title}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<main class="page">',
    ...main,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The whole page of a list, the Diary or a Library view. */
export function exportHtml(document: ExportDocument): string {
  const title = escapeHtml(document.title);
  const description = document.description.trim() === '' ? '' : `<p class="description">${escapeHtml(document.description)}</p>\n`;
  return selfContainedPage(title, STYLE, [
    `<header><h1>${title}</h1>\n${description}<p class="summary">${summary(document)}</p></header>`,
    entriesHtml(document),
    `<footer>${exportedFromCinefile(document.exportedAt)}</footer>`,
  ]);
}
