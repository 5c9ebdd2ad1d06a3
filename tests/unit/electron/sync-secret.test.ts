/**
 * The sync password in main (electron/main/sync-secret.ts and its sync-secret:* channels), as a person and an
 * attacker would meet it: with a stand-in keychain whose encryption really changes the bytes, and real files in a
 * temporary profile. Remembered, it is on disk only encrypted; without a real keychain nothing is written at all;
 * it is handed out for its own account only; forgetting removes it; and no refusal or log line ever quotes it.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, fakeContents, invokeAs } from './fake-electron';

/**
 * A keychain as far as safeStorage goes: encryption XORs with a key this "OS" keeps and reverses the bytes, so the
 * result shares nothing readable with the text; a keychain reset (a new key) makes old data undecryptable.
 */
const keychains = vi.hoisted(() => {
  class FakeKeychain {
    available = true;
    backend: string | undefined = 'gnome_libsecret';
    key = 0x5a;
    encryptFails = false;
    isEncryptionAvailable(): boolean {
      return this.available;
    }
    encryptString(plainText: string): Buffer {
      if (this.encryptFails) throw new Error('Error while encrypting the text provided to safeStorage.encryptString.');
      const bytes = Buffer.from(`v10:${plainText}`, 'utf8').map((byte) => byte ^ this.key);
      return Buffer.from(bytes.reverse());
    }
    decryptString(encrypted: Buffer): string {
      const text = Buffer.from(Buffer.from(encrypted).reverse().map((byte) => byte ^ this.key)).toString('utf8');
      if (!text.startsWith('v10:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.');
      return text.slice(4);
    }
    getSelectedStorageBackend(): string {
      if (this.backend === undefined) throw new Error('getSelectedStorageBackend exists on Linux only');
      return this.backend;
    }
  }
  return { FakeKeychain, main: new FakeKeychain() };
});
type FakeKeychain = InstanceType<typeof keychains.FakeKeychain>;

vi.mock('electron', async () => ({ ...(await import('./fake-electron')).electronModule, safeStorage: keychains.main }));

const { keychainUsable, NO_KEYCHAIN, SECRET_FILE, syncSecrets } = await import('../../../electron/main/sync-secret');
const { registerIpcHandlers } = await import('../../../electron/main/ipc-handlers');

const root = mkdtempSync(join(tmpdir(), 'cinefile-sync-secret-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ANNA = 'https://couch.example.net/cinefile#anna';
const PASSWORD = 'correct horse battery staple — ünïcødé 🎬';

/** Every way the password could be on disk or in a log without being encrypted. */
const plainForms = (password: string): string[] => [
  password,
  JSON.stringify(password).slice(1, -1),
  Buffer.from(password).toString('base64'),
  Buffer.from(password).toString('hex'),
  encodeURIComponent(password),
];

/** Everything written to the console while `run` ran, as one string. */
async function consoleDuring(run: () => Promise<void>): Promise<string> {
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation(() => undefined),
  );
  try {
    await run();
    return spies.flatMap((spy) => spy.mock.calls.flat().map(String)).join('\n');
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

let folder: string;
let keychain: FakeKeychain;
const keeper = (platform: NodeJS.Platform = 'linux') => syncSecrets({ keychain, folder, platform });
const secretPath = (): string => join(folder, SECRET_FILE);
beforeEach(() => {
  folder = join(mkdtempSync(join(root, 'profile-')), 'sync');
  keychain = new keychains.FakeKeychain();
});

describe('sync-secret with a real keychain', () => {
  it('remembers the password encrypted in userData/sync/secret.json, owner-only, never in plain text', async () => {
    const secrets = keeper();
    await expect(secrets.save({ account: ANNA, password: PASSWORD, remember: true })).resolves.toEqual({ kept: 'keychain' });

    const text = readFileSync(secretPath(), 'utf8');
    for (const form of plainForms(PASSWORD)) expect(text).not.toContain(form);
    const stored = JSON.parse(text) as { account: string; encrypted: string };
    expect(stored.account).toBe(ANNA);
    expect(keychain.decryptString(Buffer.from(stored.encrypted, 'base64'))).toBe(PASSWORD);
    if (process.platform !== 'win32') expect(statSync(secretPath()).mode & 0o777).toBe(0o600);
    // Written in one step: no partial file is left beside it.
    expect(readdirSync(folder)).toEqual([SECRET_FILE]);
  });

  it('gives it back for the same account, also after a restart, and to no other server, database or user', async () => {
    await keeper().save({ account: ANNA, password: PASSWORD, remember: true });
    const afterRestart = keeper();
    await expect(afterRestart.read({ account: ANNA })).resolves.toEqual({ password: PASSWORD });
    for (const other of [
      'https://couch.example.net/cinefile#bob',
      'https://couch.example.net/films#anna',
      'https://evil.example.net/cinefile#anna',
      'http://couch.example.net/cinefile#anna',
      'https://couch.example.net/cinefile#Anna',
      `${ANNA} `,
    ]) {
      await expect(afterRestart.read({ account: other }), other).resolves.toBeNull();
    }
  });

  it('keeps one password at a time: a new save replaces the old, for its own account only', async () => {
    const secrets = keeper();
    await secrets.save({ account: ANNA, password: PASSWORD, remember: true });
    await secrets.save({ account: 'https://couch.example.net/cinefile#bob', password: 'bobs-password', remember: true });
    await expect(secrets.read({ account: ANNA })).resolves.toBeNull();
    await expect(keeper().read({ account: 'https://couch.example.net/cinefile#bob' })).resolves.toEqual({
      password: 'bobs-password',
    });
  });

  it('uses the keychain on macOS and Windows, where there is no Linux backend to ask', async () => {
    keychain.backend = undefined;
    for (const platform of ['darwin', 'win32'] as const) {
      expect(keychainUsable(keychain, platform), platform).toBe(true);
      const saving = keeper(platform).save({ account: ANNA, password: PASSWORD, remember: true });
      await expect(saving).resolves.toEqual({ kept: 'keychain' });
    }
  });

  it('asks again (null, no error) when the keychain can no longer decrypt it, and logs no password', async () => {
    await keeper().save({ account: ANNA, password: PASSWORD, remember: true });
    keychain.key = 0x33; // the keyring was reset
    let read: unknown;
    const logged = await consoleDuring(async () => {
      read = await keeper().read({ account: ANNA });
    });
    expect(read).toBeNull();
    for (const form of plainForms(PASSWORD)) expect(logged).not.toContain(form);
  });

  it('treats a damaged or foreign file as no password', async () => {
    mkdirSync(folder, { recursive: true });
    const damaged = ['', '{', 'null', '[]', JSON.stringify({ account: ANNA })];
    damaged.push(JSON.stringify({ account: ANNA, encrypted: 'not base64!' }));
    for (const contents of damaged) {
      writeFileSync(secretPath(), contents);
      await expect(keeper().read({ account: ANNA }), contents).resolves.toBeNull();
    }
  });

  it('replaces a partial file a crash left behind instead of writing into it', async () => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${SECRET_FILE}.partial`), 'left over', { mode: 0o644 });
    await keeper().save({ account: ANNA, password: PASSWORD, remember: true });
    expect(readdirSync(folder)).toEqual([SECRET_FILE]);
    await expect(keeper().read({ account: ANNA })).resolves.toEqual({ password: PASSWORD });
  });
});

describe('sync-secret without a keychain worth the name', () => {
  const noKeychain: [string, (keychain: FakeKeychain) => void][] = [
    ['encryption unavailable', (k) => (k.available = false)],
    ["Linux's basic_text backend (obfuscation with a built-in key)", (k) => (k.backend = 'basic_text')],
    ['a Linux backend safeStorage cannot name yet', (k) => (k.backend = 'unknown')],
  ];

  it.each(noKeychain)('%s: keeps it for this run only, says why, and writes nothing', async (_case, breakIt) => {
    breakIt(keychain);
    const secrets = keeper();
    await expect(secrets.save({ account: ANNA, password: PASSWORD, remember: true })).resolves.toEqual({
      kept: 'session',
      reason: NO_KEYCHAIN,
    });
    expect(NO_KEYCHAIN).toBe('This system has no keychain Cinefile can use, so the password is kept until Cinefile quits.');
    expect(existsSync(folder)).toBe(false);
    await expect(secrets.read({ account: ANNA })).resolves.toEqual({ password: PASSWORD });
    await expect(secrets.read({ account: 'https://couch.example.net/cinefile#bob' })).resolves.toBeNull();
    // The next run knows nothing of it.
    await expect(keeper().read({ account: ANNA })).resolves.toBeNull();
  });

  it('keeps it for the session when the keychain fails to encrypt, saying so without the password', async () => {
    keychain.encryptFails = true;
    const answer = await keeper().save({ account: ANNA, password: PASSWORD, remember: true });
    expect(answer.kept).toBe('session');
    expect(answer.reason).toMatch(/could not store the password with the system keychain .* kept until Cinefile quits/);
    for (const form of plainForms(PASSWORD)) expect(answer.reason).not.toContain(form);
    expect(existsSync(secretPath())).toBe(false);
  });
});

describe('sync-secret when the person does not ask to remember it', () => {
  it('keeps it in memory only, and removes a password remembered before', async () => {
    const secrets = keeper();
    await secrets.save({ account: ANNA, password: 'the old one', remember: true });
    expect(existsSync(secretPath())).toBe(true);

    await expect(secrets.save({ account: ANNA, password: PASSWORD, remember: false })).resolves.toEqual({ kept: 'session' });
    expect(existsSync(secretPath())).toBe(false);
    await expect(secrets.read({ account: ANNA })).resolves.toEqual({ password: PASSWORD });
    await expect(keeper().read({ account: ANNA })).resolves.toBeNull();
  });
});

describe('sync-secret:forget', () => {
  it('removes the file and the copy in memory', async () => {
    const secrets = keeper();
    await secrets.save({ account: ANNA, password: PASSWORD, remember: true });
    await expect(secrets.forget()).resolves.toEqual({ forgotten: true });
    expect(readdirSync(folder)).toEqual([]);
    await expect(secrets.read({ account: ANNA })).resolves.toBeNull();

    await secrets.save({ account: ANNA, password: PASSWORD, remember: false });
    await secrets.forget();
    await expect(secrets.read({ account: ANNA })).resolves.toBeNull();
    // Forgetting when nothing is kept is fine too.
    await expect(keeper().forget()).resolves.toEqual({ forgotten: true });
  });

  it('runs after a save still in progress, so the password cannot come back', async () => {
    const secrets = keeper();
    const saving = secrets.save({ account: ANNA, password: PASSWORD, remember: true });
    const forgetting = secrets.forget();
    await Promise.all([saving, forgetting]);
    expect(existsSync(secretPath())).toBe(false);
    await expect(keeper().read({ account: ANNA })).resolves.toBeNull();
  });
});

describe('the sync-secret channels, called as the renderer calls them (through the IPC guard)', () => {
  const renderer = fakeContents();
  const profile = mkdtempSync(join(root, 'ipc-profile-'));
  const userSecret = join(profile, 'sync', SECRET_FILE);
  fake.userData = profile;
  registerIpcHandlers();
  afterEach(async () => {
    await invokeAs(renderer, 'sync-secret:forget', {});
    Object.assign(keychains.main, new keychains.FakeKeychain());
  });

  it('saves to the keychain in userData/sync, reads for the same account only, and forgets', async () => {
    await expect(invokeAs(renderer, 'sync-secret:save', { account: ANNA, password: PASSWORD, remember: true })).resolves.toEqual({
      kept: 'keychain',
    });
    const text = readFileSync(userSecret, 'utf8');
    for (const form of plainForms(PASSWORD)) expect(text).not.toContain(form);
    await expect(invokeAs(renderer, 'sync-secret:read', { account: ANNA })).resolves.toEqual({ password: PASSWORD });
    await expect(invokeAs(renderer, 'sync-secret:read', { account: 'https://evil.example/cinefile#anna' })).resolves.toBeNull();
    await expect(invokeAs(renderer, 'sync-secret:forget', {})).resolves.toEqual({ forgotten: true });
    expect(existsSync(userSecret)).toBe(false);
    await expect(invokeAs(renderer, 'sync-secret:read', { account: ANNA })).resolves.toBeNull();
  });

  it('on Linux without a keyring answers "session" with the reason, and writes nothing', async () => {
    keychains.main.backend = 'basic_text';
    const answer = await invokeAs(renderer, 'sync-secret:save', { account: ANNA, password: PASSWORD, remember: true });
    if (process.platform === 'linux') {
      expect(answer).toEqual({ kept: 'session', reason: NO_KEYCHAIN });
      expect(existsSync(userSecret)).toBe(false);
    }
    await expect(invokeAs(renderer, 'sync-secret:read', { account: ANNA })).resolves.toEqual({ password: PASSWORD });
  });

  it('refuses malformed requests before anything is kept, and never quotes the password in the refusal', async () => {
    const long = `hunter2-${'x'.repeat(9_992)}`;
    const refusals: [unknown, RegExp][] = [
      [
        { account: ANNA, password: long, remember: true },
        /^sync-secret:save: invalid request at password: a password of 1 to 1000 characters$/,
      ],
      [{ password: PASSWORD, remember: true }, /^sync-secret:save: invalid request at account: /],
      [{ account: ANNA, password: '', remember: true }, /at password: a password of 1 to 1000 characters/],
      [{ account: ANNA, password: 424242424242, remember: true }, /at password: a password \(text\)/],
      [{ account: ANNA, password: PASSWORD }, /at remember: /],
      [{ account: 'x'.repeat(1_001), password: PASSWORD, remember: true }, /at account: a sync account of 1 to 1000 characters/],
      [PASSWORD, /^sync-secret:save: invalid request: an object \{ account, password, remember \}$/],
    ];
    for (const [request, refusal] of refusals) {
      const error = await invokeAs(renderer, 'sync-secret:save', request).then(
        () => null,
        (reason: unknown) => reason as Error,
      );
      expect(error?.message, JSON.stringify(request).slice(0, 80)).toMatch(refusal);
      for (const secret of [PASSWORD, 'hunter2', '424242424242']) expect(error?.message).not.toContain(secret);
    }
    await expect(invokeAs(renderer, 'sync-secret:read', {})).rejects.toThrow(/^sync-secret:read: invalid request at account: /);
    await expect(invokeAs(renderer, 'sync-secret:read', { account: ANNA }, 'extra')).rejects.toThrow(/at most one argument/);
    expect(existsSync(userSecret)).toBe(false);
    await expect(invokeAs(renderer, 'sync-secret:read', { account: ANNA })).resolves.toBeNull();
  });

  it('answers no other page or frame: an iframe cannot read the password', async () => {
    await invokeAs(renderer, 'sync-secret:save', { account: ANNA, password: PASSWORD, remember: false });
    const listener = fake.handlers.get('sync-secret:read');
    const from = (url: string, parent: object | null) =>
      ({ sender: renderer, senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;
    const fromIframe = from('app://cinefile/index.html', {});
    const fromElsewhere = from('https://evil.example/', null);
    await expect(listener?.(fromIframe, { account: ANNA })).rejects.toThrow(/refused/);
    await expect(listener?.(fromElsewhere, { account: ANNA })).rejects.toThrow(/refused/);
  });
});
