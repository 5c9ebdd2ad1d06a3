/**
 * Unpacking the zips a person hands to the importer (a Letterboxd export, a Tellico .tc), safely: sizes written in
 * a zip's headers are whatever its maker wrote, so only a running count of the bytes that really come out of the
 * inflater bounds a zip bomb. The input is pushed in small slices (deflate expands at most ~1,032×, so one slice
 * yields at most ~16 MiB before the count is checked), entries nobody wants are never started (never inflated), and
 * unpacking stops the moment the total passes the cap.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { ImportError } from '../../domain/exchange/import-plan';
import { fileSizeLabel } from '../../domain/poster';

export interface ZipLimits {
  /** Most bytes all wanted entries together may inflate to. */
  maxInflatedBytes: number;
  /** Most entries (of any kind, wanted or not) a zip may hold. */
  maxEntries: number;
  /** What such a zip is, for the messages: "Letterboxd, IMDb or Tellico export", "Cinefile backup". */
  holds: string;
}

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = { maxInflatedBytes: 256 * 1024 * 1024, maxEntries: 10_000, holds: 'Letterboxd, IMDb or Tellico export' };

/** What one unzipEntries call did, for tests and curiosity: bytes that came out of the inflater, entries seen. */
export interface UnzipMeter {
  inflatedBytes: number;
  entries: number;
}

/** Bytes pushed into fflate at a time: small enough that one push of a bomb inflates to ~16 MiB at most. */
const SLICE_BYTES = 16 * 1024;

/** Compression methods fflate can read here: stored and deflate. */
const READABLE_METHODS = new Set([0, 8]);

const LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const END_OF_CENTRAL_DIRECTORY = [0x50, 0x4b, 0x05, 0x06];
const EOCD_BYTES = 22;

const hasSignature = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((byte, index) => bytes[at + index] === byte);

/** True when the bytes start like a zip: a local file header, or the end record alone (an empty zip). */
export function isZip(bytes: Uint8Array): boolean {
  return hasSignature(bytes, LOCAL_HEADER) || hasSignature(bytes, END_OF_CENTRAL_DIRECTORY);
}

/**
 * True when the zip ends with a complete end-of-central-directory record. A download cut short loses it first (it is
 * the last thing in a zip), and the streaming reader below never looks at it, so this is how a cut is noticed.
 */
function hasEndRecord(bytes: Uint8Array): boolean {
  const earliest = Math.max(0, bytes.length - EOCD_BYTES - 0xffff);
  for (let at = bytes.length - EOCD_BYTES; at >= earliest; at--) {
    if (!hasSignature(bytes, END_OF_CENTRAL_DIRECTORY, at)) continue;
    const commentBytes = (bytes[at + 20] ?? 0) | ((bytes[at + 21] ?? 0) << 8);
    if (at + EOCD_BYTES + commentBytes <= bytes.length) return true;
  }
  return false;
}

/**
 * An entry's name as a safe relative path with '/' separators, or null for what is never read: folders, macOS
 * resource forks (__MACOSX/), absolute paths and any path with a '..' segment (fflate passes such names through).
 */
export function normaliseEntryPath(name: string): string | null {
  const slashed = name.replace(/\\/g, '/');
  if (slashed.endsWith('/') || slashed.startsWith('/') || /^[a-zA-Z]:/.test(slashed)) return null;
  const segments = slashed.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.includes('..') || segments[0] === '__MACOSX') return null;
  if (segments.some((segment) => segment.includes('\0'))) return null;
  return segments.join('/');
}

function concatenate(parts: Uint8Array[], length: number): Uint8Array {
  const whole = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.length;
  }
  return whole;
}

const damaged = (zipName: string, detail = '') =>
  new ImportError(`“${zipName}” is damaged or incomplete${detail}: Cinefile could not unpack it. Try downloading or exporting it again.`, {
    file: zipName,
    line: null,
  });

/**
 * The wanted entries of a zip, by normalised path, each in its own buffer. `wanted` sees normalised paths only;
 * entries it refuses are skipped without being inflated. Throws ImportError when the bytes are not a zip, the zip is
 * damaged or cut short, holds more than `limits.maxEntries` entries, or its wanted entries inflate to more than
 * `limits.maxInflatedBytes` (unpacking stops there, so memory stays near the cap). The first of two entries with
 * the same path wins.
 */
export function unzipEntries(
  bytes: Uint8Array,
  zipName: string,
  wanted: (path: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  meter: UnzipMeter = { inflatedBytes: 0, entries: 0 },
): Record<string, Uint8Array> {
  const origin = { file: zipName, line: null };
  if (!isZip(bytes)) throw new ImportError(`“${zipName}” is not a zip file; it may be damaged or incomplete.`, origin);
  if (!hasEndRecord(bytes)) throw damaged(zipName);

  const files: Record<string, Uint8Array> = {};
  const unfinished = new Set<string>();
  // Set from fflate's callbacks, which must not throw (UnzipInflate would catch it and call back again).
  const state: { failure: ImportError | null } = { failure: null };
  let totalBytes = 0;

  const startEntry = (file: UnzipFile, path: string) => {
    const parts: Uint8Array[] = [];
    let size = 0;
    unfinished.add(path);
    file.ondata = (error, chunk, final) => {
      if (state.failure) return;
      if (error) {
        state.failure = damaged(zipName, ` (“${path}” cannot be inflated)`);
        return;
      }
      meter.inflatedBytes += chunk.length;
      totalBytes += chunk.length;
      if (totalBytes > limits.maxInflatedBytes) {
        parts.length = 0;
        file.terminate();
        state.failure = new ImportError(
          `“${zipName}” unpacks to more than ${fileSizeLabel(limits.maxInflatedBytes)}; that is far more than any ${limits.holds}, so Cinefile did not unpack it.`,
          origin,
        );
        return;
      }
      if (chunk.length > 0) parts.push(chunk);
      size += chunk.length;
      if (final) {
        files[path] = concatenate(parts, size);
        unfinished.delete(path);
      }
    };
    file.start();
  };

  const unzip = new Unzip((file) => {
    if (state.failure) return;
    meter.entries++;
    if (meter.entries > limits.maxEntries) {
      state.failure = new ImportError(
        `“${zipName}” holds more than ${limits.maxEntries.toLocaleString('en')} files; no ${limits.holds} holds that many.`,
        origin,
      );
      return;
    }
    const path = normaliseEntryPath(file.name);
    if (path === null || !wanted(path) || path in files || unfinished.has(path)) return;
    if (!READABLE_METHODS.has(file.compression)) {
      state.failure = new ImportError(
        `“${zipName}” stores “${path}” with a compression Cinefile cannot read (method ${file.compression}), or it is encrypted. Zip it again without a password, with ordinary compression.`,
        origin,
      );
      return;
    }
    startEntry(file, path);
  });
  unzip.register(UnzipInflate);

  try {
    for (let offset = 0; offset < bytes.length && !state.failure; offset += SLICE_BYTES) {
      const end = Math.min(bytes.length, offset + SLICE_BYTES);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (!state.failure) throw damaged(zipName);
  }
  if (state.failure) throw state.failure;
  if (unfinished.size > 0) throw damaged(zipName, ` (“${[...unfinished][0]}” is cut short)`);
  return files;
}
