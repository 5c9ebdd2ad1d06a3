/**
 * Run after editing resources/icon.svg: `node build/make-icons.mjs`.
 *
 * Rasterises the SVG icon with Chromium (through playwright-core) into the PNGs electron-builder packages:
 * build/icon.png (1024×1024, used for macOS/Windows and as the source of the others) and build/icons/NxN.png
 * (Linux picks these by size). The browser draws each size from the vector, so small icons stay crisp.
 * Set CHROMIUM_PATH to use a Chromium other than /usr/bin/chromium.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import process from 'node:process';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const svgPath = join(root, 'resources', 'icon.svg');
const linuxSizes = [16, 32, 48, 64, 128, 256, 512];

const svg = await readFile(svgPath);
const svgUrl = `data:image/svg+xml;base64,${svg.toString('base64')}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

/** One PNG of the icon at `size`×`size` pixels, with a transparent background around the rounded tile. */
async function render(size) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><img src="${svgUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
  );
  await page.locator('img').evaluate((img) => img.decode());
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return png;
}

try {
  await mkdir(join(root, 'build', 'icons'), { recursive: true });
  await writeFile(join(root, 'build', 'icon.png'), await render(1024));
  for (const size of linuxSizes) {
    await writeFile(join(root, 'build', 'icons', `${size}x${size}.png`), await render(size));
  }
  process.stdout.write(`Wrote build/icon.png and ${linuxSizes.length} sizes in build/icons/ from resources/icon.svg\n`);
} finally {
  await browser.close();
}
