/**
 * Tags and the watchlist/favourite flags on films: reading every tag in use (from the films' tags index), and
 * changing them on one film, many films, or every film with a tag (rename, merge), each change undoable.
 */
import type { Film } from '../../domain/film';
import { countTags, MAX_TAGS_PER_FILM, tagKey, withoutTag, withTag, withTagRenamed, type TagCount } from '../../domain/tags';
import { db } from '../index';
import { changeFilm, changeFilms, requireFilm } from './change';

export type FilmFlag = 'watchlist' | 'favourite';

function flagChange(flag: FilmFlag, on: boolean): Pick<Film, 'watchlist'> | Pick<Film, 'favourite'> {
  return flag === 'watchlist' ? { watchlist: on } : { favourite: on };
}

/** Every tag in use with how many films carry it, read from the index without loading films. */
export async function allTags(): Promise<TagCount[]> {
  const keys = (await db.films.orderBy('tags').keys()) as string[];
  return countTags(keys);
}

/** Turns the watchlist or favourite flag on or off. */
export function setFilmFlag(filmId: string, flag: FilmFlag, on: boolean, now: Date = new Date()): Promise<void> {
  return changeFilm(filmId, flagChange(flag, on), now);
}

/** Flips a flag and returns its new value. */
export function toggleFilmFlag(filmId: string, flag: FilmFlag, now: Date = new Date()): Promise<boolean> {
  return db.transaction('rw', db.films, async () => {
    const film = await requireFilm(filmId);
    await changeFilm(filmId, flagChange(flag, !film[flag]), now);
    return !film[flag];
  });
}

/** Sets a flag on many films at once (Library multi-select); a film deleted since it was selected is left out. */
export async function setFlagOnFilms(filmIds: readonly string[], flag: FilmFlag, on: boolean, now: Date = new Date()): Promise<void> {
  await changeFilms(filmIds.map((id) => ({ id, changes: flagChange(flag, on) })), now, 'skip');
}

/** Adds a validated tag to a film (no duplicate, ignoring case and accents). */
export function addTagToFilm(filmId: string, tag: string, now: Date = new Date()): Promise<void> {
  return db.transaction('rw', db.films, async () => {
    const film = await requireFilm(filmId);
    if (film.tags.length >= MAX_TAGS_PER_FILM) throw new Error(`A film can have up to ${MAX_TAGS_PER_FILM} tags.`);
    await changeFilm(filmId, { tags: withTag(film.tags, tag) }, now);
  });
}

export function removeTagFromFilm(filmId: string, tag: string, now: Date = new Date()): Promise<void> {
  return db.transaction('rw', db.films, async () => {
    const film = await requireFilm(filmId);
    await changeFilm(filmId, { tags: withoutTag(film.tags, tag) }, now);
  });
}

/** The tags of the films a rename touched, as they were, so it can be undone. */
export type TagsBefore = Pick<Film, 'id' | 'tags'>[];

/**
 * Renames a tag on every film; if `to` already exists the two merge. Returns the previous tags of each film
 * changed, for Undo. Tags that differ only in case or accents are renamed together.
 */
export function renameTag(from: string, to: string, now: Date = new Date()): Promise<TagsBefore> {
  return db.transaction('rw', db.films, async () => {
    const spellings = (await allTags()).map(({ tag }) => tag).filter((tag) => tagKey(tag) === tagKey(from));
    const films = await db.films.where('tags').anyOf(spellings.length > 0 ? spellings : [from]).toArray();
    const before: TagsBefore = [];
    for (const film of films) {
      if (before.some((entry) => entry.id === film.id)) continue;
      before.push({ id: film.id, tags: film.tags });
      await changeFilm(film.id, { tags: withTagRenamed(film.tags, from, to) }, now);
    }
    return before;
  });
}

/**
 * Puts films' tags back as they were before a rename, a merge or a removal, stamping updatedAt like any change; a
 * film deleted since is left out.
 */
export async function restoreTags(before: TagsBefore, now: Date = new Date()): Promise<void> {
  await changeFilms(before.map(({ id, tags }) => ({ id, changes: { tags } })), now, 'skip');
}
