/**
 * Everything that crosses between the main thread and the search worker, in one place, so both sides (and the
 * tests' fake worker) agree on it. Types only.
 *
 * Results name films by number, not id: posting 100,000 ids as strings costs the main thread ~10–15 ms, a
 * transferred Int32Array ~1 ms (docs/search.md). The worker tells the client which film each number stands for
 * ('films' messages) before any results that use it, and messages arrive in order, so the client's table is always
 * right for the results it reads.
 */

/** Which records a write touched, from Dexie's storagemutated event; `all` when a whole range changed. */
export interface CatalogChanges {
  all: boolean;
  films: string[];
  notes: string[];
  viewings: string[];
}

/** Main → worker. */
export type SearchRequest =
  /** Open the catalog and build the index (sent once, after the main thread has opened the database). */
  | { type: 'start' }
  /** Answered with 'results' for the newest query only: one sent meanwhile supersedes it. */
  | { type: 'query'; seq: number; text: string }
  /** Records a write touched: the worker re-reads them and updates the index. */
  | { type: 'changed'; changes: CatalogChanges };

/** Worker → main. */
export type SearchResponse =
  /** From now on `numbers[i]` stands for the film `ids[i]`, or for none when it is null. */
  | { type: 'films'; numbers: number[]; ids: (string | null)[] }
  /** The first build is done; queries are answered from now on. Its time, and how much of it was reading or indexing. */
  | { type: 'ready'; films: number; buildMs: number; readMs: number; indexMs: number }
  /**
   * The films matching the query `seq`, best first, as film numbers with their ranks (0 title, 1 people/tags,
   * 2 notes); both buffers are transferred. `words` are the folded query words, for highlighting.
   */
  | { type: 'results'; seq: number; query: string; numbers: Int32Array; ranks: Uint8Array; words: string[] }
  /** The index took in a write: results shown for an earlier state may be stale. */
  | { type: 'changed' }
  /** The index could not be built (the catalog could not be read); queries cannot be answered. */
  | { type: 'failed'; message: string };
