// The Electron side of renderer/src/platform: every bridge verb is passed through with Electron's IPC error prefix
// removed, so the person reads main's own message.
import { describe, expect, it, vi } from 'vitest';
import { channels, ipcContract, type CinefileBridge } from '../../electron/ipc';
import { electronPlatform } from '../../renderer/src/platform/platform';

/** A bridge like the preload's, whose every verb fails the way ipcRenderer.invoke reports a handler's throw. */
function failingBridge(): CinefileBridge {
  const verbs = Object.fromEntries(
    channels.map((channel) => [
      ipcContract[channel].verb,
      vi.fn(async () => {
        throw new Error(`Error invoking remote method '${channel}': Error: ${channel} went wrong`);
      }),
    ]),
  );
  return { ...verbs, onMenuCommand: vi.fn(() => () => undefined) } as unknown as CinefileBridge;
}

describe('electronPlatform', () => {
  it('offers every bridge verb, and says it is Electron', () => {
    const bridge = failingBridge();
    const platform = electronPlatform(bridge);
    expect(platform.kind).toBe('electron');
    expect(Object.keys(platform).sort()).toEqual([...Object.keys(bridge), 'kind'].sort());
    expect(platform.onMenuCommand).toBe(bridge.onMenuCommand);
  });

  it('rejects with main’s own message, without the IPC prefix, on every verb', async () => {
    const bridge = failingBridge();
    const verbs = electronPlatform(bridge) as unknown as Record<string, (request: unknown) => Promise<unknown>>;
    for (const channel of channels) {
      const verb = ipcContract[channel].verb;
      const request = { for: channel };
      await expect(verbs[verb]?.(request), verb).rejects.toThrow(new Error(`${channel} went wrong`));
      expect((bridge as unknown as Record<string, unknown>)[verb], verb).toHaveBeenCalledWith(request);
    }
  });

  it('resolves with the bridge’s answer unchanged', async () => {
    const opened = { fileName: 'poster.png', bytes: new Uint8Array([1, 2, 3]) };
    const bridge = { ...failingBridge(), openFile: vi.fn(async () => opened) };
    await expect(electronPlatform(bridge).openFile({ filters: [] })).resolves.toBe(opened);
  });
});
