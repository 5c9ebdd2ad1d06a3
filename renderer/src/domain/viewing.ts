/** A record that a person watched a film on a day; the diary grows from these. */
import { EARLIEST_FILM_YEAR } from './film-draft';

import type { HalfStars } from './rating';

export const viewingMedia = ['cinema', 'tv', 'streaming', 'disc', 'digital file', 'other'] as const;
export type ViewingMedium = (typeof viewingMedia)[number];

export interface Viewing {
  id: string;
  filmId: string;
  /**
   * When it was watched, as precisely as the person knows: YYYY-MM-DD, YYYY-MM or YYYY (local calendar), or null
   * when unknown. These strings sort in time order as plain text.
   */
  watchedOn: string | null;
  /** Seen before: set from earlier viewings when logged, editable afterwards. */
  rewatch: boolean;
  /** The rating given that time (a snapshot); the film's own rating is separate. */
  rating: HalfStars | null;
  medium: ViewingMedium | null;
  note: string;
  createdAt: string;
  updatedAt: string;
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

/** Newest viewing first, undated ones last; same-day viewings in the order they were logged, latest first. */
export function compareViewingsNewestFirst(a: Viewing, b: Viewing): number {
  if (a.watchedOn !== b.watchedOn) {
    if (a.watchedOn === null) return 1;
    if (b.watchedOn === null) return -1;
    return b.watchedOn.localeCompare(a.watchedOn);
  }
  return b.createdAt.localeCompare(a.createdAt);
}
