/**
 * The window's guards (electron/main/security.ts): navigation, pop-ups and <webview> kept inside the app, web links
 * handed to the system browser, and the permissions each session may have.
 */
import type { HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GuardedContents } from './fake-web-contents';

const openExternal = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock('electron', () => ({ shell: { openExternal } }));
const { allowOnlyPersistentStorage, denyAllPermissions, guardWebContents } = await import('../../../electron/main/security');

let contents: GuardedContents;
beforeEach(() => {
  openExternal.mockClear();
  contents = new GuardedContents();
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

type RequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
type CheckHandler = (wc: unknown, permission: string, requestingOrigin: string, details: unknown) => boolean;

/** A session stand-in that keeps the handlers installed on it, to be called the way Electron calls them. */
function fakeSession() {
  const handlers: { request?: RequestHandler; check?: CheckHandler; device?: (details: unknown) => boolean } = {};
  const session = {
    setPermissionRequestHandler: (handler: RequestHandler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: CheckHandler) => (handlers.check = handler),
    setDevicePermissionHandler: (handler: (details: unknown) => boolean) => (handlers.device = handler),
  };
  /** What a page at `url` is told when it asks for `permission`: [request answer, check answer]. */
  const ask = (permission: string, url: string): [boolean | undefined, boolean | undefined] => {
    let granted: boolean | undefined;
    handlers.request?.(null, permission, (answer) => (granted = answer), { requestingUrl: url });
    // Electron passes the origin as scheme://host[:port], also for the registered app:// scheme.
    const origin = /^[a-z]+:\/\/[^/]*/.exec(url)?.[0] ?? url;
    return [granted, handlers.check?.(null, permission, origin, {})];
  };
  return { session: session as unknown as Session, handlers, ask };
}

const otherPermissions = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'storage-access', 'unknown'];

describe('allowOnlyPersistentStorage (the catalog window)', () => {
  it("lets Cinefile's own pages keep their storage persistent (navigator.storage.persist)", () => {
    const { session, ask } = fakeSession();
    allowOnlyPersistentStorage(session, ['app://cinefile']);
    expect(ask('persistent-storage', 'app://cinefile/index.html#/settings')).toEqual([true, true]);
  });

  it('refuses persistence to any other origin, and every other permission to the app itself', () => {
    const { session, handlers, ask } = fakeSession();
    allowOnlyPersistentStorage(session, ['app://cinefile']);
    for (const url of ['https://example.com/', 'http://127.0.0.1:5173/', 'app://evil/', 'file:///etc/passwd']) {
      expect(ask('persistent-storage', url), url).toEqual([false, false]);
    }
    for (const permission of otherPermissions) {
      expect(ask(permission, 'app://cinefile/index.html'), permission).toEqual([false, false]);
    }
    expect(handlers.device?.({ deviceType: 'usb' })).toBe(false);
  });

  it('treats the development server as the app only when it is one of the trusted origins', () => {
    const { session, ask } = fakeSession();
    allowOnlyPersistentStorage(session, ['app://cinefile', 'http://localhost:5173']);
    expect(ask('persistent-storage', 'http://localhost:5173/')).toEqual([true, true]);
  });
});

describe('denyAllPermissions (the hidden PDF window)', () => {
  it('answers no to every permission request and check, persistence included', () => {
    const { session, handlers: h, ask } = fakeSession();
    denyAllPermissions(session);
    expect(ask('persistent-storage', 'app://cinefile/index.html')).toEqual([false, false]);
    for (const permission of otherPermissions) {
      expect(ask(permission, 'app://cinefile/index.html'), permission).toEqual([false, false]);
    }
    expect(h.device?.({ deviceType: 'usb' })).toBe(false);
  });
});
