/**
 * What `npm start` runs: build Cinefile and open its desktop window with `electron-vite preview`. Electron's
 * binary is downloaded by its install script, which can be skipped or fail (offline machines, CI); then this
 * says so in one line and points at the browser version, instead of a stack trace from deep inside Electron.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

export const MISSING_ELECTRON_MESSAGE =
  "Cinefile: Electron's binary is not installed on this machine (its download was skipped or failed), so the " +
  'desktop window cannot open. Run "npm run web" to use Cinefile in your browser at http://127.0.0.1:4173.';

/**
 * The Electron executable that `electron-vite preview` would launch, or null when there is none. Mirrors
 * electron-vite: ELECTRON_EXEC_PATH wins; otherwise the `electron` package's index.js, which throws when its
 * path.txt is missing (download skipped). A path that is named but absent counts as missing too.
 * @param {{ env?: Record<string, string | undefined>, resolveElectron?: () => unknown, exists?: (path: string) => boolean }} [options]
 * @returns {string | null}
 */
export function findElectronBinary({
  env = process.env,
  resolveElectron = () => require('electron'),
  exists = existsSync,
} = {}) {
  let candidate = env['ELECTRON_EXEC_PATH'] || undefined;
  if (candidate === undefined) {
    try {
      const resolved = resolveElectron();
      candidate = typeof resolved === 'string' ? resolved : undefined;
    } catch {
      candidate = undefined;
    }
  }
  return candidate !== undefined && exists(candidate) ? candidate : null;
}

/** Runs `electron-vite preview` (build, then open the window) with this process's stdio and exit code. */
function startDesktopApp() {
  if (findElectronBinary() === null) {
    process.stderr.write(`${MISSING_ELECTRON_MESSAGE}\n`);
    process.exit(1);
  }
  // The package's own JS entry run by this Node, rather than node_modules/.bin, which is a .cmd shim on Windows.
  const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const child = spawn(process.execPath, [cli, 'preview', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  // Stay alive until the child has shut down, so its exit code is the one npm sees.
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
}

// Run only as a script, so tests can import findElectronBinary without launching anything.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) startDesktopApp();
