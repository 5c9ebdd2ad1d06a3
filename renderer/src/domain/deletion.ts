/**
 * Tombstones: what a catalog remembers of a deleted record, so sync can tell another device "this was deleted here"
 * rather than "this was never here" — without it, a film deleted on one device (Red Hot included) would come back
 * from a device that still has it. Kept for every table whose records sync.
 */

/** The tables whose records sync between devices (projections, meta and import history are each device's own). */
export const SYNCED_TABLES = ['films', 'viewings', 'notes', 'lists', 'listEntries', 'copies', 'loans', 'posters', 'smartLists'] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

const synced: ReadonlySet<string> = new Set(SYNCED_TABLES);
export const isSyncedTable = (table: string): table is SyncedTable => synced.has(table);

/** The record id of a tombstone that stands for every record a table held when it was emptied (a restore's Replace). */
export const WHOLE_TABLE = '*';

export interface Deletion {
  /** `table/recordId`: one tombstone per record, replaced if it is deleted again. */
  id: string;
  table: SyncedTable;
  /** The deleted record's id, or WHOLE_TABLE. */
  recordId: string;
  deletedAt: string;
}

export const deletionId = (table: SyncedTable, recordId: string): string => `${table}/${recordId}`;

export function deletionOf(table: SyncedTable, recordId: string, deletedAt: string): Deletion {
  return { id: deletionId(table, recordId), table, recordId, deletedAt };
}
