/**
 * The pure pieces of `npm start`'s browser version (electron/start.mjs): its address, the one line saying why the
 * desktop window cannot open, and how (or whether) to open a browser on this machine.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const DEFAULT_PORT = 4173;

/**
 * The browser version's address: vite.config.ts serves on 127.0.0.1 at PORT, 4173 by default.
 * @param {Record<string, string | undefined>} [env]
 * @returns {string | null} null when PORT is not a usable port number
 */
export function previewUrl(env = process.env) {
  const raw = env['PORT'];
  if (raw === undefined) return `http://127.0.0.1:${DEFAULT_PORT}`;
  const port = Number(raw);
  return /^\d+$/.test(raw.trim()) && port >= 1 && port <= 65_535 ? `http://127.0.0.1:${port}` : null;
}

/**
 * The one line printed when the desktop window cannot open.
 * @param {string} reason
 * @param {string} url
 */
export function fallbackMessage(reason, url) {
  const line = `Cinefile: ${reason}, so the desktop window cannot open; serving Cinefile for your browser at ${url}`;
  return `${line.replace(/\s*[\r\n]+\s*/g, ' ')} instead.`;
}

/**
 * True when an executable named `name` is on env.PATH.
 * @param {string} name
 * @param {Record<string, string | undefined>} [env]
 */
export function onPath(name, env = process.env) {
  return (env['PATH'] ?? '').split(delimiter).some((folder) => {
    if (folder === '') return false;
    try {
      const file = join(folder, name);
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * How to open a URL in the default browser on this machine, or why it cannot be done: `open` on macOS,
 * `start` on Windows, and elsewhere `xdg-open` when it is installed and there is a display to show a browser on;
 * nowhere when BROWSER=none.
 * @param {string} url
 * @param {{ platform?: NodeJS.Platform, env?: Record<string, string | undefined>, which?: (name: string) => boolean }} [options]
 * @returns {{ command: string, args: string[], verbatim: boolean } | { command: null, why: string }}
 */
export function browserOpener(
  url,
  { platform = process.platform, env = process.env, which = (name) => onPath(name, env) } = {},
) {
  // As for Vite's own `--open`: BROWSER=none means "do not open one".
  if (env['BROWSER'] === 'none') return { command: null, why: 'BROWSER=none' };
  if (platform === 'darwin') return { command: 'open', args: [url], verbatim: false };
  // `start` is built into cmd; its first quoted argument is a window title, hence the empty "".
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url], verbatim: true };
  if (!env['DISPLAY'] && !env['WAYLAND_DISPLAY']) return { command: null, why: 'no display' };
  if (!which('xdg-open')) return { command: null, why: 'xdg-open is not installed' };
  return { command: 'xdg-open', args: [url], verbatim: false };
}

/**
 * The line that asks for the URL to be opened by hand.
 * @param {string} url
 * @param {string} why
 */
export function openByHandMessage(url, why) {
  return `Cinefile: no browser can be opened from here (${why}); open ${url} in a browser to use Cinefile.`;
}
