/**
 * Cinefile's native menu. The template is built by a pure function so tests can check it without Electron;
 * `installMenu()` wires it to the focused window.
 */
import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../ipc';

export interface MenuActions {
  /** Delivers a command to the renderer of the focused window. */
  sendCommand(command: MenuCommand): void;
  showAbout(): void;
}

export function buildMenuTemplate(isMac: boolean, actions: MenuActions): MenuItemConstructorOptions[] {
  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Add Film…', accelerator: 'CmdOrCtrl+N', click: () => actions.sendCommand('add-film') },
      { label: 'Library', accelerator: 'CmdOrCtrl+L', click: () => actions.sendCommand('show-library') },
      { type: 'separator' },
      { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => actions.sendCommand('import') },
      { type: 'separator' },
      { label: 'Back Up…', accelerator: 'CmdOrCtrl+Shift+B', click: () => actions.sendCommand('backup') },
      { label: 'Restore…', click: () => actions.sendCommand('restore') },
      { type: 'separator' },
      // macOS apps close windows from File and quit from the app menu; elsewhere File ends with Quit/Exit.
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: 'About Cinefile', click: () => actions.showAbout() }],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    fileMenu,
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    helpMenu,
  ];
}

export function installMenu(): void {
  const template = buildMenuTemplate(process.platform === 'darwin', {
    sendCommand: (command) => BrowserWindow.getFocusedWindow()?.webContents.send(MENU_COMMAND_CHANNEL, command),
    showAbout: () => app.showAboutPanel(),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
