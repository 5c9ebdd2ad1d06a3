/**
 * The bridge between the catalog (Dexie) and its sync mirror (a PouchDB database, one document per record, that
 * PouchDB replicates with the user's CouchDB). Two directions, each idempotent, so running either again is harmless:
 * - out: this device's records and tombstones become new versions in their documents (domain/sync recordToDoc,
 *   deletedDoc), field by field, only where they changed;
 * - in: documents changed in the mirror (by replication) have their conflicting revisions merged (mergeDocs, a join
 *   every device computes alike) and are stored in the catalog (db/sync-records), where they differ.
 * Where both sides changed one field since they last agreed, the later change is kept (domain/sync-catalog).
 */
import type { Deletion, SyncedTable } from '../../domain/deletion';
import { WHOLE_TABLE } from '../../domain/deletion';
import {
  changedLocally,
  incomingRecord,
  localFieldTimes,
  outgoingRecord,
  recordOfDocId,
  SYNC_KINDS,
  syncDocId,
  syncedFields,
  type CatalogRecord,
} from '../../domain/sync-catalog';
import { canonicalJson, type JsonValue } from '../../domain/sync/json-value';
import { deletedDoc, docsEqual, isDeleted, mergeDocs, recordToDoc, seedDoc, type SyncDoc } from '../../domain/sync/sync-doc';
import type { CinefileDb } from '../../db/schema';
import {
  forgetTombstones,
  readSyncedRecords,
  readTombstones,
  storeArrivedRecords,
  SYNCING_TABLES,
  type ArrivedRecord,
  type RefusedRecord,
} from '../../db/sync-records';
import { attachmentsOf, posterWithImages } from './poster-attachments';
import type { PouchDatabase, PouchStored, PouchWrite } from './pouch-types';

export type MirrorDb = PouchDatabase<SyncDoc>;
type StoredDoc = PouchStored<SyncDoc>;

/** A record every device creates alike (Red Hot): its document starts as the shared seed write, never as a new one. */
export interface SeedRecord {
  table: SyncedTable;
  /** The record as seeded, with fixed times (the same on every device). */
  record: { id: string };
  at: string;
}

/** Where pulling left off in the mirror's changes: kept in the mirror, never replicated. */
const CHECKPOINT_ID = '_local/cinefile-bridge';
const BATCH = 500;
/** Writes refused because replication changed the document meanwhile are tried again, this many times. */
const ATTEMPTS = 5;

/** The synced document inside a stored one (without PouchDB's _id, _rev, _conflicts, _attachments). */
export const bodyOf = (doc: StoredDoc): SyncDoc => {
  const { id, kind, clock, fields, deleted } = doc;
  return { id, kind, clock, fields, deleted };
};

/** A record as plain JSON for comparing: undefined fields (which IndexedDB keeps) left out. */
const sameRecord = (a: CatalogRecord, b: CatalogRecord): boolean =>
  canonicalJson(JSON.parse(JSON.stringify(a)) as JsonValue) === canonicalJson(JSON.parse(JSON.stringify(b)) as JsonValue);

/** The latest time any version in a document was written. */
function latestChange(doc: SyncDoc): string {
  let latest = '';
  for (const register of Object.values(doc.fields)) for (const version of register) if (version.at > latest) latest = version.at;
  for (const flag of doc.deleted) if (flag.at > latest) latest = flag.at;
  return latest;
}

export interface PullResult {
  /** Records stored or deleted in the catalog. */
  stored: number;
  /** Documents whose conflicting revisions were merged. */
  merged: number;
  refused: RefusedRecord[];
}

export class SyncBridge {
  /** Revisions this bridge wrote itself (`id@rev`): pulling skips them, as the catalog already holds what they say. */
  private readonly ownRevisions = new Set<string>();

  constructor(
    private readonly catalog: CinefileDb,
    private readonly mirror: MirrorDb,
    private readonly device: string,
    private readonly seeds: readonly SeedRecord[] = [],
  ) {}

  private seedPrevious(table: SyncedTable, id: string): SyncDoc | undefined {
    const seed = this.seeds.find((candidate) => candidate.table === table && candidate.record.id === id);
    if (!seed) return undefined;
    return seedDoc(SYNC_KINDS[table], outgoingRecord(table, seed.record as CatalogRecord, undefined), seed.at);
  }

  /** The mirror's documents with these ids (absent ones left out), each with its conflicting revisions listed. */
  private async storedDocs(docIds: readonly string[]): Promise<Map<string, StoredDoc>> {
    const found = new Map<string, StoredDoc>();
    for (let start = 0; start < docIds.length; start += BATCH) {
      const { rows } = await this.mirror.allDocs({ keys: docIds.slice(start, start + BATCH), include_docs: true, conflicts: true });
      for (const row of rows) if ('doc' in row && row.doc) found.set(row.id, row.doc as StoredDoc);
    }
    return found;
  }

