/**
 * The add/edit form's text, and its conversion to FilmFields with a clear message for each field a person
 * got wrong. Limits are generous for real films and stop absurd input (a 10,000-character title).
 */
import type { CastMember, FilmFields } from './film';

export interface CastDraft {
  name: string;
  role: string;
}

export interface FilmDraft {
  title: string;
  originalTitle: string;
  year: string;
  /** Comma-separated names. */
  directors: string;
  cast: CastDraft[];
  /** Comma-separated genres. */
  genres: string;
  runtimeMinutes: string;
  country: string;
  language: string;
  overview: string;
}

export type FilmDraftField = Exclude<keyof FilmDraft, never>;
export type FilmDraftErrors = Partial<Record<FilmDraftField, string>>;

export type FilmDraftResult = { ok: true; fields: FilmFields } | { ok: false; errors: FilmDraftErrors };

export const FILM_TEXT_LIMITS = {
  title: 500,
  originalTitle: 500,
  name: 200,
  role: 200,
  genre: 60,
  country: 100,
  language: 100,
  overview: 20_000,
} as const;

export const EARLIEST_FILM_YEAR = 1870;
/** The longest released films run for days; past this a runtime is a typo. */
export const MAX_RUNTIME_MINUTES = 100_000;

/** Latest year a film may carry: announced films are catalogued up to ten years ahead. */
export function latestFilmYear(now: Date): number {
  return now.getFullYear() + 10;
}

export const emptyFilmDraft: FilmDraft = {
  title: '',
  originalTitle: '',
  year: '',
  directors: '',
  cast: [],
  genres: '',
  runtimeMinutes: '',
  country: '',
  language: '',
  overview: '',
};

/** The form's starting text for an existing film. */
export function filmDraftFromFilm(film: FilmFields): FilmDraft {
  return {
    title: film.title,
    originalTitle: film.originalTitle ?? '',
    year: film.year === null ? '' : String(film.year),
    directors: film.directors.join(', '),
    cast: film.cast.map((member) => ({ ...member })),
    genres: film.genres.join(', '),
    runtimeMinutes: film.runtimeMinutes === null ? '' : String(film.runtimeMinutes),
    country: film.country ?? '',
    language: film.language ?? '',
    overview: film.overview ?? '',
  };
}

function tooLong(label: string, limit: number, length: number): string {
  return `${label} is ${length.toLocaleString('en')} characters long; the limit is ${limit.toLocaleString('en')}.`;
}

function optionalText(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function parseWholeNumber(value: string): number | null | 'invalid' {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (!/^-?\d+$/.test(trimmed)) return 'invalid';
  return Number(trimmed);
}

function parseYear(value: string, now: Date): { year: number | null; error?: string } {
  const year = parseWholeNumber(value);
  if (year === 'invalid') return { year: null, error: 'Year must be a whole number, like 1993.' };
  const latest = latestFilmYear(now);
  if (year !== null && (year < EARLIEST_FILM_YEAR || year > latest)) {
    return { year: null, error: `Year must be between ${EARLIEST_FILM_YEAR} and ${latest}.` };
  }
  return { year };
}

function parseRuntime(value: string): { runtime: number | null; error?: string } {
  const runtime = parseWholeNumber(value);
  if (runtime === 'invalid') return { runtime: null, error: 'Runtime must be a whole number of minutes.' };
  if (runtime !== null && runtime < 0) return { runtime: null, error: 'Runtime cannot be negative.' };
  if (runtime === 0) return { runtime: null, error: 'Runtime must be at least 1 minute, or left empty.' };
  if (runtime !== null && runtime > MAX_RUNTIME_MINUTES) {
    return { runtime: null, error: `Runtime must be at most ${MAX_RUNTIME_MINUTES.toLocaleString('en')} minutes.` };
  }
  return { runtime };
}

function parseCast(rows: CastDraft[]): { cast: CastMember[]; error?: string } {
  const cast: CastMember[] = [];
  for (const [index, row] of rows.entries()) {
    const name = row.name.trim();
    const role = row.role.trim();
    if (name === '' && role === '') continue;
    const which = `Cast member ${index + 1}`;
    if (name === '') return { cast, error: `${which} has a role but no name.` };
    if (name.length > FILM_TEXT_LIMITS.name) return { cast, error: tooLong(`${which}'s name`, FILM_TEXT_LIMITS.name, name.length) };
    if (role.length > FILM_TEXT_LIMITS.role) return { cast, error: tooLong(`${which}'s role`, FILM_TEXT_LIMITS.role, role.length) };
    cast.push({ name, role });
  }
  return { cast };
}

function checkListItems(items: string[], label: string, limit: number): string | undefined {
  const long = items.find((item) => item.length > limit);
  return long === undefined ? undefined : tooLong(`${label} "${long.slice(0, 40)}…"`, limit, long.length);
}

/** Validates the form; returns the film's fields, or a message per field that needs fixing. */
export function parseFilmDraft(draft: FilmDraft, now: Date = new Date()): FilmDraftResult {
  const errors: FilmDraftErrors = {};
  const title = draft.title.trim();
  if (title === '') errors.title = 'Title is required.';
  else if (title.length > FILM_TEXT_LIMITS.title) errors.title = tooLong('Title', FILM_TEXT_LIMITS.title, title.length);

  const originalTitle = optionalText(draft.originalTitle);
  if (originalTitle !== null && originalTitle.length > FILM_TEXT_LIMITS.originalTitle) {
    errors.originalTitle = tooLong('Original title', FILM_TEXT_LIMITS.originalTitle, originalTitle.length);
  }

  const { year, error: yearError } = parseYear(draft.year, now);
  if (yearError) errors.year = yearError;

  const directors = splitList(draft.directors);
  const directorError = checkListItems(directors, 'Director', FILM_TEXT_LIMITS.name);
  if (directorError) errors.directors = directorError;

  const { cast, error: castError } = parseCast(draft.cast);
  if (castError) errors.cast = castError;

  const genres = splitList(draft.genres);
  const genreError = checkListItems(genres, 'Genre', FILM_TEXT_LIMITS.genre);
  if (genreError) errors.genres = genreError;

  const { runtime, error: runtimeError } = parseRuntime(draft.runtimeMinutes);
  if (runtimeError) errors.runtimeMinutes = runtimeError;

  const country = optionalText(draft.country);
  if (country !== null && country.length > FILM_TEXT_LIMITS.country) {
    errors.country = tooLong('Country', FILM_TEXT_LIMITS.country, country.length);
  }
  const language = optionalText(draft.language);
  if (language !== null && language.length > FILM_TEXT_LIMITS.language) {
    errors.language = tooLong('Language', FILM_TEXT_LIMITS.language, language.length);
  }
  const overview = optionalText(draft.overview);
  if (overview !== null && overview.length > FILM_TEXT_LIMITS.overview) {
    errors.overview = tooLong('Overview', FILM_TEXT_LIMITS.overview, overview.length);
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      title,
      originalTitle,
      year,
      directors,
      cast,
      genres,
      runtimeMinutes: runtime,
      country,
      language,
      overview,
    },
  };
}
