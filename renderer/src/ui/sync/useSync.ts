/** The sync state (status, conflicts, verdicts) as a React value, following the sync client. */
import { useSyncExternalStore } from 'react';
import { onSyncState, syncState, type SyncState } from '../../workers/sync-client';

export function useSync(): SyncState {
  return useSyncExternalStore(onSyncState, syncState);
}
