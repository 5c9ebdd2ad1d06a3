/**
 * One fresh Cinefile per test: registers the hooks that open the app on a new profile before each test and close
 * it (and delete the profile) after, and watches the page for trouble a person would not see but we must. Every
 * test fails on a console error (a Content-Security-Policy refusal is one), an uncaught exception or an unhandled
 * promise rejection (Chromium reports both as page errors), and on any alert/confirm dialog.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, expect } from 'vitest';
import { freshProfile, type AppTarget, type RunningApp } from './targets';

export interface AppSession {
  /** The open app's page; valid inside a test. */
  readonly page: Page;
  /** Messages of alert/confirm dialogs, which Cinefile never opens: one means injected code ran. */
  readonly dialogs: string[];
  /** Closes the app and opens it again on the same profile, as a person restarting it. */
  restart(): Promise<void>;
}

export function appPerTest(target: AppTarget): AppSession {
  let profile: ReturnType<typeof freshProfile> | null = null;
  let running: RunningApp | null = null;
  const errors: string[] = [];
  const dialogs: string[] = [];

  const open = async () => {
    if (!profile) throw new Error('appPerTest: no profile (used outside a test?)');
    running = await target.launch(profile.dir);
    const page = running.page;
    page.setDefaultTimeout(10_000);
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`Uncaught: ${error.message}`));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss().catch(() => undefined); // the page may be closing; the dialog was recorded either way
    });
  };

  beforeEach(async () => {
    errors.length = 0;
    dialogs.length = 0;
    profile = freshProfile();
    await open();
  });

  afterEach(async () => {
    // Anything the page reported fails the test that caused it, after the app is closed and its profile removed.
    const reported = { errors: [...errors], dialogs: [...dialogs] };
    await running?.close();
    running = null;
    profile?.remove();
    profile = null;
    expect(reported, 'console errors, CSP violations, uncaught errors or dialogs in the page').toEqual({ errors: [], dialogs: [] });
  });

  return {
    get page() {
      if (!running) throw new Error('appPerTest: the app is not open (used outside a test?)');
      return running.page;
    },
    dialogs,
    async restart() {
      await running?.close();
      await open();
    },
  };
}
