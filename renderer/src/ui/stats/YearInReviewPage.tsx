/**
 * A year's viewing in review (/stats/year/2024): counted by viewing date (every rewatch counts), films seen for the
 * first time against rewatched, the year's highest rated by the ratings given that year, the busiest month and
 * weekday, directors discovered, the longest film and the lists made. The statistics worker counts; this page shows
 * its answer, live, and exports it as a self-contained web page with its charts as images.
 */
import { Link, useLocation } from 'wouter';
import { exportYearReviewHtml, hoursAndMinutes, type ReviewChartImage } from '../../domain/exchange/year-review-html';
import { ratingLabel, starsFromHalfStars } from '../../domain/rating';
import type { ViewingHeatmap, YearInReview } from '../../domain/stats';
import { monthName, weekdayName } from '../../domain/viewing';
import { platform } from '../../platform';
import { useCatalogActions } from '../common/useCatalogActions';
import { useToast } from '../common/Toasts';
import { BarChart, type Bar } from './Chart';
import { diaryMonthHref, diaryYearHref, Heatmap, heatLevel } from './Heatmap';
import { libraryHref } from './PeopleTables';
import { useCatalogStats } from './useCatalogStats';
import '../styles/stats.css';

const monthsShort = Array.from({ length: 12 }, (_, index) => monthName(index + 1).slice(0, 3));
const whole = (n: number) => n.toLocaleString('en');
const counted = (n: number, one: string, many: string) => `${whole(n)} ${n === 1 ? one : many}`;
const viewingsUnit = ['viewing', 'viewings'] as const;

function monthBars(review: YearInReview): Bar[] {
  return review.perMonth.map((value, index) => ({
    label: `${monthName(index + 1)} ${review.year}`,
    axisLabel: monthsShort[index],
    value,
    href: value > 0 ? diaryMonthHref(`${review.year}-${String(index + 1).padStart(2, '0')}`) : null,
  }));
}

/** Colours of the exported images: the app's own (styles.css), as canvas fills cannot read CSS variables. */
const EXPORT_COLOURS = { text: '#f4ead5', quiet: '#b9ab95', accent: '#e0483a', sunken: '#0e0c0a', line: '#3a322a' };

/** The months chart as a PNG, drawn by Chart.js off screen (no animation, a fixed size, twice the pixels). */
async function monthsPng(review: YearInReview): Promise<string> {
  const { Chart } = await import('./chart-setup');
  const canvas = document.createElement('canvas');
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: monthsShort, datasets: [{ data: review.perMonth, backgroundColor: EXPORT_COLOURS.accent }] },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 2,
      plugins: { tooltip: { enabled: false } },
      scales: {
        x: { ticks: { color: EXPORT_COLOURS.quiet }, grid: { display: false } },
        y: { beginAtZero: true, ticks: { color: EXPORT_COLOURS.quiet, precision: 0 }, grid: { color: EXPORT_COLOURS.line } },
      },
    },
  });
  chart.resize(800, 280);
  chart.update();
  const png = canvas.toDataURL('image/png');
  chart.destroy();
  return png;
}

/** The calendar as a PNG: one square per day, Monday-first weeks as columns, shaded like the page's heatmap. */
function heatmapPng(heatmap: ViewingHeatmap): string {
  const cell = 14;
  const gap = 3;
  const weeks = (heatmap.days.at(-1)?.week ?? 0) + 1;
  const canvas = document.createElement('canvas');
  canvas.width = weeks * (cell + gap) + gap;
  canvas.height = 7 * (cell + gap) + gap;
  const context = canvas.getContext('2d');
  if (!context) return '';
  const shades = [EXPORT_COLOURS.sunken, '#5a2420', '#8c2f27', '#b83a2f', EXPORT_COLOURS.accent];
  for (const day of heatmap.days) {
    context.fillStyle = shades[heatLevel(day.viewings, heatmap.max)] ?? EXPORT_COLOURS.sunken;
    context.fillRect(gap + day.week * (cell + gap), gap + day.weekday * (cell + gap), cell, cell);
  }
  return canvas.toDataURL('image/png');
}

