/**
 * The sync worker's work, as a plain module tests run in Node (fake-indexeddb, PouchDB's memory adapter, a real
 * CouchDB-protocol server): connecting, a new device's first sync with progress, live two-way replication through
 * PouchDB that catches up after being offline, the bridge between catalog and mirror (bridge.ts) kept in step with
 * both, the status line, and the Conflicts view's records. One piece of work runs at a time, so the bridge never
 * reads a document another piece is writing. sync.worker.ts wires it to the worker's messages.
 */
import { SYNCED_TABLES, type SyncedTable } from '../../domain/deletion';
import { recordLabel, syncDocId, type FilmTitles } from '../../domain/sync-catalog';
import { docConflicts } from '../../domain/sync/conflicts';
import { winner } from '../../domain/sync/register';
import { resolveDeletion, resolveField, type SyncDoc } from '../../domain/sync/sync-doc';
import { SEED_FILM_ID, SEED_RECORD_TIME, seedFilm } from '../../db/seed';
import type { CinefileDb } from '../../db/schema';
import { SYNCING_TABLES } from '../../db/sync-records';
import { filmDisplayTitle, type Film } from '../../domain/film';
import type { ConflictChoice, ConflictedRecord, SyncChanges, SyncRequest, SyncResponse, SyncStatus, SyncTarget } from '../sync-protocol';
import { SyncBridge, type MirrorDb } from './bridge';
import { basicAuthorization, createDatabase, testConnection, type Fetch } from './connection';
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
const CATALOG_DOC = 'cinefile-catalog';
const DEVICE_DOC = '_local/cinefile-device';
const CONFLICTS_DOC = '_local/cinefile-conflicts';
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
}

