/**
 * What `npm start` runs. With Electron's binary present: build Cinefile and open its desktop window with
 * `electron-vite preview`, as always. npm never runs Electron's download script (package.json `allowScripts`), so
 * on first run the binary is usually missing: then this runs Electron's own installer once (with a time limit)
 * and, if the binary still is not there (offline machines, CI, no access to GitHub), says why in one line and
 * serves the browser version instead (`vite build` + `vite preview`), opening it in the default browser where
 * there is one. Every failure ends in one line and a non-zero exit code, never in a stack trace.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { browserOpener, fallbackMessage, openByHandMessage, previewUrl } from './start/browser-fallback.mjs';

// Its pure pieces are tested through this module, the one `npm start` runs.
export * from './start/browser-fallback.mjs';

const require = createRequire(import.meta.url);

/** How long Electron's installer may take to download the binary (about 100 MB) before we give up on it. */
export const FETCH_TIMEOUT_MS = 120_000;
/** How long the browser version's server may take to answer once started. */
const READY_TIMEOUT_MS = 30_000;

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

/**
 * The one line that says why a child process failed, from its captured output: the error message rather than the
 * stack under it, with colours and code frames stripped, and network failures said plainly ("cannot reach
 * github.com: ENOTFOUND"). Empty when the output says nothing useful.
 * @param {string} output
 * @returns {string}
 */
export function shortReason(output) {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes are exactly what is being removed
  const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split(/\r?\n/).map((line) => line.trim());
  // Stack frames, and the code frames that compilers draw under an error, say where rather than what.
  const codeFrame = /^[\d\s^~│╭╰─╯┬┆|]*[│╭╰─╯┬┆|^~]/;
  const useful = lines.filter((line) => line !== '' && !line.startsWith('at ') && !codeFrame.test(line));
  const networkError = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\b\s*(\S*)/;
  const network = useful.map((line) => networkError.exec(line)).find((match) => match !== null);
  if (network) {
    const [, code, target] = network;
    return target ? `cannot reach ${target}: ${code}` : `network error ${code}`;
  }
  const line =
    useful.find((candidate) => /^\w*Error: /.test(candidate)) ??
    // Rollup-style "[CODE] message" and "[plugin] message" lines, as vite build prints them.
    useful.find((candidate) => /^\[[\w:-]+\] \S/.test(candidate)) ??
    useful.find((candidate) => !candidate.endsWith(':')) ??
    useful[0] ??
    '';
  const message = line.replace(/^\w*Error: /, '');
  return message.length > 160 ? `${message.slice(0, 157)}...` : message;
}

/**
 * @typedef {{ code: number | null, signal: NodeJS.Signals | null, timedOut: boolean, output: string, error?: Error }} RunResult
 * @typedef {(command: string, args: string[], options: { timeoutMs: number, env: NodeJS.ProcessEnv }) => Promise<RunResult>} Runner
 */

/** Children to forward SIGINT/SIGTERM to while this script runs. */
const running = new Set();

/**
 * Runs a command with its output captured (the last 64 kB), killing it after timeoutMs. Never rejects.
 * @type {Runner}
 */
export function runCaptured(command, args, { timeoutMs, env }) {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    /** @type {Error | undefined} */
    let error;
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    const keep = (/** @type {Buffer} */ chunk) => {
      output = (output + chunk.toString()).slice(-65_536);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('error', (err) => {
      error = err;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code, signal, timedOut, output, ...(error ? { error } : {}) });
    });
  });
}

