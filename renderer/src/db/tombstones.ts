/**
 * Keeps the `deletions` table (domain/deletion) in step with every delete of a record that syncs, in the same
 * transaction, whoever deletes it (a form, Delete film's cascade, Undo import, a restore): sync reads it to tell
 * other devices what was deleted here. A record stored again (an undo, a sync bringing it back) loses its tombstone.
 * Like film-summaries, it sits in Dexie's DBCore stack, so no delete path can forget it.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { deletionId, deletionOf, isSyncedTable, WHOLE_TABLE, type SyncedTable } from '../domain/deletion';
import { anyRange, followOrAbort, isUpgrade, storedValues, throwIfRefused } from './dbcore';

export const DELETIONS = 'deletions';

/** Which records of synced tables a committed transaction wrote or deleted; 'all' when a table was emptied. */
export type CommittedChanges = Partial<Record<SyncedTable, string[] | 'all'>>;

const committedListeners = new Set<(changes: CommittedChanges) => void>();

/**
 * Follows this window's committed writes to synced records, with their exact keys (Dexie's storagemutated marks a
 * whole table for some single-record updates, which would make sync re-read every record of it).
 */
export function onCommittedChanges(listener: (changes: CommittedChanges) => void): () => void {
  committedListeners.add(listener);
  return () => committedListeners.delete(listener);
}

const pendingChanges = new WeakMap<DBCoreTransaction, CommittedChanges>();

function remember(trans: DBCoreTransaction, table: SyncedTable, keys: readonly string[] | 'all'): void {
  if (committedListeners.size === 0 || (keys !== 'all' && keys.length === 0)) return;
  let pending = pendingChanges.get(trans);
  if (!pending) {
    const changes: CommittedChanges = {};
    pending = changes;
    pendingChanges.set(trans, changes);
    (trans as unknown as IDBTransaction).addEventListener('complete', () => {
      for (const listener of [...committedListeners]) listener(changes);
    });
  }
  const known = pending[table];
  pending[table] = keys === 'all' || known === 'all' ? 'all' : [...(known ?? []), ...keys];
}

/**
 * Whether the deletions table may hold a tombstone for a record being stored, per transaction: most catalogs have
 * none, and an import storing 100,000 records then skips 100,000 deletes of tombstones that are not there.
 */
const mayHoldTombstones = new WeakMap<DBCoreTransaction, Promise<boolean>>();
function tombstonesMayExist(deletions: DBCoreTable, trans: DBCoreTransaction): Promise<boolean> {
  let known = mayHoldTombstones.get(trans);
  if (!known) {
    known = deletions.count({ trans, query: { index: deletions.schema.primaryKey, range: anyRange } }).then((count) => count > 0);
    mayHoldTombstones.set(trans, known);
  }
  return known;
}

async function followWrite(
  down: DBCore,
  name: SyncedTable,
  table: DBCoreTable,
  request: DBCoreMutateRequest,
  result: DBCoreMutateResponse,
): Promise<void> {
  const { trans } = request;
  const deletions = down.table(DELETIONS);
  const now = new Date().toISOString();
  if (request.type === 'delete') {
    const tombstones = (request.keys as string[]).map((key) => deletionOf(name, key, now));
    if (tombstones.length === 0) return;
    throwIfRefused(await deletions.mutate({ type: 'put', trans, values: tombstones }));
    mayHoldTombstones.set(trans, Promise.resolve(true));
  } else if (request.type === 'deleteRange') {
    // Emptied whole (a restore replacing the catalog): one tombstone stands for every record the table held, rather
    // than one per record (100,000 writes); a part of a table is tombstoned record by record.
    throwIfRefused(await deletions.mutate({ type: 'put', trans, values: [deletionOf(name, WHOLE_TABLE, now)] }));
    mayHoldTombstones.set(trans, Promise.resolve(true));
  } else {
    if (!(await tombstonesMayExist(deletions, trans))) return;
    const keyOf = table.schema.primaryKey.extractKey ?? ((value: unknown) => (value as { id: string }).id);
    const stored = storedValues(request.values, result).map((value) => deletionId(name, String(keyOf(value))));
    if (stored.length > 0) throwIfRefused(await deletions.mutate({ type: 'delete', trans, keys: stored }));
  }
}

/** The keys a partial range delete is about to remove, read before it does. */
async function keysInRange(table: DBCoreTable, request: Extract<DBCoreMutateRequest, { type: 'deleteRange' }>): Promise<string[]> {
  const { result } = await table.query({ trans: request.trans, values: false, query: { index: table.schema.primaryKey, range: request.range } });
  return result as string[];
}

function trackedTable(down: DBCore, name: SyncedTable, table: DBCoreTable): DBCoreTable {
  const mutate = async (request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
    if (isUpgrade(request.trans)) return table.mutate(request);
    if (request.type === 'deleteRange' && request.range.type !== anyRange.type) {
      // Rewritten as a delete of the keys in the range, so each gets its own tombstone.
      return mutate({ type: 'delete', trans: request.trans, keys: await keysInRange(table, request) });
    }
    const result = await table.mutate(request);
    await followOrAbort(request.trans, () => followWrite(down, name, table, request, result));
    if (request.type === 'deleteRange') remember(request.trans, name, 'all');
    else if (request.type === 'delete') remember(request.trans, name, request.keys as string[]);
    else {
      const keyOf = table.schema.primaryKey.extractKey ?? ((value: unknown) => (value as { id: string }).id);
      remember(request.trans, name, storedValues(request.values, result).map((value) => String(keyOf(value))));
    }
    return result;
  };
  return { ...table, mutate };
}

/** A read-write transaction over a synced table also holds the deletions table. */
function widened(stores: string[]): string[] {
  return stores.some(isSyncedTable) && !stores.includes(DELETIONS) ? [...stores, DELETIONS] : stores;
}

export const tombstonesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'tombstones',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) => down.transaction(mode === 'readwrite' ? widened(stores) : stores, mode, options),
    table(name) {
      const table = down.table(name);
      return isSyncedTable(name) ? trackedTable(down, name, table) : table;
    },
  }),
};
