/**
 * Poster images' bytes, read for display: the full image for the film page, the thumbnail for the Library grid and
 * exports. Setting, removing and undoing a film's poster are film writes, in db/films (poster.ts).
 */
import { db } from './index';

/** A poster's full-size image, for the film page; undefined when the record is gone. */
export async function posterImage(id: string): Promise<Blob | undefined> {
  return (await db.posters.get(id))?.image;
}

/** A poster's small thumbnail, for the Library grid; undefined when the record is gone. */
export async function posterThumbnail(id: string): Promise<Blob | undefined> {
  return (await db.posters.get(id))?.thumbnail;
}
