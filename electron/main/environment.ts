/** Facts about the running app that several main modules need, read in one place. */
import { app } from 'electron';
import { trustedOrigins, type OriginContext } from './origins';

/** Whether this is a packaged build, and the dev server URL `electron-vite dev` passed in (if any). */
export function originContext(): OriginContext {
  return { isPackaged: app.isPackaged, rendererUrl: process.env['ELECTRON_RENDERER_URL'] };
}

/** The origins allowed to show in the window and to call IPC right now. */
export function currentTrustedOrigins(): string[] {
  return trustedOrigins(originContext());
}
