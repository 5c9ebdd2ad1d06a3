/**
 * Small pieces the catalog's DBCore middlewares (film-summaries, tombstones) share: each follows a write with writes
 * of its own in the same transaction, and must fail that write — never leave it half done — when its own fails.
 */
import type { DBCoreKeyRange, DBCoreMutateResponse, DBCoreRangeType, DBCoreTransaction } from 'dexie';

/** Every key of a table (Dexie's DBCoreRangeType.Any). */
export const anyRange: DBCoreKeyRange = { type: 3 as DBCoreRangeType, lower: undefined, upper: undefined };

/** Schema upgrades (mode "versionchange") fill the tables themselves: middlewares stand aside in them. */
export const isUpgrade = (trans: DBCoreTransaction) => (trans as unknown as { mode?: string }).mode === 'versionchange';

/** The values a mutation stored: those IndexedDB did not refuse (a bulkAdd of a key already there fails alone). */
export const storedValues = <T>(values: readonly T[], result: DBCoreMutateResponse) => values.filter((_, index) => result.failures[index] === undefined);

/** A bulk write reports a refused record instead of failing: a follow-up write not made must fail the write it follows. */
export function throwIfRefused(result: DBCoreMutateResponse): void {
  if (result.numFailures > 0) throw Object.values(result.failures)[0] ?? new Error('A record could not be written');
}

function abortQuietly(trans: DBCoreTransaction): void {
  try {
    (trans as unknown as IDBTransaction).abort();
  } catch {
    // Already finished or aborted: nothing was committed by us.
  }
}

/**
 * Runs a follow-up write; if it fails the record was written but what follows it was not, so the transaction aborts
 * and neither stays (even in a one-write transaction that would otherwise commit the record alone).
 */
export async function followOrAbort(trans: DBCoreTransaction, follow: () => Promise<void>): Promise<void> {
  try {
    await follow();
  } catch (error) {
    abortQuietly(trans);
    throw error;
  }
}