  /** Every document of a table in the mirror. */
  private async tableDocs(table: SyncedTable): Promise<StoredDoc[]> {
    const { rows } = await this.mirror.allDocs({ startkey: `${table}:`, endkey: `${table}:\ufff0`, include_docs: true });
    return rows.flatMap((row) => (row.doc ? [row.doc as StoredDoc] : []));
  }

  /**
   * Writes this device's changes to a table's records (those with `ids`, or all) and its tombstones into the mirror;
   * returns how many documents it wrote.
   */
  async pushLocal(table: SyncedTable, ids?: readonly string[]): Promise<number> {
    let written = 0;
    for (let attempt = 1; ; attempt += 1) {
      const { writes, handled, inStep } = await this.localWrites(table, ids);
      if (writes.length === 0) {
        await forgetTombstones(this.catalog, handled);
        return written;
      }
      const results = await this.mirror.bulkDocs(writes);
      for (const result of results) if ('ok' in result && result.ok && inStep.has(result.id)) this.ownRevisions.add(`${result.id}@${result.rev}`);
      const refused = results.filter((result) => 'error' in result && result.error);
      written += results.length - refused.length;
      if (refused.length === 0) {
        await forgetTombstones(this.catalog, handled);
        return written;
      }
      // Replication changed a document between reading and writing it: read it again and redo the change.
      if (attempt === ATTEMPTS) throw new Error(`${refused.length} synced records kept changing while being written; sync will try again.`);
    }
  }

  private async localWrites(
    table: SyncedTable,
    ids?: readonly string[],
  ): Promise<{ writes: PouchWrite<SyncDoc>[]; handled: Deletion[]; inStep: ReadonlySet<string> }> {
    const wanted = ids === undefined ? undefined : new Set(ids);
    const [records, allTombstones] = await Promise.all([readSyncedRecords(this.catalog, table, ids), readTombstones(this.catalog, table)]);
    const tombstones = allTombstones.filter((deletion) => deletion.recordId === WHOLE_TABLE || !wanted || wanted.has(deletion.recordId));
    const present = new Set(records.map((record) => record.id));
    const emptied = tombstones.find((deletion) => deletion.recordId === WHOLE_TABLE);
    const docs = emptied
      ? new Map((await this.tableDocs(table)).map((doc) => [doc._id, doc]))
      : await this.storedDocs([...new Set([...records.map((record) => record.id), ...tombstones.map((deletion) => deletion.recordId)])].map((id) => syncDocId(table, id)));
    // A document replication just made conflicted is merged first, so this device writes on top of every branch.
    for (const [docId, stored] of docs) {
      if (!stored._conflicts || stored._conflicts.length === 0) continue;
      const merged = await this.mergeConflicts(stored);
      docs.set(docId, { ...merged, _id: docId, _rev: (await this.mirror.get(docId))._rev });
    }
    const kind = SYNC_KINDS[table];
    const writes: PouchWrite<SyncDoc>[] = [];
    const inStep = new Set<string>();
    const put = async (docId: string, stored: StoredDoc | undefined, next: SyncDoc, record?: CatalogRecord) => {
      const attachments = stored?._attachments ?? (record ? await attachmentsOf(table, record) : undefined);
      writes.push({ ...next, _id: docId, ...(stored ? { _rev: stored._rev } : {}), ...(attachments ? { _attachments: attachments } : {}) });
    };

    for (const record of records) {
      const docId = syncDocId(table, record.id);
      const stored = docs.get(docId);
      const previous = stored ? bodyOf(stored) : this.seedPrevious(table, record.id);
      const updatedAt = typeof record.updatedAt === 'string' ? record.updatedAt : String(record.createdAt ?? new Date().toISOString());
      const outgoing = outgoingRecord(table, record, previous, !stored);
      const next = recordToDoc(previous, kind, outgoing, {
        device: this.device,
        fieldTimes: localFieldTimes(table, record),
        fallbackTime: updatedAt,
      });
      if (next !== previous || !stored) await put(docId, stored, next, record);
      // Only a document saying exactly what the catalog holds needs no pulling back; one that kept the document's
      // newer value of some field must come back in, so that the catalog takes it.
      if (next !== previous && sameRecord({ ...syncedFields(table, record), id: record.id }, outgoing as CatalogRecord)) inStep.add(docId);
    }
    const deletedHere = async (id: string, at: string) => {
      const docId = syncDocId(table, id);
      const stored = docs.get(docId);
      const previous = stored ? bodyOf(stored) : this.seedPrevious(table, id);
      if (!previous) return; // Made and deleted here before it ever synced: no other device knows it.
      const next = deletedDoc(previous, { device: this.device, at });
      if (next !== previous || !stored) await put(docId, stored, next);
    };
    for (const deletion of tombstones) {
      if (deletion.recordId !== WHOLE_TABLE && !present.has(deletion.recordId)) await deletedHere(deletion.recordId, deletion.deletedAt);
    }
    if (emptied) {
      // The table was emptied (a restore replacing the catalog): what it held then and does not hold now is deleted;
      // a document changed after that came from another device and is left for pulling.
      for (const stored of docs.values()) {
        const located = recordOfDocId(stored._id, SYNCING_TABLES);
        if (located && !present.has(located.id) && !isDeleted(stored) && latestChange(bodyOf(stored)) <= emptied.deletedAt) {
          await deletedHere(located.id, emptied.deletedAt);
        }
      }
    }
    return { writes, handled: tombstones, inStep };
  }

