/**
 * The .cinefile backup format (documented in docs/backup-format.md): a zip of files, produced and read here as a
 * plain map of path → bytes (the zipping itself happens in a worker, with fflate). Every table is one JSON file,
 * every poster image its own file, and a manifest says what made the backup and what it holds. Reading checks the
 * shape (JSON, versions, counts, poster files present) and names the first thing wrong; the records themselves are
 * then checked against the catalog's schemas by db/backups before anything is written.
 */
import type { Annotation } from '../annotation';
import type { Copy, Loan } from '../copy';
import type { Film } from '../film';
import type { FilmList, ListEntry } from '../list';
import type { PosterImage } from '../poster';
import type { SmartList } from '../smart-list';
import { filmToV2, filmToV3, listEntriesToV7, loanToV7, tableSinceVersion, viewingsToV2, type ListEntryV6 } from '../record-upgrades';
import type { Viewing } from '../viewing';
import type { ImportRecord } from './import-record';

export const BACKUP_FORMAT = 'cinefile-backup';
/** The version of this file layout (not of the catalog schema, which the manifest carries separately). */
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = 'cinefile';

/**
 * The tables a backup holds as JSON, in the order they are written and restored. Film summaries are not among them:
 * they are made from these, and restoring the films and what points at them makes them again.
 */
export const backupTables = ['films', 'viewings', 'notes', 'lists', 'listEntries', 'copies', 'loans', 'imports', 'smartLists', 'meta'] as const;
export type BackupTable = (typeof backupTables)[number];

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** A poster as a backup carries it: the record, with its two images as bytes and the thumbnail's type. */
export type BackupPoster = Omit<PosterImage, 'image' | 'thumbnail'> & {
  image: Uint8Array;
  thumbnail: Uint8Array;
  thumbnailType: string;
};

/** Every record of the catalog, as read for a backup or restored from one. */
export interface CatalogSnapshot {
  films: Film[];
  viewings: Viewing[];
  notes: Annotation[];
  lists: FilmList[];
  listEntries: ListEntry[];
  copies: Copy[];
  loans: Loan[];
  imports: ImportRecord[];
  smartLists: SmartList[];
  meta: MetaRecord[];
  posters: BackupPoster[];
}

export type BackupCounts = Record<BackupTable | 'posters', number>;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  /** The catalog schema the records were written by (db/schema.ts SCHEMA_VERSION). */
  schemaVersion: number;
  createdAt: string;
  counts: BackupCounts;
}

/** A backup that cannot be restored: says what is wrong; nothing is written. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const encoder = new TextEncoder();
const json = (value: unknown) => encoder.encode(JSON.stringify(value));

const extensionOf: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const imagePath = (id: string, type: string, suffix = '') => `posters/${id}${suffix}.${extensionOf[type] ?? 'bin'}`;

/** The poster record as posters.json stores it: file paths in place of the image bytes. */
interface StoredPoster extends Omit<BackupPoster, 'image' | 'thumbnail'> {
  imageFile: string;
  thumbnailFile: string;
}

export function backupCounts(snapshot: CatalogSnapshot): BackupCounts {
  const counts = Object.fromEntries(backupTables.map((table) => [table, snapshot[table].length])) as Record<BackupTable, number>;
  return { ...counts, posters: snapshot.posters.length };
}

