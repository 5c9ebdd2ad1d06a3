// The browser stand-in (renderer/src/platform/browser.ts): every bridge verb exists; a streamed save becomes one
// download; a PDF goes through the print dialog; automatic backups say they need the desktop app.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, ipcContract } from '../../electron/ipc';
import { browserPlatform, DESKTOP_ONLY_BACKUPS } from '../../renderer/src/platform/browser';

let downloads: { name: string; blob: Blob }[];
beforeEach(() => {
  downloads = [];
  const blobs = new Map<string, Blob>();
  // jsdom has no object URLs and does not download: record what would have been saved, and under which name.
  vi.stubGlobal('URL', Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    }),
    revokeObjectURL: vi.fn(),
  }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href) ?? new Blob() });
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const bytesOf = async (blob: Blob): Promise<number[]> => [...new Uint8Array(await blob.arrayBuffer())];

describe('browserPlatform', () => {
  it('is the browser, and offers every verb of the contract plus onMenuCommand', () => {
    const platform = browserPlatform();
    expect(platform.kind).toBe('browser');
    const verbs = channels.map((channel) => ipcContract[channel].verb);
    expect(Object.keys(platform).sort()).toEqual([...verbs, 'kind', 'onMenuCommand'].sort());
  });

  it('streams a save into one download of exactly the chunks, under the suggested name', async () => {
    const platform = browserPlatform();
    const begun = await platform.saveFileBegin({ suggestedName: 'cinefile-backup.cinefile', filters: [] });
    expect(begun).toEqual({ token: expect.stringMatching(/^[0-9a-f-]{36}$/), fileName: 'cinefile-backup.cinefile' });
    if (begun === null) throw new Error('the browser never cancels');

    const reused = new Uint8Array([1, 2, 3]);
    await platform.saveFileChunk({ token: begun.token, chunk: reused });
    // A caller reusing its buffer cannot change what was already handed over.
    reused.set([9, 9, 9]);
    await platform.saveFileChunk({ token: begun.token, chunk: new Uint8Array([4]) });
    expect(downloads).toEqual([]);

    await expect(platform.saveFileEnd({ token: begun.token })).resolves.toEqual({ savedTo: 'cinefile-backup.cinefile' });
    expect(downloads.map((download) => download.name)).toEqual(['cinefile-backup.cinefile']);
    expect(await bytesOf(downloads[0]!.blob)).toEqual([1, 2, 3, 4]);
  });

  it('cancelled, downloads nothing; a spent or unknown token is refused as main refuses it', async () => {
    const platform = browserPlatform();
    const begun = await platform.saveFileBegin({ suggestedName: 'x.json', filters: [] });
    if (begun === null) throw new Error('the browser never cancels');
    await platform.saveFileChunk({ token: begun.token, chunk: new Uint8Array([1]) });
    await expect(platform.saveFileEnd({ token: begun.token, cancel: true })).resolves.toEqual({ savedTo: null });
    expect(downloads).toEqual([]);

    await expect(platform.saveFileEnd({ token: begun.token })).rejects.toThrow('This save is not open.');
    await expect(
      platform.saveFileChunk({ token: crypto.randomUUID(), chunk: new Uint8Array([1]) }),
    ).rejects.toThrow('This save is not open.');
  });

  it('still saves small files in one go', async () => {
    await expect(browserPlatform().saveFile({ suggestedName: 'films.csv', data: 'Name\n', filters: [] })).resolves.toEqual({
      savedTo: 'films.csv',
    });
    expect(downloads.map((download) => download.name)).toEqual(['films.csv']);
  });

  it('prints a PDF through the print dialog of a script-less frame, answers savedTo: null, and removes the frame', async () => {
    const html = '<!doctype html><title>Watchlist</title><h1>Red Hot</h1>';
    const saving = browserPlatform().savePdf({ suggestedName: 'watchlist.pdf', html });
    const frame = document.querySelector('iframe');
    if (frame === null) throw new Error('no print frame');
    expect(frame.srcdoc).toBe(html);
    expect(frame.getAttribute('sandbox')?.split(' ').sort()).toEqual(['allow-modals', 'allow-same-origin']);
    expect(frame.getAttribute('aria-hidden')).toBe('true');

    const view = frame.contentWindow;
    if (view === null) throw new Error('no print frame window');
    const print = vi.fn();
    view.print = print;
    frame.dispatchEvent(new Event('load'));
    expect(print).toHaveBeenCalledTimes(1);
    await expect(saving).resolves.toEqual({ savedTo: null });

    // The frame stays until the browser says printing is over (Firefox's dialog may still be showing it).
    expect(document.querySelector('iframe')).toBe(frame);
    view.dispatchEvent(new Event('afterprint'));
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('removes a frame whose print never reported its end when the next print starts', async () => {
    const platform = browserPlatform();
    const printNext = async (html: string): Promise<void> => {
      const saving = platform.savePdf({ suggestedName: 'a.pdf', html });
      const frames = document.querySelectorAll('iframe');
      const frame = frames[frames.length - 1]!;
      frame.contentWindow!.print = vi.fn();
      frame.dispatchEvent(new Event('load'));
      await saving;
    };
    await printNext('<p>one</p>');
    await printNext('<p>two</p>');
    expect([...document.querySelectorAll('iframe')].map((frame) => frame.srcdoc)).toEqual(['<p>two</p>']);
    document.querySelector('iframe')?.remove();
  });

  it('says automatic backups need the desktop app, lists none, and has nothing to answer before quitting', async () => {
    const platform = browserPlatform();
    await expect(platform.autoBackupBegin({ reason: 'daily', films: 1 })).rejects.toThrow(DESKTOP_ONLY_BACKUPS);
    await expect(platform.readBackup({ name: 'cinefile-backup-2026-01-01-000000.cinefile' })).rejects.toThrow(
      'Automatic backups need the desktop app.',
    );
    await expect(platform.revealBackup({ name: 'cinefile-backup-2026-01-01-000000.cinefile' })).rejects.toThrow(
      DESKTOP_ONLY_BACKUPS,
    );
    await expect(platform.listBackups()).resolves.toEqual([]);
    await expect(platform.quitBackupReady({ ok: true })).resolves.toBeUndefined();
  });
});
