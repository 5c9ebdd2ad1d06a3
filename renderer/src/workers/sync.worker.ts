/**
 * The sync worker's entry: the one place that talks to the user's CouchDB server. It is started with the server's
 * origin in its URL, and the shell serves this script with a Content-Security-Policy naming exactly that origin
 * (electron/content-security.ts), while the window itself may reach no server at all. The catalog is opened once,
 * never created (db/worker-connection.ts); the mirror lives in PouchDB's IndexedDB adapter. The work is in
 * sync/sync-service.ts.
 */
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import idbAdapter from 'pouchdb-adapter-idb';
import replication from 'pouchdb-replication';
import { openCatalogInWorker } from '../db/worker-connection';
import type { SyncRequest, SyncResponse } from './sync-protocol';
import { createSyncService } from './sync/sync-service';

interface SyncWorkerScope {
  onmessage: ((event: MessageEvent<SyncRequest>) => void) | null;
  postMessage(message: SyncResponse): void;
}

PouchDB.plugin(idbAdapter).plugin(httpAdapter).plugin(replication);

const scope = self as unknown as SyncWorkerScope;
const post = (message: SyncResponse) => scope.postMessage(message);

const service = openCatalogInWorker().then((catalog) =>
  createSyncService(catalog, post, {
    PouchDB,
    mirrorAdapter: 'idb',
    fetch: (input, init) => fetch(input, init),
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
  }),
);

scope.onmessage = (event) => {
  service.then(
    (running) => running.receive(event.data),
    (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
