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
  createdAt: string;
  updatedAt: string;
}

const LEADING_ARTICLE = /^(the|a|an)\s+(?=\S)/;

/** Key that orders titles as a reader expects: case- and accent-blind, ignoring a leading "The", "A" or "An". */
export function filmSortKey(title: string): string {
  const folded = foldText(title.trim()).replace(/^[^\p{L}\p{N}]+/u, '');
  return folded.replace(LEADING_ARTICLE, '');
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
