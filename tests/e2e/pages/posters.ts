/** A page model of the film page's poster picker for the end-to-end specs: choose, drop, and look at posters. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

/** A file in tests/fixtures, by name. */
export const fixturePath = (name: string): string => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

export class PosterPicker {
  constructor(readonly page: Page) {}

  dropZone(): Locator {
    return this.page.getByRole('group', { name: 'Poster: drop an image file here to change it' });
  }

  /** The film page's large poster image (an <img>, not the typographic card). */
  largePoster(title: string): Locator {
    return this.dropZone().locator('img').and(this.page.getByRole('img', { name: `Poster of ${title}` }));
  }

  /** The poster image on a film's card in the Library grid. */
  gridPoster(title: string): Locator {
    return this.page
      .getByRole('list', { name: 'Films' })
      .getByRole('listitem')
      .filter({ has: this.page.locator('.library-card-title', { hasText: title }) })
      .locator('img');
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }

  /** Chooses a file through "Change poster…" (an <input type=file> in the browser). */
  async chooseFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Change poster…' }).click();
    await (await chooser).setFiles(path);
  }

  /** Drags a file onto the poster and drops it, as a file manager would (a DataTransfer carrying a File). */
  async dropFile(path: string): Promise<void> {
    await this.dispatchFileDrag(['dragenter', 'dragover', 'drop'], { name: basename(path), base64: readFileSync(path).toString('base64') });
  }

  /** Drags a file over the poster without dropping it (to see the highlight). */
  async dragFileOver(path: string): Promise<void> {
    await this.dispatchFileDrag(['dragenter', 'dragover'], { name: basename(path), base64: readFileSync(path).toString('base64') });
  }

  /** Drops a JPEG the browser draws on the spot, width×height, in one flat colour. */
  async dropDrawnJpeg(name: string, width: number, height: number): Promise<void> {
    const base64 = await this.page.evaluate(
      async ({ width, height }) => {
        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext('2d')!;
        context.fillStyle = '#2a9d8f';
        context.fillRect(0, 0, width, height);
        const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
        return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));
      },
      { width, height },
    );
    await this.dispatchFileDrag(['dragenter', 'dragover', 'drop'], { name, base64 });
  }

  private async dispatchFileDrag(types: string[], file: { name: string; base64: string }): Promise<void> {
    await this.dropZone().evaluate(
      (zone, { types, file }) => {
        const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
        const transfer = new DataTransfer();
        // No type on purpose: a file manager's guess is not trusted; Cinefile reads the bytes.
        transfer.items.add(new File([bytes], file.name));
        for (const type of types) {
          zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
        }
      },
      { types, file },
    );
  }

  /** The decoded width of an image, once it has loaded (0 while loading or when broken). */
  static naturalWidth(image: Locator): Promise<number> {
    return image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0));
  }
}
