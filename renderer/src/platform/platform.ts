/**
 * The renderer's one seam to the shell. In Electron it speaks to the preload bridge (window.cinefile); in a plain
 * browser (`npm run web`, end-to-end tests) it falls back to downloads and file inputs.
 */
import type { CinefileBridge, IpcRequest, IpcResponses, MenuCommand } from '../../../electron/ipc';

export type SaveFileRequest = IpcRequest<'file:save'>;
export type OpenFileRequest = IpcRequest<'file:open'>;

export interface Platform {
  kind: 'electron' | 'browser';
  /** Saves text or bytes where the person chooses; resolves with where, or null when they cancel. */
  saveFile(request: SaveFileRequest): Promise<IpcResponses['file:save']>;
  /** Lets the person pick one file; resolves with its name and bytes, or null when they cancel. */
  openFile(request: OpenFileRequest): Promise<IpcResponses['file:open']>;
  /** Opens an https link in the person's browser, outside Cinefile. */
  openExternal(url: string): Promise<void>;
  /** Native menu commands (Electron only; the browser has none). Returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

declare global {
  interface Window {
    cinefile?: CinefileBridge;
  }
}

/** Electron prefixes errors thrown in main with the channel; a person needs only main's own message. */
export function withoutIpcPrefix(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(message.replace(/^Error invoking remote method '[^']+': (?:Error: )?/, ''));
}

async function plainErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw withoutIpcPrefix(error);
  }
}

export function electronPlatform(bridge: CinefileBridge): Platform {
  return {
    kind: 'electron',
    saveFile: (request) => plainErrors(() => bridge.saveFile(request)),
    openFile: (request) => plainErrors(() => bridge.openFile(request)),
    openExternal: (url) => plainErrors(() => bridge.openExternal(url)),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
  };
}
