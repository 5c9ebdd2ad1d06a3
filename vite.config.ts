/**
 * The renderer's Vite config. `npm run web` builds and previews it alone (a plain browser, no Electron);
 * electron.vite.config.ts reuses it as the renderer part of the desktop build.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
// CINEFILE_OUT_DIR lets parallel test runs build into separate folders.
const outDir = process.env.CINEFILE_OUT_DIR ?? fileURLToPath(new URL('./out/renderer', import.meta.url));

/**
 * The shipped Content-Security-Policy lives in renderer/index.html. The dev server needs inline scripts (React
 * refresh preamble), inline <style> tags (CSS hot reload) and a websocket, so only `vite serve` relaxes it.
 */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'cinefile-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace(/script-src 'self'/, "script-src 'self' 'unsafe-inline'")
        .replace(/style-src 'self'/, "style-src 'self' 'unsafe-inline'")
        .replace(/connect-src 'self'/, "connect-src 'self' ws: http://localhost:* http://127.0.0.1:*"),
  };
}

export const rendererConfig: UserConfig = {
  root: rendererRoot,
  // Relative asset paths keep the build working from app://cinefile/ in Electron and from any static server.
  base: './',
  plugins: [react(), devContentSecurityPolicy()],
  // One bundle is right for an app loaded from disk (no network to save); warn only if it grows a lot more.
  build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 900 },
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173), strictPort: true },
  server: { host: '127.0.0.1' },
};

export default defineConfig(rendererConfig);