/** The files of a backup of `snapshot`: manifest.json, tables/<table>.json, tables/posters.json and posters/*. */
export function encodeBackup(
  snapshot: CatalogSnapshot,
  made: { appVersion: string; schemaVersion: number; createdAt: string },
): Record<string, Uint8Array> {
  const manifest: BackupManifest = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, ...made, counts: backupCounts(snapshot) };
  const files: Record<string, Uint8Array> = { 'manifest.json': json(manifest) };
  for (const table of backupTables) files[`tables/${table}.json`] = json(snapshot[table]);
  const stored: StoredPoster[] = snapshot.posters.map(({ image, thumbnail, ...record }) => {
    const imageFile = imagePath(record.id, record.mimeType);
    const thumbnailFile = imagePath(record.id, record.thumbnailType, '-thumbnail');
    files[imageFile] = image;
    files[thumbnailFile] = thumbnail;
    return { ...record, imageFile, thumbnailFile };
  });
  files['tables/posters.json'] = json(stored);
  return files;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function readJson(files: Record<string, Uint8Array>, path: string): unknown {
  const bytes = files[path];
  if (!bytes) throw new BackupError(`This backup is incomplete: it has no ${path}.`);
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    throw new BackupError(`This backup is damaged: ${path} is not valid JSON.`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads and checks the manifest: a Cinefile backup, of a format and a schema this Cinefile can read. */
export function readBackupManifest(files: Record<string, Uint8Array>, schemaVersion: number): BackupManifest {
  if (!files['manifest.json']) throw new BackupError('This is not a Cinefile backup: it has no manifest.json.');
  const manifest = readJson(files, 'manifest.json');
  if (!isRecord(manifest) || manifest.format !== BACKUP_FORMAT) throw new BackupError('This is not a Cinefile backup: its manifest does not say so.');
  const { formatVersion, schemaVersion: madeBy, appVersion, createdAt, counts } = manifest;
  if (typeof formatVersion !== 'number' || typeof madeBy !== 'number' || typeof appVersion !== 'string' || typeof createdAt !== 'string' || !isRecord(counts)) {
    throw new BackupError('This backup is damaged: its manifest is missing the version, date or counts.');
  }
  if (formatVersion > BACKUP_FORMAT_VERSION || madeBy > schemaVersion) {
    throw new BackupError(`This backup was made by a newer Cinefile (${appVersion}); update Cinefile to restore it.`);
  }
  if (formatVersion < 1 || madeBy < 1) throw new BackupError('This backup is damaged: its manifest has an impossible version.');
  return manifest as unknown as BackupManifest;
}

/**
 * Reads a backup's files into a snapshot (records as the backup's schema wrote them) and its manifest. Checks
 * structure only: every table file is a JSON array of objects, the counts agree with the manifest, and every poster
 * image the records name is there.
 */
export function decodeBackup(files: Record<string, Uint8Array>, schemaVersion: number): { manifest: BackupManifest; snapshot: CatalogSnapshot } {
  const manifest = readBackupManifest(files, schemaVersion);
  const tables = {} as Record<BackupTable | 'posters', Record<string, unknown>[]>;
  for (const table of [...backupTables, 'posters'] as const) {
    // A table the backup's schema did not have yet is simply empty.
    if (!files[`tables/${table}.json`] && manifest.schemaVersion < (tableSinceVersion[table] ?? 1)) {
      tables[table] = [];
      continue;
    }
    const rows = readJson(files, `tables/${table}.json`);
    if (!Array.isArray(rows) || !rows.every(isRecord)) throw new BackupError(`This backup is damaged: tables/${table}.json is not a list of records.`);
    const expected = manifest.counts[table];
    if (typeof expected === 'number' && expected !== rows.length) {
      throw new BackupError(`This backup is damaged: its manifest counts ${expected} ${table} but tables/${table}.json holds ${rows.length}.`);
    }
    tables[table] = rows;
  }
  const posters = tables.posters.map((record, index) => {
    const { imageFile, thumbnailFile, ...rest } = record;
    if (typeof imageFile !== 'string' || typeof thumbnailFile !== 'string') {
      throw new BackupError(`This backup is damaged: poster ${index + 1} does not name its image files.`);
    }
    const image = files[imageFile];
    const thumbnail = files[thumbnailFile];
    if (!image || !thumbnail) throw new BackupError(`This backup is incomplete: the poster image ${!image ? imageFile : thumbnailFile} is missing.`);
    return { ...rest, image, thumbnail } as unknown as BackupPoster;
  });
  const snapshot = { ...(tables as unknown as Omit<CatalogSnapshot, 'posters'>), posters };
  return { manifest, snapshot };
}

/** Records of a backup made by schema `fromVersion`, brought up to the current schema by the same steps as a stored catalog. */
export function upgradeSnapshot(snapshot: CatalogSnapshot, fromVersion: number): CatalogSnapshot {
  let upgraded = snapshot;
  if (fromVersion < 2) upgraded = { ...upgraded, films: upgraded.films.map(filmToV2), viewings: viewingsToV2(upgraded.viewings) };
  if (fromVersion < 3) upgraded = { ...upgraded, films: upgraded.films.map(filmToV3) };
  // Smart lists came with schema 5 (decodeBackup already gives an older backup none; a snapshot made by hand may lack the key).
  if (fromVersion < 5) upgraded = { ...upgraded, smartLists: upgraded.smartLists ?? [] };
  // Schema 7 ranks list entries (in their old order) and dates each entry's and loan's last change, as sync needs.
  if (fromVersion < 7) {
    upgraded = { ...upgraded, listEntries: listEntriesToV7(v6ListEntries(upgraded.listEntries)), loans: upgraded.loans.map(loanToV7) };
  }
  return upgraded;
}

/**
 * An older backup's list entries, checked as far as the v7 step reads them: the position it turns into a rank is
 * gone afterwards, so the record schemas (checkSnapshot, after the upgrade) could no longer refuse a bad one. An
 * entry with no position at all sorts after those with one, by when it was added.
 */
function v6ListEntries(entries: readonly unknown[]): ListEntryV6[] {
  return entries.map((entry, index) => {
    const { id, listId, addedAt, position } = entry as Record<string, unknown>;
    const finite = typeof position === 'number' && Number.isFinite(position);
    const bad =
      typeof id !== 'string' ? 'id'
      : typeof listId !== 'string' ? 'listId'
      : typeof addedAt !== 'string' ? 'addedAt'
      : position !== undefined && !finite ? 'position'
      : null;
    if (bad !== null) throw new BackupError(`This backup holds a record Cinefile cannot accept. Record ${index + 1} of listEntries is not valid (${bad}).`);
    return { ...(entry as ListEntryV6), position: finite ? position : Number.POSITIVE_INFINITY };
  });
}
