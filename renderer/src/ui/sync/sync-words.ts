/** The words the status line, Settings › Sync and the Conflicts view use for sync's states. */
import type { SyncStatus } from '../../workers/sync-client';

/** "Up to date", "Syncing 3 changes", "Offline — …": what the status line says. */
export function syncStatusText(status: SyncStatus): string {
  switch (status.state) {
    case 'off':
      return 'Sync off';
    case 'connecting':
      return 'Connecting…';
    case 'joining':
      return status.progress ? `Bringing in the catalog: ${status.progress.done.toLocaleString('en')} of ${status.progress.total.toLocaleString('en')}` : 'Bringing in the catalog…';
    case 'syncing':
      return status.pending > 0 ? `Syncing ${status.pending.toLocaleString('en')} ${status.pending === 1 ? 'change' : 'changes'}` : 'Syncing…';
    case 'up-to-date':
      return 'Up to date';
    case 'offline':
      return `Offline${status.message ? `: ${status.message}` : ''} — will catch up when the server is back`;
    case 'paused':
      return 'Paused';
    case 'error':
      return `Sync stopped: ${status.message ?? 'unknown problem'}`;
  }
}

/** A field's name as a person reads it ("runtimeMinutes" → "Runtime"). */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  title: 'Title', originalTitle: 'Original title', year: 'Year', directors: 'Directors', cast: 'Cast', genres: 'Genres',
  runtimeMinutes: 'Runtime', country: 'Country', language: 'Language', overview: 'Overview', tagline: 'Tagline', rating: 'Rating',
  watchlist: 'Watchlist', favourite: 'Favourite', tags: 'Tags', poster: 'Poster', body: 'Note', note: 'Note', name: 'Name',
  description: 'Description', ranked: 'Ranked', rank: 'Place in the list', watchedOn: 'Date watched', rewatch: 'Rewatch',
  medium: 'Medium', borrower: 'Borrower', lentOn: 'Lent on', dueOn: 'Due', returnedOn: 'Returned on', query: 'View',
  format: 'Format', edition: 'Edition', location: 'Location', condition: 'Condition',
};

export const fieldName = (field: string): string => FIELD_NAMES[field] ?? field;

/** A field's value as a person reads it: a rating in stars, lists joined, nothing as "(empty)". */
export function fieldValueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '(empty)';
  if (field === 'rating' && typeof value === 'number') return `${(value / 2).toLocaleString('en')} ★`;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) {
    return value.map((item) => (typeof item === 'object' && item !== null && 'name' in item ? String((item as { name: unknown }).name) : String(item))).join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
