/**
 * The catalog's side of sync: reading the records and tombstones the sync bridge writes into its mirror, and storing
 * what arrives from other devices — checked against the record schemas first (another device, or a damaged server,
 * is an edge like an import), in one transaction per batch, through the same middlewares as every other write, so
 * summaries, cast and tombstones follow. A record that fails its schema is refused and named; the rest are stored.
 */
import * as v from 'valibot';
import { posterMimeTypes } from '../domain/poster';
import type { CatalogRecord } from '../domain/sync-catalog';
import { SYNCED_TABLES, type Deletion, type SyncedTable } from '../domain/deletion';
import {
  annotationSchema,
  copySchema,
  filmSchema,
  listEntrySchema,
  listSchema,
  loanSchema,
  smartListSchema,
  viewingSchema,
  InvalidRecordError,
} from './record-schemas';
import type { CinefileDb } from './schema';

/** The tables whose records sync (every synced table; posters' images travel as their documents' attachments). */
export const SYNCING_TABLES: readonly SyncedTable[] = SYNCED_TABLES;

const imageBlob = v.pipe(v.instance(Blob), v.check((blob) => blob.size > 0, 'an image with no bytes'));

/** A poster as stored here: its image and thumbnail as Blobs (a backup's schema has them as bytes). */
const storedPosterSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  filmId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  mimeType: v.picklist(posterMimeTypes),
  width: v.pipe(v.number(), v.integer(), v.minValue(1)),
  height: v.pipe(v.number(), v.integer(), v.minValue(1)),
  image: imageBlob,
  thumbnail: imageBlob,
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  importId: v.optional(v.string()),
});

const schemas: Readonly<Record<SyncedTable, v.GenericSchema>> = {
  posters: storedPosterSchema,
  films: filmSchema,
  viewings: viewingSchema,
  notes: annotationSchema,
  lists: listSchema,
  listEntries: listEntrySchema,
  copies: copySchema,
  loans: loanSchema,
  smartLists: smartListSchema,
};

/** Records of a table: those with these ids (missing ones left out), or all. */
export async function readSyncedRecords(catalog: CinefileDb, table: SyncedTable, ids?: readonly string[]): Promise<CatalogRecord[]> {
  const records = catalog.table<CatalogRecord, string>(table);
  if (ids === undefined) return records.toArray();
  const found = await records.bulkGet([...ids]);
  return found.filter((record): record is CatalogRecord => record !== undefined);
}

/** Tombstones of a table (or of every table). */
export function readTombstones(catalog: CinefileDb, table?: SyncedTable): Promise<Deletion[]> {
  const all = catalog.deletions.toCollection();
  return (table === undefined ? all : all.filter((deletion) => deletion.table === table)).toArray();
}

/** Forgets tombstones the mirror now carries (it keeps the deletion for every device from then on). */
export async function forgetTombstones(catalog: CinefileDb, tombstones: readonly Deletion[]): Promise<void> {
  if (tombstones.length === 0) return;
  await catalog.transaction('rw', catalog.deletions, async () => {
    // A record deleted again since it was read keeps its newer tombstone.
    const current = await catalog.deletions.bulkGet(tombstones.map((deletion) => deletion.id));
    const stale = tombstones.filter((deletion, index) => current[index]?.deletedAt === deletion.deletedAt).map((deletion) => deletion.id);
    await catalog.deletions.bulkDelete(stale);
  });
}

/** A record arrived from another device: stored (record) or deleted (null). */
export interface ArrivedRecord {
  table: SyncedTable;
  id: string;
  record: CatalogRecord | null;
}

export interface RefusedRecord {
  table: SyncedTable;
  id: string;
  error: string;
}

/** Stores what arrived in one transaction; returns the records refused by their schemas (stored: all the others). */
export async function storeArrivedRecords(catalog: CinefileDb, arrived: readonly ArrivedRecord[]): Promise<RefusedRecord[]> {
  const refused: RefusedRecord[] = [];
  const sound = arrived.filter(({ table, id, record }) => {
    if (record === null) return true;
    const result = v.safeParse(schemas[table], record);
    if (result.success) return true;
    refused.push({ table, id, error: new InvalidRecordError(`The ${table} record ${id} from the server`, result.issues).message });
    return false;
  });
  if (sound.length === 0) return refused;
  const tables = [...new Set(sound.map(({ table }) => table))];
  await catalog.transaction('rw', tables.map((table) => catalog.table(table)), async () => {
    for (const table of tables) {
      const mine = sound.filter((arrival) => arrival.table === table);
      const puts = mine.flatMap(({ record }) => (record === null ? [] : [record]));
      const deletes = mine.flatMap(({ id, record }) => (record === null ? [id] : []));
      if (puts.length > 0) await catalog.table(table).bulkPut(puts);
      if (deletes.length > 0) await catalog.table(table).bulkDelete(deletes);
    }
  });
  return refused;
}
