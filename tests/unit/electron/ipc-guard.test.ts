// The IPC guard: every call main answers must come from Cinefile's top frame and carry a request its schema accepts.
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

// A stand-in ipcMain that records handlers, so the test can play the renderer's side of a call.
const electron = vi.hoisted(() => ({
  handlers: new Map<string, InvokeListener>(),
  isPackaged: true,
}));
vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return electron.isPackaged;
    },
  },
  ipcMain: {
    handle: (channel: string, listener: InvokeListener) => electron.handlers.set(channel, listener),
  },
}));

const { handle } = await import('../../../electron/main/ipc-guard');

/** The parts of an invoke event the guard reads: the calling frame's URL and whether it has a parent. */
function eventFrom(url: string, options: { subframe?: boolean; frameGone?: boolean } = {}): IpcMainInvokeEvent {
  const senderFrame = options.frameGone ? null : { url, parent: options.subframe ? { url } : null };
  return { senderFrame } as unknown as IpcMainInvokeEvent;
}

function invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
  const listener = electron.handlers.get(channel);
  if (!listener) throw new Error(`no handler for ${channel}`);
  return listener(event, ...args);
}

const validSave = {
  suggestedName: 'cinefile-export.json',
  data: '{"films":[]}',
  filters: [{ name: 'JSON', extensions: ['json'] }],
};

describe('handle (the IPC guard)', () => {
  const saveHandler = vi.fn(() => ({ savedTo: '/home/me/Documents/cinefile-export.json' }));

  beforeEach(() => {
    electron.handlers.clear();
    electron.isPackaged = true;
    saveHandler.mockClear();
    handle('file:save', saveHandler);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('passes a valid call from the app page to the handler and returns its answer', async () => {
    const event = eventFrom('app://cinefile/index.html#/export');
    await expect(invoke('file:save', event, validSave)).resolves.toEqual({
      savedTo: '/home/me/Documents/cinefile-export.json',
    });
    expect(saveHandler).toHaveBeenCalledWith(validSave, event);
  });

  it('refuses a page from any other origin, naming the channel', async () => {
    for (const url of ['https://evil.example/', 'file:///tmp/page.html', 'app://evil/index.html', 'about:blank']) {
      await expect(invoke('file:save', eventFrom(url), validSave), url).rejects.toThrow(/^file:save: refused/);
    }
    expect(saveHandler).not.toHaveBeenCalled();
  });

  it('refuses an iframe even when it is on the app origin', async () => {
    await expect(
      invoke('file:save', eventFrom('app://cinefile/index.html', { subframe: true }), validSave),
    ).rejects.toThrow(/file:save: refused, only Cinefile's top frame/);
    expect(saveHandler).not.toHaveBeenCalled();
  });

  it('refuses a call whose frame has already gone away', async () => {
    await expect(invoke('file:save', eventFrom('', { frameGone: true }), validSave)).rejects.toThrow(/file:save/);
    expect(saveHandler).not.toHaveBeenCalled();
  });

  it('refuses invalid requests with a message naming the channel, the field and the problem', async () => {
    const event = eventFrom('app://cinefile/index.html');
    await expect(invoke('file:save', event, { ...validSave, suggestedName: '../../.bashrc' })).rejects.toThrow(
      'file:save: invalid request at suggestedName: a file name without folders or reserved characters',
    );
    await expect(invoke('file:save', event, { ...validSave, data: 42 })).rejects.toThrow(
      /^file:save: invalid request at data: /,
    );
    await expect(invoke('file:save', event)).rejects.toThrow(/^file:save: invalid request: /);
    await expect(invoke('file:save', event, validSave, 'extra')).rejects.toThrow(
      'file:save: expected at most one argument, got 2',
    );
    expect(saveHandler).not.toHaveBeenCalled();
  });

  it('trusts the dev server only in an unpackaged `electron-vite dev` run', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    const fromDevServer = eventFrom('http://localhost:5173/');
    await expect(invoke('file:save', fromDevServer, validSave)).rejects.toThrow(/refused/);
    electron.isPackaged = false;
    await expect(invoke('file:save', fromDevServer, validSave)).resolves.toEqual({
      savedTo: '/home/me/Documents/cinefile-export.json',
    });
  });
});

describe('handle, for a channel without a request (backup:list)', () => {
  it('accepts a call with no argument and refuses one with any argument', async () => {
    electron.handlers.clear();
    const listHandler = vi.fn(() => []);
    handle('backup:list', listHandler);
    const event = eventFrom('app://cinefile/index.html');
    await expect(invoke('backup:list', event)).resolves.toEqual([]);
    await expect(invoke('backup:list', event, { name: '../x' })).rejects.toThrow(/^backup:list: invalid request: /);
    expect(listHandler).toHaveBeenCalledTimes(1);
  });
});
