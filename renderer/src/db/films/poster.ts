/**
 * A film's poster: setting it to a new image, removing it, and taking a change back. The image records (posters
 * table) change in the same transaction as the film that points at them; their Blobs are read for display by
 * db/posters.
 */
import type { PosterImage, PosterMimeType, PosterRef } from '../../domain/poster';
import { db, newId } from '../index';
import { changeFilm, requireFilm } from './change';

/** What is known about a decoded poster image besides its bytes. */
export interface PosterImageMeta {
  mimeType: PosterMimeType;
  width: number;
  height: number;
}

/** A change to a film's poster, with what it replaced, so it can be undone exactly. */
export interface PosterChange {
  filmId: string;
  /** The poster the film shows after the change (null after a removal). */
  poster: PosterRef | null;
  /** The poster it showed before. */
  previous: PosterRef | null;
  /** The image record the change deleted, when the previous poster was one the person set. */
  previousImage: PosterImage | null;
}

/** Deletes the film's current image poster, if it has one, and returns it; bundled posters have no record. */
async function takeImagePoster(ref: PosterRef | null): Promise<PosterImage | null> {
  if (ref?.kind !== 'image') return null;
  const image = (await db.posters.get(ref.posterId)) ?? null;
  await db.posters.delete(ref.posterId);
  return image;
}

/**
 * Sets a film's poster to a new image in one transaction: stores the image and its thumbnail, points the film at
 * them and deletes the image it replaces (a bundled poster is only unreferenced). Returns the change, for undo.
 */
export function setFilmPoster(
  filmId: string,
  image: Blob,
  thumbnail: Blob,
  meta: PosterImageMeta,
  now: Date = new Date(),
): Promise<PosterChange> {
  return db.transaction('rw', [db.films, db.posters], async () => {
    const film = await requireFilm(filmId);
    const record: PosterImage = { id: newId(), filmId, image, thumbnail, ...meta, createdAt: now.toISOString() };
    const previousImage = await takeImagePoster(film.poster);
    await db.posters.add(record);
    const poster: PosterRef = { kind: 'image', posterId: record.id };
    await changeFilm(filmId, { poster }, now);
    return { filmId, poster, previous: film.poster, previousImage };
  });
}

/**
 * Removes a film's image poster (the film falls back to its typographic card) and returns the change, for undo;
 * null when the film has no image poster to remove.
 */
export function removeFilmPoster(filmId: string, now: Date = new Date()): Promise<PosterChange | null> {
  return db.transaction('rw', [db.films, db.posters], async () => {
    const film = await requireFilm(filmId);
    if (film.poster?.kind !== 'image') return null;
    const previousImage = await takeImagePoster(film.poster);
    await changeFilm(filmId, { poster: null }, now);
    return { filmId, poster: null, previous: film.poster, previousImage };
  });
}

const samePoster = (a: PosterRef | null, b: PosterRef | null): boolean =>
  a === b ||
  (a?.kind === 'bundled' && b?.kind === 'bundled' && a.name === b.name) ||
  (a?.kind === 'image' && b?.kind === 'image' && a.posterId === b.posterId);

/**
 * Undoes a poster change: puts back the previous poster (and its image) and deletes the one the change set.
 * Refuses when the poster has changed again since, so an old Undo never overwrites a newer choice.
 */
export function undoPosterChange(change: PosterChange, now: Date = new Date()): Promise<void> {
  return db.transaction('rw', [db.films, db.posters], async () => {
    const film = await requireFilm(change.filmId);
    if (!samePoster(film.poster, change.poster)) {
      throw new Error('The poster has changed again since; there is nothing to undo.');
    }
    await takeImagePoster(change.poster);
    if (change.previousImage) await db.posters.put(change.previousImage);
    await changeFilm(change.filmId, { poster: change.previous }, now);
  });
}
