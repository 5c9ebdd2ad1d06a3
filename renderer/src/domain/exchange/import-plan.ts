/**
 * What an import brings in, in no particular format: every codec (Letterboxd, IMDb, Tellico) turns its files into
 * an ImportPlan, and one db function (db/imports) compares a plan with the catalog and applies it in one transaction.
 * A plan refers to its films by a plan-local `ref`, never by catalog ids: which catalog film a planned film is, is
 * decided later, by matching (external ids first, then title + year).
 */
import type { CopyFields, CopyFormat } from '../copy';
import { FILM_TEXT_LIMITS, filmDraftFromFilm, parseFilmDraft } from '../film-draft';
import type { FilmFields } from '../film';
import type { HalfStars } from '../rating';
import type { ViewingMedium } from '../viewing';

export const importFormats = ['letterboxd', 'imdb', 'tellico', 'cinefile'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** How each format is named to a person. */
export const importFormatLabels: Readonly<Record<ImportFormat, string>> = {
  letterboxd: 'Letterboxd',
  imdb: 'IMDb',
  tellico: 'Tellico',
  cinefile: 'Cinefile backup',
};

/** Where a thing came from: the file's path inside what was imported (e.g. "lists/best-of-1993.csv") and its line. */
export interface ImportOrigin {
  file: string;
  /** 1-based line of the file where the record starts; null for what has no line (an XML element, a whole file). */
  line: number | null;
}

/**
 * A film as an export describes it. Fields it does not know are empty (null, []). `rating`, `watchlist` and
 * `favourite` are left undefined when the export says nothing about them, so an import never clears what it did
 * not mention.
 */
export interface ImportedFilm {
  /** Plan-local key, unique within the plan; viewings, notes, list entries and copies point at it. */
  ref: string;
  fields: FilmFields;
  /** External ids made by externalId(): matched against the catalog's films before any title. */
  externalIds: string[];
  rating?: HalfStars | null;
  watchlist?: boolean;
  favourite?: boolean;
  tags: string[];
  /** Key into ImportPlan.images of the film's cover, when the export has one. */
  posterPath?: string;
  origin: ImportOrigin;
}

export interface ImportedViewing {
  filmRef: string;
  /** YYYY-MM-DD, YYYY-MM, YYYY or null, as viewings store it. */
  watchedOn: string | null;
  rewatch: boolean;
  rating: HalfStars | null;
  /** Where or how, and a short note, when the source knows them (a Cinefile backup does). */
  medium?: ViewingMedium | null;
  note?: string;
  origin: ImportOrigin;
}

export interface ImportedNote {
  filmRef: string;
  /** Markdown, as written (a review). */
  body: string;
  /** YYYY-MM-DD the note was written, when the export says; the note's createdAt becomes that day. */
  writtenOn: string | null;
  origin: ImportOrigin;
}

export interface ImportedListEntry {
  filmRef: string;
  note: string;
}

export interface ImportedList {
  name: string;
  description: string;
  ranked: boolean;
  /** In the list's order. */
  entries: ImportedListEntry[];
  origin: ImportOrigin;
}

export interface ImportedLoan {
  borrower: string;
  /** YYYY-MM-DD. */
  lentOn: string;
  dueOn: string | null;
}

/** A copy the person owns (Tellico's medium), with the loan it is out on, if any. */
export interface ImportedCopy {
  filmRef: string;
  format: CopyFormat;
  loan: ImportedLoan | null;
  /** The copy's other details, when the source knows them (a Cinefile backup does). */
  details?: Omit<CopyFields, 'format'>;
  origin: ImportOrigin;
}

/** A row or record the import leaves out, and why: always shown in the preview, never dropped silently. */
export interface SkippedRecord {
  origin: ImportOrigin;
  /** What the row names, when it names something ("Twin Peaks (1990)"). */
  title: string | null;
  reason: string;
}

export interface ImportedImage {
  bytes: Uint8Array;
  mimeType: 'image/jpeg' | 'image/png' | 'image/webp';
}

export interface ImportPlan {
  format: ImportFormat;
  /** What the person chose, as they would recognise it ("letterboxd-jane-2026-11-29.zip"). */
  sourceName: string;
  films: ImportedFilm[];
  viewings: ImportedViewing[];
  notes: ImportedNote[];
  lists: ImportedList[];
  copies: ImportedCopy[];
  skipped: SkippedRecord[];
  /** Cover images by path (Tellico); an ImportedFilm's posterPath is a key here. */
  images: Record<string, ImportedImage>;
}

/** An import that cannot go ahead at all (a file that is not an export, or is damaged); nothing is written. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly origin: ImportOrigin | null = null,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

export type ExternalIdKind = 'imdb' | 'letterboxd' | 'tellico';

/**
 * The one spelling of an external id, as films store and index it: "imdb:tt0107977",
 * "letterboxd:https://boxd.it/2bcA", "tellico:<collection title>#<entry id>".
 */
export function externalId(kind: ExternalIdKind, value: string): string {
  return `${kind}:${value.trim()}`;
}

/** An IMDb title id ("tt0107977") from an id or any IMDb title URL; null when there is none. */
export function imdbIdFrom(text: string): string | null {
  const match = /\btt(\d{7,10})\b/.exec(text);
  return match ? `tt${match[1]}` : null;
}

/** An empty plan to fill. */
export function emptyImportPlan(format: ImportFormat, sourceName: string): ImportPlan {
  return { format, sourceName, films: [], viewings: [], notes: [], lists: [], copies: [], skipped: [], images: {} };
}

/** Fields of a film known only by its title (and perhaps year): everything else empty. */
export function bareFilmFields(title: string, year: number | null): FilmFields {
  return {
    title,
    originalTitle: null,
    year,
    directors: [],
    cast: [],
    genres: [],
    runtimeMinutes: null,
    country: null,
    language: null,
    overview: null,
  };
}

/**
 * A table read from a CSV file: its path inside the import and its rows, each with the 1-based line it starts on
 * (a quoted field can span lines, so row index and line differ). The CSV reader (workers/) has already decoded the
 * text (UTF-8, a BOM, or Windows-1252) and refused malformed quoting, so codecs see clean cells.
 */
export interface CsvTable {
  path: string;
  rows: CsvRow[];
}

export interface CsvRow {
  line: number;
  cells: string[];
}

export type ImportedFieldsCheck = { ok: true; fields: FilmFields } | { ok: false; reason: string };

/**
 * Checks a film read from a file with the same rules as the add-film form (a title, lengths, a year between 1870
 * and ten years ahead, a sane runtime), so an import can store nothing a person could not have typed. On success
 * the fields come back trimmed, with blank optional text as null.
 */
export function checkImportedFields(fields: FilmFields, now: Date = new Date()): ImportedFieldsCheck {
  const result = parseFilmDraft(
    {
      ...filmDraftFromFilm(fields),
      // The draft joins names with commas; a name that itself holds a comma is checked whole below.
      directors: '',
      genres: '',
    },
    now,
  );
  const errors = result.ok ? [] : Object.values(result.errors);
  const nameLimit = FILM_TEXT_LIMITS.name;
  const longName = fields.directors.find((name) => name.trim().length > nameLimit);
  if (longName !== undefined) errors.push(`A director's name is ${longName.trim().length.toLocaleString('en')} characters long; the limit is ${nameLimit}.`);
  const longGenre = fields.genres.find((genre) => genre.trim().length > FILM_TEXT_LIMITS.genre);
  if (longGenre !== undefined) errors.push(`A genre is ${longGenre.trim().length.toLocaleString('en')} characters long; the limit is ${FILM_TEXT_LIMITS.genre}.`);
  if (!result.ok || errors.length > 0) return { ok: false, reason: errors.join(' ') };
  const clean = (items: string[]) => [...new Set(items.map((item) => item.trim()).filter((item) => item !== ''))];
  return { ok: true, fields: { ...result.fields, directors: clean(fields.directors), genres: clean(fields.genres) } };
}

/**
 * A plan with no film and nothing skipped came from an export that holds nothing to import (a Letterboxd zip with
 * only profile.csv, an empty collection): that is said as an error, not shown as an empty preview.
 */
export function planWithFilms(plan: ImportPlan): ImportPlan {
  if (plan.films.length === 0 && plan.skipped.length === 0) {
    throw new ImportError(`“${plan.sourceName}” holds no films to import.`);
  }
  return plan;
}
