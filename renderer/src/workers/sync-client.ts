/**
 * The main thread's side of sync: keeps the settings (this device's own, in localStorage; never the password), starts
 * the sync worker with the server's origin in its URL (so its Content-Security-Policy names that origin and nothing
 * else), hands it the password read from the platform (the OS keychain in Electron), forwards every write to synced
 * tables (with exact keys, from db/tombstones), and publishes the status and the Conflicts view's records to whoever listens.
 */
import { workerUrlWithConnect } from '../../../electron/content-security';
import { onCommittedChanges } from '../db/tombstones';
import { checkSyncServer, type ConnectionVerdict, type SyncServerSettings } from '../domain/sync-server';
import type { ConflictChoice, ConflictedRecord, SyncRequest, SyncResponse, SyncStatus, SyncTarget } from './sync-protocol';
import syncWorkerUrl from './sync.worker.ts?worker&url';

export type { ConflictChoice, ConflictedRecord, SyncStatus } from './sync-protocol';

/** What Settings › Sync keeps on this device. */
export interface SyncSettings extends SyncServerSettings {
  /** Sync runs by itself whenever the app is open. */
  enabled: boolean;
}

export interface SyncState {
  status: SyncStatus;
  conflicts: ConflictedRecord[];
  /** The last Test connection's (or start's) verdict. */
  verdict: ConnectionVerdict | null;
  /** The server's database holds another catalog: starting waits for the person to agree to merge (its size). */
  confirmMerge: { records: number } | null;
  /** Something the worker could not do, in a person's words. */
  failure: string | null;
}

/** What the client needs of a Worker (tests pass an in-process stand-in). */
export interface SyncWorker {
  postMessage(message: SyncRequest): void;
  onmessage: ((event: MessageEvent<SyncResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

const SETTINGS_KEY = 'cinefile.sync';
export const emptySyncSettings: SyncSettings = { address: '', database: 'cinefile', username: '', allowPlainHttpOnLan: false, enabled: false };

export function readSyncSettings(): SyncSettings {
  try {
    const stored = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null') as Partial<SyncSettings> | null;
    return { ...emptySyncSettings, ...(stored ?? {}) };
  } catch {
    return emptySyncSettings;
  }
}

export function saveSyncSettings(settings: SyncSettings): void {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
}

/** The account a kept password belongs to: this server's database and user, so it is never sent anywhere else. */
export function syncAccount(settings: Pick<SyncServerSettings, 'address' | 'database' | 'username'> & { databaseUrl: string }): string {
  return `${settings.databaseUrl}#${settings.username}`;
}

/** The target the worker connects to: checked settings and the password; null with the reason when they are wrong. */
export function syncTarget(settings: SyncServerSettings, password: string): { target: SyncTarget; origin: string } | { error: string } {
  const checked = checkSyncServer(settings);
  if (!checked.ok) return { error: checked.error };
  const serverUrl = checked.databaseUrl.slice(0, checked.databaseUrl.lastIndexOf('/') + 1);
  return { origin: checked.origin, target: { serverUrl, databaseUrl: checked.databaseUrl, username: settings.username.trim(), password } };
}

const offStatus: SyncStatus = { state: 'off', pending: 0, progress: null, message: null, lastSyncedAt: null };
let state: SyncState = { status: offStatus, conflicts: [], verdict: null, confirmMerge: null, failure: null };
const listeners = new Set<(state: SyncState) => void>();

interface Running {
  worker: SyncWorker;
  origin: string;
  stopFollowing: () => void;
}
let running: Running | null = null;

function startSyncWorker(origin: string): SyncWorker {
  return new Worker(workerUrlWithConnect(syncWorkerUrl, origin), { type: 'module', name: 'cinefile-sync' });
}
let createWorker: (origin: string) => SyncWorker = startSyncWorker;

function publish(change: Partial<SyncState>): void {
  state = { ...state, ...change };
  for (const listener of [...listeners]) listener(state);
}

function receive({ data }: MessageEvent<SyncResponse>): void {
  switch (data.type) {
    case 'status':
      publish({ status: data.status, ...(data.status.state === 'off' ? {} : { failure: null }) });
      break;
    case 'conflicts':
      publish({ conflicts: data.records });
      break;
    case 'tested':
      publish({ verdict: data.verdict });
      break;
    case 'needs-confirmation':
      publish({ confirmMerge: { records: data.records } });
      break;
    case 'failed':
      publish({ failure: data.message });
      break;
  }
}

/** The worker for this origin, started (or restarted for another origin: its CSP names one origin only). */
function workerFor(origin: string): SyncWorker {
  if (running && running.origin === origin) return running.worker;
  stopWorker();
  const worker = createWorker(origin);
  // This window's writes, with their exact keys. (Another window's writes are caught when sync next starts here:
  // every start compares the whole catalog with the mirror.)
  const current: Running = { worker, origin, stopFollowing: onCommittedChanges((changes) => worker.postMessage({ type: 'changed', changes })) };
  worker.onmessage = receive;
  worker.onerror = (event) => {
    event.preventDefault();
    publish({ failure: `Sync stopped (${event.message || 'no reason given'}).`, status: { ...state.status, state: 'error', message: event.message || null } });
  };
  running = current;
  return worker;
}

function stopWorker(): void {
  if (!running) return;
  running.stopFollowing();
  running.worker.terminate();
  running = null;
}

export function syncState(): SyncState {
  return state;
}

export function onSyncState(listener: (state: SyncState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function testSyncConnection(target: SyncTarget, origin: string): void {
  publish({ verdict: null });
  workerFor(origin).postMessage({ type: 'test', target });
}

export function createSyncDatabase(target: SyncTarget, origin: string): void {
  publish({ verdict: null });
  workerFor(origin).postMessage({ type: 'create-database', target });
}

export function startSync(target: SyncTarget, origin: string, mergeConfirmed = false, resumeWhenReachable = false): void {
  publish({ confirmMerge: null, failure: null });
  workerFor(origin).postMessage({ type: 'start', target, mergeConfirmed, resumeWhenReachable });
}

/** Turns sync off on this device: the catalog stays whole; the worker stops. */
export function stopSync(): void {
  running?.worker.postMessage({ type: 'stop' });
  stopWorker();
  publish({ status: offStatus, confirmMerge: null, conflicts: [] });
}

export function pauseSync(): void {
  running?.worker.postMessage({ type: 'pause' });
}

export function resumeSync(): void {
  running?.worker.postMessage({ type: 'resume' });
}

export function syncNow(): void {
  running?.worker.postMessage({ type: 'sync-now' });
}

export function resolveConflict(docId: string, choice: ConflictChoice): void {
  running?.worker.postMessage({ type: 'resolve', docId, choice });
}

/** Tests run the worker in-process. */
export function setSyncWorkerFactory(factory: ((origin: string) => SyncWorker) | null): void {
  stopWorker();
  state = { status: offStatus, conflicts: [], verdict: null, confirmMerge: null, failure: null };
  createWorker = factory ?? startSyncWorker;
}

/** Sync cannot start by itself (no password kept for this session): the status line says what to do. */
export function reportSyncProblem(message: string): void {
  publish({ status: { ...offStatus, state: 'error', message } });
}
