/**
 * The statistics worker's entry: reading the catalog's projections and viewings and counting them happen here, off
 * the main thread, so the Stats page never holds up the window, even at 100,000 films. Like the search worker it
 * opens the catalog itself, once, and never creates it (db/worker-connection.ts). The work is in stats-service.ts.
 */
import { openCatalogInWorker } from '../db/worker-connection';
import type { StatsRequest, StatsResponse } from './stats-protocol';
import { createStatsService } from './stats-service';

/** The part of a dedicated worker's global scope used here (the renderer's TypeScript config has DOM types only). */
interface StatsWorkerScope {
  onmessage: ((event: MessageEvent<StatsRequest>) => void) | null;
  postMessage(message: StatsResponse): void;
}

const scope = self as unknown as StatsWorkerScope;
const post = (message: StatsResponse) => scope.postMessage(message);

const service = openCatalogInWorker().then((catalog) => createStatsService(catalog, post));

scope.onmessage = (event) => {
  service.then(
    (running) => running.receive(event.data),
    (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
