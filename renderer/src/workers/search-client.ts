/**
 * The main thread's side of the search worker: starts it (once, lazily), tells it which records each write touched
 * (from Dexie's storagemutated event, for this window's writes and other windows'), asks it queries and turns its
 * answers — film numbers in transferred buffers — back into film ids. The newest query wins: an older one still
 * waiting is rejected with an AbortError when a newer answer arrives.
 */
import { Dexie } from 'dexie';
import { db } from '../db/index';
import { changedKeys } from '../db/changed-keys';
import type { CatalogChanges, SearchRequest, SearchResponse } from './search-protocol';

export type { CatalogChanges, SearchRequest, SearchResponse } from './search-protocol';

/** What a search found, best first. */
export interface SearchHits {
  query: string;
  ids: string[];
  /** Per id, in the same order: 0 matched in the title, 1 in directors/cast/tags, 2 only in notes. */
  ranks: Uint8Array;
  /** The folded query words, for highlighting (Highlighted, highlightParts). */
  words: string[];
  /**
   * A film's rank, or undefined when not found: a lookup in a typed array by the worker's film number, so a filter
   * pass over 100,000 films asks it without building a map of the hits per keystroke.
   */
  rankOf: (filmId: string) => number | undefined;
}

/** Marks "not found" in a result's rank-by-film-number array. */
const NOT_FOUND = 255;

/** What the client needs of a worker; a real Worker has it, and tests pass a fake. */
export interface SearchWorker {
  onmessage: ((event: MessageEvent<SearchResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: SearchRequest, transfer: Transferable[]): void;
  terminate(): void;
}

export interface StartSearchOptions {
  createWorker?: () => SearchWorker;
}

/**
 * Which films, notes and viewings a write changed, from the parts of a storagemutated event of the database
 * `databaseName`; null when it touched none of them. Dexie records up to 49 written records by key; more (a bulk
 * write) or a range (a clear, a restore) mark the whole table, which is `all`.
 */
export function changedSearchRecords(parts: Readonly<Record<string, unknown>>, databaseName: string): CatalogChanges | null {
  const changes: CatalogChanges = { all: 'all' in parts, films: [], notes: [], viewings: [] };
  let touched = changes.all;
  for (const table of ['films', 'notes', 'viewings'] as const) {
    const keys = changedKeys(parts, databaseName, table);
    if (keys === null) continue;
    if (keys === 'all') changes.all = true;
    else changes[table] = keys;
    touched = true;
  }
  return touched ? changes : null;
}

/** Vite sees `new Worker(new URL(…, import.meta.url))` and bundles the worker and everything it imports. */
function startSearchWorker(): SearchWorker {
  return new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'cinefile-search' });
}

interface Waiting {
  resolve: (hits: SearchHits) => void;
  reject: (reason: unknown) => void;
}

interface Running {
  worker: SearchWorker;
  /** Film number → id, as the worker announced them. */
  films: (string | undefined)[];
  /** The inverse of `films`. */
  numbers: Map<string, number>;
  waiting: Map<number, Waiting>;
  failure: Error | null;
  onMutated: (parts: Record<string, unknown>) => void;
}

let running: Running | null = null;
let nextSeq = 1;
const changeListeners = new Set<() => void>();
const readyListeners = new Set<() => void>();
let indexReady = false;

const SUPERSEDED = 'A newer search was answered first';
const superseded = () => new DOMException(SUPERSEDED, 'AbortError');

/** True for the AbortError of a search that a newer one (this caller's or another's) was answered before. */
export function wasSuperseded(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError' && error.message === SUPERSEDED;
}

function fail(state: Running, failure: Error): void {
  state.failure = failure;
  for (const waiting of state.waiting.values()) waiting.reject(failure);
  state.waiting.clear();
}

