/**
 * Backups against the catalog: reading every record for a backup, and restoring one — Replace (the catalog becomes
 * exactly the backup, in one transaction) or Merge (the backup's films come in as an import would bring them, with
 * matching, a preview and Undo import). Every record of a backup is checked against the catalog's schemas, and
 * every reference between records, before anything is written: a damaged backup is refused whole.
 */
import { BackupError, backupTables, type BackupPoster, type CatalogSnapshot } from '../domain/exchange/backup';
import type { PosterImage } from '../domain/poster';
import { db } from './index';
import {
  annotationSchema,
  checkRecords,
  copySchema,
  filmSchema,
  importRecordSchema,
  InvalidRecordError,
  listEntrySchema,
  listSchema,
  loanSchema,
  metaSchema,
  posterSchema,
  smartListSchema,
  viewingSchema,
} from './record-schemas';

const allTables = () =>
  [db.films, db.viewings, db.notes, db.lists, db.listEntries, db.copies, db.loans, db.imports, db.smartLists, db.meta, db.posters] as const;

/** Every record of the catalog, posters' images as bytes, read in one transaction (one consistent moment). */
export async function readCatalogSnapshot(): Promise<CatalogSnapshot> {
  const [tables, posters] = await db.transaction('r', allTables(), async () => {
    const read = await Promise.all(backupTables.map((table) => db.table(table).toArray()));
    return [Object.fromEntries(backupTables.map((table, index) => [table, read[index]])), await db.posters.toArray()] as const;
  });
  // Blobs are read after the transaction: awaiting anything but the database inside it would end it early.
  const withBytes: BackupPoster[] = await Promise.all(
    posters.map(async ({ image, thumbnail, ...record }) => ({
      ...record,
      image: new Uint8Array(await image.arrayBuffer()),
      thumbnail: new Uint8Array(await thumbnail.arrayBuffer()),
      thumbnailType: thumbnail.type,
    })),
  );
  return { ...(tables as Omit<CatalogSnapshot, 'posters'>), posters: withBytes };
}

/** How many films the catalog holds (for an automatic backup's label). */
export function filmCount(): Promise<number> {
  return db.films.count();
}

/** Checks every record and every reference of a snapshot; throws a BackupError naming the first problem. */
export function checkSnapshot(snapshot: CatalogSnapshot): void {
  try {
    const schemas = {
      films: filmSchema, viewings: viewingSchema, notes: annotationSchema, lists: listSchema, listEntries: listEntrySchema,
      copies: copySchema, loans: loanSchema, imports: importRecordSchema, smartLists: smartListSchema, meta: metaSchema, posters: posterSchema,
    } as const;
    for (const [table, schema] of Object.entries(schemas)) {
      const records = snapshot[table as keyof CatalogSnapshot] as unknown[];
      records.forEach((record, index) => checkRecords(schema, [record], () => `Record ${index + 1} of ${table}`));
    }
  } catch (error) {
    if (error instanceof InvalidRecordError) throw new BackupError(`This backup holds a record Cinefile cannot accept. ${error.message}`);
    throw error;
  }
  const unique = (table: keyof CatalogSnapshot, key: 'id' | 'key') => {
    const ids = (snapshot[table] as { id?: string; key?: string }[]).map((record) => record[key]);
    if (new Set(ids).size !== ids.length) throw new BackupError(`This backup is damaged: two records of ${table} share one id.`);
    return new Set(ids);
  };
  const films = unique('films', 'id');
  const lists = unique('lists', 'id');
  const copies = unique('copies', 'id');
  const posters = unique('posters', 'id');
  for (const table of ['viewings', 'notes', 'listEntries', 'imports', 'smartLists'] as const) unique(table, 'id');
  unique('loans', 'id');
  unique('meta', 'key');
  const dangling = (what: string) => {
    throw new BackupError(`This backup is damaged: ${what}.`);
  };
  for (const table of ['viewings', 'notes', 'listEntries', 'copies', 'loans', 'posters'] as const) {
    for (const record of snapshot[table]) if (!films.has(record.filmId)) dangling(`a record of ${table} belongs to a film the backup does not have`);
  }
  for (const entry of snapshot.listEntries) if (!lists.has(entry.listId)) dangling('a list entry belongs to a list the backup does not have');
  for (const loan of snapshot.loans) if (!copies.has(loan.copyId)) dangling('a loan is of a copy the backup does not have');
  for (const film of snapshot.films) {
    if (film.poster?.kind === 'image' && !posters.has(film.poster.posterId)) dangling(`the poster of “${film.title.slice(0, 80)}” is missing`);
  }
}

const posterRecord = ({ image, thumbnail, thumbnailType, ...record }: BackupPoster): PosterImage => ({
  ...record,
  image: new Blob([new Uint8Array(image)], { type: record.mimeType }),
  thumbnail: new Blob([new Uint8Array(thumbnail)], { type: thumbnailType }),
});

/**
 * Replace: the catalog becomes exactly the backup, in one transaction — every table cleared and refilled — or, on
 * any failure, stays exactly as it was. The snapshot must already be at the current schema (upgradeSnapshot). Film
 * summaries are not in a backup: the films come first (clearing films cleared them; each film gets its summary
 * back), and the viewings, list entries, copies and loans after them add their facets, all by the summaries
 * middleware in this same transaction.
 */
export async function restoreReplacing(snapshot: CatalogSnapshot): Promise<void> {
  checkSnapshot(snapshot);
  const posters = snapshot.posters.map(posterRecord);
  await db.transaction('rw', allTables(), async () => {
    for (const table of allTables()) await table.clear();
    for (const table of backupTables) await db.table(table).bulkAdd(snapshot[table]);
    await db.posters.bulkAdd(posters);
  });
}

