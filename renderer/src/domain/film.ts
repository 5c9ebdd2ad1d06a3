/** A film in the catalog, and the small pure helpers every layer uses to name and order films. */
import type { PosterRef } from './poster';
import type { HalfStars } from './rating';
import { foldText } from './text-fold';

export interface CastMember {
  name: string;
  role: string;
}

/** A titled block of the film's own text (the seed's Plot, Dispute, … sections). */
export interface FilmSection {
  heading: string;
  body: string;
}

/** The fields a person edits; everything else on a Film is kept by Cinefile. */
export interface FilmFields {
  title: string;
  originalTitle: string | null;
  year: number | null;
  directors: string[];
  cast: CastMember[];
  genres: string[];
  runtimeMinutes: number | null;
  country: string | null;
  language: string | null;
  overview: string | null;
}

export interface Film extends FilmFields {
  id: string;
  tagline: string | null;
  sections: FilmSection[];
  poster: PosterRef | null;
  /** Half-stars 1–10, or null when unrated. The current rating; a viewing keeps its own snapshot. */
  rating: HalfStars | null;
  /** Wants to see it. */
  watchlist: boolean;
  favourite: boolean;
  /** Free-form tags, as the person spelt them; kept unique case-insensitively. */
  tags: string[];
  /** Derived from the title by filmSortKey; indexed for ordering. */
  sortTitle: string;
  /** Derived from the title and original title by filmTitleKeys; indexed for matching imported films. */
  titleKeys: string[];
  /** Ids the film has elsewhere ("imdb:tt0107977", "letterboxd:https://boxd.it/2bcA"); indexed for matching. */
  externalIds: string[];
  /** The import that created the film, so Undo import can remove exactly what it added. */
  importId?: string;
  createdAt: string;
  updatedAt: string;
  /**
   * When each field last changed (ISO), for the fields changed since schema 7: sync merges a film field by field, so
   * two devices editing different fields both keep their change and the same field keeps the later one. A field
   * without a time here has not changed on this device since schema 7 (or since sync last stored it).
   */
  fieldChangedAt?: Partial<Record<FilmChangeField, string>>;
}

/** The fields of a film a person (or an import) changes, each merged on its own by sync; the rest are derived or kept. */
export type FilmChangeField = Exclude<keyof Film, 'id' | 'sortTitle' | 'titleKeys' | 'importId' | 'createdAt' | 'updatedAt' | 'fieldChangedAt'>;

const DERIVED_OR_KEPT: ReadonlySet<string> = new Set(['id', 'sortTitle', 'titleKeys', 'importId', 'createdAt', 'updatedAt', 'fieldChangedAt']);

/** Whether two stored values are the same (JSON values: records hold nothing else). */
function sameStoredValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The change to write for `changes` on `film` at time `at`: the changes themselves, updatedAt, and the change time of
 * each field whose value really changes — a form saved whole stamps only the fields the person edited.
 */
export function stampedFilmChanges<T extends Partial<Film>>(film: Film, changes: T, at: string): T & Pick<Film, 'updatedAt' | 'fieldChangedAt'> {
  const stamped: Partial<Record<FilmChangeField, string>> = { ...film.fieldChangedAt };
  for (const [field, value] of Object.entries(changes)) {
    if (DERIVED_OR_KEPT.has(field) || value === undefined) continue;
    if (!sameStoredValue(film[field as keyof Film], value)) stamped[field as FilmChangeField] = at;
  }
  return { ...changes, updatedAt: at, fieldChangedAt: stamped };
}

const LEADING_ARTICLE = /^(the|a|an)\s+(?=\S)/;

/** Key that orders titles as a reader expects: case- and accent-blind, ignoring a leading "The", "A" or "An". */
export function filmSortKey(title: string): string {
  const folded = foldText(title.trim()).replace(/^[^\p{L}\p{N}]+/u, '');
  return folded.replace(LEADING_ARTICLE, '');
}

/** Articles that do not tell two titles apart when matching, in the languages film titles most often carry. */
const MATCH_ARTICLES = /^(?:(?:the|a|an|le|la|les|der|die|das|el|los|las|il|lo|gli|i)\s+|l')(?=\S)/;

/**
 * The key two spellings of one title share: folded as for sorting, without a leading article in English, French,
 * German, Spanish or Italian, and with punctuation and spacing ignored ("L'Atalante" and "Atalante" match).
 */
export function filmMatchKey(title: string): string {
  const folded = foldText(title.trim()).replace(/[’`]/g, "'");
  return folded.replace(MATCH_ARTICLES, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The match keys of a film's title and original title, without duplicates or empty keys. */
export function filmTitleKeys(fields: Pick<FilmFields, 'title' | 'originalTitle'>): string[] {
  const keys = [fields.title, fields.originalTitle ?? ''].map(filmMatchKey).filter((key) => key !== '');
  return [...new Set(keys)];
}

/** The keys a film stores derived from its fields; every write of a title recomputes them, so none goes stale. */
export function derivedFilmKeys(fields: Pick<FilmFields, 'title' | 'originalTitle'>): Pick<Film, 'sortTitle' | 'titleKeys'> {
  return { sortTitle: filmSortKey(fields.title), titleKeys: filmTitleKeys(fields) };
}

/** What a film stores besides its fields when it is created: all optional, defaulting to a film just added by hand. */
export type NewFilmExtras = Partial<Pick<Film, 'rating' | 'watchlist' | 'favourite' | 'tags' | 'externalIds' | 'poster' | 'importId'>>;

/** The one way a new film record is built (by the add form through db/films, and by imports). */
export function newFilmRecord(fields: FilmFields, extras: NewFilmExtras, id: string, now: Date): Film {
  const timestamp = now.toISOString();
  return {
    ...fields,
    id,
    tagline: null,
    sections: [],
    poster: null,
    rating: null,
    watchlist: false,
    favourite: false,
    tags: [],
    externalIds: [],
    ...extras,
    ...derivedFilmKeys(fields),
    createdAt: timestamp,
    updatedAt: timestamp,
  };
}

/** "Red Hot (1993)", or the bare title when the year is unknown. */
export function filmDisplayTitle(film: Pick<Film, 'title' | 'year'>): string {
  return film.year === null ? film.title : `${film.title} (${film.year})`;
}

/** "1 h 47 min", "52 min", or null when unknown. */
export function runtimeLabel(minutes: number | null): string | null {
  if (minutes === null) return null;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
