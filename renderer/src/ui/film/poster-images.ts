/**
 * Turns a chosen file into a poster ready to store: checks its real type and size, decodes it once to learn its
 * size and draw the grid thumbnail. Decoding needs a real browser, so the thumbnail maker is injectable for tests.
 */
import {
  brokenPosterMessage,
  checkPosterFile,
  posterFileExtensions,
  POSTER_SNIFF_BYTES,
  thumbnailSize,
  type PosterMimeType,
} from '../../domain/poster';

/** The filter a file picker shows for posters. */
export const posterFileFilters = [{ name: 'Images (JPEG, PNG, WebP)', extensions: [...posterFileExtensions] }];

/** Thrown by a ThumbnailMaker when the bytes are not a decodable image (truncated, damaged). */
export class UndecodableImageError extends Error {
  constructor() {
    super('The image could not be decoded.');
    this.name = 'UndecodableImageError';
  }
}

/** The decoded image's size and its thumbnail; rejects with UndecodableImageError when the image cannot be decoded. */
export type ThumbnailMaker = (image: Blob) => Promise<{ width: number; height: number; thumbnail: Blob }>;

/** A poster checked and decoded, ready for setFilmPoster. */
export interface PreparedPoster {
  image: Blob;
  thumbnail: Blob;
  mimeType: PosterMimeType;
  width: number;
  height: number;
}

export type PreparedPosterResult = { ok: true; poster: PreparedPoster } | { ok: false; error: string };

/** A file as it reaches the poster picker: from the platform's file dialog (bytes) or a drop (a File). */
export type PosterSource = { fileName: string; bytes: Uint8Array } | { file: File };

function drawingSurface(width: number, height: number): {
  context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  encode: (type: string, quality: number) => Promise<Blob | null>;
} {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    return { context: canvas.getContext('2d'), encode: (type, quality) => canvas.convertToBlob({ type, quality }) };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return {
    context: canvas.getContext('2d'),
    encode: (type, quality) => new Promise((resolve) => canvas.toBlob(resolve, type, quality)),
  };
}

/** The browser's thumbnail maker: createImageBitmap to decode, a canvas to scale, WebP (or JPEG) to encode. */
export const browserThumbnailMaker: ThumbnailMaker = async (image) => {
  const bitmap = await createImageBitmap(image).catch(() => {
    throw new UndecodableImageError();
  });
  try {
    const size = thumbnailSize(bitmap.width, bitmap.height);
    const surface = drawingSurface(size.width, size.height);
    if (!surface.context) throw new Error('This window cannot draw images (no 2D canvas).');
    surface.context.imageSmoothingQuality = 'high';
    surface.context.drawImage(bitmap, 0, 0, size.width, size.height);
    // A browser that cannot encode WebP silently returns PNG, which is large for a photo: JPEG is the fallback.
    let thumbnail = await surface.encode('image/webp', 0.85);
    if (thumbnail?.type !== 'image/webp') thumbnail = await surface.encode('image/jpeg', 0.85);
    if (!thumbnail) throw new Error('The thumbnail could not be encoded.');
    return { width: bitmap.width, height: bitmap.height, thumbnail };
  } finally {
    bitmap.close();
  }
};

async function sourceFacts(source: PosterSource): Promise<{ fileName: string; size: number; head: Uint8Array }> {
  if ('bytes' in source) return { fileName: source.fileName, size: source.bytes.byteLength, head: source.bytes };
  const head = new Uint8Array(await source.file.slice(0, POSTER_SNIFF_BYTES).arrayBuffer());
  return { fileName: source.file.name, size: source.file.size, head };
}

/**
 * Checks a chosen file and makes its thumbnail. A file that is not a JPEG, PNG or WebP, is over 20 MB, or cannot
 * be decoded gives a message naming it; nothing is stored here. Other failures (no canvas) reject.
 */
export async function preparePoster(
  source: PosterSource,
  makeThumbnail: ThumbnailMaker = browserThumbnailMaker,
): Promise<PreparedPosterResult> {
  const facts = await sourceFacts(source);
  const check = checkPosterFile(facts);
  if (!check.ok) return check;
  // Only now is a dropped file read in full: a 2 GB video dropped by mistake is refused by its size alone.
  // (A copy of dialog bytes: a Blob takes only bytes on a plain ArrayBuffer, and the copy is at most 20 MB.)
  const bytes = 'bytes' in source ? new Uint8Array(source.bytes) : new Uint8Array(await source.file.arrayBuffer());
  const image = new Blob([bytes], { type: check.mimeType });
  try {
    const { width, height, thumbnail } = await makeThumbnail(image);
    return { ok: true, poster: { image, thumbnail, mimeType: check.mimeType, width, height } };
  } catch (error) {
    if (error instanceof UndecodableImageError) return { ok: false, error: brokenPosterMessage(facts.fileName) };
    throw error;
  }
}
