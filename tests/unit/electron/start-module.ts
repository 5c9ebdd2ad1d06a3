/** electron/start.mjs (what `npm start` runs) loaded for its tests, with the types its plain JS cannot carry. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type FetchResult = { ok: true } | { ok: false; reason: string };
export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  output: string;
  error?: Error;
}
export type RunOptions = { timeoutMs: number; env: NodeJS.ProcessEnv };
export type Runner = (command: string, args: string[], options: RunOptions) => Promise<RunResult>;
export type Opener = { command: string; args: string[]; verbatim: boolean } | { command: null; why: string };

/** The shape of electron/start.mjs (plain JS, so it is typed here rather than imported with types). */
export interface StartModule {
  DEFAULT_PORT: number;
  FETCH_TIMEOUT_MS: number;
  findElectronBinary(options?: {
    env?: Record<string, string | undefined>;
    resolveElectron?: () => unknown;
    exists?: (path: string) => boolean;
  }): string | null;
  shortReason(output: string): string;
  fetchElectronBinary(options?: {
    installScript?: string | null;
    run?: Runner;
    timeoutMs?: number;
    env?: NodeJS.ProcessEnv;
  }): Promise<FetchResult>;
  ensureElectronBinary(options?: {
    env?: Record<string, string | undefined>;
    find?: () => string | null;
    fetch?: () => Promise<FetchResult>;
  }): Promise<{ binary: string; reason: null } | { binary: null; reason: string }>;
  previewUrl(env?: Record<string, string | undefined>): string | null;
  fallbackMessage(reason: string, url: string): string;
  browserOpener(
    url: string,
    options?: { platform?: NodeJS.Platform; env?: Record<string, string | undefined>; which?: (name: string) => boolean },
  ): Opener;
  openByHandMessage(url: string, why: string): string;
  onPath(name: string, env?: Record<string, string | undefined>): boolean;
}


export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const startScript = join(repoRoot, 'electron', 'start.mjs');
export const start = (await import(startScript)) as StartModule;
