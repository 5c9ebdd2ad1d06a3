/** Tags and the watchlist/favourite flags on films. */
import { MissingRecordError } from '../domain/errors';
import type { Film } from '../domain/film';
import { countTags, MAX_TAGS_PER_FILM, tagKey, withoutTag, withTag, withTagRenamed, type TagCount } from '../domain/tags';
import { db } from './index';


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
export async function setFilmFlag(filmId: string, flag: FilmFlag, on: boolean): Promise<void> {
  const changed = await db.films.update(filmId, { ...flagChange(flag, on), updatedAt: new Date().toISOString() });
  if (changed === 0) throw new MissingRecordError('film');
}

/** Flips a flag and returns its new value. */
export function toggleFilmFlag(filmId: string, flag: FilmFlag): Promise<boolean> {
  return db.transaction('rw', db.films, async () => {
    const film = await db.films.get(filmId);
    if (!film) throw new MissingRecordError('film');
    await db.films.update(filmId, { ...flagChange(flag, !film[flag]), updatedAt: new Date().toISOString() });
    return !film[flag];
  });
}

/** Sets a flag on many films at once (Library multi-select). */
export async function setFlagOnFilms(filmIds: readonly string[], flag: FilmFlag, on: boolean): Promise<void> {
  const updatedAt = new Date().toISOString();
  await db.transaction('rw', db.films, () =>
    db.films.bulkUpdate(filmIds.map((key) => ({ key, changes: { ...flagChange(flag, on), updatedAt } }))),
  );
}

/** Adds a validated tag to a film (no duplicate, ignoring case and accents). */
export function addTagToFilm(filmId: string, tag: string): Promise<void> {
  return db.transaction('rw', db.films, async () => {
    const film = await db.films.get(filmId);
    if (!film) throw new MissingRecordError('film');
    if (film.tags.length >= MAX_TAGS_PER_FILM) throw new Error(`A film can have up to ${MAX_TAGS_PER_FILM} tags.`);
    await db.films.update(filmId, { tags: withTag(film.tags, tag), updatedAt: new Date().toISOString() });
  });
}

export function removeTagFromFilm(filmId: string, tag: string): Promise<void> {
  return db.transaction('rw', db.films, async () => {
    const film = await db.films.get(filmId);
    if (!film) throw new MissingRecordError('film');
    await db.films.update(filmId, { tags: withoutTag(film.tags, tag), updatedAt: new Date().toISOString() });
  });
}

/** The tags of the films a rename touched, as they were, so it can be undone. */
export type TagsBefore = Pick<Film, 'id' | 'tags'>[];

/**
 * Renames a tag on every film; if `to` already exists the two merge. Returns the previous tags of each film
 * changed, for Undo. Tags that differ only in case or accents are renamed together.
 */
export function renameTag(from: string, to: string): Promise<TagsBefore> {
  return db.transaction('rw', db.films, async () => {
    const spellings = (await allTags()).map(({ tag }) => tag).filter((tag) => tagKey(tag) === tagKey(from));
    const films = await db.films.where('tags').anyOf(spellings.length > 0 ? spellings : [from]).toArray();
    const before: TagsBefore = [];
    const updatedAt = new Date().toISOString();
    for (const film of films) {
      if (before.some((entry) => entry.id === film.id)) continue;
      before.push({ id: film.id, tags: film.tags });
      await db.films.update(film.id, { tags: withTagRenamed(film.tags, from, to), updatedAt });
    }
    return before;
  });
}

/** Puts films' tags back as they were before a rename or merge. */
export async function restoreTags(before: TagsBefore): Promise<void> {
  await db.transaction('rw', db.films, () =>
    db.films.bulkUpdate(before.map(({ id, tags }) => ({ key: id, changes: { tags } }))),
  );
}
