/** Debian's Chromium on a profile of the bench's own, with the probes of page-probes.mjs in every page. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { installProbes } from './page-probes.mjs';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'];

export const VIEWPORT = { width: 1280, height: 820 };

export function freshProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'cinefile-bench-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A new browser process on `profileDir`; the page's uncaught errors go to stderr, tagged with `label`. */
export async function launch(profileDir, label) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
  });
  await context.addInitScript(installProbes);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.error(`[${label}] page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[${label}] console error: ${message.text()}`);
  });
  return { context, page };
}
