/**
 * "Test connection" for Settings › Sync, step by step, so the answer names the first thing wrong: the server cannot
 * be reached (or refuses this app: CORS), it is not CouchDB, the user name or password is wrong, the user may not use
 * the database, or the database does not exist yet (which the person may then create). Runs in the sync worker, the
 * one place allowed to reach the server (its Content-Security-Policy names the server's origin).
 */
import { isCouchWelcome, type ConnectionVerdict } from '../../domain/sync-server';
import type { SyncDoc } from '../../domain/sync/sync-doc';
import type { PouchDatabase, PouchError, PouchStatic } from './pouch-types';

/** Where and as whom: the server's base address (ending in "/"), the database's address, the credentials. */
export interface SyncTarget {
  serverUrl: string;
  databaseUrl: string;
  username: string;
  password: string;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** HTTP Basic credentials, as CouchDB takes them (UTF-8 names and passwords included). */
export function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

const authorized = (target: SyncTarget): HeadersInit =>
  target.username === '' ? { Accept: 'application/json' } : { Accept: 'application/json', Authorization: basicAuthorization(target.username, target.password) };

/** A request that may fail to reach the server at all: the reason, in a person's words. */
async function reach(fetchFrom: Fetch, url: string, init: RequestInit): Promise<Response | { unreachable: string }> {
  try {
    return await fetchFrom(url, { ...init, credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') return { unreachable: 'it did not answer within 15 seconds' };
    return { unreachable: 'no answer' };
  }
}

async function jsonOf(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function verdictOfStatus(status: number): ConnectionVerdict | null {
  if (status === 401) return { state: 'wrong-credentials' };
  if (status === 403) return { state: 'forbidden' };
  if (status === 404) return { state: 'database-missing' };
  if (status >= 500) return { state: 'server-error', status };
  return null;
}

export async function testConnection(fetchFrom: Fetch, target: SyncTarget): Promise<ConnectionVerdict> {
  const welcome = await reach(fetchFrom, target.serverUrl, { headers: { Accept: 'application/json' } });
  if ('unreachable' in welcome) return { state: 'unreachable', detail: welcome.unreachable };
  if (!welcome.ok || !isCouchWelcome(await jsonOf(welcome))) return { state: 'not-couchdb' };

  // The session tells wrong credentials apart from a database the user may not open.
  if (target.username !== '') {
    const session = await reach(fetchFrom, `${target.serverUrl}_session`, { headers: authorized(target) });
    if ('unreachable' in session) return { state: 'unreachable', detail: session.unreachable };
    if (session.status === 401) return { state: 'wrong-credentials' };
  }
  const database = await reach(fetchFrom, target.databaseUrl, { headers: authorized(target) });
  if ('unreachable' in database) return { state: 'unreachable', detail: database.unreachable };
  if (database.ok) return { state: 'ok' };
  return verdictOfStatus(database.status) ?? { state: 'server-error', status: database.status };
}

/** Creates the database (the person chose to); an answer other than success is a verdict to show. */
export async function createDatabase(fetchFrom: Fetch, target: SyncTarget): Promise<ConnectionVerdict> {
  const created = await reach(fetchFrom, target.databaseUrl, { method: 'PUT', headers: authorized(target) });
  if ('unreachable' in created) return { state: 'unreachable', detail: created.unreachable };
  if (created.ok || created.status === 412) return { state: 'ok' };
  if (created.status === 404) return { state: 'server-error', status: 404 };
  return verdictOfStatus(created.status) ?? { state: 'server-error', status: created.status };
}

/** A problem from PouchDB or a request, in a person's words. */
export function problemOf(error: unknown): string {
  const pouch = error as PouchError | undefined;
  if (pouch?.status === 401) return 'The server refused the user name or password.';
  if (pouch?.status === 403) return `The server refused: ${pouch.reason ?? pouch.message ?? 'not allowed'}.`;
  if (error instanceof Error) return error.message;
  return pouch?.reason ?? pouch?.message ?? 'the server did not answer';
}

/** Null when the server answers for the database; otherwise what went wrong (a live sync's pause does not say). */
export async function databaseAnswers(fetchFrom: Fetch, target: SyncTarget): Promise<PouchError | null> {
  try {
    const answer = await fetchFrom(target.databaseUrl, {
      headers: authorized(target),
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(10_000),
    });
    return answer.ok ? null : { status: answer.status, message: `HTTP ${answer.status}` };
  } catch {
    return { message: 'the server cannot be reached' };
  }
}

/** The server's database, through PouchDB's http adapter, with the credentials on every request and no cookies. */
export function openRemote(PouchDB: PouchStatic, target: SyncTarget): PouchDatabase<SyncDoc> {
  const authorization = target.username === '' ? null : basicAuthorization(target.username, target.password);
  return new PouchDB<SyncDoc>(target.databaseUrl, {
    adapter: 'http',
    skip_setup: true,
    fetch: (url, init) => {
      const headers = new Headers(init.headers);
      if (authorization) headers.set('Authorization', authorization);
      return PouchDB.fetch(url, { ...init, headers, credentials: 'omit' });
    },
  });
}
