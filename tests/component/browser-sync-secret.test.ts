// The sync password in the browser build (renderer/src/platform/browser.ts): kept for the tab's session unless the
// person opts in, then in localStorage and answered honestly as 'browser-storage' (not encrypted); handed out for
// its own account only; forgotten everywhere; refused in the same words main refuses it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserPlatform, SYNC_SECRET_KEY } from '../../renderer/src/platform/browser';

const ANNA = 'https://couch.example.net/cinefile#anna';
const PASSWORD = 'correct horse battery staple 🎬';

afterEach(() => vi.restoreAllMocks());

describe('browserPlatform: the sync password', () => {
  it('by default keeps it for this tab’s session only (sessionStorage), never in localStorage', async () => {
    const platform = browserPlatform();
    const saving = platform.saveSyncSecret({ account: ANNA, password: PASSWORD, remember: false });
    await expect(saving).resolves.toEqual({ kept: 'session' });
    expect(sessionStorage.getItem(SYNC_SECRET_KEY)).toContain(ANNA);
    expect(localStorage.length).toBe(0);
    await expect(platform.readSyncSecret({ account: ANNA })).resolves.toEqual({ password: PASSWORD });
    // A page loaded again in the same tab (a new platform object) still has it.
    await expect(browserPlatform().readSyncSecret({ account: ANNA })).resolves.toEqual({ password: PASSWORD });
  });

  it('when the person opts in, keeps it in localStorage and says so: browser storage, not a keychain', async () => {
    const platform = browserPlatform();
    await platform.saveSyncSecret({ account: ANNA, password: 'the old one', remember: false });
    await expect(platform.saveSyncSecret({ account: ANNA, password: PASSWORD, remember: true })).resolves.toEqual({
      kept: 'browser-storage',
    });
    expect(localStorage.getItem(SYNC_SECRET_KEY)).toContain(ANNA);
    expect(sessionStorage.length).toBe(0);
    // A new tab has an empty sessionStorage and still finds it.
    sessionStorage.clear();
    await expect(browserPlatform().readSyncSecret({ account: ANNA })).resolves.toEqual({ password: PASSWORD });
  });

  it('never hands a password to another server, database or user', async () => {
    const platform = browserPlatform();
    await platform.saveSyncSecret({ account: ANNA, password: PASSWORD, remember: true });
    const others = ['https://couch.example.net/cinefile#bob', 'https://couch.example.net/x#anna', 'https://evil.example/#anna'];
    for (const other of others) {
      await expect(platform.readSyncSecret({ account: other }), other).resolves.toBeNull();
    }
  });

  it('keeps one at a time: saving for the session removes the one remembered before', async () => {
    const platform = browserPlatform();
    await platform.saveSyncSecret({ account: ANNA, password: 'remembered', remember: true });
    await platform.saveSyncSecret({ account: 'https://couch.example.net/cinefile#bob', password: PASSWORD, remember: false });
    expect(localStorage.getItem(SYNC_SECRET_KEY)).toBeNull();
    await expect(platform.readSyncSecret({ account: ANNA })).resolves.toBeNull();
  });

  it('forgets it in both storages', async () => {
    const platform = browserPlatform();
    await platform.saveSyncSecret({ account: ANNA, password: PASSWORD, remember: true });
    await expect(platform.forgetSyncSecret({})).resolves.toEqual({ forgotten: true });
    expect(localStorage.getItem(SYNC_SECRET_KEY)).toBeNull();
    expect(sessionStorage.getItem(SYNC_SECRET_KEY)).toBeNull();
    await expect(platform.readSyncSecret({ account: ANNA })).resolves.toBeNull();
  });

  it('treats damaged storage as no password', async () => {
    const damaged = ['{', 'null', '"text"', JSON.stringify({ account: ANNA }), JSON.stringify({ account: ANNA, password: 42 })];
    for (const stored of damaged) {
      localStorage.setItem(SYNC_SECRET_KEY, stored);
      await expect(browserPlatform().readSyncSecret({ account: ANNA }), stored).resolves.toBeNull();
    }
  });

  it('says it kept nothing when the browser refuses its storage (full, disabled), without quoting the password', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const answer = await browserPlatform().saveSyncSecret({ account: ANNA, password: PASSWORD, remember: true });
    expect(answer).toEqual({ kept: 'not-kept', reason: expect.stringContaining('would not store the password') });
    expect(answer.reason).not.toContain(PASSWORD);
    await expect(browserPlatform().readSyncSecret({ account: ANNA })).resolves.toBeNull();
  });

  it('refuses what main’s contract refuses, in the same words and without the password', async () => {
    const platform = browserPlatform();
    const long = `hunter2-${'x'.repeat(9_992)}`;
    const tooLong = platform.saveSyncSecret({ account: ANNA, password: long, remember: true });
    await expect(tooLong).rejects.toThrow('sync-secret:save: invalid request at password: a password of 1 to 1000 characters');
    await expect(platform.saveSyncSecret({ account: ANNA, password: '', remember: false })).rejects.toThrow(/at password/);
    await expect(platform.saveSyncSecret({ account: '', password: PASSWORD, remember: false })).rejects.toThrow(/at account/);
    const tooLongAccount = platform.readSyncSecret({ account: 'x'.repeat(1_001) });
    await expect(tooLongAccount).rejects.toThrow(/^sync-secret:read: invalid request at account/);
    await tooLong.catch((error: unknown) => expect(String(error)).not.toContain('hunter2'));
    expect(localStorage.length + sessionStorage.length).toBe(0);
  });
});
