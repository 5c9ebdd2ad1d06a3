/**
 * What an export of a list, the Diary or a Library view reads from the catalog: rows in the order shown, each with
 * the film fields exports print and whether the film has been seen. Posters are added by the UI, which knows how
 * to read bundled ones; the films' poster references come along for it.
 */
import type { ExportedFilm, ExportRow } from '../domain/exchange/export-model';
import type { LetterboxdExportSource } from '../domain/exchange/letterboxd-export';
import type { Film } from '../domain/film';
import { compareListEntries } from '../domain/list';
import type { PosterRef } from '../domain/poster';
import { compareViewingsNewestFirst } from '../domain/viewing';
import { MissingRecordError } from '../domain/errors';
import { db } from './index';

export interface ExportRows {
  rows: ExportRow[];
  posters: Map<string, PosterRef | null>;
}

function exported(film: Film): ExportedFilm {
  const { id, title, originalTitle, year, directors, genres, runtimeMinutes, rating, tags, externalIds, watchlist, favourite } = film;
  return { id, title, originalTitle, year, directors, genres, runtimeMinutes, rating, tags, externalIds, watchlist, favourite };
}

async function seenIds(filmIds: string[]): Promise<Set<string>> {
  if (filmIds.length === 0) return new Set();
  return new Set((await db.viewings.where('filmId').anyOf(filmIds).uniqueKeys()).map(String));
}

/** A list's films in its order, ranked or not, with each entry's note. */
export function listExportRows(listId: string): Promise<ExportRows & { name: string; description: string; ranked: boolean }> {
  return db.transaction('r', [db.lists, db.listEntries, db.films, db.viewings], async () => {
    const list = await db.lists.get(listId);
    if (!list) throw new MissingRecordError('list');
    const entries = (await db.listEntries.where('listId').equals(listId).toArray()).sort(compareListEntries);
    const films = await db.films.bulkGet(entries.map((entry) => entry.filmId));
    const seen = await seenIds(entries.map((entry) => entry.filmId));
    const rows: ExportRow[] = [];
    const posters = new Map<string, PosterRef | null>();
    entries.forEach((entry, index) => {
      const film = films[index];
      if (!film) return;
      posters.set(film.id, film.poster);
      rows.push({ rank: list.ranked ? rows.length + 1 : null, film: exported(film), note: entry.note, viewing: null, seen: seen.has(film.id), poster: null });
    });
    return { rows, posters, name: list.name, description: list.description, ranked: list.ranked };
  });
}

/** Every viewing, newest first, each with its film. */
export function diaryExportRows(): Promise<ExportRows> {
  return db.transaction('r', [db.viewings, db.films], async () => {
    const viewings = (await db.viewings.toArray()).sort(compareViewingsNewestFirst);
    const films = new Map((await db.films.bulkGet([...new Set(viewings.map((viewing) => viewing.filmId))])).flatMap((film) => (film ? [[film.id, film] as const] : [])));
    const rows: ExportRow[] = [];
    const posters = new Map<string, PosterRef | null>();
    for (const viewing of viewings) {
      const film = films.get(viewing.filmId);
      if (!film) continue;
      posters.set(film.id, film.poster);
      const { watchedOn, rewatch, rating } = viewing;
      rows.push({ rank: null, film: exported(film), note: viewing.note, viewing: { watchedOn, rewatch, rating }, seen: true, poster: null });
    }
    return { rows, posters };
  });
}

/** The given films (a Library view, in its order); films deleted meanwhile are left out. */
export async function filmsExportRows(filmIds: readonly string[]): Promise<ExportRows> {
  const films = (await db.films.bulkGet([...filmIds])).filter((film) => film !== undefined);
  const seen = await seenIds(films.map((film) => film.id));
  return {
    rows: films.map((film) => ({ rank: null, film: exported(film), note: '', viewing: null, seen: seen.has(film.id), poster: null })),
    posters: new Map(films.map((film) => [film.id, film.poster])),
  };
}

/** Everything a Letterboxd or IMDb export needs: every film, viewing and note. */
export function catalogForExport(): Promise<LetterboxdExportSource> {
  return db.transaction('r', [db.films, db.viewings, db.notes], async () => {
    const [films, viewings, notes] = await Promise.all([db.films.toArray(), db.viewings.toArray(), db.notes.toArray()]);
    return { films, viewings, notes };
  });
}
