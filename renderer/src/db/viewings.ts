/** Viewings: each time a film was watched, and the diary that lists them all. */
import { MissingRecordError } from '../domain/errors';
import type { Film } from '../domain/film';
import {
  compareViewingsNewestFirst,
  isRewatch,
  viewingFieldsProblem,
  type Viewing,
  type ViewingFields,
} from '../domain/viewing';
import { db, newId } from './index';

/** What a caller may say about a new viewing besides its date; rewatch is worked out when left out. */
export type ViewingDetails = Partial<Omit<ViewingFields, 'watchedOn'>>;

function assertSound(fields: Partial<ViewingFields>, now: Date): void {
  const problem = viewingFieldsProblem(fields, now);
  if (problem !== null) throw new RangeError(problem);
}

/** A film's viewings, newest first. */
export async function viewingsOfFilm(filmId: string): Promise<Viewing[]> {
  const viewings = await db.viewings.where('filmId').equals(filmId).toArray();
  return viewings.sort(compareViewingsNewestFirst);
}

/**
 * Logs a viewing on a date (YYYY-MM-DD, YYYY-MM, YYYY, or null when unknown). Unless told, it is a rewatch when
 * the film already has a viewing before that date, or an undated one.
 */
export async function logViewing(
  filmId: string,
  watchedOn: string | null,
  details: ViewingDetails = {},
  now: Date = new Date(),
): Promise<string> {
  assertSound({ ...details, watchedOn }, now);
  return db.transaction('rw', [db.films, db.viewings], async () => {
    if (!(await db.films.get(filmId))) throw new MissingRecordError('film');
    const loggedBefore = await db.viewings.where('filmId').equals(filmId).toArray();
    const timestamp = now.toISOString();
    const viewing: Viewing = {
      id: newId(),
      filmId,
      watchedOn,
      rewatch: details.rewatch ?? isRewatch(watchedOn, loggedBefore),
      rating: details.rating ?? null,
      medium: details.medium ?? null,
      note: details.note?.trim() ?? '',
      createdAt: timestamp,
      updatedAt: timestamp,
    };
    await db.viewings.add(viewing);
    return viewing.id;
  });
}

/** Changes what was said about a viewing (its date, rewatch, rating, medium or note) and stamps the edit time. */
export async function updateViewing(id: string, changes: Partial<ViewingFields>, now: Date = new Date()): Promise<void> {
  assertSound(changes, now);
  await db.transaction('rw', db.viewings, async () => {
    const viewing = await db.viewings.get(id);
    if (!viewing) throw new MissingRecordError('viewing');
    const note = changes.note === undefined ? {} : { note: changes.note.trim() };
    await db.viewings.put({ ...viewing, ...changes, ...note, updatedAt: now.toISOString() });
  });
}

/** Removes one viewing; returns it so the removal can be undone. */
export async function deleteViewing(id: string): Promise<Viewing | undefined> {
  return db.transaction('rw', db.viewings, async () => {
    const viewing = await db.viewings.get(id);
    await db.viewings.delete(id);
    return viewing;
  });
}

/** Puts back a removed viewing. */
export async function restoreViewing(viewing: Viewing): Promise<void> {
  await db.viewings.put(viewing);
}

/** The little of a film the diary shows beside a viewing. */
export type DiaryFilm = Pick<Film, 'id' | 'title' | 'year' | 'poster'>;

export interface DiaryEntry {
  viewing: Viewing;
  film: DiaryFilm;
}

/** The newest diary entries, how many viewings there are in all, and of how many different films. */
export interface DiarySlice {
  entries: DiaryEntry[];
  total: number;
  filmCount: number;
}

/**
 * The newest `limit` viewings, newest first, with the title, year and poster of each one's film. Only what is
 * shown is read: dated viewings come through the watchedOn index (which leaves null dates out), undated ones by key
 * once every dated one is shown, and films only for the entries returned. Counting reads keys, never records.
 */
export function diaryEntries(limit: number = Number.POSITIVE_INFINITY): Promise<DiarySlice> {
  return db.transaction('r', [db.viewings, db.films], async () => {
    const [total, filmIds] = await Promise.all([db.viewings.count(), db.viewings.orderBy('filmId').uniqueKeys()]);
    const byDate = db.viewings.orderBy('watchedOn').reverse();
    const dated = await (Number.isFinite(limit) ? byDate.limit(limit) : byDate).toArray();
    const last = dated.at(-1);
    let more: Viewing[] = [];
    if (dated.length === limit && last?.watchedOn) {
      // The index orders same-date viewings by id, not by when they were logged: take the whole last date.
      more = await db.viewings.where('watchedOn').equals(last.watchedOn).toArray();
    } else if (dated.length < limit && total > dated.length) {
      const datedIds = new Set(dated.map((viewing) => viewing.id));
      const undatedIds = (await db.viewings.toCollection().primaryKeys()).filter((id) => !datedIds.has(id));
      more = (await db.viewings.bulkGet(undatedIds)).filter((viewing) => viewing !== undefined);
    }
    const seen = new Set(dated.map((viewing) => viewing.id));
    const shown = [...dated, ...more.filter((viewing) => !seen.has(viewing.id))]
      .sort(compareViewingsNewestFirst)
      .slice(0, limit);
    return { entries: await withFilms(shown), total, filmCount: filmIds.length };
  });
}

/**
 * The viewings of one period, "YYYY" or "YYYY-MM" (a Stats chart's bar, a heatmap day's month), newest first, up to
 * `limit`. A period holds the viewings dated in it at any precision: "2019" also those known only by year, "2019-05"
 * those known only by month. Read through the watchedOn index, so a year of viewings costs a year's worth.
 */
export function diaryEntriesIn(period: string, limit: number = Number.POSITIVE_INFINITY): Promise<DiarySlice> {
  return db.transaction('r', [db.viewings, db.films], async () => {
    const inPeriod = await db.viewings.where('watchedOn').between(period, `${period}\uffff`, true, true).toArray();
    const shown = inPeriod.sort(compareViewingsNewestFirst).slice(0, limit);
    return { entries: await withFilms(shown), total: inPeriod.length, filmCount: new Set(inPeriod.map((viewing) => viewing.filmId)).size };
  });
}

/** Joins each viewing to the little of its film the diary shows. */
async function withFilms(viewings: Viewing[]): Promise<DiaryEntry[]> {
  const films = new Map<string, DiaryFilm>();
  for (const film of await db.films.bulkGet([...new Set(viewings.map((viewing) => viewing.filmId))])) {
    if (film) films.set(film.id, { id: film.id, title: film.title, year: film.year, poster: film.poster });
  }
  const entries: DiaryEntry[] = [];
  for (const viewing of viewings) {
    const film = films.get(viewing.filmId);
    // A viewing whose film is gone cannot link anywhere; deleteFilm removes both together, so this is defensive.
    if (film) entries.push({ viewing, film });
  }
  return entries;
}
