/**
 * Reading one Letterboxd cell (a rating, a Rating10, a date) into what a plan stores, or a RowProblem saying why the
 * row is left out. Shared by the export-format and import-format readers in letterboxd.ts.
 */
import { EARLIEST_FILM_YEAR } from '../film-draft';
import { isHalfStars, type HalfStars } from '../rating';
import { localDateIso, parseWatchedOn } from '../viewing';
import { shown } from './letterboxd-lists';

/** Why one row is left out; thrown inside a row's reading and caught around it, so the row is skipped whole. */
export class RowProblem {
  constructor(readonly reason: string) {}
}

export function readRating(text: string): HalfStars | null {
  const stars = text.trim();
  if (stars === '') return null;
  const halfStars = /^\d(?:\.\d{1,3})?$/.test(stars) ? Number(stars) * 2 : NaN;
  if (!isHalfStars(halfStars)) throw new RowProblem(`Rating “${shown(stars)}” is not 0.5–5 stars in half steps.`);
  return halfStars;
}

/** A date cell: null when empty; a real, past date since films began; just a day when `dayOnly`. */
export function readDate(label: string, text: string, now: Date, dayOnly: boolean): string | null {
  const date = text.trim();
  if (date === '') return null;
  const shape = dayOnly ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}(?:-\d{2}){0,2}$/;
  if (!shape.test(date)) throw new RowProblem(`${label} “${shown(date)}” is not a date like 2026-11-25.`);
  if (date > localDateIso(now).slice(0, date.length)) throw new RowProblem(`${label} “${date}” is in the future.`);
  if (Number(date.slice(0, 4)) < EARLIEST_FILM_YEAR) throw new RowProblem(`${label} “${date}” is before ${EARLIEST_FILM_YEAR}.`);
  const checked = parseWatchedOn(date, now);
  if (!checked.ok) throw new RowProblem(`${label} “${date}” is not a real date.`);
  return checked.watchedOn;
}

/** A Rating10 cell (1–10 half-stars), the import format's other way of giving a rating. */
export function readRating10(text: string): HalfStars | null {
  const value = text.trim();
  if (value === '') return null;
  const halfStars = /^\d{1,2}$/.test(value) ? Number(value) : NaN;
  if (!isHalfStars(halfStars)) throw new RowProblem(`Rating10 “${shown(value)}” is not a whole number from 1 to 10.`);
  return halfStars;
}
