/**
 * A record that a person watched a film: when (as precisely as they remember), whether they had seen it before,
 * the rating they gave it that time, where or how, and a short note. The diary grows from these.
 */
import { EARLIEST_FILM_YEAR } from './film-draft';
import { isHalfStars, type HalfStars } from './rating';

export const viewingMedia = ['cinema', 'tv', 'streaming', 'disc', 'digital file', 'other'] as const;
export type ViewingMedium = (typeof viewingMedia)[number];

/** How each medium is shown and offered in forms. */
export const viewingMediumLabels: Readonly<Record<ViewingMedium, string>> = {
  cinema: 'Cinema',
  tv: 'TV',
  streaming: 'Streaming',
  disc: 'Disc',
  'digital file': 'Digital file',
  other: 'Other',
};

/** True for one of the media Cinefile knows. */
export function isViewingMedium(value: unknown): value is ViewingMedium {
  return typeof value === 'string' && (viewingMedia as readonly string[]).includes(value);
}

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
  /** The import that created it, so Undo import can remove exactly what it added. */
  importId?: string;
}

/** What a person says about a viewing; Cinefile keeps the rest (id, film, timestamps). */
export type ViewingFields = Pick<Viewing, 'watchedOn' | 'rewatch' | 'rating' | 'medium' | 'note'>;

/** A viewing's note is a line or two; longer writing belongs in the film's Notes. */
export const MAX_VIEWING_NOTE_LENGTH = 1_000;

export type WatchedOnPrecision = 'day' | 'month' | 'year' | 'unknown';

/** How precisely a stored date is known, from its shape. */
export function watchedOnPrecision(watchedOn: string | null): WatchedOnPrecision {
  if (watchedOn === null) return 'unknown';
  if (watchedOn.length === 10) return 'day';
  return watchedOn.length === 7 ? 'month' : 'year';
}

