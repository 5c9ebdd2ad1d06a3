import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

// menu.ts imports Menu/BrowserWindow/app for installMenu(); buildMenuTemplate itself needs none of them.
vi.mock('electron', () => ({ app: {}, BrowserWindow: {}, Menu: {} }));
const { buildMenuTemplate } = await import('../../../electron/main/menu');

const submenuOf = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  Array.isArray(item?.submenu) ? item.submenu : [];

/** Finds an item by label, anywhere one level down, and "clicks" it as Electron would. */
function click(template: MenuItemConstructorOptions[], label: string): void {
  const item = template.flatMap(submenuOf).find((entry) => entry.label === label);
  if (!item?.click) throw new Error(`no clickable "${label}"`);
  item.click({} as never, undefined, {} as never);
}

describe('buildMenuTemplate', () => {
  for (const isMac of [false, true]) {
    const platform = isMac ? 'macOS' : 'Windows/Linux';

    it(`${platform}: has the standard Edit, View and Window menus (copy/paste, zoom, minimise)`, () => {
      const roles = buildMenuTemplate(isMac, { sendCommand: vi.fn(), showAbout: vi.fn() }).map((item) => item.role);
      expect(roles).toEqual(expect.arrayContaining(['editMenu', 'viewMenu', 'windowMenu']));
    });

    it(`${platform}: File ▸ Add Film… (Ctrl/Cmd+N), Library (Ctrl/Cmd+L) and Import… (Ctrl/Cmd+I) send their commands`, () => {
      const sendCommand = vi.fn();
      const template = buildMenuTemplate(isMac, { sendCommand, showAbout: vi.fn() });
      const file = template.find((item) => item.label === '&File');
      expect(submenuOf(file).find((item) => item.label === 'Add Film…')?.accelerator).toBe('CmdOrCtrl+N');
      expect(submenuOf(file).find((item) => item.label === 'Library')?.accelerator).toBe('CmdOrCtrl+L');
      expect(submenuOf(file).find((item) => item.label === 'Import…')?.accelerator).toBe('CmdOrCtrl+I');

      click(template, 'Add Film…');
      click(template, 'Library');
      click(template, 'Import…');
      expect(sendCommand.mock.calls).toEqual([['add-film'], ['show-library'], ['import']]);
    });

    it(`${platform}: File ▸ Back Up… (Ctrl/Cmd+Shift+B) and Restore… send 'backup' and 'restore'`, () => {
      const sendCommand = vi.fn();
      const template = buildMenuTemplate(isMac, { sendCommand, showAbout: vi.fn() });
      const file = submenuOf(template.find((item) => item.label === '&File'));
      expect(file.find((item) => item.label === 'Back Up…')?.accelerator).toBe('CmdOrCtrl+Shift+B');
      const labels = file.map((item) => item.label ?? item.type ?? item.role);
      expect(labels.indexOf('Back Up…')).toBeGreaterThan(labels.indexOf('Import…'));
      expect(labels.indexOf('Restore…')).toBe(labels.indexOf('Back Up…') + 1);

      click(template, 'Back Up…');
      click(template, 'Restore…');
      expect(sendCommand.mock.calls).toEqual([['backup'], ['restore']]);
    });

    it(`${platform}: no two menu items share an accelerator`, () => {
      const template = buildMenuTemplate(isMac, { sendCommand: vi.fn(), showAbout: vi.fn() });
      const accelerators = template.flatMap(submenuOf).flatMap((item) => (item.accelerator ? [item.accelerator] : []));
      expect(new Set(accelerators).size).toBe(accelerators.length);
    });

    it(`${platform}: Help ▸ About Cinefile shows the about panel`, () => {
      const showAbout = vi.fn();
      click(buildMenuTemplate(isMac, { sendCommand: vi.fn(), showAbout }), 'About Cinefile');
      expect(showAbout).toHaveBeenCalledTimes(1);
    });
  }

  it('puts the app menu first and Close (not Quit) in File on macOS only', () => {
    const mac = buildMenuTemplate(true, { sendCommand: vi.fn(), showAbout: vi.fn() });
    const other = buildMenuTemplate(false, { sendCommand: vi.fn(), showAbout: vi.fn() });
    expect(mac[0]?.role).toBe('appMenu');
    expect(other.some((item) => item.role === 'appMenu')).toBe(false);
    const lastFileRole = (template: MenuItemConstructorOptions[]): string | undefined =>
      submenuOf(template.find((item) => item.label === '&File')).at(-1)?.role;
    expect(lastFileRole(mac)).toBe('close');
    expect(lastFileRole(other)).toBe('quit');
  });
});
