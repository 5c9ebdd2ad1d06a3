/**
 * The window's guards against leaving Cinefile: no navigation away from the app, no new windows, no <webview>,
 * and no permissions beyond keeping its own storage. Links to the web are handed to the system browser instead
 * (https only).
 */
import { shell, type Session, type WebContents } from 'electron';
import { isExternalHttpsUrl, isTrustedUrl } from './origins';

/** Hands an https:// URL to the system browser; anything else is dropped. Never awaited by navigation guards. */
function openOutside(url: string): void {
  if (!isExternalHttpsUrl(url)) return;
  shell.openExternal(url).catch((error: unknown) => console.warn('Cinefile: could not open a link', error));
}

/** Applies the navigation, pop-up and <webview> rules to one window's contents. */
export function guardWebContents(contents: WebContents, origins: readonly string[]): void {
  // A link or script that would replace the app page: stay put; a web link opens in the browser instead.
  const stayInApp = (event: { preventDefault(): void }, url: string): void => {
    if (isTrustedUrl(url, origins)) return;
    event.preventDefault();
    openOutside(url);
  };
  contents.on('will-navigate', stayInApp);
  // Server redirects could bounce a trusted URL somewhere else; same rule.
  contents.on('will-redirect', stayInApp);

  // target=_blank and window.open never create an Electron window (it would escape these guards).
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });

  // <webview> would embed arbitrary pages with their own preferences; Cinefile never uses one.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The one permission the catalog window may have. Electron reports `navigator.storage.persist()` as
 * 'persistent-storage' (Chromium's DURABLE_STORAGE), though its typings do not list it; granted, the catalog is
 * never evicted when the disk runs low.
 */
export const PERSISTENT_STORAGE = 'persistent-storage';

/** Whether a permission asked by `origin` is the storage persistence of one of Cinefile's own pages. */
export function grantsPermission(permission: string, url: string, origins: readonly string[]): boolean {
  return permission === PERSISTENT_STORAGE && isTrustedUrl(url, origins);
}

/**
 * The catalog window's session: its own pages may keep their storage persistent; everything else (camera,
 * microphone, location, notifications, MIDI, HID, USB, serial, clipboard, other origins) is refused.
 */
export function allowOnlyPersistentStorage(session: Session, origins: readonly string[]): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(grantsPermission(permission, details.requestingUrl, origins)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    grantsPermission(permission, requestingOrigin, origins),
  );
  session.setDevicePermissionHandler(() => false);
}

/** A session that needs nothing at all (the hidden PDF window): refuse every permission. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
