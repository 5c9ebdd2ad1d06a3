/**
 * The sync password, kept by main so it never lies in plain text in IndexedDB, a backup, an export or a log.
 *
 * Remembered, it is encrypted with the OS keychain (Electron's safeStorage) and written to a file only main reads
 * (userData/sync/secret.json: the account and the encrypted bytes; atomic, mode 0o600). Where there is no keychain
 * worth the name — encryption unavailable, or Linux without a keyring, where Chromium's 'basic_text' backend would
 * merely obfuscate with a fixed key — nothing is written: the password stays in main's memory until Cinefile quits,
 * and the answer says so. One password is kept at a time, tied to its account (server, database and user), so a
 * password is never handed out for an account it was not saved for.
 *
 * The functions take the keychain and the folder, so tests run them with a fake keychain in a temporary folder.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import type { IpcRequest, SyncSecretSaved } from '../ipc';

/** What sync-secret needs of Electron's safeStorage (getSelectedStorageBackend exists on Linux only). */
export interface Keychain {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export interface SyncSecretPlace {
  keychain: Keychain;
  /** The folder main owns for the file (userData/sync); created when a password is first remembered. */
  folder: string;
  platform: NodeJS.Platform;
}

export interface SyncSecrets {
  save(request: IpcRequest<'sync-secret:save'>): Promise<SyncSecretSaved>;
  read(request: IpcRequest<'sync-secret:read'>): Promise<{ password: string } | null>;
  forget(): Promise<{ forgotten: true }>;
}

export const SECRET_FILE = 'secret.json';
const PARTIAL_FILE = `${SECRET_FILE}.partial`;

export const NO_KEYCHAIN = 'This system has no keychain Cinefile can use, so the password is kept until Cinefile quits.';

/**
 * Linux backends that are no keychain: 'basic_text' encrypts with a key built into Chromium, and 'unknown' means
 * safeStorage could not tell (it answers that before app 'ready').
 */
const NOT_A_KEYRING = new Set(['basic_text', 'unknown']);

const secretFile = v.object({
  account: v.string(),
  encrypted: v.pipe(v.string(), v.minLength(1), v.regex(/^[A-Za-z0-9+/]+={0,2}$/)),
});

/** Whether a password encrypted now would really be protected by the operating system. */
export function keychainUsable(keychain: Keychain, platform: NodeJS.Platform): boolean {
  if (!keychain.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  const backend = keychain.getSelectedStorageBackend?.() ?? 'unknown';
  return !NOT_A_KEYRING.has(backend);
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Writes the file in one step (a partial file renamed over it), readable and writable by its owner only. */
async function writeSecretFile(folder: string, contents: string): Promise<void> {
  const partial = join(folder, PARTIAL_FILE);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  try {
    // A partial file left by a crash is replaced, never appended to or opened with its old mode.
    await rm(partial, { force: true });
    await writeFile(partial, contents, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
    await rename(partial, join(folder, SECRET_FILE));
  } catch (error) {
    await rm(partial, { force: true }).catch(() => undefined);
    throw error;
  }
}

async function removeSecretFile(folder: string): Promise<void> {
  try {
    await rm(join(folder, SECRET_FILE), { force: true });
    await rm(join(folder, PARTIAL_FILE), { force: true });
  } catch (error) {
    throw new Error(`Cinefile could not remove the sync password it kept: ${reason(error)}`, { cause: error });
  }
}

/** The file's account and encrypted bytes, or null when there is none or it is not one of ours. */
async function readSecretFile(folder: string): Promise<v.InferOutput<typeof secretFile> | null> {
  let text: string;
  try {
    text = await readFile(join(folder, SECRET_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = v.safeParse(secretFile, JSON.parse(text));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

/** One keeper of the sync password, for one folder; its in-memory copy lasts as long as the object (main's run). */
export function syncSecrets({ keychain, folder, platform }: SyncSecretPlace): SyncSecrets {
  let inMemory: { account: string; password: string } | null = null;

  // One operation at a time: a forget must not land between a save's write and its rename.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Keeps the password in memory only, after removing any remembered one (which would otherwise outlive it). */
  const keepForSession = async (account: string, password: string, why?: string): Promise<SyncSecretSaved> => {
    await removeSecretFile(folder);
    inMemory = { account, password };
    return why === undefined ? { kept: 'session' } : { kept: 'session', reason: why };
  };

  return {
    save: ({ account, password, remember }) =>
      serially(async () => {
        if (!remember) return keepForSession(account, password);
        if (!keychainUsable(keychain, platform)) return keepForSession(account, password, NO_KEYCHAIN);
        try {
          const encrypted = keychain.encryptString(password).toString('base64');
          await writeSecretFile(folder, `${JSON.stringify({ account, encrypted })}\n`);
        } catch (error) {
          return keepForSession(
            account,
            password,
            `Cinefile could not store the password with the system keychain (${reason(error)}), ` +
              'so it is kept until Cinefile quits.',
          );
        }
        inMemory = null;
        return { kept: 'keychain' };
      }),

    read: ({ account }) =>
      serially(async () => {
        if (inMemory !== null) return inMemory.account === account ? { password: inMemory.password } : null;
        const kept = await readSecretFile(folder);
        if (kept === null || kept.account !== account || !keychainUsable(keychain, platform)) return null;
        try {
          return { password: keychain.decryptString(Buffer.from(kept.encrypted, 'base64')) };
        } catch {
          // A keyring that was reset or replaced cannot decrypt it any more: the person is asked for it again.
          console.warn('Cinefile: the system keychain could not decrypt the kept sync password; it will be asked for again.');
          return null;
        }
      }),

    forget: () =>
      serially(async () => {
        inMemory = null;
        await removeSecretFile(folder);
        return { forgotten: true as const };
      }),
  };
}
