/**
 * Runs in the sandboxed preload and exposes `window.cinefile`: one verb per channel of electron/ipc.ts, built from
 * the contract, plus the menu-command subscription. The page never gets ipcRenderer or an IPC event object, so it
 * can reach only the contract's channels, and main checks each call again anyway. Imports are limited to
 * 'electron' and '../ipc' (bundled into one CommonJS file).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  channels,
  ipcContract,
  MENU_COMMAND_CHANNEL,
  menuCommands,
  type BridgeVerbs,
  type CinefileBridge,
  type MenuCommand,
} from '../ipc';

/** verb → ipcRenderer.invoke(its channel, ...args); main's guard refuses anything but the one valid argument. */
function contractVerbs(): BridgeVerbs {
  const verbs: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const channel of channels) {
    verbs[ipcContract[channel].verb] = (...args) => ipcRenderer.invoke(channel, ...args);
  }
  // TypeScript cannot follow a loop that fills a mapped type; preload.test.ts checks every verb against its channel.
  return verbs as BridgeVerbs;
}

function isMenuCommand(value: unknown): value is MenuCommand {
  return menuCommands.some((command) => command === value);
}

const bridge = {
  ...contractVerbs(),
  onMenuCommand: (listener: (command: MenuCommand) => void) => {
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