/** A short stable name for the mirror of one catalog, server database and user (FNV-1a, hex). */
function mirrorName(catalogName: string, target: SyncTarget): string {
  let hash = 0x811c9dc5;
  for (const char of `${target.databaseUrl}#${target.username}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${catalogName}-sync-${hash.toString(16).padStart(8, '0')}`;
}

/**
 * How long to wait before trying an unreachable server again: 1 s, doubling to at most 30 s (PouchDB's own default
 * grows to 10 minutes, far too long for a desktop app whose person is waiting to see their change arrive).
 */
export const nextRetryDelay = (previous: number): number => (previous === 0 ? 1_000 : Math.min(previous * 2, 30_000));

const idleStatus = (): SyncStatus => ({ state: 'off', pending: 0, progress: null, message: null, lastSyncedAt: null });

function problemOf(error: unknown): string {
  const pouch = error as PouchError | undefined;
  if (pouch?.status === 401) return 'The server refused the user name or password.';
  if (pouch?.status === 403) return `The server refused: ${pouch.reason ?? pouch.message ?? 'not allowed'}.`;
  if (error instanceof Error) return error.message;
  return pouch?.reason ?? pouch?.message ?? 'the server did not answer';
}

export function createSyncService(catalog: CinefileDb, post: (response: SyncResponse) => void, env: SyncEnvironment): SyncService {
  let session: Session | null = null;
  let status = idleStatus();
  let work: Promise<void> = Promise.resolve();
  const queued = new Map<SyncedTable, Set<string> | 'all'>();
  let gathering: ReturnType<typeof setTimeout> | null = null;
  const conflicted = new Map<string, ConflictedRecord>();

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

  // ---- conflicts -------------------------------------------------------------------------------------------------

  async function filmTitles(filmIds: readonly string[]): Promise<FilmTitles> {
    const films = await catalog.films.bulkGet([...new Set(filmIds)]);
    return new Map(films.flatMap((film: Film | undefined) => (film ? [[film.id, filmDisplayTitle(film)] as const] : [])));
  }

  async function noteConflicts(docs: readonly { table: SyncedTable; doc: SyncDoc }[]): Promise<void> {
    const shownFields = (doc: SyncDoc) =>
      Object.fromEntries(Object.entries(doc.fields).map(([field, register]) => [field, winner(register)?.value ?? null]));
    const withConflicts = docs.filter(({ doc }) => docConflicts(doc).length > 0);
    const titles = await filmTitles(withConflicts.flatMap(({ doc }) => {
      const filmId = shownFields(doc).filmId;
      return typeof filmId === 'string' ? [filmId] : [];
    }));
    let changed = false;
    for (const { table, doc } of docs) {
      const docId = syncDocId(table, doc.id);
      const conflicts = docConflicts(doc);
      if (conflicts.length === 0) {
        changed = conflicted.delete(docId) || changed;
        continue;
      }
      conflicted.set(docId, { docId, table, id: doc.id, label: recordLabel(table, shownFields(doc), titles), conflicts });
      changed = true;
    }
    if (changed) {
      post({ type: 'conflicts', records: [...conflicted.values()] });
      if (session) await saveConflictIds(session.mirror);
    }
  }

  async function saveConflictIds(mirror: MirrorDb): Promise<void> {
    let rev: string | undefined;
    try {
      rev = (await mirror.get(CONFLICTS_DOC))._rev;
    } catch {
      rev = undefined;
    }
    await mirror.put({ _id: CONFLICTS_DOC, ...(rev ? { _rev: rev } : {}), ids: [...conflicted.keys()] });
  }

  /** The Conflicts view's records when a session starts, from the ids the last session left. */
  async function loadConflicts(mirror: MirrorDb): Promise<void> {
    conflicted.clear();
    let ids: string[];
    try {
      ids = ((await mirror.get(CONFLICTS_DOC)) as unknown as { ids: string[] }).ids;
    } catch {
      ids = [];
    }
    const { rows } = await mirror.allDocs({ keys: ids, include_docs: true });
    const docs = rows.flatMap((row) => {
      const table = SYNCED_TABLES.find((name) => row.id.startsWith(`${name}:`));
      return row.doc && table ? [{ table, doc: row.doc }] : [];
    });
    await noteConflicts(docs);
    post({ type: 'conflicts', records: [...conflicted.values()] });
  }

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
      .on('active', () => setStatus({ state: 'syncing', message: null }))
      .on('change', (info: PouchSyncChange) => {
        setStatus({ state: 'syncing', pending: queuedCount() + (info.change.pending ?? 0) });
      })
      .on('paused', (error?: PouchError) => {
        if (current.stopped || current.paused) return;
        if (error) {
          setStatus({ state: error.status === 401 ? 'error' : 'offline', message: problemOf(error) });
          return;
        }
        // A two-way sync pauses without saying why when a request failed and it waits to retry: ask the server.
        reachable(current).then(
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

  /** Null when the server answers for the database; otherwise what went wrong. */
  async function reachable(current: Session): Promise<PouchError | null> {
    try {
      const answer = await env.fetch(current.target.databaseUrl, {
        headers: current.target.username === '' ? {} : { Authorization: basicAuthorization(current.target.username, current.target.password) },
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(10_000),
      });
      return answer.ok ? null : { status: answer.status, message: `HTTP ${answer.status}` };
    } catch {
      return { message: 'the server cannot be reached' };
    }
  }

  function stopLive(current: Session): void {
    current.live?.cancel();
    current.live = null;
  }

  // ---- starting -------------------------------------------------------------------------------------------------

  async function deviceOf(mirror: MirrorDb): Promise<string> {
    try {
      return ((await mirror.get(DEVICE_DOC)) as unknown as { device: string }).device;
    } catch {
      // A new mirror is a new device: its counters start afresh, so it must never reuse another mirror's name.
      const device = env.newId();
      await mirror.put({ _id: DEVICE_DOC, device });
      return device;
    }
  }

  async function isFreshCatalog(): Promise<boolean> {
    const films = await catalog.films.toArray();
    if (films.length > 1 || (films.length === 1 && (films[0]?.id !== SEED_FILM_ID || films[0].fieldChangedAt !== undefined))) return false;
    const others = await Promise.all(
      (['viewings', 'notes', 'lists', 'listEntries', 'copies', 'loans', 'smartLists'] as const).map((table) => catalog.table(table).count()),
    );
    return others.every((count) => count === 0);
  }

  /** Whether the server's database holds this catalog (or none yet, or this is a new device); asks otherwise. */
  async function sameCatalog(remote: MirrorDb, mergeConfirmed: boolean): Promise<boolean> {
    const metaValue = async (key: string) => (await catalog.meta.get(key))?.value as string | undefined;
    let catalogId = await metaValue('catalogId');
    if (!catalogId) {
      catalogId = env.newId();
      await catalog.meta.put({ key: 'catalogId', value: catalogId });
    }
    let remoteId: string | undefined;
    try {
      remoteId = ((await remote.get(CATALOG_DOC)) as unknown as { catalogId: string }).catalogId;
    } catch (error) {
      if ((error as PouchError).status !== 404) throw error;
      await remote.put({ _id: CATALOG_DOC, catalogId, createdAt: env.now().toISOString() });
      remoteId = catalogId;
    }
    if (remoteId === catalogId || remoteId === (await metaValue('syncedCatalogId'))) return true;
    if (!mergeConfirmed && !(await isFreshCatalog())) {
      const { doc_count: records } = await remote.info();
      post({ type: 'needs-confirmation', records });
      return false;
    }
    await catalog.meta.put({ key: 'syncedCatalogId', value: remoteId });
    return true;
  }

  function openRemote(target: SyncTarget): MirrorDb {
    const authorization = target.username === '' ? null : basicAuthorization(target.username, target.password);
    return new env.PouchDB(target.databaseUrl, {
      adapter: 'http',
      skip_setup: true,
      fetch: (url, init) => {
        const headers = new Headers(init.headers);
        if (authorization) headers.set('Authorization', authorization);
        return env.PouchDB.fetch(url, { ...init, headers, credentials: 'omit' });
      },
    });
  }

  async function start(target: SyncTarget, mergeConfirmed: boolean): Promise<void> {
    await stop();
    setStatus({ ...idleStatus(), state: 'connecting' });
    const verdict = await testConnection(env.fetch, target);
    if (verdict.state !== 'ok') {
      post({ type: 'tested', verdict });
      setStatus({ state: 'error', message: verdict.state === 'wrong-credentials' ? 'The server refused the user name or password.' : `Cannot sync: ${verdict.state}.` });
      return;
    }
    const remote = openRemote(target);
    if (!(await sameCatalog(remote, mergeConfirmed))) {
      setStatus({ state: 'off', message: 'Waiting for you to agree to merge with the catalog on the server.' });
      return;
    }
    const mirror = new env.PouchDB<SyncDoc>(mirrorName(catalog.name, target), { adapter: env.mirrorAdapter, auto_compaction: true });
    const device = await deviceOf(mirror);
    const seeds = [{ table: 'films' as const, record: seedFilm(new Date(SEED_RECORD_TIME)), at: SEED_RECORD_TIME }];
    const current: Session = {
      target, remote, mirror, device, bridge: new SyncBridge(catalog, mirror, device, seeds), live: null, feed: null, paused: false, stopped: false,
    };
    session = current;
    await loadConflicts(mirror);

    // First what the server has (a new device's join, with progress), then this device's catalog on top of it.
    const { doc_count: total } = await remote.info();
    setStatus({ state: 'joining', progress: { done: 0, total }, message: null });
    const bringIn = mirror.replicate.from(remote, { batch_size: 500 });
    bringIn.on('change', (info: { docs_read?: number }) => {
      setStatus({ progress: { done: Math.min(total, info.docs_read ?? 0), total } });
    });
    await bringIn;
    await current.bridge.pullMirror(noteConflicts);
    for (const table of SYNCING_TABLES) await current.bridge.pushLocal(table);
    setStatus({ state: 'syncing', progress: null });
    if (current.stopped) return;
    current.feed = mirror.changes({ since: 'now', live: true }).on('change', kick);
    startLive(current);
  }

  async function stop(): Promise<void> {
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
          enqueue(() => start(request.target, request.mergeConfirmed));
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
