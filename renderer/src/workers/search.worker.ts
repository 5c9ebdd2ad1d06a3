/**
 * The search worker's entry: the catalog's search index lives here, off the main thread, so building it at start
 * and answering every keystroke never holds up the window. It opens the catalog itself (the client starts it only
 * after the main thread has opened it, so it never creates or upgrades the database). The work is in
 * search-service.ts, which tests run in Node without a worker.
 */
import { db } from '../db/index';
import type { SearchRequest, SearchResponse } from './search-protocol';
import { createSearchService } from './search-service';

/** The part of a dedicated worker's global scope used here (the renderer's TypeScript config has DOM types only). */
interface SearchWorkerScope {
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
  postMessage(message: SearchResponse, transfer: Transferable[]): void;
}

const scope = self as unknown as SearchWorkerScope;
const service = createSearchService(db, (message, transfer) => scope.postMessage(message, transfer));

scope.onmessage = (event) => service.receive(event.data);
