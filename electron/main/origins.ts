/**
 * Which web origins main treats as "Cinefile itself". The navigation guards and the IPC guard both ask this one
 * place, so a page can never be trusted by one check and refused by the other.
 */

/** The origin the packaged renderer is served from (see protocol.ts). */
export const APP_ORIGIN = 'app://cinefile';

export interface OriginContext {
  /** `app.isPackaged`: a packaged build never trusts a dev server, whatever the environment says. */
  isPackaged: boolean;
  /** `process.env.ELECTRON_RENDERER_URL`, set by `electron-vite dev` to its Vite server. */
  rendererUrl: string | undefined;
}

/** The dev server's origin when running `electron-vite dev`, otherwise null. */
export function devServerOrigin(context: OriginContext): string | null {
  if (context.isPackaged || !context.rendererUrl) return null;
  const origin = originOf(context.rendererUrl);
  // Only a plain local http server counts; anything else in the variable is a mistake or an attack.
  if (origin === null || !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+$/.test(origin)) return null;
  return origin;
}

/** Every origin whose pages may talk to main: always the app, plus the dev server in development. */
export function trustedOrigins(context: OriginContext): string[] {
  const dev = devServerOrigin(context);
  return dev === null ? [APP_ORIGIN] : [APP_ORIGIN, dev];
}

/** True when `url` parses and belongs to one of `origins`. Malformed URLs are never trusted. */
export function isTrustedUrl(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}

/** True only for https:// links: the one kind Cinefile hands to the system browser. */
export function isExternalHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * `new URL(...).origin` is the string "null" for non-special schemes in Node and Chromium alike (app: is one of
 * them), so the origin is rebuilt from protocol and host, which both parse the same everywhere.
 */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.host === '') return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}