/** Today's local calendar date as YYYY-MM-DD (what a date input shows). */
export function localDateIso(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

export type WatchedOnResult = { ok: true; watchedOn: string } | { ok: false; error: string };

/**
 * Checks a viewing date given as a day (2026-11-25), a month (2026-11) or a year (2026): a real date, not before
 * cinema existed and not after today.
 */
export function parseWatchedOn(value: string, now: Date): WatchedOnResult {
  const text = value.trim();
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return { ok: false, error: 'Enter the date you watched it, like 2026-11-25.' };
  const [y, m, d] = [Number(match[1]), match[2] === undefined ? 1 : Number(match[2]), match[3] === undefined ? 1 : Number(match[3])];
  if (m < 1 || m > 12) return { ok: false, error: `${text} is not a real ${match[3] === undefined ? 'month' : 'date'}.` };
  const date = new Date(y, m - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) {
    return { ok: false, error: `${text} is not a real date.` };
  }
  if (y < EARLIEST_FILM_YEAR) return { ok: false, error: `A viewing cannot be before ${EARLIEST_FILM_YEAR}.` };
  // A month or year is in the future only when it starts after today: "this month" is fine on its first day.
  if (text > localDateIso(now).slice(0, text.length)) return { ok: false, error: 'A viewing cannot be in the future.' };
  return { ok: true, watchedOn: text };
}

const monthNames = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** "November" for month number 11 (1–12). */
export function monthName(month: number): string {
  return monthNames[month - 1] ?? String(month);
}

const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** "Monday" for weekday 0 … "Sunday" for 6 (Monday-first, as statistics count weeks). */
export function weekdayName(weekday: number): string {
  return weekdayNames[weekday] ?? String(weekday);
}

/** "25 November 2026" for a YYYY-MM-DD date, without time-zone drift. */
export function formatCalendarDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** "29 November 2026 at 16:22" for an ISO timestamp, in local time (when a backup or an import was made). */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A stored date as a person says it: "25 November 2026", "November 2026", "2026" or "Date unknown". */
export function formatWatchedOn(watchedOn: string | null): string {
  if (watchedOn === null) return 'Date unknown';
  switch (watchedOnPrecision(watchedOn)) {
    case 'day':
      return formatCalendarDate(watchedOn);
    case 'month':
      return `${monthName(Number(watchedOn.slice(5, 7)))} ${watchedOn.slice(0, 4)}`;
    default:
      return watchedOn;
  }
}

/** The date inside a sentence: "on 25 November 2026", "in November 2026", "in 2026", "on an unknown date". */
export function watchedOnPhrase(watchedOn: string | null): string {
  const precision = watchedOnPrecision(watchedOn);
  if (precision === 'unknown') return 'on an unknown date';
  return `${precision === 'day' ? 'on' : 'in'} ${formatWatchedOn(watchedOn)}`;
}

/**
 * Newest viewing first, undated ones last; same-day viewings in the order they were logged, latest first. A month
 * or year known only roughly sorts after the days within it ("2026-11" after "2026-11-25").
 */
export function compareViewingsNewestFirst(a: Viewing, b: Viewing): number {
  if (a.watchedOn !== b.watchedOn) {
    if (a.watchedOn === null) return 1;
    if (b.watchedOn === null) return -1;
    return a.watchedOn < b.watchedOn ? 1 : -1;
  }
  return b.createdAt.localeCompare(a.createdAt);
}

/**
 * Whether a new viewing on `watchedOn` is a rewatch, given the film's viewings already logged: true when one of
 * them comes earlier in the order above. An undated viewing counts as the oldest (the person saw it at some point
 * before), and a viewing on the same date was logged first, so it came first.
 */
export function isRewatch(watchedOn: string | null, loggedBefore: readonly Pick<Viewing, 'watchedOn'>[]): boolean {
  return loggedBefore.some((earlier) => earlier.watchedOn === null || (watchedOn !== null && earlier.watchedOn <= watchedOn));
}

export type ViewingNoteResult = { ok: true; note: string } | { ok: false; error: string };

/** A viewing's note: optional, trimmed, and short. */
export function parseViewingNote(text: string): ViewingNoteResult {
  const note = text.trim();
  if (note.length > MAX_VIEWING_NOTE_LENGTH) {
    return {
      ok: false,
      error: `This note is ${note.length.toLocaleString('en')} characters long; a viewing's note can be up to ${MAX_VIEWING_NOTE_LENGTH.toLocaleString('en')}. Longer thoughts belong in the film's Notes.`,
    };
  }
  return { ok: true, note };
}

/**
 * The first thing wrong with viewing fields about to be stored, or null when they are sound. The db layer checks
 * this so that no caller, however it built the fields, can store a future date or an 11-half-star rating.
 */
export function viewingFieldsProblem(fields: Partial<ViewingFields>, now: Date): string | null {
  if (fields.watchedOn !== undefined && fields.watchedOn !== null) {
    const date = parseWatchedOn(fields.watchedOn, now);
    if (!date.ok) return date.error;
    if (date.watchedOn !== fields.watchedOn) return `Store the date without spaces: “${date.watchedOn}”.`;
  }
  if (fields.rating !== undefined && fields.rating !== null && !isHalfStars(fields.rating)) {
    return `A rating must be 0.5 to 5 stars; got ${String(fields.rating)} half-stars.`;
  }
  if (fields.medium !== undefined && fields.medium !== null && !isViewingMedium(fields.medium)) {
    return `“${String(fields.medium)}” is not a way of watching Cinefile knows.`;
  }
  if (fields.rewatch !== undefined && typeof fields.rewatch !== 'boolean') return 'Rewatch must be yes or no.';
  if (fields.note !== undefined) {
    const note = parseViewingNote(fields.note);
    if (!note.ok) return note.error;
  }
  return null;
}

/** One heading of the diary and the viewings under it, newest first. */
export interface DiaryMonth<T> {
  /** "2026-11" for a month, "2026" for viewings known only by year, "undated" for the rest. */
  key: string;
  /** "November 2026", "2026, month unknown" or "Date unknown". */
  label: string;
  items: T[];
}

/** The diary heading a viewing falls under: its month, else its year, else "undated". */
export function diaryMonthKey(watchedOn: string | null): string {
  return watchedOn === null ? 'undated' : watchedOn.slice(0, 7);
}

/** What a diary heading says for a key from diaryMonthKey. */
export function diaryMonthLabel(key: string): string {
  if (key === 'undated') return 'Date unknown';
  if (key.length === 4) return `${key}, month unknown`;
  return formatWatchedOn(key);
}

/**
 * Groups items already in newest-first order under their diary headings, keeping that order: November 2026,
 * October 2026, "2026, month unknown", December 2025, …, "Date unknown".
 */
export function groupByDiaryMonth<T>(items: readonly T[], watchedOnOf: (item: T) => string | null): DiaryMonth<T>[] {
  const months: DiaryMonth<T>[] = [];
  for (const item of items) {
    const key = diaryMonthKey(watchedOnOf(item));
    const current = months.at(-1);
    if (current?.key === key) current.items.push(item);
    else months.push({ key, label: diaryMonthLabel(key), items: [item] });
  }
  return months;
}
