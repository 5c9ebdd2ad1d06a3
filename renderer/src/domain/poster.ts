/**
 * Poster images a person sets on a film, stored in the catalog as Blobs with a thumbnail for the grid, and the pure
 * checks a chosen file passes before any decoding: its real type (from its first bytes, never its name) and size.
 */

/** The image types a poster may be; anything else is refused before it is decoded. */
export const posterMimeTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PosterMimeType = (typeof posterMimeTypes)[number];

/** The file name endings a file picker offers for posters (the bytes still decide). */
export const posterFileExtensions = ['jpg', 'jpeg', 'png', 'webp'] as const;

/** Largest poster file a person may set: 20 MB. */
export const MAX_POSTER_BYTES = 20 * 1024 * 1024;

/** The box a grid thumbnail fits in: twice the grid card's size, so it stays sharp on high-density screens. */
export const POSTER_THUMBNAIL_BOX = { width: 300, height: 450 } as const;

export interface PosterImage {
  id: string;
  filmId: string;
  image: Blob;
  /** A small copy made once, so the Library grid never decodes full-size images. */
  thumbnail: Blob;
  mimeType: PosterMimeType;
  width: number;
  height: number;
  createdAt: string;
  /** The import that created it, so Undo import can remove exactly what it added. */
  importId?: string;
}

/** A film's poster: one shipped with the app, or one the person set. */
export type PosterRef = { kind: 'bundled'; name: string } | { kind: 'image'; posterId: string };

/** How many leading bytes sniffPosterType needs to tell every accepted type apart. */
export const POSTER_SNIFF_BYTES = 12;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

/** The image type a file really is, read from its first bytes; null when it is none of JPEG, PNG or WebP. */
export function sniffPosterType(head: Uint8Array): PosterMimeType | null {
  if (startsWith(head, JPEG_SIGNATURE)) return 'image/jpeg';
  if (startsWith(head, PNG_SIGNATURE)) return 'image/png';
  // WebP is a RIFF container: "RIFF", four bytes of length, then "WEBP".
  if (startsWith(head, RIFF) && startsWith(head, WEBP, 8)) return 'image/webp';
  return null;
}

/**
 * "31.2 MB", "20 MB", "640 KB", "12 bytes": a size as a person reads it, in the binary units file managers use.
 * Rounded up, so a file just over a limit never reads as the limit itself.
 */
export function fileSizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/** What is known about a chosen file before decoding it: its name, its size, and at least its first bytes. */
export interface PosterFileFacts {
  fileName: string;
  size: number;
  head: Uint8Array;
}

export type PosterFileCheck = { ok: true; mimeType: PosterMimeType } | { ok: false; error: string };

/** Accepts a JPEG, PNG or WebP file of up to 20 MB, whatever its name says; otherwise says what is wrong with it. */
export function checkPosterFile({ fileName, size, head }: PosterFileFacts): PosterFileCheck {
  if (size === 0) return { ok: false, error: `“${fileName}” is empty; choose a JPEG, PNG or WebP image.` };
  if (size > MAX_POSTER_BYTES) {
    return { ok: false, error: `“${fileName}” is ${fileSizeLabel(size)}; posters can be up to ${fileSizeLabel(MAX_POSTER_BYTES)}.` };
  }
  const mimeType = sniffPosterType(head);
  if (mimeType === null) return { ok: false, error: `“${fileName}” is not a JPEG, PNG or WebP image.` };
  return { ok: true, mimeType };
}

/** The message for a file that looks like an image but cannot be decoded (truncated, damaged). */
export function brokenPosterMessage(fileName: string): string {
  return `“${fileName}” could not be read as an image; it may be damaged or incomplete.`;
}

/**
 * The size of a thumbnail of a width×height image: as large as fits in the box, keeping the aspect ratio, never
 * larger than the image itself and never below one pixel.
 */
export function thumbnailSize(
  width: number,
  height: number,
  box: { width: number; height: number } = POSTER_THUMBNAIL_BOX,
): { width: number; height: number } {
  if (!(width > 0 && height > 0)) throw new RangeError(`An image must have a size; got ${width}×${height}.`);
  const scale = Math.min(1, box.width / width, box.height / height);
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}
