/**
 * A year of viewings as a calendar: a CSS grid of 7 rows (Monday first) by up to 54 week columns, each day a cell
 * shaded heat-0 … heat-4 by its share of the busiest day, days with viewings linking to that month in the Diary.
 * Cells are placed by the grid's column flow after blank cells for the days before 1 January, so no cell needs a
 * position of its own (no inline styles: the CSP forbids them). A table of the days with viewings follows it.
 */
import { Link } from 'wouter';
import type { HeatmapDay, ViewingHeatmap } from '../../domain/stats';
import { monthName } from '../../domain/viewing';

/** The Diary at a month ("2019-05"): per-month bars and calendar days lead there. */
export const diaryMonthHref = (month: string) => `/diary?${new URLSearchParams({ month })}`;
/** The Diary at a year. */
export const diaryYearHref = (year: number) => `/diary?${new URLSearchParams({ year: String(year) })}`;

const viewingsText = (count: number) => (count === 0 ? 'no viewings' : `${count.toLocaleString('en')} ${count === 1 ? 'viewing' : 'viewings'}`);

/** "12 May 2024" from "2024-05-12", by hand: a few hundred cells, no time zone involved. */
export function dayText(date: string): string {
  return `${Number(date.slice(8, 10))} ${monthName(Number(date.slice(5, 7)))} ${date.slice(0, 4)}`;
}

/** 0 for no viewings, else 1–4 by quarter of the busiest day (whole-number arithmetic: 1 of 4 is heat-1). */
export function heatLevel(viewings: number, max: number): number {
  if (viewings <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((viewings * 4) / max)));
}

const weekdayLabels = ['Mon', '', 'Wed', '', 'Fri', '', ''];

/** Each month's label and how many week columns it heads (from the week of its 1st to the next month's). */
function monthLabels(days: readonly HeatmapDay[]): { month: number; span: number }[] {
  const starts = days.filter((day) => day.date.endsWith('-01')).map((day) => ({ month: Number(day.date.slice(5, 7)), week: day.week }));
  const lastWeek = (days[days.length - 1]?.week ?? 0) + 1;
  return starts.map((start, at) => ({ month: start.month, span: (starts[at + 1]?.week ?? lastWeek) - start.week }));
}

function DayCell({ day, max }: { day: HeatmapDay; max: number }) {
  const label = `${dayText(day.date)}: ${viewingsText(day.viewings)}`;
  const className = `heat-cell heat-${heatLevel(day.viewings, max)}`;
  if (day.viewings === 0) return <span className={className} title={label} />;
  return <Link href={diaryMonthHref(day.date.slice(0, 7))} className={className} title={label} aria-label={label} />;
}

export interface HeatmapProps {
  /** The worker's calendar; null while the first one for a year is being counted. */
  heatmap: ViewingHeatmap | null;
  /** The years that have viewings (ascending), for the picker. */
  years: readonly number[];
  /** The year asked for (the heatmap may still be the previous year's for a moment). */
  year: number | null;
  onYearChange: (year: number) => void;
}

export function Heatmap({ heatmap, years, year, onYearChange }: HeatmapProps) {
  const busy = heatmap === null || heatmap.year !== year;
  const viewedDays = heatmap?.days.filter((day) => day.viewings > 0) ?? [];
  return (
    <div className="stats-heatmap">
      <div className="stats-heatmap-controls">
        <label className="field-inline">
          Year
          <select value={year ?? ''} onChange={(event) => onYearChange(Number(event.target.value))}>
            {[...years].reverse().map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
        {heatmap !== null && (
          <span className="quiet">
            {viewedDays.length.toLocaleString('en')} {viewedDays.length === 1 ? 'day' : 'days'} with a viewing in {heatmap.year}
          </span>
        )}
      </div>
      {heatmap === null ? (
        <p className="quiet" role="status">
          Counting…
        </p>
      ) : (
        <>
          <div className={busy ? 'heatmap is-busy' : 'heatmap'} aria-busy={busy}>
            <div className="heatmap-months" aria-hidden="true">
              {monthLabels(heatmap.days).map(({ month, span }) => (
                <span key={month} className={`heatmap-month heatmap-span-${span}`}>
                  {monthName(month).slice(0, 3)}
                </span>
              ))}
            </div>
            <div className="heatmap-weekdays" aria-hidden="true">
              {weekdayLabels.map((label, at) => (
                <span key={at}>{label}</span>
              ))}
            </div>
            <div className="heatmap-grid" role="group" aria-label={`Viewings in ${heatmap.year} by day`}>
              {Array.from({ length: heatmap.days[0]?.weekday ?? 0 }, (_, at) => (
                <span key={`before-${at}`} className="heat-cell heat-none" />
              ))}
              {heatmap.days.map((day) => (
                <DayCell key={day.date} day={day} max={heatmap.max} />
              ))}
            </div>
            <div className="heatmap-legend quiet" aria-hidden="true">
              Fewer
              {[0, 1, 2, 3, 4].map((level) => (
                <span key={level} className={`heat-cell heat-${level}`} />
              ))}
              More
            </div>
          </div>
          {heatmap.undatedInYear > 0 && (
            <p className="quiet stats-note">
              {heatmap.undatedInYear.toLocaleString('en')} {heatmap.undatedInYear === 1 ? 'viewing known only by month or year is' : 'viewings known only by month or year are'}{' '}
              not on the calendar.
            </p>
          )}
          {viewedDays.length > 0 && (
            <details className="stats-table-toggle">
              <summary>
                Show as table<span className="visually-hidden">: days with viewings in {heatmap.year}</span>
              </summary>
              <table className="stats-table">
                <caption className="visually-hidden">Days with viewings in {heatmap.year}</caption>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col" className="stats-number">
                      Viewings
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {viewedDays.map((day) => (
                    <tr key={day.date}>
                      <th scope="row">
                        <Link href={diaryMonthHref(day.date.slice(0, 7))}>{dayText(day.date)}</Link>
                      </th>
                      <td className="stats-number">{day.viewings.toLocaleString('en')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </>
      )}
    </div>
  );
}
