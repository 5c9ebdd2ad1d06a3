/**
 * Opening the catalog at start-up, and turning every way that can fail into a message a person can act on:
 * the window must never stay blank.
 */
import { errorNames, failureKind } from '../domain/errors';
import { db } from './index';
import { SCHEMA_VERSION } from './schema';

export type CatalogOpenProblem = 'blocked' | 'newer-version' | 'storage-full' | 'unavailable' | 'closed-elsewhere' | 'unknown';

export interface CatalogOpenFailure {
  problem: CatalogOpenProblem;
  title: string;
  message: string;
  action: string;
  detail: string;
}

const explanations: Record<CatalogOpenProblem, Pick<CatalogOpenFailure, 'title' | 'message' | 'action'>> = {
  blocked: {
    title: 'Cinefile is open somewhere else',
    message: 'Another Cinefile window or browser tab is holding the catalog open, so this one cannot update it.',
    action: 'Close the other Cinefile windows and tabs, then choose Try again.',
  },
  'newer-version': {
    title: 'This catalog was written by a newer Cinefile',
    message: 'Your catalog was saved by a newer version of Cinefile than this one, which cannot read it safely.',
    action: 'Install the latest Cinefile to open it. Nothing in the catalog has been changed.',
  },
  'storage-full': {
    title: 'There is no room left to save the catalog',
    message: 'The disk, or the storage this app may use, is full.',
    action: 'Free some disk space, then choose Try again.',
  },
  unavailable: {
    title: 'Cinefile cannot use its storage here',
    message: 'This window has no access to IndexedDB (private browsing, or storage turned off in settings).',
    action: 'Open Cinefile in a normal window, or allow site storage, then choose Try again.',
  },
  'closed-elsewhere': {
    title: 'Another Cinefile window changed the catalog',
    message:
      'Another Cinefile window or tab deleted the catalog, so this window has let go of it rather than save into a ' +
      'catalog that is gone.',
    action: 'Reload this window to open the catalog as it is now.',
  },
  unknown: {
    title: 'The catalog could not be opened',
    message: 'Something unexpected stopped Cinefile from opening your catalog. Your data has not been changed.',
    action: 'Choose Try again. If it keeps happening, restart Cinefile.',
  },
};

/** Classifies an error from opening the database. */
export function describeOpenFailure(error: unknown): CatalogOpenFailure {
  const names = errorNames(error).join(' ');
  const problem: CatalogOpenProblem = /VersionError/.test(names)
    ? 'newer-version'
    : failureKind(error) === 'storage-full'
      ? 'storage-full'
      : /MissingAPI|InvalidState|SecurityError/.test(names)
        ? 'unavailable'
        : /Blocked/.test(names)
          ? 'blocked'
          : 'unknown';
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { problem, ...explanations[problem], detail };
}

/**
 * The schema version a catalog on disk was written with, or null when there is none yet. Read with a raw
 * IndexedDB open because Dexie 4 would open a newer catalog anyway and quietly alter its schema.
 */
export function installedSchemaVersion(name: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => {
      // No catalog yet: abort so this probe creates nothing and Dexie's first open still seeds it.
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      // Dexie stores version n as n × 10 (plus small bumps when it repairs a schema).
      resolve(Math.floor(version / 10));
    };
    request.onerror = (event) => {
      if (request.error?.name === 'AbortError') {
        event.preventDefault();
        resolve(null);
      } else reject(request.error ?? new Error('IndexedDB refused to open the catalog'));
    };
    request.onblocked = () => reject(new DOMException('Another window holds the catalog open', 'BlockedError'));
  });
}

/**
 * Opens the catalog. Resolves with null on success, or with the failure to show. `onBlocked` fires if another
 * connection holds up an upgrade, so the screen can say so while Dexie keeps waiting.
 */
export async function openCatalog(onBlocked: (failure: CatalogOpenFailure) => void): Promise<CatalogOpenFailure | null> {
  const blockedNotice = (): void => onBlocked(describeOpenFailure(new DOMException('blocked', 'BlockedError')));
  db.on('blocked', blockedNotice);
  try {
    const installed = await installedSchemaVersion(db.name);
    if (installed !== null && installed > SCHEMA_VERSION) {
      throw new DOMException(`Catalog schema ${installed} is newer than this Cinefile's ${SCHEMA_VERSION}`, 'VersionError');
    }
    await db.open();
    return null;
  } catch (error) {
    console.error('Opening the catalog failed', error);
    return describeOpenFailure(error);
  } finally {
    db.on('blocked').unsubscribe(blockedNotice);
  }
}

/** Asks the browser to keep the catalog through storage pressure; best effort, never fatal. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

/** Whether the catalog's storage is kept through disk pressure, and how much of it the catalog uses. */
export interface StorageStatus {
  /** true: never evicted; false: best effort (may be cleared when space runs low); null: this browser cannot say. */
  persistent: boolean | null;
  /** Bytes used by Cinefile's storage (catalog and posters), when the browser reports it. */
  usedBytes: number | null;
}

/** Reads the storage status; every part the browser cannot tell is null rather than a guess. */
export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  const [persistent, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage?.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persistent, usedBytes: estimate?.usage ?? null };
}

/**
 * Watches for another window upgrading or deleting the catalog (IndexedDB's `versionchange`). This window closes its
 * connection at once, for good: Dexie's default would reopen it on the next write, which after a deletion would
 * quietly create a new, empty catalog. `onClosed` gets the failure to show; returns the unsubscribe function.
 */
export function watchForClosingElsewhere(onClosed: (failure: CatalogOpenFailure) => void): () => void {
  const closeHere = (event: IDBVersionChangeEvent): false => {
    db.close({ disableAutoOpen: true });
    const deleted = event.newVersion === null || event.newVersion === 0;
    onClosed({
      problem: 'closed-elsewhere',
      ...explanations['closed-elsewhere'],
      ...(!deleted && {
        message:
          'Another Cinefile window or tab is opening the catalog with a newer Cinefile, so this window has let go of ' +
          'it to let that one update it.',
      }),
      detail: `The catalog was ${deleted ? 'deleted' : `upgraded to schema ${Math.floor((event.newVersion ?? 0) / 10)}`} by another connection.`,
    });
    // Returning false stops Dexie's own handler, which would close with auto-reopen.
    return false;
  };
  db.on('versionchange', closeHere);
  return () => db.on('versionchange').unsubscribe(closeHere);
}
