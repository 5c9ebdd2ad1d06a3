/**
 * The Stats page: the catalog in figures, charts and tables, as the statistics worker counted them (this page only
 * displays its latest result, live as the catalog changes). Every chart leads into the Library or the Diary filtered
 * to what it shows, and has a table of the same numbers as links.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { ratingLabel } from '../../domain/rating';
import type { CatalogStats } from '../../domain/stats';
import { monthName } from '../../domain/viewing';
import type { StatsResult } from '../../workers/stats-client';
import { BarChart, type Bar } from './Chart';
import { dayText, diaryMonthHref, diaryYearHref, Heatmap } from './Heatmap';
import { libraryHref, PeopleTables, starsText } from './PeopleTables';
import { useCatalogStats } from './useCatalogStats';
import '../styles/stats.css';

const whole = (n: number) => n.toLocaleString('en');
const counted = (n: number, one: string, many: string) => `${whole(n)} ${n === 1 ? one : many}`;

/** Hours from minutes: one decimal under ten hours ("1.9"), whole hours above ("2,431"). */
function hoursText(minutes: number): string {
  const hours = minutes / 60;
  return hours.toLocaleString('en', { maximumFractionDigits: hours < 10 ? 1 : 0 });
}

/** A figure: its name, its value and an optional note (the name comes first, as a definition list wants; stats.css
 * shows the value above it). */
function Figure({ label, children, note }: { label: string; children: ReactNode; note?: ReactNode }) {
  return (
    <div className="stats-figure">
      <dt>{label}</dt>
      <dd className="stats-figure-value">{children}</dd>
      {note && <dd className="stats-figure-note">{note}</dd>}
    </div>
  );
}

/** A figure that is also a link: its accessible name says what it counts ("3 films watched"). */
function FigureLink({ href, value, what }: { href: string; value: number; what: string }) {
  return (
    <Link href={href} aria-label={`${whole(value)} ${what}`}>
      {whole(value)}
    </Link>
  );
}

function Totals({ stats }: { stats: CatalogStats }) {
  const { totals, longestStreak } = stats;
  return (
    <dl className="stats-figures">
      <Figure label="Films in the catalog">{whole(totals.films)}</Figure>
      <Figure label="Films watched">
        <FigureLink href={libraryHref({ watched: 'watched' })} value={totals.filmsWatched} what="films watched" />
      </Figure>
      <Figure label="Viewings">
        <FigureLink href="/diary" value={totals.viewings} what={totals.viewings === 1 ? 'viewing' : 'viewings'} />
      </Figure>
      <Figure label="Rewatches">{whole(totals.rewatches)}</Figure>
      <Figure
        label="Hours watched"
        note={totals.viewingsWithoutRuntime > 0 && `(${counted(totals.viewingsWithoutRuntime, 'viewing', 'viewings')} without a runtime)`}
      >
        {hoursText(totals.minutesWatched)}
      </Figure>
      <Figure
        label="Average rating"
        note={totals.averageRating === null ? 'No film rated yet' : `from ${counted(totals.ratedFilms, 'rated film', 'rated films')}`}
      >
        {totals.averageRating === null ? '–' : starsText(totals.averageRating)}
      </Figure>
      <Figure label="Loans out">
        <FigureLink href={libraryHref({ loaned: true })} value={totals.loansOut} what={totals.loansOut === 1 ? 'loan out' : 'loans out'} />
      </Figure>
      <Figure
        label="Longest streak"
        note={longestStreak && (longestStreak.days === 1 ? dayText(longestStreak.from) : `${dayText(longestStreak.from)} – ${dayText(longestStreak.to)}`)}
      >
        {longestStreak === null ? 'None yet' : counted(longestStreak.days, 'day', 'days')}
      </Figure>
    </dl>
  );
}

/** The worker's figures as chart bars, each with the link it leads to. */
function chartBars(stats: CatalogStats) {
  return {
    perYear: stats.viewingsPerYear.map(({ year, viewings }): Bar => ({ label: String(year), value: viewings, href: diaryYearHref(year) })),
    perMonth: stats.viewingsPerMonth.map(({ month, viewings }): Bar => ({
      label: `${monthName(Number(month.slice(5, 7)))} ${month.slice(0, 4)}`,
      axisLabel: `${monthName(Number(month.slice(5, 7))).slice(0, 3)} ${month.slice(0, 4)}`,
      value: viewings,
      href: diaryMonthHref(month),
    })),
    decades: stats.filmsByDecade.map(({ decade, films }): Bar => ({ label: `${decade}s`, value: films, href: libraryHref({ decades: [decade] }) })),
    releaseYears: stats.filmsByReleaseYear.map(({ year, films }): Bar => ({
      label: String(year),
      value: films,
      href: libraryHref({ yearFrom: year, yearTo: year }),
    })),
    ratings: [
      ...stats.ratingDistribution.map(({ rating, films }): Bar => ({
        label: ratingLabel(rating),
        axisLabel: `${rating / 2}★`,
        value: films,
        href: libraryHref({ ratingFrom: rating, ratingTo: rating }),
      })),
      { label: 'Unrated', value: stats.unratedFilms, href: libraryHref({ unrated: true }) },
    ],
    formats: stats.formats.map(({ format, films }): Bar => ({ label: format, value: films, href: libraryHref({ formats: [format] }) })),
  };
}

