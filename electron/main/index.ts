/**
 * Cinefile's main process: a thin, suspicious doorman to the operating system. The catalog lives in the
 * renderer; this file only starts the app, serves the renderer, opens one window and answers a few IPC calls.
 */
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { registerIpcHandlers } from './ipc-handlers';
import { installMenu } from './menu';
import { profileFolder } from './profile';
import { registerAppScheme, serveRenderer } from './protocol';
import { holdLastWindowClose, installQuitBackup } from './quit-backup';
import { currentTrustedOrigins } from './environment';
import { allowOnlyPersistentStorage } from './security';
import { createMainWindow } from './window';

// A development run keeps its own profile, and end-to-end tests start each run with a fresh one (profile.ts). This
// must happen before the single-instance lock, which is keyed on the userData folder.
const profile = profileFolder({ override: process.env['CINEFILE_USER_DATA'], isPackaged: app.isPackaged, appData: app.getPath('appData') });
if (profile !== null) app.setPath('userData', profile);

// Chromium fixes scheme privileges at startup, so this cannot wait for 'ready'.
registerAppScheme();

let mainWindow: BrowserWindow | null = null;

/** On Windows and Linux closing the last window quits Cinefile; on macOS the app stays in the dock. */
const closingQuits = (): boolean => process.platform !== 'darwin' && BrowserWindow.getAllWindows().length <= 1;

function openMainWindow(): void {
  mainWindow = createMainWindow();
  // Quitting (or closing the window that quits) first lets the page write an automatic backup: quit-backup.ts.
  holdLastWindowClose(mainWindow, closingQuits);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** A second launch brings the existing window forward instead of opening a second copy on the same database. */
function focusMainWindow(): void {
  if (mainWindow === null) {
    if (app.isReady()) openMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  // Another Cinefile already runs with this profile; it has been told (second-instance) and will show itself.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  installQuitBackup(app, () => mainWindow);
  if (process.platform === 'win32') app.setAppUserModelId('app.cinefile.desktop');

  app
    .whenReady()
    .then(() => {
      allowOnlyPersistentStorage(session.defaultSession, currentTrustedOrigins());
      // The built main file sits in out/main; the renderer was built to out/renderer beside it.
      serveRenderer(join(import.meta.dirname, '../renderer'));
      registerIpcHandlers();
      app.setAboutPanelOptions({ applicationName: 'Cinefile', applicationVersion: app.getVersion() });
      installMenu();
      openMainWindow();

      // macOS keeps apps running without windows; clicking the dock icon opens one again.
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('Cinefile: failed to start', error);
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
