/**
 * The renderer's Vite config. `npm run web` builds and previews it alone (a plain browser, no Electron);
 * electron.vite.config.ts reuses it as the renderer part of the desktop build.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
// With an extension, unlike the rest of the code: Vite warns on extension-less imports in its config file.
import { connectOriginOf, contentSecurityPolicy } from './electron/content-security.js';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
// CINEFILE_OUT_DIR lets parallel test runs build into separate folders.
const outDir = process.env.CINEFILE_OUT_DIR ?? fileURLToPath(new URL('./out/renderer', import.meta.url));

/**
 * The shipped document's Content-Security-Policy lives in renderer/index.html (always `connect-src 'self'`: the
 * document never talks to the sync server). The dev server needs inline scripts (React refresh preamble), inline
 * <style> tags (CSS hot reload) and a websocket, so only `vite serve` relaxes it.
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

/** Content types a browser runs as a script (the dev server serves .ts, .tsx and CSS-as-module with the first). */
const JAVASCRIPT = /^(?:text|application)\/(?:x-)?(?:java|ecma)script\b/i;

/** The Content-Type a response is about to be sent with: writeHead's own headers win over setHeader's. */
function contentTypeOf(res: ServerResponse, headers: unknown): string {
  if (Array.isArray(headers)) {
    for (let at = 0; at + 1 < headers.length; at += 2) {
      if (String(headers[at]).toLowerCase() === 'content-type') return String(headers[at + 1]);
    }
  } else if (typeof headers === 'object' && headers !== null) {
    for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) {
      if (name.toLowerCase() === 'content-type') return String(value);
    }
  }
  return String(res.getHeader('content-type') ?? '');
}

/** The origin a script request may connect to (its `connect` parameter, when exactly a plain origin), else null. */
function requestedConnectOrigin(req: IncomingMessage): string | null {
  try {
    return connectOriginOf(new URL(req.url ?? '/', 'http://localhost'));
  } catch {
    return null;
  }
}

/**
 * Gives every JavaScript response the Content-Security-Policy the desktop app sends (electron/content-security.ts).
 * A document ignores a policy on the scripts it loads, but a worker takes its policy from its own script's response:
 * without this the search, statistics and import workers of the browser build would run unrestricted, and the sync
 * worker, started as `<script>?connect=<origin>`, could not be let through to the user's server and nowhere else.
 * The type is only known when the headers go out, so the middleware wraps writeHead (Node calls it for implicit
 * headers too) and sets the header there, for the dev server's transformed modules and sirv's files alike.
 */
export function scriptPolicyMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const policy = contentSecurityPolicy(requestedConnectOrigin(req));
  const writeHead = res.writeHead;
  res.writeHead = ((...args: unknown[]): ServerResponse => {
    const headers = typeof args[1] === 'string' ? args[2] : args[1];
    if (JAVASCRIPT.test(contentTypeOf(res, headers))) res.setHeader('Content-Security-Policy', policy);
    return Reflect.apply(writeHead, res, args) as ServerResponse;
  }) as ServerResponse['writeHead'];
  next();
}

/** Installs scriptPolicyMiddleware ahead of Vite's own in `vite` (dev) and `vite preview` (the browser build). */
function scriptContentSecurityPolicy(): Plugin {
  return {
    name: 'cinefile-script-csp',
    configureServer: (server) => {
      server.middlewares.use(scriptPolicyMiddleware);
    },
    configurePreviewServer: (server) => {
      server.middlewares.use(scriptPolicyMiddleware);
    },
  };
}

export const rendererConfig: UserConfig = {
  root: rendererRoot,
  // Relative asset paths keep the build working from app://cinefile/ in Electron and from any static server.
  base: './',
  plugins: [react(), devContentSecurityPolicy(), scriptContentSecurityPolicy()],
  // One bundle is right for an app loaded from disk (no network to save); warn only if it grows a lot more.
  build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 900 },
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173), strictPort: true },
  server: { host: '127.0.0.1' },
};

export default defineConfig(rendererConfig);
