// file:save-pdf: the Save dialog, the hidden sandboxed print window, printToPDF's options, the file, the time-out.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_PDF_HTML_CHARS } from '../../../electron/ipc';
import { fake, FakeBrowserWindow, fakeContents, invokeAs } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { registerIpcHandlers } = await import('../../../electron/main/ipc-handlers');
const { PDF_OPTIONS, PRINT_CONTENT_SECURITY_POLICY, PRINT_PARTITION } = await import('../../../electron/main/pdf');
registerIpcHandlers();

const root = mkdtempSync(join(tmpdir(), 'cinefile-pdf-'));
fake.documents = join(root, 'Documents');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const renderer = fakeContents();
const html = '<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"><h1>Red Hot</h1>';
let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(root, 'case-'));
  fake.showSaveDialog.mockReset();
  fake.servedPages.length = 0;
  FakeBrowserWindow.created.length = 0;
  fake.printToPDF = () => Promise.resolve(Buffer.from('%PDF-1.7 fake'));
});
afterEach(() => vi.useRealTimers());

const lastWindow = (): FakeBrowserWindow => {
  const window = FakeBrowserWindow.created.at(-1);
  if (!window) throw new Error('no print window was made');
  return window;
};

describe('file:save-pdf', () => {
  it('asks where (PDF filter, in Documents), prints the HTML in a hidden sandboxed window, writes the PDF, closes the window', async () => {
    const chosen = join(folder, 'Watchlist.pdf');
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });

    await expect(invokeAs(renderer, 'file:save-pdf', { suggestedName: 'watchlist.pdf', html })).resolves.toEqual({
      savedTo: chosen,
    });
    expect(fake.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: join(fake.documents, 'watchlist.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    const window = lastWindow();
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    expect(window.options).not.toHaveProperty('webPreferences.preload');
    expect(window.contents.printToPDF).toHaveBeenCalledWith(PDF_OPTIONS);
    expect(PDF_OPTIONS).toMatchObject({ printBackground: true, pageSize: 'A4' });
    expect(readFileSync(chosen, 'utf8')).toBe('%PDF-1.7 fake');
    expect(readdirSync(folder)).toEqual(['Watchlist.pdf']);
    expect(window.destroy).toHaveBeenCalledTimes(1);
  });

  it('serves the page from memory on app://print/ in its own session, with a strict CSP, and nothing else', async () => {
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(folder, 'a.pdf') });
    await invokeAs(renderer, 'file:save-pdf', { suggestedName: 'a.pdf', html });
    expect(fake.partitions).toEqual([PRINT_PARTITION]);
    const [served] = fake.servedPages;
    expect(served?.url).toMatch(/^app:\/\/print\/[0-9a-f-]{36}\.html$/);
    expect(served?.status).toBe(200);
    expect(served?.html).toBe(html);
    expect(served?.headers?.get('Content-Security-Policy')).toBe(PRINT_CONTENT_SECURITY_POLICY);
    expect(PRINT_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");

    // Once printed the page is gone, and no other URL was ever served.
    const serve = fake.printProtocol.get('app');
    for (const url of [served?.url ?? '', 'app://cinefile/index.html', 'app://print/../../etc/passwd']) {
      expect((await serve?.({ url }))?.status, url).toBe(404);
    }
  });

  it('keeps the print window on its page: navigation, redirects, pop-ups and webviews are refused', async () => {
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(folder, 'b.pdf') });
    await invokeAs(renderer, 'file:save-pdf', { suggestedName: 'b.pdf', html });
    const window = lastWindow();
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      window.contents.emit(event, { preventDefault }, 'https://evil.example/');
      expect(preventDefault, event).toHaveBeenCalled();
    }
    const openHandler = window.contents.setWindowOpenHandler.mock.calls[0]?.[0] as () => unknown;
    expect(openHandler()).toEqual({ action: 'deny' });
  });

  it('makes no window and writes nothing when the person cancels the dialog', async () => {
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(invokeAs(renderer, 'file:save-pdf', { suggestedName: 'c.pdf', html })).resolves.toEqual({
      savedTo: null,
    });
    expect(FakeBrowserWindow.created).toEqual([]);
  });

  it('gives up after 30 seconds with a clear message, closing the window and keeping the old file', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const chosen = join(folder, 'slow.pdf');
    writeFileSync(chosen, 'the old PDF');
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    fake.printToPDF = () => new Promise<Buffer>(() => undefined);

    const failure = invokeAs(renderer, 'file:save-pdf', { suggestedName: 'slow.pdf', html }).catch((error: unknown) => error);
    // setImmediate is not faked: let the dialog answer and the window open without moving the clock.
    while (FakeBrowserWindow.created.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(lastWindow().destroy).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(await failure).toEqual(new Error('Making the PDF took longer than 30 seconds, so nothing was saved.'));
    expect(lastWindow().destroy).toHaveBeenCalledTimes(1);
    expect(readFileSync(chosen, 'utf8')).toBe('the old PDF');
    expect(readdirSync(folder)).toEqual(['slow.pdf']);
  });

  it('reports a print failure as such, and still closes the window', async () => {
    const chosen = join(folder, 'broken.pdf');
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    fake.printToPDF = () => Promise.reject(new Error('Printing failed'));
    await expect(invokeAs(renderer, 'file:save-pdf', { suggestedName: 'broken.pdf', html })).rejects.toThrow(
      'Could not make the PDF: Printing failed',
    );
    expect(lastWindow().destroy).toHaveBeenCalledTimes(1);
    expect(existsSync(chosen)).toBe(false);
  });

  it('refuses HTML over 50 MB and a suggested name with folders, before any dialog', async () => {
    await expect(
      invokeAs(renderer, 'file:save-pdf', { suggestedName: 'big.pdf', html: 'x'.repeat(MAX_PDF_HTML_CHARS + 1) }),
    ).rejects.toThrow(/^file:save-pdf: invalid request at html/);
    await expect(invokeAs(renderer, 'file:save-pdf', { suggestedName: '../x.pdf', html })).rejects.toThrow(
      /^file:save-pdf: invalid request at suggestedName/,
    );
    expect(fake.showSaveDialog).not.toHaveBeenCalled();
  });
});
