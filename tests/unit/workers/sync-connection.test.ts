/**
 * "Test connection" against a real CouchDB-protocol server on 127.0.0.1 (pouchdb-server; COUCHDB_URL for Apache
 * CouchDB): each answer names the first thing wrong, and creating a missing database works for an admin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSyncServer } from '../../../renderer/src/domain/sync-server';
import { createDatabase, testConnection, type SyncTarget } from '../../../renderer/src/workers/sync/connection';
import { startCouchServer, type CouchServer } from '../../fixtures/couch-server.mjs';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);
afterAll(async () => {
  await server.stop();
});

function target(database: string, password = server.admin.password, username = server.admin.username): SyncTarget {
  const checked = checkSyncServer({ address: server.url, database, allowPlainHttpOnLan: false });
  if (!checked.ok) throw new Error(checked.error);
  return { serverUrl: server.url, databaseUrl: checked.databaseUrl, username, password };
}

describe('Test connection', () => {
  it('says the database is missing, creates it when asked, and then connects', async () => {
    const name = `cinefile-${Date.now()}`;
    expect(await testConnection(fetch, target(name))).toEqual({ state: 'database-missing' });
    expect(await createDatabase(fetch, target(name))).toEqual({ state: 'ok' });
    expect(await testConnection(fetch, target(name))).toEqual({ state: 'ok' });
  });

  it('reports a wrong password as such', async () => {
    expect(await testConnection(fetch, target('cinefile', 'not-the-password'))).toEqual({ state: 'wrong-credentials' });
  });

  it('reports a server that is not there as unreachable', async () => {
    const gone = { serverUrl: 'http://127.0.0.1:9/', databaseUrl: 'http://127.0.0.1:9/cinefile', username: 'anna', password: 'x' };
    expect(await testConnection(fetch, gone)).toMatchObject({ state: 'unreachable' });
  });

  it('reports a web server that is not CouchDB', async () => {
    const notCouch: typeof fetch = async () => new Response('<html>Welcome to nginx</html>', { status: 200 });
    expect(await testConnection(notCouch, target('cinefile'))).toEqual({ state: 'not-couchdb' });
  });
});