async function exportReview(review: YearInReview, heatmap: ViewingHeatmap | null): Promise<string | null> {
  const busiest = review.busiestMonth === null ? '' : ` The busiest was ${monthName(review.busiestMonth.month)}, with ${counted(review.busiestMonth.viewings, 'viewing', 'viewings')}.`;
  const charts: ReviewChartImage[] = [
    { title: 'Viewings per month', png: await monthsPng(review), description: `Viewings per month in ${review.year}.${busiest}` },
  ];
  if (heatmap !== null && heatmap.year === review.year) {
    const png = heatmapPng(heatmap);
    if (png !== '') charts.push({ title: 'Viewings by day', png, description: `A calendar of ${review.year}, each day shaded by its viewings.` });
  }
  const html = exportYearReviewHtml({ review, charts, exportedAt: new Date().toISOString() });
  const saved = await platform.saveFile({
    suggestedName: `cinefile-${review.year}-in-review.html`,
    data: html,
    filters: [{ name: 'Web page', extensions: ['html'] }],
  });
  return saved.savedTo;
}

function Figures({ review }: { review: YearInReview }) {
  return (
    <dl className="stats-figures">
      <div className="stats-figure">
        <dt>Viewings</dt>
        <dd className="stats-figure-value">
          <Link href={diaryYearHref(review.year)} aria-label={counted(review.viewings, 'viewing', 'viewings')}>
            {whole(review.viewings)}
          </Link>
        </dd>
        {review.monthless > 0 && <dd className="stats-figure-note">{whole(review.monthless)} known only by year</dd>}
      </div>
      <div className="stats-figure">
        <dt>Films seen</dt>
        <dd className="stats-figure-value">{whole(review.filmsSeen)}</dd>
      </div>
      <div className="stats-figure">
        <dt>First time</dt>
        <dd className="stats-figure-value">{whole(review.firstSeen)}</dd>
        <dd className="stats-figure-note">{counted(review.rewatched, 'film rewatched', 'films rewatched')}</dd>
      </div>
      <div className="stats-figure">
        <dt>Time watching</dt>
        <dd className="stats-figure-value">{hoursAndMinutes(review.minutesWatched)}</dd>
        {review.viewingsWithoutRuntime > 0 && (
          <dd className="stats-figure-note">({counted(review.viewingsWithoutRuntime, 'viewing', 'viewings')} without a runtime)</dd>
        )}
      </div>
      {review.busiestMonth && (
        <div className="stats-figure">
          <dt>Busiest month</dt>
          <dd className="stats-figure-value">{monthName(review.busiestMonth.month)}</dd>
          <dd className="stats-figure-note">{counted(review.busiestMonth.viewings, 'viewing', 'viewings')}</dd>
        </div>
      )}
      {review.busiestWeekday && (
        <div className="stats-figure">
          <dt>Busiest weekday</dt>
          <dd className="stats-figure-value">{weekdayName(review.busiestWeekday.weekday)}</dd>
          <dd className="stats-figure-note">{counted(review.busiestWeekday.viewings, 'viewing', 'viewings')}</dd>
        </div>
      )}
    </dl>
  );
}

