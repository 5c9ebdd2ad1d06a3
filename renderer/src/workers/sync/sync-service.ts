/**
 * The sync worker's work, as a plain module tests run in Node (fake-indexeddb, PouchDB's memory adapter, a real
 * CouchDB-protocol server): connecting, a new device's first sync with progress, live two-way replication through
 * PouchDB that catches up after being offline, the bridge between catalog and mirror (bridge.ts) kept in step with
 * both, the status line, and the Conflicts view's records. One piece of work runs at a time, so the bridge never
 * reads a document another piece is writing. sync.worker.ts wires it to the worker's messages.
 */
import type { SyncedTable } from '../../domain/deletion';
import { resolveDeletion, resolveField, type SyncDoc } from '../../domain/sync/sync-doc';
import { SEED_RECORD_TIME, seedFilm } from '../../db/seed';
import type { CinefileDb } from '../../db/schema';
import { SYNCING_TABLES } from '../../db/sync-records';
import type { ConflictChoice, SyncChanges, SyncRequest, SyncResponse, SyncStatus, SyncTarget } from '../sync-protocol';
import { SyncBridge, type MirrorDb } from './bridge';
import { deviceOf, matchCatalog, mirrorName } from './catalog-identity';
import { ConflictIndex } from './conflict-index';
import { mergeJoiningFilms } from './join';
import { createDatabase, databaseAnswers, openRemote, problemOf, testConnection, type Fetch } from './connection';
import type { PouchEmitter, PouchError, PouchStatic, PouchSyncChange } from './pouch-types';

export interface SyncEnvironment {
  /** PouchDB with the mirror's adapter, the http adapter and replication registered. */
  PouchDB: PouchStatic;
  mirrorAdapter: string;
  fetch: Fetch;
  now(): Date;
  newId(): string;
}

export interface SyncService {
  receive(request: SyncRequest): void;
  /** Resolves once the work asked so far is done (tests wait on it). */
  idle(): Promise<void>;
}

/** The document in the server's database that says which catalog it holds. */
/** Writes are gathered this long before going out, so typing in a form is one change, not one per keystroke. */
export const GATHER_MS = 150;

interface Session {
  target: SyncTarget;
  remote: MirrorDb;
  mirror: MirrorDb;
  bridge: SyncBridge;
  device: string;
  live: (PouchEmitter & Promise<unknown>) | null;
  feed: PouchEmitter | null;
  paused: boolean;
  stopped: boolean;
  /** While a start brings in what the server has: called when replication first pauses (the pull is done). */
  joined: ((error?: PouchError) => void) | null;
}

/**
 * How long to wait before trying an unreachable server again: 1 s, doubling to at most 30 s (PouchDB's own default
 * grows to 10 minutes, far too long for a desktop app whose person is waiting to see their change arrive).
 */
export const nextRetryDelay = (previous: number): number => (previous === 0 ? 1_000 : Math.min(previous * 2, 30_000));

const idleStatus = (): SyncStatus => ({ state: 'off', pending: 0, progress: null, message: null, lastSyncedAt: null });

