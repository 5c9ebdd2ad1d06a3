/**
 * The search worker's entry: the catalog's search index lives here, off the main thread, so building it at start
 * and answering every keystroke never holds up the window. It opens the catalog itself, once, and never creates it
 * (db/worker-connection.ts). The work is in search-service.ts, which tests run in Node without a worker.
 */
import { openCatalogInWorker } from '../db/worker-connection';
import type { SearchRequest, SearchResponse } from './search-protocol';
import { createSearchService } from './search-service';

/** The part of a dedicated worker's global scope used here (the renderer's TypeScript config has DOM types only). */
interface SearchWorkerScope {
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
  postMessage(message: SearchResponse, transfer: Transferable[]): void;
}

const scope = self as unknown as SearchWorkerScope;
const post = (message: SearchResponse, transfer: Transferable[]) => scope.postMessage(message, transfer);

const service = openCatalogInWorker().then((catalog) => createSearchService(catalog, post));

scope.onmessage = (event) => {
  service.then(
    (running) => running.receive(event.data),
    (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }, []),
  );
};
