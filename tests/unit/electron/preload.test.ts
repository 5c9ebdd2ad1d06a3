// The preload bridge: what window.cinefile exposes, built from the contract in electron/ipc.ts, and nothing more.
import type { EventEmitter } from 'node:events';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { channels, ipcContract, MENU_COMMAND_CHANNEL, type BridgeCall, type CinefileBridge } from '../../../electron/ipc';

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
  it('exposes one object holding exactly one function per contract verb, plus onMenuCommand (no ipcRenderer, no send/on)', () => {
    expect([...electron.exposed.keys()]).toEqual(['cinefile']);
    const verbs = channels.map((channel) => ipcContract[channel].verb);
    expect(new Set(verbs).size, 'two channels share a verb').toBe(verbs.length);
    expect(Object.keys(bridge).sort()).toEqual([...verbs, 'onMenuCommand'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('makes every contract verb invoke its own channel with the request, and return main’s answer', async () => {
    const verbs = bridge as unknown as Record<string, (request: unknown) => Promise<unknown>>;
    for (const channel of channels) {
      electron.invoke.mockClear();
      const request = { sentTo: channel };
      await expect(verbs[ipcContract[channel].verb]?.(request), channel).resolves.toBe('answer');
      expect(electron.invoke.mock.calls, channel).toEqual([[channel, request]]);
    }
  });

  it('saves and opens files through file:save and file:open', async () => {
    electron.invoke.mockClear();
    const save = { suggestedName: 'films.json', data: '[]', filters: [] };
    await bridge.saveFile(save);
    await bridge.openFile({ filters: [] });
    expect(electron.invoke.mock.calls).toEqual([
      ['file:save', save],
      ['file:open', { filters: [] }],
    ]);
  });

  it('streams saves and reaches the automatic backups through their own channels', async () => {
    electron.invoke.mockClear();
    const token = crypto.randomUUID();
    await bridge.saveFileBegin({ suggestedName: 'films.cinefile', filters: [] });
    await bridge.saveFileChunk({ token, chunk: new Uint8Array([1]) });
    await bridge.saveFileEnd({ token, cancel: true });
    await bridge.savePdf({ suggestedName: 'list.pdf', html: '<p>' });
    await bridge.autoBackupBegin({ reason: 'quit', films: 2 });
    await bridge.listBackups();
    await bridge.readBackup({ name: 'cinefile-backup-2026-01-01-000000.cinefile' });
    await bridge.revealBackup({ name: 'cinefile-backup-2026-01-01-000000.cinefile' });
    await bridge.quitBackupReady({ ok: true });
    expect((electron.invoke.mock.calls as unknown[][]).map(([channel]) => channel)).toEqual([
      'file:save-begin',
      'file:save-chunk',
      'file:save-end',
      'file:save-pdf',
      'backup:auto-begin',
      'backup:list',
      'backup:read',
      'backup:reveal',
      'backup:quit-ready',
    ]);
    // A verb without a request sends no argument at all (the guard allows at most one, and undefined here).
    expect(electron.invoke.mock.calls[5]).toEqual(['backup:list']);
  });

  it('types a channel whose request schema is v.undefined() as a verb taking no argument', () => {
    expectTypeOf<BridgeCall<undefined, string>>().toEqualTypeOf<() => Promise<string>>();
    expectTypeOf<BridgeCall<{ filters: [] }, null>>().toEqualTypeOf<(request: { filters: [] }) => Promise<null>>();
  });

  it('forwards known menu commands without the IPC event, ignores unknown ones, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onMenuCommand(listener);
    const fakeEvent = { sender: ipcRenderer, ports: [] };

    ipcRenderer.emit(MENU_COMMAND_CHANNEL, fakeEvent, 'add-film');
    ipcRenderer.emit(MENU_COMMAND_CHANNEL, fakeEvent, 'delete-everything');
    ipcRenderer.emit(MENU_COMMAND_CHANNEL, fakeEvent, { toString: () => 'add-film' });
    ipcRenderer.emit(MENU_COMMAND_CHANNEL, fakeEvent, 'backup');
    ipcRenderer.emit(MENU_COMMAND_CHANNEL, fakeEvent, 'restore');
    ipcRenderer.emit(MENU_COMMAND_CHANNEL, fakeEvent, 'backup-before-quit');
    expect(listener.mock.calls).toEqual([['add-film'], ['backup'], ['restore'], ['backup-before-quit']]);

    unsubscribe();
    ipcRenderer.emit(MENU_COMMAND_CHANNEL, fakeEvent, 'show-library');
    expect(listener).toHaveBeenCalledTimes(4);
    expect(ipcRenderer.listenerCount(MENU_COMMAND_CHANNEL)).toBe(0);
  });
});
