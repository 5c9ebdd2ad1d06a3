/**
 * The main thread's side of the statistics worker: starts it the first time statistics are asked for and keeps it
 * (with what it read) for the rest of the session, so coming back to Stats shows figures at once; forwards every
 * write to the tables statistics come from (Dexie's storagemutated, this window's writes and other windows'); and
 * hands each new result to whoever listens.
 */
import { Dexie } from 'dexie';
import { changedKeys } from '../db/changed-keys';
import { db } from '../db/index';
import { statsTables, type StatsChanges, type StatsRequest, type StatsResponse, type StatsResult, type StatsView } from './stats-protocol';

export type { StatsResult, StatsView } from './stats-protocol';

/** What the client needs of a Worker (tests pass an in-process stand-in). */
export interface StatsWorker {
  postMessage(message: StatsRequest): void;
  onmessage: ((event: MessageEvent<StatsResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export type StatsUpdate = { result: StatsResult; failure: null } | { result: StatsResult | null; failure: string };
type Listener = (update: StatsUpdate) => void;

/** Which records of the statistics tables a write touched; null when it touched none of them. */
export function changedStatsRecords(parts: Readonly<Record<string, unknown>>, databaseName: string): StatsChanges | null {
  if ('all' in parts) return Object.fromEntries(statsTables.map((table) => [table, 'all'])) as StatsChanges;
  const changes: StatsChanges = {};
  let touched = false;
  for (const table of statsTables) {
    const keys = changedKeys(parts, databaseName, table);
    if (keys === null) continue;
    changes[table] = keys;
    touched = true;
  }
  return touched ? changes : null;
}

/** Vite sees `new Worker(new URL(…, import.meta.url))` and bundles the worker and everything it imports. */
function startStatsWorker(): StatsWorker {
  return new Worker(new URL('./stats.worker.ts', import.meta.url), { type: 'module', name: 'cinefile-stats' });
}

interface Running {
  worker: StatsWorker;
  latest: StatsUpdate | null;
  onMutated: (parts: Readonly<Record<string, unknown>>) => void;
}

let running: Running | null = null;
const listeners = new Set<Listener>();
let createWorker: () => StatsWorker = startStatsWorker;

function publish(state: Running, update: StatsUpdate): void {
  state.latest = update;
  for (const listener of [...listeners]) listener(update);
}

function fail(state: Running, message: string): void {
  publish(state, { result: state.latest?.result ?? null, failure: message });
}

function start(view: StatsView): Running {
  const state: Running = {
    worker: createWorker(),
    latest: null,
    onMutated: (parts) => {
      const changes = changedStatsRecords(parts, db.name);
      if (changes) state.worker.postMessage({ type: 'changed', changes });
    },
  };
  state.worker.onmessage = ({ data }) => {
    if (data.type === 'stats') {
      const { type: _type, ...result } = data;
      publish(state, { result, failure: null });
    } else fail(state, data.message);
  };
  state.worker.onerror = (event) => {
    event.preventDefault();
    fail(state, `Statistics stopped (${event.message || 'no reason given'}).`);
  };
  Dexie.on('storagemutated', state.onMutated);
  state.worker.postMessage({ type: 'start', view });
  return state;
}

/**
 * Follows the catalog's statistics for `view`: `listener` gets the latest result at once when there is one, then
 * each new one. Returns the function that stops listening (the worker stays for the next visit).
 */
export function watchStats(view: StatsView, listener: Listener): () => void {
  listeners.add(listener);
  if (running === null) {
    try {
      running = start(view);
    } catch (error) {
      listener({ result: null, failure: `Statistics could not start (${error instanceof Error ? error.message : String(error)}).` });
      listeners.delete(listener);
      return () => undefined;
    }
  } else {
    if (running.latest) listener(running.latest);
    running.worker.postMessage({ type: 'view', view });
  }
  const state = running;
  if (listeners.size === 1) state.worker.postMessage({ type: 'watching', watching: true });
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && running === state) state.worker.postMessage({ type: 'watching', watching: false });
  };
}

/**
 * Starts the worker ahead of the first visit, so Stats opens on figures already counted: called once the Library has
 * been read and the search index built (the catalog's first readers), it reads and counts in the background, off the
 * main thread. Does nothing when the worker runs already.
 */
export function prewarmStats(): void {
  if (running !== null) return;
  try {
    running = start({ heatmapYear: null, reviewYear: null });
  } catch (error) {
    console.warn('Statistics could not start ahead of time', error);
  }
}

/** Stops the worker and forgets what it read (tests); `create` replaces how the next one starts. */
export function resetStats(create: () => StatsWorker = startStatsWorker): void {
  if (running) {
    Dexie.on('storagemutated').unsubscribe(running.onMutated);
    running.worker.terminate();
  }
  running = null;
  listeners.clear();
  createWorker = create;
}
