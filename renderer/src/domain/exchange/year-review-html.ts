/**
 * A year in review as one self-contained HTML page, to keep or share: the year's figures, its highest rated films,
 * new directors and lists, and its charts as PNG images made by the app (data: URLs). Like the list export it is
 * opened far from Cinefile, so it is inert: user text escaped, no script, nothing loaded from anywhere, and a
 * Content-Security-Policy that allows only data: images and the page's own style.
 */
import { ratingGlyphs, ratingLabel } from '../rating';
import type { YearInReview } from '../stats';
import { monthName, weekdayName } from '../viewing';
import { escapeHtml, exportedFromCinefile, selfContainedPage } from './list-export-html';

/** A chart drawn by the app, as a PNG. */
export interface ReviewChartImage {
  title: string;
  /** data:image/png;base64,… */
  png: string;
  /** What the chart shows, in words (the image's alt text). */
  description: string;
}

export interface YearReviewDocument {
  review: YearInReview;
  charts: readonly ReviewChartImage[];
  exportedAt: string;
}


const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "41 h 20 min", "55 min". */
export function hoursAndMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours === 0 ? `${rest} min` : rest === 0 ? `${hours.toLocaleString('en')} h` : `${hours.toLocaleString('en')} h ${rest} min`;
}

/** Only a PNG data URL with well-formed base64 is embedded; anything else is left out rather than trusted. */
function pngUrl(png: string): string | null {
  const match = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/.exec(png);
  return match ? png : null;
}

const STYLE = `
:root { --bg: #14110f; --text: #f4ead5; --text-quiet: #b5a892; --line: #3a322a; --star: #f2b33d; color-scheme: dark; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.5 system-ui, sans-serif; }
.page { max-width: 900px; margin: 0 auto; padding: 32px 20px; }
h1 { margin: 0 0 4px; font-size: 2.2rem; }
h2 { margin: 32px 0 10px; font-size: 1.3rem; border-bottom: 1px solid var(--line); padding-bottom: 6px; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 12px; margin: 16px 0; padding: 0; }
.figures div { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.figures dt { color: var(--text-quiet); font-size: 0.85rem; }
.figures dd { margin: 0; font-size: 1.4rem; font-weight: 600; }
ol, ul { padding-left: 1.4em; }
.rating { color: var(--star); letter-spacing: 1px; }
.quiet { color: var(--text-quiet); }
figure { margin: 16px 0; }
figure img { max-width: 100%; height: auto; background: #1d1915; border-radius: 8px; }
figcaption { color: var(--text-quiet); font-size: 0.9rem; }
footer { margin-top: 32px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--text-quiet); font-size: 0.85rem; }
@media print { :root { --bg: #fff; --text: #231c16; --text-quiet: #6b5d4d; --line: #d8ccb6; --star: #c77d00; color-scheme: light; } }
`;

function figuresHtml(review: YearInReview): string {
  const figure = (label: string, value: string) => `<div><dt>${label}</dt><dd>${value}</dd></div>`;
  const rows = [
    figure('Viewings', review.viewings.toLocaleString('en')),
    figure('Films seen', review.filmsSeen.toLocaleString('en')),
    figure('First time', review.firstSeen.toLocaleString('en')),
    figure('Rewatched', review.rewatched.toLocaleString('en')),
    figure('Time watching', hoursAndMinutes(review.minutesWatched)),
    review.busiestMonth ? figure('Busiest month', `${monthName(review.busiestMonth.month)} (${review.busiestMonth.viewings})`) : '',
    review.busiestWeekday ? figure('Busiest weekday', `${weekdayName(review.busiestWeekday.weekday)} (${review.busiestWeekday.viewings})`) : '',
  ];
  return `<dl class="figures">${rows.join('')}</dl>`;
}

function listHtml<T>(items: readonly T[], item: (value: T) => string, empty: string, ordered = false): string {
  if (items.length === 0) return `<p class="quiet">${empty}</p>`;
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>${items.map((value) => `<li>${item(value)}</li>`).join('')}</${tag}>`;
}

/** The whole page: figures, charts, highest rated, new directors, the longest film and the lists made. */
export function exportYearReviewHtml({ review, charts, exportedAt }: YearReviewDocument): string {
  const year = String(review.year);
  const withoutRuntime = review.viewingsWithoutRuntime > 0 ? ` <span class="quiet">(${count(review.viewingsWithoutRuntime, 'viewing', 'viewings')} without a runtime)</span>` : '';
  const chartHtml = charts
    .map((chart) => {
      const url = pngUrl(chart.png);
      if (url === null) return '';
      return `<figure><img src="${url}" alt="${escapeHtml(chart.description)}"><figcaption>${escapeHtml(chart.title)}</figcaption></figure>`;
    })
    .join('');
  const filmTitle = (title: string, filmYear: number | null) => `${escapeHtml(title)}${filmYear === null ? '' : ` (${filmYear})`}`;
  return selfContainedPage(`${year} in review`, STYLE, [
    `<header><h1>${year} in review</h1><p class="quiet">Counted by viewing date: every rewatch counts.${withoutRuntime}</p></header>`,
    figuresHtml(review),
    chartHtml,
    '<h2>Highest rated</h2>',
    '<p class="quiet">Rated when watched that year, not as rated today.</p>',
    listHtml(
      review.topRated,
      (film) => `${filmTitle(film.title, film.year)} <span class="rating" aria-label="${ratingLabel(film.rating)}">${ratingGlyphs(film.rating)}</span>`,
      'No viewing that year was rated.',
      true,
    ),
    '<h2>New directors</h2>',
    listHtml(review.newDirectors, (director) => `${escapeHtml(director.name)} <span class="quiet">with ${escapeHtml(director.title)}</span>`, 'No director was new that year.'),
    '<h2>Longest film</h2>',
    review.longestFilm === null
      ? '<p class="quiet">No film seen that year has a runtime.</p>'
      : `<p>${escapeHtml(review.longestFilm.title)} <span class="quiet">${hoursAndMinutes(review.longestFilm.runtimeMinutes)}</span></p>`,
    '<h2>Lists made</h2>',
    listHtml(review.lists, (list) => escapeHtml(list.name), 'No list was made that year.'),
    `<footer>${exportedFromCinefile(exportedAt)}</footer>`,
  ]);
}
