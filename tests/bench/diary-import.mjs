/** import_10k_diary_ms: a 10,000-row Letterboxd diary brought in through the Import page, on a fresh profile. */
import { freshProfile, launch } from './browser.mjs';

/** A Letterboxd diary.csv of `rows` entries: ~rows/3 films, each watched about three times, rated in half stars. */
function letterboxdDiary(rows) {
  const lines = ['Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date'];
  const films = Math.ceil(rows / 3);
  for (let i = 0; i < rows; i++) {
    const film = i % films;
    const day = new Date(Date.UTC(2012, 0, 1) + i * 36e6).toISOString().slice(0, 10);
    const rating = ((film * 7 + i) % 10 + 1) / 2;
    lines.push(`${day},"Film number ${film}, the ${film % 2 ? 'return' : 'début'}",${1920 + (film % 100)},https://boxd.it/d${i},${rating},${i >= films ? 'Yes' : ''},"bench, tag ${film % 40}",${day}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Imports the diary (worker parse, preview, one transaction), timing choose → preview and confirm → "Imported"
 * toast, and the longest frame the window took meanwhile (responsiveness).
 */
export async function measureDiaryImport(baseUrl, rows = 10_000) {
  const profile = freshProfile();
  const { context, page } = await launch(profile.dir, 'import');
  try {
    await page.goto(`${baseUrl}#/import`);
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await page.evaluate(() => {
      window.longestFrameMs = 0;
      let last = performance.now();
      const tick = (now) => {
        window.longestFrameMs = Math.max(window.longestFrameMs, now - last);
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const buffer = Buffer.from(letterboxdDiary(rows));
    const start = Date.now();
    await page.getByLabel('Export files to import').setInputFiles([{ name: 'diary.csv', mimeType: 'text/csv', buffer }]);
    await page.getByRole('list', { name: 'What this import brings in' }).waitFor({ timeout: 120_000 });
    const previewMs = Date.now() - start;
    const writeStart = Date.now();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('.toast').filter({ hasText: /^Imported/ }).waitFor({ timeout: 120_000 });
    const writeMs = Date.now() - writeStart;
    const imported = await page.locator('.toast').filter({ hasText: /^Imported/ }).locator('span').textContent();
    const longestFrameMs = Math.round(await page.evaluate(() => window.longestFrameMs));
    return { import_10k_diary_ms: previewMs + writeMs, rows, read_and_preview_ms: previewMs, write_ms: writeMs, longest_frame_ms: longestFrameMs, imported };
  } finally {
    await context.close();
    profile.remove();
  }
}
