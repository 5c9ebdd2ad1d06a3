import type { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMAND_CHANNEL, type CinefileBridge } from '../../../electron/ipc';

// Electron's renderer-side modules, reduced to what the preload touches; `exposed` records what the page gets.
const electron = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), invoke: vi.fn(async () => 'answer') }));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipcRenderer = Object.assign(new Emitter(), { invoke: electron.invoke });
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
    ipcRenderer,
  };
});
await import('../../../electron/preload/index');
const { ipcRenderer } = (await import('electron')) as unknown as { ipcRenderer: EventEmitter };
const bridge = electron.exposed.get('cinefile') as CinefileBridge;

describe('window.cinefile (the preload bridge)', () => {
  it('exposes one object of verbs and nothing else (no ipcRenderer, no send/on)', () => {
    expect([...electron.exposed.keys()]).toEqual(['cinefile']);
    expect(Object.keys(bridge).sort()).toEqual(['appInfo', 'onMenuCommand', 'openExternal', 'openFile', 'saveFile']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('turns each verb into an invoke on its own channel and returns main’s answer', async () => {
    const save = { suggestedName: 'films.json', data: '[]', filters: [] };
    await expect(bridge.saveFile(save)).resolves.toBe('answer');
    await bridge.openFile({ filters: [] });
    await bridge.openExternal('https://example.com/');
    await bridge.appInfo();
    expect(electron.invoke.mock.calls).toEqual([
      ['file:save', save],
      ['file:open', { filters: [] }],
      ['shell:open-external', 'https://example.com/'],
      ['app:info'],
    ]);
  });

  it('forwards known menu commands without the IPC event, ignores unknown ones, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onMenuCommand(listener);
    const fakeEvent = { sender: ipcRenderer, ports: [] };

    ipcRenderer.emit(MENU_COMMAND_CHANNEL, fakeEvent, 'add-film');
    ipcRenderer.emit(MENU_COMMAND_CHANNEL, fakeEvent, 'delete-everything');
    ipcRenderer.emit(MENU_COMMAND_CHANNEL, fakeEvent, { toString: () => 'add-film' });
    expect(listener.mock.calls).toEqual([['add-film']]);

    unsubscribe();
    ipcRenderer.emit(MENU_COMMAND_CHANNEL, fakeEvent, 'show-library');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount(MENU_COMMAND_CHANNEL)).toBe(0);
  });
});
