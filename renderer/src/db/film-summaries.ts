/**
 * Keeps the filmSummaries table (domain/film-summary) in step with films, in the same transaction as every write to
 * films — add, put, update, modify, delete, clear — whoever makes it (the add form, ratings, flags, tags, posters,
 * imports, restores). It sits in Dexie's DBCore stack: a read-write transaction over films is widened to include
 * filmSummaries, and each films mutation is followed by the matching summaries mutation. So no write path can
 * forget it, and a failed write rolls both back together.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';
import type { Film } from '../domain/film';
import { filmSummary } from '../domain/film-summary';

const FILMS = 'films';
export const SUMMARIES = 'filmSummaries';

/** Schema upgrades (mode "versionchange") fill the table themselves once it exists (upgradeToV4). */
const isUpgrade = (trans: DBCoreTransaction) => (trans as unknown as { mode?: string }).mode === 'versionchange';

function abortQuietly(trans: DBCoreTransaction): void {
  try {
    (trans as unknown as IDBTransaction).abort();
  } catch {
    // Already finished or aborted: nothing was committed by us.
  }
}

async function mirror(down: DBCore, request: DBCoreMutateRequest): Promise<void> {
  const { trans } = request;
  if (isUpgrade(trans)) return;
  // Looked up only now: during an upgrade from before v4 the table does not exist yet.
  const summaries = down.table(SUMMARIES);
  switch (request.type) {
    case 'add':
    case 'put':
      await summaries.mutate({ type: 'put', trans, values: (request.values as Film[]).map(filmSummary) });
      return;
    case 'delete':
      await summaries.mutate({ type: 'delete', trans, keys: request.keys });
      return;
    case 'deleteRange':
      await summaries.mutate({ type: 'deleteRange', trans, range: request.range });
      return;
  }
}

export const filmSummariesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'film-summaries',
  create: (down) => ({
    ...down,
    transaction(stores, mode, options) {
      const widened = mode === 'readwrite' && stores.includes(FILMS) && !stores.includes(SUMMARIES) ? [...stores, SUMMARIES] : stores;
      return down.transaction(widened, mode, options);
    },
    table(name) {
      const table = down.table(name);
      if (name !== FILMS) return table;
      return {
        ...table,
        async mutate(request) {
          const result = await table.mutate(request);
          try {
            await mirror(down, request);
          } catch (error) {
            // The film was written but its summary was not: abort, so neither stays (even in a one-write transaction
            // that would otherwise commit the film alone).
            abortQuietly(request.trans);
            throw error;
          }
          return result;
        },
      };
    },
  }),
};
