/** Poster images a person sets on a film, stored in the catalog as Blobs with a thumbnail for the grid. */
export interface PosterImage {
  id: string;
  filmId: string;
  image: Blob;
  /** A small copy made once, so the Library grid never decodes full-size images. */
  thumbnail: Blob;
  mimeType: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
  createdAt: string;
}

/** A film's poster: one shipped with the app, or one the person set. */
export type PosterRef = { kind: 'bundled'; name: string } | { kind: 'image'; posterId: string };