export function createSyncService(catalog: CinefileDb, post: (response: SyncResponse) => void, env: SyncEnvironment): SyncService {
  let session: Session | null = null;
  let status = idleStatus();
  let work: Promise<void> = Promise.resolve();
  const queued = new Map<SyncedTable, Set<string> | 'all'>();
  let gathering: ReturnType<typeof setTimeout> | null = null;
  /** A start that found the server out of reach tries again after this long (growing to 30 s). */
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let retryDelay = 0;

  const setStatus = (change: Partial<SyncStatus>) => {
    status = { ...status, ...change };
    post({ type: 'status', status });
  };
  const queuedCount = () => [...queued.values()].reduce((sum, ids) => sum + (ids === 'all' ? 1 : ids.size), 0);

  /** Runs `task` after the work before it; a failure is shown, and the next task still runs. */
  function enqueue(task: () => Promise<void>): void {
    work = work.then(task).catch((error: unknown) => {
      setStatus({ state: 'error', message: problemOf(error) });
    });
  }

  const conflicts = new ConflictIndex(catalog, (records) => post({ type: 'conflicts', records }));
  const noteConflicts = (docs: readonly { table: SyncedTable; doc: SyncDoc }[]) => (session ? conflicts.note(session.mirror, docs) : Promise.resolve());

  // ---- the catalog ↔ mirror bridge --------------------------------------------------------------------------------

  async function pullAndPush(current: Session): Promise<void> {
    const pulled = await current.bridge.pullMirror(noteConflicts);
    if (pulled.refused.length > 0) {
      const first = pulled.refused[0];
      setStatus({ message: `${pulled.refused.length} record(s) from the server were damaged and not stored (${first?.error ?? ''}).` });
    }
    const tables = [...queued.entries()];
    queued.clear();
    for (const [table, ids] of tables) await current.bridge.pushLocal(table, ids === 'all' ? undefined : [...ids]);
  }

  function kick(): void {
    if (gathering !== null) return;
    gathering = setTimeout(() => {
      gathering = null;
      const current = session;
      if (!current || current.stopped) return;
      enqueue(() => pullAndPush(current));
    }, GATHER_MS);
  }

  // ---- replication ----------------------------------------------------------------------------------------------

  function startLive(current: Session): void {
    const live = current.mirror.sync(current.remote, { live: true, retry: true, batch_size: 500, back_off_function: nextRetryDelay });
    current.live = live;
    live
      .on('active', () => {
        if (!current.joined) setStatus({ state: 'syncing', message: null });
      })
      .on('change', (info: PouchSyncChange) => {
        if (current.joined && info.direction === 'pull') {
          const total = status.progress?.total ?? 0;
          setStatus({ progress: { done: Math.min(total, info.change.docs_read ?? 0), total } });
        } else if (!current.joined) setStatus({ state: 'syncing', pending: queuedCount() + (info.change.pending ?? 0) });
      })
      .on('paused', (error?: PouchError) => {
        if (current.stopped || current.paused) return;
        if (current.joined) {
          // Replication pauses between its directions too: joining is done once the mirror holds what the server
          // held when it began (or replication cannot go on).
          const joined = current.joined;
          const total = status.progress?.total ?? 0;
          if (error) joined(error);
          else current.mirror.info().then(({ doc_count: held }) => {
            if (held >= total) joined();
          }, () => joined());
          return;
        }
        if (error) {
          setStatus({ state: error.status === 401 ? 'error' : 'offline', message: problemOf(error) });
          return;
        }
        // A two-way sync pauses without saying why when a request failed and it waits to retry: ask the server.
        databaseAnswers(env.fetch, current.target).then(
          (problem) => {
            if (current.stopped || current.paused) return;
            if (problem === null) setStatus({ state: 'up-to-date', pending: queuedCount(), message: null, lastSyncedAt: env.now().toISOString() });
            else setStatus({ state: problem.status === 401 ? 'error' : 'offline', message: problemOf(problem) });
          },
          () => undefined,
        );
      })
      .on('denied', (error: PouchError) => setStatus({ state: 'error', message: problemOf(error) }))
      .on('error', (error: PouchError) => {
        if (!current.stopped) setStatus({ state: 'error', message: problemOf(error) });
      });
    live.catch(() => undefined);
  }

  function stopLive(current: Session): void {
    current.joined?.();
    current.live?.cancel();
    current.live = null;
  }

  // ---- starting -------------------------------------------------------------------------------------------------

  async function start(target: SyncTarget, mergeConfirmed: boolean, startedBefore: boolean): Promise<void> {
    await stop();
    setStatus({ ...idleStatus(), state: 'connecting' });
    const verdict = await testConnection(env.fetch, target);
    if (verdict.state === 'unreachable' && startedBefore) {
      // Started by itself with the app, the server out of reach (no network, the NAS asleep): try again until it is.
      retryDelay = nextRetryDelay(retryDelay);
      setStatus({ state: 'offline', message: `cannot reach the server (${verdict.detail})` });
      retryTimer = setTimeout(() => enqueue(() => start(target, mergeConfirmed, true)), retryDelay);
      return;
    }
    retryDelay = 0;
    if (verdict.state !== 'ok') {
      post({ type: 'tested', verdict });
      setStatus({ state: 'error', message: verdict.state === 'wrong-credentials' ? 'The server refused the user name or password.' : `Cannot sync: ${verdict.state}.` });
      return;
    }
    const remote = openRemote(env.PouchDB, target);
    const match = await matchCatalog(catalog, remote, mergeConfirmed, env.newId, env.now());
    if (!match.same) {
      post({ type: 'needs-confirmation', records: match.remoteRecords });
      setStatus({ state: 'off', message: 'Waiting for you to agree to merge with the catalog on the server.' });
      return;
    }
    const mirror = new env.PouchDB<SyncDoc>(mirrorName(catalog.name, target), { adapter: env.mirrorAdapter, auto_compaction: true });
    const device = await deviceOf(mirror, env.newId);
    const seeds = [{ table: 'films' as const, record: seedFilm(new Date(SEED_RECORD_TIME)), at: SEED_RECORD_TIME }];
    const current: Session = {
      target, remote, mirror, device, bridge: new SyncBridge(catalog, mirror, device, seeds), live: null, feed: null, paused: false, stopped: false, joined: null,
    };
    session = current;
    await conflicts.load(mirror);

    // First what the server has (a new device's join, with progress), then this device's catalog on top of it. The
    // live replication itself brings it in (a one-off pull first would be read twice: it keeps no shared checkpoint).
    const { doc_count: total } = await remote.info();
    setStatus({ state: 'joining', progress: { done: 0, total }, message: null });
    const joinedError = await new Promise<PouchError | undefined>((resolve) => {
      current.joined = resolve;
      startLive(current);
    });
    current.joined = null;
    if (current.stopped) return;
    if (joinedError) {
      setStatus({ state: joinedError.status === 401 ? 'error' : 'offline', progress: null, message: problemOf(joinedError) });
    }
    // A first join: films this device holds under other ids (imported on both) become the joined catalog's.
    if (await current.bridge.isNew()) await mergeJoiningFilms(catalog, mirror, env.now());
    await current.bridge.pullMirror(noteConflicts);
    for (const table of SYNCING_TABLES) await current.bridge.pushLocal(table);
    if (current.stopped) return;
    current.feed = mirror.changes({ since: 'now', live: true }).on('change', kick);
    // Anything that arrived meanwhile is pulled now; replication starts again so that what this device just wrote
    // goes out, and its next pause says where things stand.
    kick();
    setStatus({ state: 'syncing', progress: null });
    if (!current.paused) {
      stopLive(current);
      startLive(current);
    }
  }

  async function stop(): Promise<void> {
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
    const current = session;
    session = null;
    if (!current) return;
    current.stopped = true;
    stopLive(current);
    current.feed?.cancel();
    await current.mirror.close();
    await current.remote.close();
    setStatus(idleStatus());
  }

  async function resolve(docId: string, choice: ConflictChoice): Promise<void> {
    const current = session;
    if (!current) throw new Error('Sync is off: turn it on to settle conflicts.');
    await current.bridge.pullMirror();
    const stored = await current.mirror.get(docId);
    const at = env.now().toISOString();
    const { _id, _rev, ...body } = stored;
    const doc = body as SyncDoc;
    const next =
      choice.kind === 'field'
        ? resolveField(doc, choice.field, choice.value, { device: current.device, at })
        : resolveDeletion(doc, choice.deleted, { device: current.device, at });
    await current.mirror.put({ ...next, _id, _rev });
    await current.bridge.pullMirror(noteConflicts);
  }

  function changed(changes: SyncChanges): void {
    for (const [table, ids] of Object.entries(changes) as [SyncedTable, string[] | 'all'][]) {
      if (!SYNCING_TABLES.includes(table)) continue;
      const already = queued.get(table);
      if (ids === 'all' || already === 'all') queued.set(table, 'all');
      else queued.set(table, new Set([...(already ?? []), ...ids]));
    }
    if (session && !session.stopped) {
      setStatus({ pending: queuedCount() });
      kick();
    }
  }

  return {
    receive(request) {
      switch (request.type) {
        case 'test':
          enqueue(async () => post({ type: 'tested', verdict: await testConnection(env.fetch, request.target) }));
          break;
        case 'create-database':
          enqueue(async () => post({ type: 'tested', verdict: await createDatabase(env.fetch, request.target) }));
          break;
        case 'start':
          enqueue(() => start(request.target, request.mergeConfirmed, request.resumeWhenReachable ?? false));
          break;
        case 'stop':
          enqueue(stop);
          break;
        case 'pause':
          if (session) {
            session.paused = true;
            stopLive(session);
            setStatus({ state: 'paused', message: null });
          }
          break;
        case 'resume':
        case 'sync-now':
          if (session) {
            const current = session;
            current.paused = false;
            stopLive(current);
            enqueue(async () => {
              await pullAndPush(current);
              startLive(current);
            });
          }
          break;
        case 'changed':
          changed(request.changes);
          break;
        case 'resolve':
          enqueue(() => resolve(request.docId, request.choice));
          break;
      }
    },
    idle: () => work,
  };
}
