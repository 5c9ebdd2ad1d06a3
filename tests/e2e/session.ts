/**
 * One fresh Cinefile per test: registers the hooks that open the app on a new profile before each test and close
 * it (and delete the profile) after, and watches the page for trouble a person would not see but we must.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach } from 'vitest';
import { freshProfile, type AppTarget, type RunningApp } from './targets';

export interface AppSession {
  /** The open app's page; valid inside a test. */
  readonly page: Page;
  /** Console errors and uncaught exceptions since the test began: a CSP refusal or a crash shows up here. */
  readonly errors: string[];
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
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  };

  beforeEach(async () => {
    errors.length = 0;
    dialogs.length = 0;
    profile = freshProfile();
    await open();
  });

  afterEach(async () => {
    await running?.close();
    running = null;
    profile?.remove();
    profile = null;
  });

  return {
    get page() {
      if (!running) throw new Error('appPerTest: the app is not open (used outside a test?)');
      return running.page;
    },
    errors,
    dialogs,
    async restart() {
      await running?.close();
      await open();
    },
  };
}
