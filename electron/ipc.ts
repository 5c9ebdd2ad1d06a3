/**
 * THE contract between the Electron main process and the renderer. Every message that crosses the boundary is
 * named here first, with its request type and a runtime schema; main, preload and renderer/src/platform import
 * from this file and nothing else crosses. It must stay free of Node and Electron imports: the renderer bundles it.
 */
import * as v from 'valibot';

/** Largest file the renderer may hand to main to save, or main may read for the renderer (posters, imports). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

const fileFilter = v.object({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
  extensions: v.pipe(v.array(v.pipe(v.string(), v.regex(/^(\*|[a-z0-9]{1,10})$/i))), v.minLength(1), v.maxLength(20)),
});

const fileName = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(200),
  // A suggested name is a bare file name: no folders, no traversal, nothing a shell would treat specially.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused here
  v.regex(/^[^/\\:*?"<>|\u0000-\u001f]+$/, 'a file name without folders or reserved characters'),
);

/** Runtime schemas of each channel's single request argument; main validates every call against these. */
export const ipcRequestSchemas = {
  'app:info': v.undefined(),
  'file:save': v.object({
    suggestedName: fileName,
    data: v.union([
      v.pipe(v.string(), v.maxLength(MAX_FILE_BYTES)),
      v.pipe(
        v.instance(Uint8Array),
        v.check((bytes) => bytes.byteLength <= MAX_FILE_BYTES, 'file too large'),
      ),
    ]),
    filters: v.pipe(v.array(fileFilter), v.maxLength(10)),
  }),
  'file:open': v.object({
    filters: v.pipe(v.array(fileFilter), v.maxLength(10)),
  }),
  'shell:open-external': v.pipe(
    v.string(),
    v.maxLength(2048),
    v.check((url) => {
      try {
        return new URL(url).protocol === 'https:';
      } catch {
        return false;
      }
    }, 'only https:// links open outside Cinefile'),
  ),
} as const;

export type Channel = keyof typeof ipcRequestSchemas;
export type IpcRequest<K extends Channel> = v.InferOutput<(typeof ipcRequestSchemas)[K]>;

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  electron: string;
}

export interface OpenedFile {
  fileName: string;
  bytes: Uint8Array;
}

/** What each channel answers. */
export interface IpcResponses {
  'app:info': AppInfo;
  'file:save': { savedTo: string | null };
  'file:open': OpenedFile | null;
  'shell:open-external': void;
}

export type IpcContract = {
  [K in Channel]: (request: IpcRequest<K>) => IpcResponses[K];
};

/** Commands the native menu sends to the renderer (main → renderer, one channel). */
export const MENU_COMMAND_CHANNEL = 'menu:command';
export const menuCommands = ['add-film', 'show-library'] as const;
export type MenuCommand = (typeof menuCommands)[number];

/** The object the preload exposes as `window.cinefile`: verbs, never ipcRenderer itself. */
export interface CinefileBridge {
  appInfo(): Promise<AppInfo>;
  saveFile(request: IpcRequest<'file:save'>): Promise<IpcResponses['file:save']>;
  openFile(request: IpcRequest<'file:open'>): Promise<IpcResponses['file:open']>;
  openExternal(url: string): Promise<void>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
