// Main's IPC handlers, called as the renderer would (through the guard), with Electron's dialogs stubbed and real files.
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, MAX_FILE_BYTES } from '../../../electron/ipc';

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const electron = vi.hoisted(() => ({
  handlers: new Map<string, InvokeListener>(),
  documents: '',
  showSaveDialog: vi.fn(),
  showOpenDialog: vi.fn(),
}));
vi.mock('electron', () => ({
  app: {
    isPackaged: true,
    getPath: (name: string) => (name === 'documents' ? electron.documents : '/nowhere'),
  },
  ipcMain: { handle: (channel: string, listener: InvokeListener) => electron.handlers.set(channel, listener) },
  BrowserWindow: { fromWebContents: () => null },
  dialog: { showSaveDialog: electron.showSaveDialog, showOpenDialog: electron.showOpenDialog },
}));

const { registerIpcHandlers } = await import('../../../electron/main/ipc-handlers');
registerIpcHandlers();

const fromApp = { senderFrame: { url: 'app://cinefile/index.html', parent: null } } as unknown as IpcMainInvokeEvent;
function invoke(channel: string, ...args: unknown[]): Promise<unknown> {
  const listener = electron.handlers.get(channel);
  if (!listener) throw new Error(`no handler for ${channel}`);
  return listener(fromApp, ...args);
}

const dir = mkdtempSync(join(tmpdir(), 'cinefile-ipc-'));
electron.documents = join(dir, 'Documents');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  electron.showSaveDialog.mockReset();
  electron.showOpenDialog.mockReset();
});

const jsonFilter = [{ name: 'Cinefile backup', extensions: ['json'] }];

describe('registerIpcHandlers', () => {
  it('answers every channel of the contract, and nothing else', () => {
    expect([...electron.handlers.keys()].sort()).toEqual([...channels].sort());
  });
});

describe('file:save', () => {
  it('offers Documents/<suggested name> and writes text as UTF-8 where the user chose', async () => {
    const chosen = join(dir, 'my-films.json');
    electron.showSaveDialog.mockResolvedValue({ canceled: false, filePath: chosen });
    const json = '{"title":"Amélie — 2001 🎬"}';

    await expect(invoke('file:save', { suggestedName: 'films.json', data: json, filters: jsonFilter })).resolves.toEqual(
      { savedTo: chosen },
    );
    expect(electron.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: join(electron.documents, 'films.json'),
      filters: jsonFilter,
    });
    expect(readFileSync(chosen, 'utf8')).toBe(json);
  });

  it('writes bytes unchanged', async () => {
    const chosen = join(dir, 'poster.png');
    electron.showSaveDialog.mockResolvedValue({ canceled: false, filePath: chosen });
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    await invoke('file:save', { suggestedName: 'poster.png', data: bytes, filters: [] });
    expect(new Uint8Array(readFileSync(chosen))).toEqual(bytes);
  });

  it('writes nothing and answers savedTo: null when the user cancels', async () => {
    electron.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await expect(invoke('file:save', { suggestedName: 'x.json', data: 'x', filters: [] })).resolves.toEqual({
      savedTo: null,
    });
  });
});

describe('file:open', () => {
  it('returns the chosen file name and its bytes as a plain Uint8Array', async () => {
    const path = join(dir, 'letterboxd.csv');
    writeFileSync(path, 'Name,Year\nRed Hot,2024\n');
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });

    const opened = (await invoke('file:open', { filters: [{ name: 'CSV', extensions: ['csv'] }] })) as {
      fileName: string;
      bytes: Uint8Array;
    };
    expect(opened.fileName).toBe('letterboxd.csv');
    expect(Object.getPrototypeOf(opened.bytes)).toBe(Uint8Array.prototype);
    expect(new TextDecoder().decode(opened.bytes)).toBe('Name,Year\nRed Hot,2024\n');
    expect(electron.showOpenDialog).toHaveBeenCalledWith({
      properties: ['openFile'],
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  });

  it('refuses a file over the size limit with a message naming it', async () => {
    const path = join(dir, 'huge-video.mkv');
    writeFileSync(path, '');
    truncateSync(path, MAX_FILE_BYTES + 1); // sparse: no real disk space used
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path] });
    await expect(invoke('file:open', { filters: [] })).rejects.toThrow(
      '"huge-video.mkv" is too large: Cinefile opens files up to 200 MB.',
    );
  });

  it('answers null when the user cancels', async () => {
    electron.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(invoke('file:open', { filters: [] })).resolves.toBeNull();
  });
});