function receive(state: Running, message: SearchResponse): void {
  if (message.type === 'films') {
    message.numbers.forEach((number, index) => {
      const previous = state.films[number];
      if (previous !== undefined) state.numbers.delete(previous);
      const id = message.ids[index] ?? undefined;
      state.films[number] = id;
      if (id !== undefined) state.numbers.set(id, number);
    });
  } else if (message.type === 'results') {
    const ids = Array.from(message.numbers, (number) => state.films[number] as string);
    const rankByNumber = new Uint8Array(state.films.length).fill(NOT_FOUND);
    message.numbers.forEach((number, index) => (rankByNumber[number] = message.ranks[index]!));
    const rankOf = (filmId: string) => {
      const number = state.numbers.get(filmId);
      const rank = number === undefined ? NOT_FOUND : (rankByNumber[number] ?? NOT_FOUND);
      return rank === NOT_FOUND ? undefined : rank;
    };
    for (const [seq, waiting] of state.waiting) {
      if (seq > message.seq) continue;
      state.waiting.delete(seq);
      if (seq === message.seq) waiting.resolve({ query: message.query, ids, ranks: message.ranks, words: message.words, rankOf });
      else waiting.reject(superseded());
    }
  } else if (message.type === 'ready') {
    indexReady = true;
    for (const listener of [...readyListeners]) listener();
    readyListeners.clear();
  } else if (message.type === 'changed') {
    for (const listener of [...changeListeners]) listener();
  } else if (message.type === 'failed') {
    fail(state, new Error(message.message));
  }
}

/**
 * Starts the search worker, which builds the index from the catalog and then follows its writes. Call it once the
 * catalog is open and the first screen painted (the build reads every film); calling it again does nothing.
 * searchFilms starts it too, if nothing did before.
 */
export function startSearchIndex(options: StartSearchOptions = {}): void {
  if (running) return;
  let worker: SearchWorker;
  try {
    worker = (options.createWorker ?? startSearchWorker)();
  } catch (error) {
    console.error('The search index could not start', error);
    return;
  }
  const state: Running = {
    worker,
    films: [],
    numbers: new Map(),
    waiting: new Map(),
    failure: null,
    onMutated: (parts) => {
      const changes = changedSearchRecords(parts, db.name);
      if (changes && !state.failure) worker.postMessage({ type: 'changed', changes }, []);
    },
  };
  running = state;
  worker.onmessage = ({ data }) => receive(state, data);
  worker.onerror = (event) => {
    event.preventDefault();
    fail(state, new Error(`The search index stopped (${event.message || 'no reason given'}).`));
  };
  worker.onmessageerror = () => fail(state, new Error('The search index sent an answer that could not be read.'));
  Dexie.on('storagemutated', state.onMutated);
  worker.postMessage({ type: 'start' }, []);
}

/**
 * The films matching `query` (every word the prefix of a word of the film's title, original title, directors,
 * cast names or roles, tags, notes or viewing notes), best first. Waits for the first build of the index. Rejects
 * with an AbortError when a newer search is answered first, and with an Error when the index cannot be built.
 */
export function searchFilms(query: string): Promise<SearchHits> {
  startSearchIndex();
  const state = running;
  if (!state) return Promise.reject(new Error('The search index could not start.'));
  if (state.failure) return Promise.reject(state.failure);
  const seq = nextSeq++;
  return new Promise<SearchHits>((resolve, reject) => {
    state.waiting.set(seq, { resolve, reject });
    state.worker.postMessage({ type: 'query', seq, text: query }, []);
  });
}

/**
 * Calls `listener` once the first build of the index is done (at once if it is): the moment the catalog has been read
 * once and the machine is free for the next background reader. Returns an unsubscribe.
 */
export function onSearchIndexReady(listener: () => void): () => void {
  if (indexReady) {
    listener();
    return () => undefined;
  }
  readyListeners.add(listener);
  return () => {
    readyListeners.delete(listener);
  };
}

/** Calls `listener` each time the index has taken in a write (results shown may be stale); returns an unsubscribe. */
export function onSearchIndexChanged(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => {
    changeListeners.delete(listener);
  };
}

/** Stops the worker and forgets the index (tests; a window closing does this by itself). Waiting searches reject. */
export function stopSearchIndex(): void {
  const state = running;
  if (!state) return;
  running = null;
  indexReady = false;
  Dexie.on('storagemutated').unsubscribe(state.onMutated);
  state.worker.terminate();
  fail(state, new DOMException('The search index was stopped', 'AbortError'));
}
