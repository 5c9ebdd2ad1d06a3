/**
 * Builds the app once and serves the renderer for the end-to-end suite. Where an Electron binary exists, main and
 * preload are built too so the same specs can drive the real window.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { electronBinary } from './targets';

const root = fileURLToPath(new URL('../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const configFile = `${root}/vite.config.ts`;
  if (electronBinary()) {
    execFileSync(`${root}/node_modules/.bin/electron-vite`, ['build'], { cwd: root, stdio: 'inherit' });
  } else {
    await build({ configFile, logLevel: 'warn' });
  }
  const server: PreviewServer = await preview({
    configFile,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 4317, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report its address');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
