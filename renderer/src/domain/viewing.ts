/** A record that a person watched a film on a day; the diary grows from these. */
import { EARLIEST_FILM_YEAR } from './film-draft';

export interface Viewing {
  id: string;
  filmId: string;
  /** Local calendar date, YYYY-MM-DD. */
  watchedOn: string;
  createdAt: string;
}

/** Today's local calendar date as YYYY-MM-DD (what a date input shows). */
export function localDateIso(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

export type WatchedOnResult = { ok: true; watchedOn: string } | { ok: false; error: string };

/** Checks a viewing date: a real calendar day, not before cinema existed and not after today. */
export function parseWatchedOn(value: string, now: Date): WatchedOnResult {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return { ok: false, error: 'Enter the date you watched it, like 2026-11-25.' };
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(y, m - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) {
    return { ok: false, error: `${value.trim()} is not a real date.` };
  }
  if (y < EARLIEST_FILM_YEAR) return { ok: false, error: `A viewing cannot be before ${EARLIEST_FILM_YEAR}.` };
  const today = localDateIso(now);
  if (value.trim() > today) return { ok: false, error: 'A viewing cannot be in the future.' };
  return { ok: true, watchedOn: value.trim() };
}

/** "25 November 2026" for a YYYY-MM-DD date, without time-zone drift. */
export function formatCalendarDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** Newest viewing first; same-day viewings in the order they were logged, latest first. */
export function compareViewingsNewestFirst(a: Viewing, b: Viewing): number {
  return b.watchedOn.localeCompare(a.watchedOn) || b.createdAt.localeCompare(a.createdAt);
}
