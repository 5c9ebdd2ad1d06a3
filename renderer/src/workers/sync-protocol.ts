/**
 * Everything that crosses between the main thread and the sync worker, in one place. Types only; messages are plain
 * data (structured-cloned). The password crosses only inside `target`, never back, and is never logged.
 */
import type { SyncedTable } from '../domain/deletion';
import type { ConnectionVerdict } from '../domain/sync-server';
import type { SyncConflict } from '../domain/sync/conflicts';
import type { JsonValue } from '../domain/sync/json-value';
import type { SyncTarget } from './sync/connection';

export type { SyncTarget } from './sync/connection';

/** Which records a write touched, per synced table, from Dexie's storagemutated event; 'all' for a whole range. */
export type SyncChanges = Partial<Record<SyncedTable, string[] | 'all'>>;

/** What the status line says. */
export type SyncState = 'off' | 'connecting' | 'joining' | 'syncing' | 'up-to-date' | 'offline' | 'paused' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** Changes waiting to go out or come in, when known. */
  pending: number;
  /** First sync of a device: documents brought in so far, of how many. */
  progress: { done: number; total: number } | null;
  /** Why it is offline or stopped, in a person's words. */
  message: string | null;
  /** When the catalog and the server last agreed (ISO). */
  lastSyncedAt: string | null;
}

/** One record whose devices disagreed, with what the Conflicts view lists. */
export interface ConflictedRecord {
  docId: string;
  table: SyncedTable;
  id: string;
  /** What the record is, for a person ("Red Hot (1993)", "a viewing of Alien"). */
  label: string;
  conflicts: SyncConflict[];
}

/** How the person settles one conflict. */
export type ConflictChoice =
  | { kind: 'field'; field: string; value: JsonValue }
  | { kind: 'deletion'; deleted: boolean };

/** Main → worker. */
export type SyncRequest =
  | { type: 'test'; target: SyncTarget }
  | { type: 'create-database'; target: SyncTarget }
  /**
   * Start syncing; `mergeConfirmed` answers "this database holds another catalog: merge?"; `resumeWhenReachable`
   * (sync turned on earlier, starting with the app) keeps trying while the server cannot be reached.
   */
  | { type: 'start'; target: SyncTarget; mergeConfirmed: boolean; resumeWhenReachable?: boolean }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'sync-now' }
  | { type: 'stop' }
  | { type: 'changed'; changes: SyncChanges }
  | { type: 'resolve'; docId: string; choice: ConflictChoice };

/** Worker → main. */
export type SyncResponse =
  | { type: 'tested'; verdict: ConnectionVerdict }
  | { type: 'status'; status: SyncStatus }
  | { type: 'conflicts'; records: ConflictedRecord[] }
  /** The database holds a different catalog; starting waits for the person to agree to merge. */
  | { type: 'needs-confirmation'; records: number }
  | { type: 'failed'; message: string };
