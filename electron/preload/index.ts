/**
 * Runs in the sandboxed preload and exposes `window.cinefile`: a handful of verbs, one per IPC channel. The page
 * never gets ipcRenderer or an IPC event object, so it can reach only the channels listed here, and main checks
 * each call again anyway. Imports are limited to 'electron' and '../ipc' (bundled into one CommonJS file).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  MENU_COMMAND_CHANNEL,
  menuCommands,
  type Channel,
  type CinefileBridge,
  type IpcRequest,
  type IpcResponses,
  type MenuCommand,
} from '../ipc';

/** ipcRenderer.invoke typed by the contract; channels without a request send no argument at all. */
function invoke<K extends Channel>(
  channel: K,
  ...request: IpcRequest<K> extends undefined ? [] : [IpcRequest<K>]
): Promise<IpcResponses[K]> {
  return ipcRenderer.invoke(channel, ...request) as Promise<IpcResponses[K]>;
}

function isMenuCommand(value: unknown): value is MenuCommand {
  return menuCommands.some((command) => command === value);
}

const bridge = {
  appInfo: () => invoke('app:info'),
  saveFile: (request) => invoke('file:save', request),
  openFile: (request) => invoke('file:open', request),
  openExternal: (url) => invoke('shell:open-external', url),
  onMenuCommand: (listener) => {
    // Forward only the command itself, and only known commands: the event object would expose the IPC port.
    const forward = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
    };
  },
} satisfies CinefileBridge;

contextBridge.exposeInMainWorld('cinefile', bridge);
