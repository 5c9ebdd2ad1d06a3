/**
 * Sync's status, always in view while sync is on (the top bar): up to date, syncing N changes, offline, paused or
 * stopped with its reason; conflicts to settle are a link to them. Nothing shows while sync is off.
 */
import { Link } from 'wouter';
import { syncStatusText } from './sync-words';
import { useSync } from './useSync';

export function SyncStatusLine() {
  const { status, conflicts } = useSync();
  if (status.state === 'off' && conflicts.length === 0) return null;
  return (
    <div className={`sync-status sync-${status.state}`} role="status" aria-live="polite" data-sync-state={status.state}>
      <Link href="/settings" className="sync-status-text">
        {syncStatusText(status)}
      </Link>
      {conflicts.length > 0 && (
        <Link href="/conflicts" className="sync-conflicts-link">
          {conflicts.length === 1 ? '1 conflict' : `${conflicts.length} conflicts`}
        </Link>
      )}
    </div>
  );
}