/** Electron's own download script (node_modules/electron/install.js), or null without the electron package. */
function electronInstaller() {
  try {
    return join(dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return null;
  }
}

/**
 * Downloads Electron's binary by running the electron package's own installer (the postinstall npm is told not to
 * run), which honours the user's mirror, cache and proxy settings. Its output is captured; a failure comes back as
 * one short reason.
 * @param {{ installScript?: string | null, run?: Runner, timeoutMs?: number, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<{ ok: true } | { ok: false, reason: string }>}
 */
export async function fetchElectronBinary({
  installScript = electronInstaller(),
  run = runCaptured,
  timeoutMs = FETCH_TIMEOUT_MS,
  env = process.env,
} = {}) {
  if (installScript === null) return { ok: false, reason: 'the electron package is not installed' };
  const result = await run(process.execPath, [installScript], { timeoutMs, env });
  if (result.timedOut) return { ok: false, reason: `no download within ${Math.round(timeoutMs / 1000)} s` };
  if (result.error) return { ok: false, reason: shortReason(result.error.message) || 'its installer did not start' };
  if (result.code === 0) return { ok: true };
  const why = shortReason(result.output);
  return { ok: false, reason: why || `its installer exited with ${result.code ?? result.signal}` };
}

/**
 * Finds Electron's binary, fetching it once when it is missing and a download can help. Without one, the reason
 * completes "…, so the desktop window cannot open".
 * @param {{ env?: Record<string, string | undefined>, find?: () => string | null, fetch?: () => Promise<{ ok: true } | { ok: false, reason: string }> }} [options]
 * @returns {Promise<{ binary: string, reason: null } | { binary: null, reason: string }>}
 */
export async function ensureElectronBinary({
  env = process.env,
  find = () => findElectronBinary({ env }),
  fetch = () => fetchElectronBinary({ env }),
} = {}) {
  const present = find();
  if (present !== null) return { binary: present, reason: null };
  // A named executable is what electron-vite would launch; downloading into node_modules would not change that.
  const named = env['ELECTRON_EXEC_PATH'];
  if (named) return { binary: null, reason: `ELECTRON_EXEC_PATH names ${named}, which does not exist` };
  if (env['ELECTRON_SKIP_BINARY_DOWNLOAD']) {
    return { binary: null, reason: "Electron's binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set" };
  }
  const attempt = await fetch();
  const fetched = find();
  if (fetched !== null) return { binary: fetched, reason: null };
  return {
    binary: null,
    reason: attempt.ok
      ? "Electron's installer finished without leaving a binary"
      : `Electron's binary could not be downloaded (${attempt.reason})`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The script itself.

let stopping = false;

/**
 * Ends with one line on stderr and a non-zero exit code, stopping whatever is still running.
 * @param {string} line
 * @returns {never}
 */
function fail(line, code = 1) {
  process.stderr.write(`${line}\n`);
  for (const child of running) child.kill('SIGTERM');
  process.exit(code);
}

/** Forwards Ctrl+C and SIGTERM to the running children, then exits once they are gone. */
function forwardStopSignals() {
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => {
      stopping = true;
      if (running.size === 0) process.exit(0);
      for (const child of running) child.kill(signal);
    });
  }
}

/** The JS entry of a package's bin, run with this Node rather than node_modules/.bin (a .cmd shim on Windows). */
function binOf(/** @type {string} */ pkg, /** @type {string} */ file) {
  return join(dirname(require.resolve(`${pkg}/package.json`)), 'bin', file);
}

/** Runs `electron-vite preview` (build, then open the window) with this process's stdio and exit code. */
function startDesktopApp() {
  const cli = binOf('electron-vite', 'electron-vite.js');
  const child = spawn(process.execPath, [cli, 'preview', ...process.argv.slice(2)], { stdio: 'inherit' });
  running.add(child);
  child.on('error', (error) => fail(`Cinefile: electron-vite could not start (${shortReason(error.message)}).`));
  // Stay alive until the child has shut down, so its exit code is the one npm sees.
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Resolves true once url answers 200, false when the server stops or time runs out first. */
async function waitUntilServing(/** @type {string} */ url, /** @type {() => boolean} */ alive) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (alive() && Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const request = get(url, (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      });
      request.setTimeout(1_000, () => request.destroy());
      request.on('error', () => resolve(false));
    });
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** Opens url in the default browser, or says in one line (stdout) to open it by hand. */
function openInBrowser(/** @type {string} */ url) {
  const opener = browserOpener(url);
  if (opener.command === null) {
    process.stdout.write(`${openByHandMessage(url, opener.why)}\n`);
    return;
  }
  const { command, args, verbatim } = opener;
  const byHand = (/** @type {string} */ why) => process.stdout.write(`${openByHandMessage(url, why)}\n`);
  const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: verbatim });
  child.on('error', (error) => byHand(`${command}: ${shortReason(error.message)}`));
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) byHand(`${command} exited with code ${code}`);
  });
  child.unref();
}

