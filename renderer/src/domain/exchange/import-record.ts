/**
 * What the catalog remembers of an import, so that Undo import can take back exactly what it did, even after a
 * restart: the records it created carry its id (importId), and the films it changed keep, field by field, what
 * they held before and what the import set.
 */
import type { Film } from '../film';
import type { ImportFormat } from './import-plan';

/** The fields of a matched film an import may change. */
export const importChangeableFilmFields = [
  'rating', 'watchlist', 'favourite', 'tags', 'externalIds', 'poster',
  'originalTitle', 'year', 'directors', 'cast', 'genres', 'runtimeMinutes', 'country', 'language', 'overview',
  'titleKeys',
] as const satisfies readonly (keyof Film)[];
export type ImportChangeableFilmField = (typeof importChangeableFilmFields)[number];
export type FilmFieldValues = Partial<Pick<Film, ImportChangeableFilmField>>;

/** One existing film an import changed: the fields it set, before and after. */
export interface FilmChange {
  filmId: string;
  before: FilmFieldValues;
  after: FilmFieldValues;
}

/** How much an import brought in, as the preview and the import history say it. */
export interface ImportCounts {
  filmsAdded: number;
  filmsUpdated: number;
  viewings: number;
  notes: number;
  lists: number;
  listEntries: number;
  /** Tags put on films (one per film and tag). */
  tags: number;
  copies: number;
  posters: number;
}

export interface ImportRecord {
  id: string;
  format: ImportFormat;
  sourceName: string;
  importedAt: string;
  counts: ImportCounts;
  filmChanges: FilmChange[];
  /** Set when the import was undone; the record stays as history. */
  undoneAt: string | null;
  updatedAt: string;
}

/** True when an import (or its preview) brings nothing in. */
export function isEmptyImport(counts: ImportCounts): boolean {
  return Object.values(counts).every((count) => count === 0);
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** "12 films added, 3 updated, 40 viewings, 2 notes, 1 list": only what is not zero; "nothing new" when all are. */
export function importCountsSummary(counts: ImportCounts): string {
  const parts = [
    counts.filmsAdded > 0 ? `${plural(counts.filmsAdded, 'film', 'films')} added` : '',
    counts.filmsUpdated > 0 ? `${plural(counts.filmsUpdated, 'film', 'films')} updated` : '',
    counts.viewings > 0 ? plural(counts.viewings, 'viewing', 'viewings') : '',
    counts.notes > 0 ? plural(counts.notes, 'note', 'notes') : '',
    counts.lists > 0 ? plural(counts.lists, 'list', 'lists') : '',
    counts.listEntries > 0 ? plural(counts.listEntries, 'list entry', 'list entries') : '',
    counts.tags > 0 ? plural(counts.tags, 'tag', 'tags') : '',
    counts.copies > 0 ? plural(counts.copies, 'copy', 'copies') : '',
    counts.posters > 0 ? plural(counts.posters, 'poster', 'posters') : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? 'nothing new' : parts.join(', ');
}
