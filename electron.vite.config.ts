/** Desktop build: main and preload for Electron, plus the renderer config shared with `npm run web`. */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.config';

export default defineConfig({
  main: {
    build: {
      // Bundle valibot (via electron/ipc.ts) into main: the package ships out/** only, without node_modules.
      externalizeDeps: false,
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      outDir: 'out/preload',
      // A sandboxed preload cannot require local files: bundle everything into one CommonJS script.
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      // electron-vite leaves the renderer unminified by default; minified it ships at less than half the size.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
