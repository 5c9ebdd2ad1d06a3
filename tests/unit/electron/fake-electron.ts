/**
 * A stand-in for the parts of Electron main's IPC handlers touch (the real binary is not installed), shared by the
 * handler tests. A test file mocks electron with it:
 *   vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
 * and imports `fake` and the helpers below to drive it; both sides then see the same module instance.
 */
import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent } from 'electron';
import { vi } from 'vitest';

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;
type ProtocolHandler = (request: { url: string }) => Response | Promise<Response>;

/** A webContents as far as saves and the guard care: an id, and the events it emits when it goes away. */
export type FakeContents = EventEmitter & { id: number; destroyed: boolean; isDestroyed(): boolean };

let nextContentsId = 1;
export function fakeContents(): FakeContents {
  const contents = Object.assign(new EventEmitter(), {
    id: nextContentsId++,
    destroyed: false,
    isDestroyed: () => contents.destroyed,
  });
  contents.once('destroyed', () => (contents.destroyed = true));
  return contents;
}

/** A hidden print window: records what it was built with and what it was asked to do. */
export class FakeBrowserWindow {
  static readonly created: FakeBrowserWindow[] = [];
  static fromWebContents(): null {
    return null;
  }
  readonly contents = Object.assign(new EventEmitter(), {
    id: nextContentsId++,
    printToPDF: vi.fn((_options: unknown): Promise<Buffer> => fake.printToPDF()),
    setWindowOpenHandler: vi.fn(),
  });
  readonly webContents = this.contents;
  destroyed = false;
  readonly loadURL = vi.fn(async (url: string): Promise<void> => {
    // Like Chromium: fetch the page through the session's app:// handler, and fail on anything but 200.
    const response = await fake.printProtocol.get('app')?.({ url });
    fake.servedPages.push({ url, status: response?.status ?? 0, html: (await response?.text()) ?? '', headers: response?.headers });
    if (response?.status !== 200) throw new Error(`ERR_FILE_NOT_FOUND loading ${url}`);
  });
  readonly destroy = vi.fn(() => {
    this.destroyed = true;
  });
  constructor(readonly options: unknown) {
    FakeBrowserWindow.created.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export const fake = {
  handlers: new Map<string, InvokeListener>(),
  documents: '',
  userData: '',
  showSaveDialog: vi.fn(),
  showOpenDialog: vi.fn(),
  showItemInFolder: vi.fn(),
  /** What the print window's printToPDF answers; a test replaces it (e.g. with a promise that never settles). */
  printToPDF: (): Promise<Buffer> => Promise.resolve(Buffer.from('%PDF-1.7 fake')),
  printProtocol: new Map<string, ProtocolHandler>(),
  servedPages: [] as { url: string; status: number; html: string; headers: Headers | undefined }[],
  partitions: [] as string[],
};

const printSession = {
  protocol: { handle: (scheme: string, handler: ProtocolHandler) => fake.printProtocol.set(scheme, handler) },
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
  setDevicePermissionHandler: vi.fn(),
};

export const electronModule = {
  app: {
    isPackaged: true,
    getPath: (name: string) => {
      if (name === 'documents') return fake.documents;
      if (name === 'userData') return fake.userData;
      throw new Error(`no path ${name} in this test`);
    },
  },
  ipcMain: { handle: (channel: string, listener: InvokeListener) => fake.handlers.set(channel, listener) },
  BrowserWindow: FakeBrowserWindow,
  dialog: { showSaveDialog: fake.showSaveDialog, showOpenDialog: fake.showOpenDialog },
  shell: { showItemInFolder: fake.showItemInFolder, openExternal: vi.fn() },
  session: {
    fromPartition: (partition: string) => {
      fake.partitions.push(partition);
      return printSession;
    },
  },
  protocol: {},
  net: {},
};

/** An invoke event from Cinefile's own top frame, sent by `sender`. */
export function eventFrom(sender: FakeContents): IpcMainInvokeEvent {
  return { sender, senderFrame: { url: 'app://cinefile/index.html', parent: null } } as unknown as IpcMainInvokeEvent;
}

/** Calls `channel` as the renderer of `sender` would, through the guard. */
export function invokeAs(sender: FakeContents, channel: string, ...args: unknown[]): Promise<unknown> {
  const listener = fake.handlers.get(channel);
  if (!listener) throw new Error(`no handler for ${channel}`);
  return listener(eventFrom(sender), ...args);
}
