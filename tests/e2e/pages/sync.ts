/** Page model of Settings › Sync and the Conflicts view, as a person uses them (by role and label). */
import type { Page } from 'playwright-core';

export interface SyncAccount {
  address: string;
  database: string;
  username: string;
  password: string;
}

export class SyncPages {
  constructor(readonly page: Page) {}

  async openSettings(): Promise<void> {
    await this.page.getByRole('link', { name: 'Settings' }).click();
    await this.page.getByRole('heading', { name: 'Sync', level: 2 }).waitFor();
  }

  async fill(account: SyncAccount): Promise<void> {
    await this.page.getByLabel('Server address').fill(account.address);
    await this.page.getByLabel('Database').fill(account.database);
    await this.page.getByLabel('User name').fill(account.username);
    await this.page.getByLabel('Password', { exact: true }).fill(account.password);
  }

  verdict(): Promise<string> {
    return this.page.getByTestId('sync-verdict').innerText();
  }

  async turnOn(): Promise<void> {
    await this.page.getByRole('button', { name: 'Turn sync on' }).click();
  }

  /** The status line in the top bar. */
  status() {
    return this.page.locator('.sync-status-text');
  }

  async waitUntilUpToDate(): Promise<void> {
    await this.page.locator('.sync-status[data-sync-state="up-to-date"]').waitFor({ timeout: 30_000 });
  }
}
