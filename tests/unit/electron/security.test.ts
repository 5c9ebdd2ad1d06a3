import { EventEmitter } from 'node:events';
import type { HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock('electron', () => ({ shell: { openExternal } }));
const { denyAllPermissions, guardWebContents } = await import('../../../electron/main/security');

/** A webContents stand-in: real events, plus the window-open handler the guard installs. */
class FakeContents extends EventEmitter {
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }
  /** Emits `name` like Electron does and reports whether a listener vetoed it. */
  attempt(name: string, url: string): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

let contents: FakeContents;
beforeEach(() => {
  openExternal.mockClear();
  contents = new FakeContents();
  guardWebContents(contents as unknown as WebContents, ['app://cinefile']);
});

describe('guardWebContents', () => {
  it('lets the app navigate within its own origin', () => {
    expect(contents.attempt('will-navigate', 'app://cinefile/index.html#/lists')).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('keeps the window on the app when a link points at the web, opening it in the system browser', () => {
    expect(contents.attempt('will-navigate', 'https://www.themoviedb.org/')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://www.themoviedb.org/');
  });

  it('blocks navigation and redirects to non-https places without opening anything', () => {
    for (const url of ['file:///etc/passwd', 'http://example.com/', 'javascript:alert(1)', 'app://evil/']) {
      expect(contents.attempt('will-navigate', url), url).toBe(true);
      expect(contents.attempt('will-redirect', url), url).toBe(true);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('never opens a new Electron window; https pop-ups go to the system browser instead', () => {
    const open = (url: string): WindowOpenHandlerResponse | undefined =>
      contents.openHandler?.({ url } as HandlerDetails);
    expect(open('https://letterboxd.com/')).toEqual({ action: 'deny' });
    expect(open('app://cinefile/index.html')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://letterboxd.com/']]);
  });

  it('refuses to attach a <webview>', () => {
    expect(contents.attempt('will-attach-webview', 'https://example.com/')).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('answers no to every permission request and check', () => {
    let requestHandler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let checkHandler: ((...args: unknown[]) => boolean) | undefined;
    let deviceHandler: ((...args: unknown[]) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (handler: typeof requestHandler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
      setDevicePermissionHandler: (handler: typeof deviceHandler) => (deviceHandler = handler),
    };
    denyAllPermissions(session as unknown as Session);

    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler?.(null, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(checkHandler?.(null, permission, 'app://cinefile', {}), permission).toBe(false);
    }
    expect(deviceHandler?.({ deviceType: 'usb' })).toBe(false);
  });
});
