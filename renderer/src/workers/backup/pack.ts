/**
 * Packing a backup's files into one .cinefile zip, and unpacking one, for the backup worker. JSON is deflated;
 * poster images are already compressed, so they are stored as they are (deflating them costs time and saves
 * nothing). Unpacking goes through the same bounded unzip as imports, with limits sized for a whole catalog.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { BackupError } from '../../domain/exchange/backup';
import { ImportError } from '../../domain/exchange/import-plan';
import { DEFAULT_ZIP_LIMITS, unzipEntries, type ZipLimits } from '../import/unzip';

/** A catalog's backup may be large (posters): 2 GiB of files at most, and one file per record at most. */
export const BACKUP_ZIP_LIMITS: Readonly<ZipLimits> = {
  ...DEFAULT_ZIP_LIMITS,
  maxInflatedBytes: 2 * 1024 * 1024 * 1024,
  maxEntries: 500_000,
  holds: 'Cinefile backup',
};

/** Zips the files (in the order given), reporting each file packed. */
export function packBackup(files: Record<string, Uint8Array>, onProgress?: (done: number, total: number) => void): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  const entries = Object.entries(files);
  entries.forEach(([path, data], index) => {
    const entry = path.endsWith('.json') ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    zip.add(entry);
    entry.push(data, true);
    onProgress?.(index + 1, entries.length);
  });
  zip.end();
  if (failure) throw failure;
  const size = chunks.reduce((total, chunk) => total + chunk.length, 0);
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.length;
  }
  return whole;
}

/** Every file of a backup zip; a damaged, foreign or oversized zip is a BackupError naming it. */
export function unpackBackup(bytes: Uint8Array, name: string): Record<string, Uint8Array> {
  try {
    return unzipEntries(bytes, name, () => true, BACKUP_ZIP_LIMITS);
  } catch (error) {
    if (error instanceof ImportError) throw new BackupError(error.message);
    throw error;
  }
}
