/** Page model for the Import page: choosing export files, reading the preview, confirming, undoing. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';

export interface ChosenFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A fixture folder packed as the .zip a service hands out (paths relative to the folder). */
export function zipOfFolder(folder: string, name: string): ChosenFile {
  const entries: Record<string, Uint8Array> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else entries[relative(folder, path)] = new Uint8Array(readFileSync(path));
    }
  };
  walk(folder);
  return { name, mimeType: 'application/zip', buffer: Buffer.from(zipSync(entries)) };
}

export function fileOf(path: string, name: string, mimeType = 'text/csv'): ChosenFile {
  return { name, mimeType, buffer: readFileSync(path) };
}

export class ImportPages {
  constructor(readonly page: Page) {}

  async openImport(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
  }

  /** Chooses files as the "Choose a file…" button's picker would. */
  async choose(...files: ChosenFile[]): Promise<void> {
    await this.page.getByLabel('Export files to import').setInputFiles(files);
  }

  preview(): Locator {
    return this.page.locator('.import-preview');
  }

  /** The preview's counts as they read: "5 new films", "6 viewings", … */
  async counts(): Promise<string[]> {
    const counts = this.page.getByRole('list', { name: 'What this import brings in' });
    await counts.waitFor();
    return (await counts.getByRole('listitem').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** The rows left out, each as "where | what | why". */
  async skippedRows(): Promise<string[]> {
    const rows = this.page.locator('.import-skipped tbody tr');
    return rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim()).join(' | ')));
  }

  async confirm(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
  }

  /** The "Imported …" toast once the import has been written. */
  importedToast(): Locator {
    return this.page.locator('.toast').filter({ hasText: /^Imported/ });
  }
}
