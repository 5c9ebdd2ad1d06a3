/**
 * The steps of making and reading a .cinefile backup, between the catalog (db/backups), the format (domain) and
 * the zip worker: a backup's bytes from the catalog, and a checked, upgraded snapshot from a backup's bytes.
 */
import { version as appVersion } from '../../../../package.json';
import { checkSnapshot, readCatalogSnapshot } from '../../db/backups';
import { SCHEMA_VERSION } from '../../db/schema';
import { decodeBackup, encodeBackup, upgradeSnapshot, type BackupManifest, type CatalogSnapshot } from '../../domain/exchange/backup';
import { localDateIso } from '../../domain/viewing';
import { packBackupFiles, unpackBackupFile } from '../../workers/backup-client';

export interface BackupWork {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** "cinefile-backup-2026-11-29.cinefile". */
export function backupFileName(now: Date): string {
  return `cinefile-backup-${localDateIso(now)}.cinefile`;
}

export const backupFileFilters = [{ name: 'Cinefile backup', extensions: ['cinefile'] }];

/** The whole catalog as .cinefile bytes, and how many films it holds. */
export async function makeBackup(work: BackupWork = {}, now: Date = new Date()): Promise<{ bytes: Uint8Array; films: number }> {
  const snapshot = await readCatalogSnapshot();
  const files = encodeBackup(snapshot, { appVersion, schemaVersion: SCHEMA_VERSION, createdAt: now.toISOString() });
  const bytes = await packBackupFiles(files, work);
  return { bytes, films: snapshot.films.length };
}

export interface ReadBackup {
  fileName: string;
  manifest: BackupManifest;
  /** At the current schema, every record and reference checked. */
  snapshot: CatalogSnapshot;
}

/** Reads a backup file: unzipped in the worker, its manifest and records checked, upgraded to this schema. */
export async function readBackup(fileName: string, bytes: Uint8Array, work: BackupWork = {}): Promise<ReadBackup> {
  const files = await unpackBackupFile(fileName, bytes, work);
  const { manifest, snapshot } = decodeBackup(files, SCHEMA_VERSION);
  const upgraded = upgradeSnapshot(snapshot, manifest.schemaVersion);
  checkSnapshot(upgraded);
  return { fileName, manifest, snapshot: upgraded };
}