function ChartPanel({ title, children, note, wide = false }: { title: string; children: ReactNode; note?: ReactNode; wide?: boolean }) {
  const id = `stats-chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={wide ? 'panel stats-panel is-wide' : 'panel stats-panel'} aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
      {note && <p className="quiet stats-note">{note}</p>}
    </section>
  );
}

const films = ['film', 'films'] as const;
const viewings = ['viewing', 'viewings'] as const;

function StatsBody({ result, heatmapYear, onHeatmapYear }: { result: StatsResult; heatmapYear: number | null; onHeatmapYear: (year: number) => void }) {
  const { stats } = result;
  const bars = useMemo(() => chartBars(stats), [stats]);
  const hasViewings = stats.totals.viewings > 0;
  const years = stats.yearsWithViewings;
  return (
    <>
      <section aria-labelledby="stats-totals-heading">
        <h2 id="stats-totals-heading" className="visually-hidden">
          Totals
        </h2>
        <Totals stats={stats} />
      </section>

      <section className="stats-group" aria-labelledby="stats-viewings-heading">
        <h2 id="stats-viewings-heading">Viewings</h2>
        {hasViewings ? (
          <div className="stats-charts">
            <ChartPanel
              title="Viewings per year"
              note={stats.viewingsWithoutYear > 0 && `${counted(stats.viewingsWithoutYear, 'viewing has', 'viewings have')} no date and ${stats.viewingsWithoutYear === 1 ? 'is' : 'are'} in no year.`}
            >
              {bars.perYear.length > 0 ? (
                <BarChart title="Viewings per year" category="Year" measure="Viewings" unit={viewings} bars={bars.perYear} />
              ) : (
                <p className="quiet">No viewing has a date yet.</p>
              )}
            </ChartPanel>
            <ChartPanel
              title="Viewings per month"
              note={stats.viewingsWithoutMonth > 0 && `${counted(stats.viewingsWithoutMonth, 'viewing is', 'viewings are')} known only by year, in no month.`}
            >
              {bars.perMonth.length > 0 ? (
                <BarChart title="Viewings per month" category="Month" measure="Viewings" unit={viewings} bars={bars.perMonth} />
              ) : (
                <p className="quiet">No viewing is dated to the month yet.</p>
              )}
            </ChartPanel>
            <ChartPanel title="Calendar" wide>
              {years.length > 0 ? (
                <Heatmap heatmap={result.heatmap} years={years} year={heatmapYear} onYearChange={onHeatmapYear} />
              ) : (
                <p className="quiet">No viewing has a date yet, so the calendar is empty.</p>
              )}
            </ChartPanel>
          </div>
        ) : (
          <div className="panel stats-no-viewings">
            <p>
              No viewings logged yet. Open a film and press Log viewing on its page: viewings per year and month, the calendar and your longest
              streak appear here.
            </p>
            <Link href="/" className="button-primary">
              Go to the Library
            </Link>
          </div>
        )}
      </section>

      <section className="stats-group" aria-labelledby="stats-films-heading">
        <h2 id="stats-films-heading">Films</h2>
        <div className="stats-charts">
          <ChartPanel
            title="Films by decade"
            note={stats.filmsWithoutYear > 0 && `${counted(stats.filmsWithoutYear, 'film has', 'films have')} no release year.`}
          >
            {bars.decades.length > 0 ? (
              <BarChart title="Films by decade" category="Decade" measure="Films" unit={films} bars={bars.decades} />
            ) : (
              <p className="quiet">No film has a release year yet.</p>
            )}
          </ChartPanel>
          <ChartPanel title="Films by year of release">
            {bars.releaseYears.length > 0 ? (
              <BarChart title="Films by year of release" category="Year" measure="Films" unit={films} bars={bars.releaseYears} />
            ) : (
              <p className="quiet">No film has a release year yet.</p>
            )}
          </ChartPanel>
          <ChartPanel title="Ratings">
            <BarChart title="Rating distribution" category="Rating" measure="Films" unit={films} bars={bars.ratings} tone="star" />
          </ChartPanel>
          <ChartPanel title="Films owned by format">
            {bars.formats.length > 0 ? (
              <BarChart title="Films owned by format" category="Format" measure="Films" unit={films} bars={bars.formats} />
            ) : (
              <p className="quiet">No copies recorded yet: add them on a film’s page.</p>
            )}
          </ChartPanel>
        </div>
      </section>

      <section className="stats-group" aria-labelledby="stats-people-heading">
        <h2 id="stats-people-heading">People, genres and places</h2>
        <PeopleTables people={stats.people} />
      </section>

      {years.length > 0 && (
        <section className="stats-group" aria-labelledby="stats-review-heading">
          <h2 id="stats-review-heading">Year in review</h2>
          <ul className="stats-review-links">
            {[...years].reverse().map((year) => (
              <li key={year}>
                <Link href={`/stats/year/${year}`} className="button-secondary">
                  {year} in review
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export function StatsPage() {
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const { update, heatmapYear } = useCatalogStats({ heatmapYear: chosenYear ?? 'latest', reviewYear: null });
  const result = update?.result ?? null;
  // For `npm run bench` (stats_page_ms): when the figures are there, and what the worker spent reading and counting.
  const state = update === null ? 'counting' : result ? 'ready' : 'failed';
  return (
    <section
      className="page stats-page"
      aria-labelledby="stats-heading"
      data-stats-state={state}
      data-stats-read-ms={result?.readMs}
      data-stats-compute-ms={result?.computeMs}
    >
      <h1 id="stats-heading" className="page-title">
        Stats
      </h1>
      {update === null && (
        <p className="quiet" role="status">
          Counting…
        </p>
      )}
      {update?.failure && (
        <p className="stats-failure" role="alert">
          {update.failure}
        </p>
      )}
      {update?.result && <StatsBody result={update.result} heatmapYear={heatmapYear} onHeatmapYear={setChosenYear} />}
    </section>
  );
}