function ReviewBody({ review, heatmap, years }: { review: YearInReview; heatmap: ViewingHeatmap | null; years: readonly number[] }) {
  const [, navigate] = useLocation();
  const { write } = useCatalogActions();
  const toast = useToast();
  const exportPage = () =>
    write(`${review.year} in review was not exported`, () => exportReview(review, heatmap), (savedTo) => {
      if (savedTo !== null) toast({ message: `Exported ${review.year} in review to “${savedTo}”.` });
    });
  return (
    <>
      <p className="quiet">Counted by viewing date: every rewatch counts.</p>
      <div className="form-actions">
        <button type="button" className="button-secondary" onClick={exportPage}>
          Export as web page…
        </button>
      </div>
      <Figures review={review} />
      <div className="stats-charts">
        <section className="panel stats-panel is-wide" aria-labelledby="review-months-heading">
          <h2 id="review-months-heading">Viewings per month</h2>
          <BarChart title={`Viewings per month in ${review.year}`} category="Month" measure="Viewings" unit={viewingsUnit} bars={monthBars(review)} />
          {review.monthless > 0 && <p className="quiet">{counted(review.monthless, 'viewing is', 'viewings are')} known only by year, in no month.</p>}
        </section>
        <section className="panel stats-panel is-wide" aria-labelledby="review-calendar-heading">
          <h2 id="review-calendar-heading">Viewings by day</h2>
          <Heatmap heatmap={heatmap} years={years} year={review.year} onYearChange={(year) => navigate(`/stats/year/${year}`)} />
        </section>
      </div>
      <div className="stats-charts">
        <section className="panel stats-panel" aria-labelledby="review-top-heading">
          <h2 id="review-top-heading">Highest rated</h2>
          <p className="quiet">By the rating given when watched in {review.year}, not the film’s rating today.</p>
          {review.topRated.length === 0 ? (
            <p>No viewing in {review.year} was rated.</p>
          ) : (
            <ol className="review-top">
              {review.topRated.map((film) => (
                <li key={film.filmId}>
                  <Link href={`/films/${film.filmId}`}>{film.title}</Link>
                  {film.year !== null && <span className="quiet"> ({film.year})</span>}{' '}
                  <span className="review-rating" aria-label={ratingLabel(film.rating)}>
                    {starsFromHalfStars(film.rating)} ★
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className="panel stats-panel" aria-labelledby="review-directors-heading">
          <h2 id="review-directors-heading">New directors</h2>
          {review.newDirectors.length === 0 ? (
            <p>No director was new to you in {review.year}.</p>
          ) : (
            <ul className="review-list">
              {review.newDirectors.map((director) => (
                <li key={director.name}>
                  <Link href={libraryHref({}, director.name)}>{director.name}</Link> <span className="quiet">with</span>{' '}
                  <Link href={`/films/${director.filmId}`}>{director.title}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel stats-panel" aria-labelledby="review-longest-heading">
          <h2 id="review-longest-heading">Longest film</h2>
          {review.longestFilm === null ? (
            <p>No film seen in {review.year} has a runtime.</p>
          ) : (
            <p>
              <Link href={`/films/${review.longestFilm.filmId}`}>{review.longestFilm.title}</Link>{' '}
              <span className="quiet">{hoursAndMinutes(review.longestFilm.runtimeMinutes)}</span>
            </p>
          )}
        </section>
        <section className="panel stats-panel" aria-labelledby="review-lists-heading">
          <h2 id="review-lists-heading">Lists made</h2>
          {review.lists.length === 0 ? (
            <p>No list was made in {review.year}.</p>
          ) : (
            <ul className="review-list">
              {review.lists.map((list) => (
                <li key={list.id}>
                  <Link href={`/lists/${list.id}`}>{list.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

/** Previous and next years with viewings, for moving through the reviews. */
function YearSteps({ year, years }: { year: number; years: readonly number[] }) {
  const before = years.filter((one) => one < year).at(-1);
  const after = years.find((one) => one > year);
  return (
    <nav className="review-steps" aria-label="Other years">
      {before !== undefined && <Link href={`/stats/year/${before}`}>← {before}</Link>}
      <Link href="/stats">All stats</Link>
      {after !== undefined && <Link href={`/stats/year/${after}`}>{after} →</Link>}
    </nav>
  );
}

export function YearInReviewPage({ year }: { year: number }) {
  const valid = Number.isInteger(year) && year >= 1 && year <= 9999;
  const { update } = useCatalogStats({ heatmapYear: valid ? year : null, reviewYear: valid ? year : null });
  const result = update?.result ?? null;
  const review = result?.review?.year === year ? result.review : null;
  const years = result?.stats.yearsWithViewings ?? [];
  return (
    <section className="page stats-page year-in-review" aria-labelledby="year-in-review-heading" data-stats-state={update === null ? 'counting' : review ? 'ready' : 'failed'}>
      <h1 id="year-in-review-heading" className="page-title">
        {valid ? `${year} in review` : 'Year in review'}
      </h1>
      {valid && <YearSteps year={year} years={years} />}
      {!valid ? (
        <p className="empty-state">
          That is not a year. <Link href="/stats">Go to Stats</Link>
        </p>
      ) : update?.failure ? (
        <p className="stats-failure" role="alert">
          {update.failure}
        </p>
      ) : review === null ? (
        <p className="quiet" role="status">
          Counting…
        </p>
      ) : review.viewings === 0 ? (
        <div className="empty-state">
          <p>No viewings are dated in {year}.</p>
          <Link href="/stats">Go to Stats</Link>
        </div>
      ) : (
        <ReviewBody review={review} heatmap={result?.heatmap ?? null} years={years} />
      )}
    </section>
  );
}
