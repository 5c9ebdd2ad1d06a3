/**
 * Settings › Sync checks the server address and database name before anything is sent: plain http only to this
 * machine or, when the person allows it, to their local network; a database name CouchDB accepts; and what the
 * Content-Security-Policy will name (the server's origin, nothing wider).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSyncServer, connectionMessage, hostReach, isCouchWelcome } from '../../../renderer/src/domain/sync-server';

const check = (address: string, database = 'cinefile', allowPlainHttpOnLan = false) => checkSyncServer({ address, database, allowPlainHttpOnLan });

describe('the server address', () => {
  it('takes an https address, with or without the scheme typed, and gives its origin and the database address', () => {
    expect(check('https://couch.example.net')).toEqual({ ok: true, origin: 'https://couch.example.net', databaseUrl: 'https://couch.example.net/cinefile' });
    expect(check(' couch.example.net:6984 ')).toEqual({ ok: true, origin: 'https://couch.example.net:6984', databaseUrl: 'https://couch.example.net:6984/cinefile' });
    // Behind a reverse proxy, CouchDB can live under a path.
    expect(check('https://nas.example.net/couchdb/')).toMatchObject({ ok: true, origin: 'https://nas.example.net', databaseUrl: 'https://nas.example.net/couchdb/cinefile' });
  });

  it('allows plain http to this machine', () => {
    expect(check('http://127.0.0.1:5984')).toMatchObject({ ok: true, origin: 'http://127.0.0.1:5984' });
    expect(check('http://localhost:5984')).toMatchObject({ ok: true });
  });

  it('refuses plain http across the internet, saying why', () => {
    expect(check('http://couch.example.net')).toEqual({
      ok: false, field: 'address', error: 'Plain http would send your password unencrypted across the internet; use https.',
    });
    expect(check('http://8.8.8.8:5984', 'cinefile', true)).toMatchObject({ ok: false, field: 'address' });
  });

  it('allows plain http to a LAN address only when the person allows it', () => {
    expect(check('http://192.168.1.20:5984')).toMatchObject({ ok: false, error: expect.stringContaining('allow plain http on your local network') });
    expect(check('http://192.168.1.20:5984', 'cinefile', true)).toMatchObject({ ok: true, origin: 'http://192.168.1.20:5984' });
    expect(check('http://nas.local:5984', 'cinefile', true)).toMatchObject({ ok: true });
  });

  it('refuses other schemes, credentials in the address, queries and nonsense', () => {
    expect(check('ftp://couch.example.net')).toMatchObject({ ok: false, error: expect.stringContaining('not ftp') });
    expect(check('https://anna:secret@couch.example.net')).toMatchObject({ ok: false, error: expect.stringContaining('fields of their own') });
    expect(check('https://couch.example.net/?x=1')).toMatchObject({ ok: false });
    expect(check('')).toMatchObject({ ok: false, error: 'Enter the address of your CouchDB server.' });
    expect(check('https://exa mple')).toMatchObject({ ok: false, field: 'address' });
    // Found by the property below: URL takes "*" for a host, which would have put a wildcard in the CSP.
    expect(check('http://[::1]:5984')).toMatchObject({ ok: false, error: expect.stringContaining('IPv6') });
    expect(check('*')).toMatchObject({ ok: false, field: 'address', error: expect.stringContaining('does not name a server') });
  });

  it('tells this machine, the local network and the internet apart', () => {
    expect(['localhost', '127.0.0.1', '[::1]', 'app.localhost'].map(hostReach)).toEqual(['loopback', 'loopback', 'loopback', 'loopback']);
    expect(['10.0.0.5', '172.20.1.1', '192.168.0.2', 'nas.local', 'nas', '[fd12::1]'].map(hostReach)).toEqual(Array(6).fill('lan'));
    expect(['172.32.0.1', '8.8.8.8', 'couch.example.net', '[2001:db8::1]'].map(hostReach)).toEqual(Array(4).fill('internet'));
  });
});

describe('the database name', () => {
  it('accepts what CouchDB accepts and refuses the rest, saying what is allowed', () => {
    expect(check('https://c.example', 'films_2026')).toMatchObject({ ok: true, databaseUrl: 'https://c.example/films_2026' });
    expect(check('https://c.example', 'Films')).toMatchObject({ ok: false, field: 'database', error: expect.stringContaining('lowercase letter') });
    expect(check('https://c.example', '_users')).toMatchObject({ ok: false, field: 'database' });
    expect(check('https://c.example', '')).toMatchObject({ ok: false, error: 'Enter the name of the database to keep the catalog in.' });
    expect(check('https://c.example', 'a'.repeat(239))).toMatchObject({ ok: false, field: 'database' });
  });

  it('never lets any typed address or name reach past the origin it reports (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl()), fc.string(), fc.boolean(), (address, database, lan) => {
        const result = checkSyncServer({ address, database, allowPlainHttpOnLan: lan });
        if (!result.ok) return typeof result.error === 'string' && result.error.length > 0;
        const origin = new URL(result.databaseUrl).origin;
        return origin === result.origin && !result.origin.includes('*') && /^https?:\/\/[^/]+$/.test(result.origin);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('what Test connection says', () => {
  const settings = { address: 'https://couch.example.net', database: 'cinefile', username: 'anna' };

  it('names the problem in words a person can act on', () => {
    expect(connectionMessage({ state: 'ok' }, settings)).toBe('Connected: anna can use “cinefile”.');
    expect(connectionMessage({ state: 'wrong-credentials' }, settings)).toBe('The server refused the user name or password.');
    expect(connectionMessage({ state: 'database-missing' }, settings)).toBe('The database “cinefile” does not exist on this server yet.');
    expect(connectionMessage({ state: 'not-couchdb' }, settings)).toBe('https://couch.example.net answers, but it is not a CouchDB server.');
    expect(connectionMessage({ state: 'unreachable', detail: 'no answer' }, settings)).toContain('Cannot reach https://couch.example.net: no answer');
  });

  it('knows CouchDB’s welcome, and pouchdb-server’s, from any other answer', () => {
    expect(isCouchWelcome({ couchdb: 'Welcome', version: '3.4.2' })).toBe(true);
    expect(isCouchWelcome({ 'express-pouchdb': 'Welcome!', version: '4.2.0' })).toBe(true);
    expect(isCouchWelcome({ status: 'ok' })).toBe(false);
    expect(isCouchWelcome('<html>')).toBe(false);
  });
});
