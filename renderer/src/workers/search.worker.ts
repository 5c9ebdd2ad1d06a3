/**
 * The search worker's entry: the catalog's search index lives here, off the main thread, so building it at start
 * and answering every keystroke never holds up the window. It opens the catalog itself (the client starts it only
 * after the main thread has opened it; see below for why it never creates the database). The work is in
 * search-service.ts, which tests run in Node without a worker.
 */
import { Dexie } from 'dexie';
import { CinefileDb, DATABASE_NAME } from '../db/schema';
import type { SearchRequest, SearchResponse } from './search-protocol';
import { createSearchService } from './search-service';

/** The part of a dedicated worker's global scope used here (the renderer's TypeScript config has DOM types only). */
interface SearchWorkerScope {
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
  postMessage(message: SearchResponse, transfer: Transferable[]): void;
}

const scope = self as unknown as SearchWorkerScope;
const post = (message: SearchResponse, transfer: Transferable[]) => scope.postMessage(message, transfer);

// Its own connection, opened once and never re-opened by Dexie on a later read: when another window deletes or
// upgrades the catalog, this connection closes and the worker's reads fail (the Library says search is unavailable)
// instead of quietly creating a new, empty catalog (and seeding it) behind the window's back.
const catalog = new CinefileDb(DATABASE_NAME, { autoOpen: false });
const service = Dexie.exists(DATABASE_NAME).then(async (exists) => {
  if (!exists) throw new Error('The catalog is not there any more (deleted in another window?).');
  await catalog.open();
  return createSearchService(catalog, post);
});

scope.onmessage = (event) => {
  service.then(
    (running) => running.receive(event.data),
    (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }, []),
  );
};
