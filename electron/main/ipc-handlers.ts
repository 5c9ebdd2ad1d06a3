/**
 * What the renderer may ask the operating system for, one handler per channel of electron/ipc.ts (the compiler
 * refuses a channel without one).
 *
 * The renderer never passes a file path in: every path main reads or writes comes from a dialog the user just
 * answered, or is one main made itself (userData/backups, named by AUTO_BACKUP_NAME; userData/sync/secret.json), so
 * a compromised page cannot name ~/.ssh/id_rsa or overwrite a file of its choosing. Streamed saves are named by
 * tokens main handed out.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  safeStorage,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type OpenDialogReturnValue,
  type SaveDialogOptions,
  type SaveDialogReturnValue,
} from 'electron';
import { MAX_FILE_BYTES } from '../ipc';
import { beginAutoBackup, listAutoBackups, readAutoBackup, revealAutoBackup } from './auto-backups';
import { beginSave, endSave, replaceFile, writeChunk } from './file-saves';
import { handleAll, type IpcHandlers } from './ipc-guard';
import { renderPdf } from './pdf';
import { quitBackupReady } from './quit-backup';
import { syncSecrets, type SyncSecrets } from './sync-secret';

const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Dialogs are attached to the calling window, so they are modal to it and appear on its screen. */
function callerWindow(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

function showSaveDialog(event: IpcMainInvokeEvent, options: SaveDialogOptions): Promise<SaveDialogReturnValue> {
  const window = callerWindow(event);
  return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
}

function showOpenDialog(event: IpcMainInvokeEvent, options: OpenDialogOptions): Promise<OpenDialogReturnValue> {
  const window = callerWindow(event);
  return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
}

/** Made on first use: userData is only final once index.ts has applied the profile and the app is ready. */
let keptSyncSecrets: SyncSecrets | null = null;
function syncSecretKeeper(): SyncSecrets {
  keptSyncSecrets ??= syncSecrets({
    keychain: safeStorage,
    folder: join(app.getPath('userData'), 'sync'),
    platform: process.platform,
  });
  return keptSyncSecrets;
}

const handlers: IpcHandlers = {
  'file:save': async ({ suggestedName, data, filters }, event) => {
    // suggestedName is a bare file name (the schema refuses folders), so the default stays in Documents.
    const result = await showSaveDialog(event, {
      defaultPath: join(app.getPath('documents'), suggestedName),
      filters,
    });
    if (result.canceled || !result.filePath) return { savedTo: null };
    if (typeof data === 'string') await writeFile(result.filePath, data, 'utf8');
    else await writeFile(result.filePath, data);
    return { savedTo: result.filePath };
  },

  'file:open': async ({ filters }, event) => {
    const result = await showOpenDialog(event, { properties: ['openFile'], filters });
    const [filePath] = result.filePaths;
    if (result.canceled || filePath === undefined) return null;
    // Checked before reading, so choosing a huge video by mistake fails at once instead of filling memory.
    const { size } = await stat(filePath);
    if (size > MAX_FILE_BYTES) {
      throw new Error(`"${basename(filePath)}" is too large: Cinefile opens files up to ${megabytes(MAX_FILE_BYTES)}.`);
    }
    const contents = await readFile(filePath);
    // A plain Uint8Array view (not a Node Buffer) is what the contract promises the renderer.
    return { fileName: basename(filePath), bytes: new Uint8Array(contents.buffer, contents.byteOffset, contents.byteLength) };
  },

  'file:save-begin': async ({ suggestedName, filters }, event) => {
    const result = await showSaveDialog(event, {
      defaultPath: join(app.getPath('documents'), suggestedName),
      filters,
    });
    if (result.canceled || !result.filePath) return null;
    const token = await beginSave(event.sender, result.filePath);
    return { token, fileName: basename(result.filePath) };
  },

  'file:save-chunk': ({ token, chunk }, event) => writeChunk(event.sender.id, token, chunk),

  'file:save-end': ({ token, cancel }, event) => endSave(event.sender.id, token, cancel ?? false),

  'file:save-pdf': async ({ suggestedName, html }, event) => {
    const result = await showSaveDialog(event, {
      defaultPath: join(app.getPath('documents'), suggestedName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (result.canceled || !result.filePath) return { savedTo: null };
    await replaceFile(result.filePath, await renderPdf(html));
    return { savedTo: result.filePath };
  },

  'backup:auto-begin': async ({ reason, films }, event) => ({
    token: await beginAutoBackup(event.sender, reason, films),
  }),

  'backup:list': () => listAutoBackups(),

  'backup:read': ({ name }) => readAutoBackup(name),

  'backup:reveal': ({ name }) => revealAutoBackup(name),

  'backup:quit-ready': ({ ok }, event) => quitBackupReady(event.sender.id, ok),

  // The password is never logged: the schema's messages do not quote it, and sync-secret.ts's errors name only
  // what went wrong.
  'sync-secret:save': (request) => syncSecretKeeper().save(request),

  'sync-secret:read': (request) => syncSecretKeeper().read(request),

  'sync-secret:forget': () => syncSecretKeeper().forget(),
};

export function registerIpcHandlers(): void {
  handleAll(handlers);
}
