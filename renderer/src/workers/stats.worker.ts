/**
 * The statistics worker's entry: reading the catalog's projections and viewings and counting them happen here, off
 * the main thread, so the Stats page never holds up the window, even at 100,000 films. Like the search worker it
 * opens the catalog itself, once, and never creates it. The work is in stats-service.ts.
 */
import { Dexie } from 'dexie';
import { CinefileDb, DATABASE_NAME } from '../db/schema';
import type { StatsRequest, StatsResponse } from './stats-protocol';
import { createStatsService } from './stats-service';

/** The part of a dedicated worker's global scope used here (the renderer's TypeScript config has DOM types only). */
interface StatsWorkerScope {
  onmessage: ((event: MessageEvent<StatsRequest>) => void) | null;
  postMessage(message: StatsResponse): void;
}

const scope = self as unknown as StatsWorkerScope;
const post = (message: StatsResponse) => scope.postMessage(message);

const catalog = new CinefileDb(DATABASE_NAME, { autoOpen: false });
const service = Dexie.exists(DATABASE_NAME).then(async (exists) => {
  if (!exists) throw new Error('The catalog is not there any more (deleted in another window?).');
  await catalog.open();
  return createStatsService(catalog, post);
});

scope.onmessage = (event) => {
  service.then(
    (running) => running.receive(event.data),
    (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
