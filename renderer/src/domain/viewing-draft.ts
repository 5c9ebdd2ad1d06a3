/**
 * The viewing form's choices as typed (a day, or only a month or a year, or no date; rewatch, rating, medium,
 * note) and their conversion to ViewingFields with a message naming each thing a person got wrong.
 */
import type { HalfStars } from './rating';
import {
  isRewatch,
  localDateIso,
  parseViewingNote,
  parseWatchedOn,
  watchedOnPrecision,
  type Viewing,
  type ViewingFields,
  type ViewingMedium,
  type WatchedOnPrecision,
} from './viewing';

export const watchedOnPrecisions: readonly WatchedOnPrecision[] = ['day', 'month', 'year', 'unknown'];

/** How the date-precision choice is offered. */
export const watchedOnPrecisionLabels: Readonly<Record<WatchedOnPrecision, string>> = {
  day: 'Exact day',
  month: 'Month only',
  year: 'Year only',
  unknown: 'Unknown',
};

/** The date part of the form. All three fields are kept so switching precision back and forth loses nothing. */
export interface WatchedOnDraft {
  precision: WatchedOnPrecision;
  /** YYYY-MM-DD from a date input, or '' when cleared. */
  day: string;
  /** '01'–'12', or '' before a month is chosen. */
  month: string;
  /** As typed. */
  year: string;
}

export interface ViewingDraft {
  date: WatchedOnDraft;
  /** null until the person ticks or unticks the box; until then it follows the film's earlier viewings. */
  rewatch: boolean | null;
  rating: HalfStars | null;
  medium: ViewingMedium | null;
  note: string;
}

export type ViewingDraftErrors = Partial<Record<'date' | 'note', string>>;
export type ViewingDraftResult = { ok: true; fields: ViewingFields } | { ok: false; errors: ViewingDraftErrors };
export type WatchedOnDraftResult = { ok: true; watchedOn: string | null } | { ok: false; error: string };

const FULL_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The form's date fields showing a stored date (today's, for a new viewing). */
export function watchedOnDraftOf(watchedOn: string | null): WatchedOnDraft {
  const precision = watchedOnPrecision(watchedOn);
  const value = watchedOn ?? '';
  return {
    precision,
    day: precision === 'day' ? value : '',
    month: precision === 'day' || precision === 'month' ? value.slice(5, 7) : '',
    year: value.slice(0, 4),
  };
}

/** A blank form for a new viewing: watched today, rewatch decided by history, nothing else said. */
export function newViewingDraft(now: Date): ViewingDraft {
  return { date: watchedOnDraftOf(localDateIso(now)), rewatch: null, rating: null, medium: null, note: '' };
}

/** The form for editing a stored viewing. */
export function viewingDraftOf(viewing: ViewingFields): ViewingDraft {
  return {
    date: watchedOnDraftOf(viewing.watchedOn),
    rewatch: viewing.rewatch,
    rating: viewing.rating,
    medium: viewing.medium,
    note: viewing.note,
  };
}

/** A new day typed or picked; the month and year follow it, so "Month only" afterwards keeps them. */
export function withDay(draft: WatchedOnDraft, day: string): WatchedOnDraft {
  return FULL_DAY.test(day) ? { ...draft, day, year: day.slice(0, 4), month: day.slice(5, 7) } : { ...draft, day };
}

/**
 * Switches precision. Going back to "Exact day" keeps the day only when it still lies in the month or year the
 * person was choosing; otherwise the day is cleared rather than silently moved to a month they did not pick.
 */
export function withPrecision(draft: WatchedOnDraft, precision: WatchedOnPrecision): WatchedOnDraft {
  const next = { ...draft, precision };
  if (precision !== 'day' || draft.day === '') return next;
  const prefix =
    draft.precision === 'month' ? `${draft.year.trim()}-${draft.month}` : draft.precision === 'year' ? draft.year.trim() : '';
  return draft.day.startsWith(prefix) ? next : { ...next, day: '' };
}

function parseYear(text: string): { ok: true; year: string } | { ok: false; error: string } {
  const year = text.trim();
  if (year === '') return { ok: false, error: 'Enter the year you watched it, like 2019.' };
  if (!/^\d{4}$/.test(year)) return { ok: false, error: `“${year}” is not a year; enter four digits, like 2019.` };
  return { ok: true, year };
}

/** The stored date for the form's date fields: YYYY-MM-DD, YYYY-MM, YYYY, or null for "Unknown". */
export function parseWatchedOnDraft(draft: WatchedOnDraft, now: Date): WatchedOnDraftResult {
  switch (draft.precision) {
    case 'unknown':
      return { ok: true, watchedOn: null };
    case 'day':
      if (draft.day.trim() === '') {
        return { ok: false, error: 'Enter the day you watched it, or choose Month only, Year only or Unknown.' };
      }
      if (!FULL_DAY.test(draft.day.trim())) return { ok: false, error: 'Enter the date you watched it, like 2026-11-25.' };
      return parseWatchedOn(draft.day, now);
    case 'month': {
      if (draft.month === '') return { ok: false, error: 'Choose the month you watched it.' };
      const year = parseYear(draft.year);
      return year.ok ? parseWatchedOn(`${year.year}-${draft.month}`, now) : year;
    }
    case 'year': {
      const year = parseYear(draft.year);
      return year.ok ? parseWatchedOn(year.year, now) : year;
    }
  }
}

/**
 * What the rewatch box shows: the person's own choice once made, else whether the film has a viewing before this
 * date (any viewing at all while the date is still being typed).
 */
export function draftRewatch(draft: ViewingDraft, loggedBefore: readonly Pick<Viewing, 'watchedOn'>[], now: Date): boolean {
  if (draft.rewatch !== null) return draft.rewatch;
  const date = parseWatchedOnDraft(draft.date, now);
  return date.ok ? isRewatch(date.watchedOn, loggedBefore) : loggedBefore.length > 0;
}

/** The form's choices as ViewingFields, or a message for the date and for the note, whichever are wrong. */
export function parseViewingDraft(
  draft: ViewingDraft,
  loggedBefore: readonly Pick<Viewing, 'watchedOn'>[],
  now: Date,
): ViewingDraftResult {
  const date = parseWatchedOnDraft(draft.date, now);
  const note = parseViewingNote(draft.note);
  if (!date.ok || !note.ok) {
    const errors: ViewingDraftErrors = {};
    if (!date.ok) errors.date = date.error;
    if (!note.ok) errors.note = note.error;
    return { ok: false, errors };
  }
  return {
    ok: true,
    fields: {
      watchedOn: date.watchedOn,
      rewatch: draftRewatch(draft, loggedBefore, now),
      rating: draft.rating,
      medium: draft.medium,
      note: note.note,
    },
  };
}
