/**
 * The one recipe for Cinefile's window. Every security-relevant preference is spelled out here, even where it
 * matches Electron's default, so a reader (or a future default change) cannot silently loosen it.
 */
import { join } from 'node:path';
import { app, BrowserWindow, screen, type Rectangle } from 'electron';
import { currentTrustedOrigins, originContext } from './environment';
import { APP_ORIGIN, devServerOrigin } from './origins';
import { guardWebContents } from './security';
import { loadWindowState, MIN_WINDOW_SIZE, trackWindowState } from './window-state';

/** Work areas of every display, primary first (the default window is centred on the primary one). */
function displayWorkAreas(): Rectangle[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return [primary, ...others].map((display) => display.workArea);
}

export function createMainWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(stateFile, displayWorkAreas());

  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Cinefile',
    // Same colour as the app background, so the first frame is not a white flash.
    backgroundColor: '#14110f',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chromium's spellchecker downloads dictionaries from Google on Windows and Linux; Cinefile stays offline.
      spellcheck: false,
    },
  });

  if (state.isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  trackWindowState(window, stateFile);

  guardWebContents(window.webContents, currentTrustedOrigins());

  // In `electron-vite dev` the page comes from Vite's server (hot reload); otherwise from the built files.
  const context = originContext();
  const devServer = devServerOrigin(context);
  const startUrl = devServer === null ? `${APP_ORIGIN}/index.html` : (context.rendererUrl ?? devServer);
  window.loadURL(startUrl).catch((error: unknown) => console.error('Cinefile: the window could not load', error));
  return window;
}