  /** Merges a document's conflicting revisions into one (a write) and returns the merged document. */
  private async mergeConflicts(doc: StoredDoc): Promise<SyncDoc> {
    const revisions = await this.mirror.get(doc._id, { open_revs: doc._conflicts ?? [] });
    let merged = bodyOf(doc);
    for (const revision of revisions) {
      const leaf = 'ok' in revision ? (revision.ok as StoredDoc & { _deleted?: boolean }) : undefined;
      if (leaf && !leaf._deleted) merged = mergeDocs(merged, bodyOf(leaf));
    }
    const losers = (doc._conflicts ?? []).map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true }));
    const kept = doc._attachments ? { _attachments: doc._attachments } : {};
    const main = docsEqual(merged, bodyOf(doc)) ? [] : [{ ...merged, _id: doc._id, _rev: doc._rev, ...kept }];
    await this.mirror.bulkDocs([...main, ...losers] as PouchWrite<SyncDoc>[]);
    return merged;
  }

  /**
   * Stores in the catalog what changed in the mirror since the last pull, merging conflicts first; `onBatch` sees
   * each batch's documents as merged (the Conflicts view follows them).
   */
  async pullMirror(onBatch?: (docs: readonly { table: SyncedTable; doc: SyncDoc }[]) => Promise<void>): Promise<PullResult> {
    const result: PullResult = { stored: 0, merged: 0, refused: [] };
    let since = await this.checkpoint();
    for (;;) {
      const changes = await this.mirror.changes({ since, limit: BATCH, include_docs: true, conflicts: true });
      if (changes.results.length === 0) return result;
      const docs: { table: SyncedTable; doc: SyncDoc }[] = [];
      for (const change of changes.results) {
        const stored = change.doc as StoredDoc | undefined;
        const located = recordOfDocId(change.id, SYNCING_TABLES);
        if (!stored || !located || change.deleted) continue;
        if (this.ownRevisions.delete(`${stored._id}@${stored._rev}`) && !stored._conflicts?.length) continue;
        let doc = bodyOf(stored);
        if (stored._conflicts && stored._conflicts.length > 0) {
          doc = await this.mergeConflicts(stored);
          result.merged += 1;
        }
        docs.push({ table: located.table, doc });
      }
      await onBatch?.(docs);
      const arrived = await this.arrivals(docs);
      result.refused.push(...(await storeArrivedRecords(this.catalog, arrived)));
      result.stored += arrived.length;
      since = changes.last_seq;
      await this.saveCheckpoint(since);
    }
  }

  /** What to store for arrived documents: only records that differ from the catalog's. */
  private async arrivals(docs: readonly { table: SyncedTable; doc: SyncDoc }[]): Promise<ArrivedRecord[]> {
    const arrived: ArrivedRecord[] = [];
    for (const table of SYNCING_TABLES) {
      const mine = docs.filter((entry) => entry.table === table);
      if (mine.length === 0) continue;
      const existing = new Map((await readSyncedRecords(this.catalog, table, mine.map(({ doc }) => doc.id))).map((record) => [record.id, record]));
      for (const { doc } of mine) {
        const here = existing.get(doc.id);
        if (isDeleted(doc)) {
          // Kept when changed here later than the document knows: that change goes out and restores it everywhere.
          if (here && !changedLocally(table, here, doc)) arrived.push({ table, id: doc.id, record: null });
          continue;
        }
        if (table === 'posters') {
          // A poster never changes (a new image is a new poster): only one not here yet is read, with its bytes.
          const poster = here ? null : await posterWithImages(this.mirror, doc);
          if (poster) arrived.push({ table, id: doc.id, record: poster });
          continue;
        }
        const record = incomingRecord(table, doc, here);
        if (record && (!here || !sameRecord(here, record))) arrived.push({ table, id: doc.id, record });
      }
    }
    return arrived;
  }

  /** Whether this mirror has never been pulled into the catalog (a device's first join of this database). */
  async isNew(): Promise<boolean> {
    return (await this.checkpoint()) === 0;
  }

  private async checkpoint(): Promise<string | number> {
    try {
      const doc = (await this.mirror.get(CHECKPOINT_ID)) as unknown as { seq: string | number };
      return doc.seq;
    } catch {
      return 0;
    }
  }

  private async saveCheckpoint(seq: string | number): Promise<void> {
    let rev: string | undefined;
    try {
      rev = (await this.mirror.get(CHECKPOINT_ID))._rev;
    } catch {
      rev = undefined;
    }
    await this.mirror.put({ _id: CHECKPOINT_ID, ...(rev ? { _rev: rev } : {}), seq } as unknown as PouchWrite<SyncDoc>);
  }
}