/** The browser version: build the renderer, serve it with `vite preview`, open it, stay up until stopped. */
async function startBrowserVersion(/** @type {string} */ reason) {
  const url = previewUrl();
  if (url === null) return fail(`Cinefile: PORT must be a port number from 1 to 65535, not "${process.env['PORT']}".`);
  const address = url;
  process.stderr.write(`${fallbackMessage(reason, address)}\n`);

  const vite = binOf('vite', 'vite.js');
  // Vite's usual progress goes to stdout; its stderr (warnings, errors with stacks) is kept for the one-line reason.
  const build = spawn(process.execPath, [vite, 'build'], { stdio: ['ignore', 'inherit', 'pipe'] });
  running.add(build);
  let buildErrors = '';
  build.stderr.on('data', (chunk) => (buildErrors = (buildErrors + chunk.toString()).slice(-65_536)));
  const built = await new Promise((resolve) => {
    build.on('error', (error) => resolve({ code: 1, signal: null, why: error.message }));
    build.on('close', (code, signal) => resolve({ code, signal, why: buildErrors }));
  });
  running.delete(build);
  if (stopping) process.exit(0);
  if (built.code !== 0) {
    const why = shortReason(built.why) || `vite build exited with ${built.code ?? built.signal}`;
    fail(`Cinefile: building the browser version failed (${why}); "npm run web" shows the full output.`);
  }

  const preview = spawn(process.execPath, [vite, 'preview'], { stdio: ['ignore', 'inherit', 'pipe'] });
  running.add(preview);
  let previewErrors = '';
  let previewExit = /** @type {{ code: number | null, signal: string | null } | null} */ (null);
  preview.stderr.on('data', (chunk) => (previewErrors = (previewErrors + chunk.toString()).slice(-65_536)));
  preview.on('error', (error) =>
    fail(`Cinefile: the browser version could not start (${shortReason(error.message)}).`),
  );
  preview.on('close', (code, signal) => {
    running.delete(preview);
    previewExit = { code, signal };
    if (stopping) process.exit(0);
    const why = shortReason(previewErrors) || `vite preview exited with ${code ?? signal}`;
    fail(`Cinefile: the browser version stopped (${why}).`);
  });

  if (!(await waitUntilServing(address, () => previewExit === null))) {
    if (previewExit !== null || stopping) return; // the close handler has said why
    fail(`Cinefile: the browser version did not answer at ${address} within ${READY_TIMEOUT_MS / 1000} s.`);
  }
  openInBrowser(address);
  // Runs in the foreground until Ctrl+C, which forwardStopSignals passes on to vite preview.
}

async function main() {
  forwardStopSignals();
  const slow = setTimeout(
    () => process.stdout.write("Cinefile: downloading Electron's binary (about 100 MB, once)...\n"),
    3_000,
  );
  const electron = await ensureElectronBinary();
  clearTimeout(slow);
  if (stopping) process.exit(0);
  if (electron.binary !== null) startDesktopApp();
  else await startBrowserVersion(electron.reason);
}

// Run only as a script, so tests can import the functions above without launching anything.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((/** @type {unknown} */ error) =>
    fail(`Cinefile: could not start (${shortReason(error instanceof Error ? error.message : String(error))}).`),
  );
}
