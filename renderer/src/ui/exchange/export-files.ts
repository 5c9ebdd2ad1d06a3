/**
 * Turning an export into a file: the document's rows get their posters (HTML and PDF only: a thumbnail, or the
 * bundled artwork), the chosen encoder makes the text, and the platform saves it (a Save dialog, or a download;
 * a PDF prints through Electron, or the browser's print dialog).
 */
import { posterThumbnail } from '../../db/posters';
import type { ExportRows } from '../../db/exports';
import { exportFileName, type ExportDocument, type ExportFormat, type ExportPoster } from '../../domain/exchange/export-model';
import { exportCsv, exportHtml, exportMarkdown } from '../../domain/exchange/list-export';
import type { PosterRef } from '../../domain/poster';
import type { Platform } from '../../platform';
import { bundledPosterUrl } from '../common/Poster';

async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

/**
 * A bundled poster's bytes. Vite inlines small assets as data: URLs, which the app's Content-Security-Policy will
 * not let fetch() read (connect-src 'self'), so those are decoded here; a file URL is fetched from the app itself.
 */
async function bundledBlob(url: string): Promise<Blob> {
  const inline = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(url);
  if (!inline) return (await fetch(url)).blob();
  const [, type = '', base64, data = ''] = inline;
  const bytes = base64 ? Uint8Array.from(atob(data), (char) => char.charCodeAt(0)) : new TextEncoder().encode(decodeURIComponent(data));
  return new Blob([bytes], { type });
}

const posterTypes = new Set<ExportPoster['mimeType']>(['image/jpeg', 'image/png', 'image/webp', 'image/svg+xml']);

/** A poster's image for an HTML export: the grid thumbnail of a set poster, or the bundled artwork; null if none. */
async function exportPoster(ref: PosterRef | null): Promise<ExportPoster | null> {
  let blob: Blob | undefined;
  if (ref?.kind === 'image') blob = await posterThumbnail(ref.posterId);
  else if (ref?.kind === 'bundled') {
    const url = bundledPosterUrl(ref.name);
    if (url) blob = await bundledBlob(url);
  }
  const type = (blob?.type.split(';')[0] ?? '') as ExportPoster['mimeType'];
  if (!blob || !posterTypes.has(type)) return null;
  return { mimeType: type, base64: await base64Of(blob) };
}

/** The document with each row's poster filled in (each poster read once). */
async function withPosters(document: ExportDocument, posters: ExportRows['posters']): Promise<ExportDocument> {
  const read = new Map<string, Promise<ExportPoster | null>>();
  const posterOf = (filmId: string) => {
    if (!read.has(filmId)) read.set(filmId, exportPoster(posters.get(filmId) ?? null).catch(() => null));
    return read.get(filmId)!;
  };
  const rows = await Promise.all(document.rows.map(async (row) => ({ ...row, poster: await posterOf(row.film.id) })));
  return { ...document, rows };
}

const filters: Record<Exclude<ExportFormat, 'pdf'>, { name: string; extensions: string[] }[]> = {
  csv: [{ name: 'CSV (spreadsheets)', extensions: ['csv'] }],
  markdown: [{ name: 'Markdown', extensions: ['md'] }],
  html: [{ name: 'Web page', extensions: ['html'] }],
};
const extensions: Record<ExportFormat, string> = { csv: 'csv', markdown: 'md', html: 'html', pdf: 'pdf' };

/** Saves the document in the format; answers where it went (null when cancelled, or printed in a browser). */
export async function saveExport(platform: Platform, document: ExportDocument, posters: ExportRows['posters'], format: ExportFormat): Promise<string | null> {
  const suggestedName = exportFileName(document.title, extensions[format]);
  if (format === 'csv') return (await platform.saveFile({ suggestedName, data: exportCsv(document), filters: filters.csv })).savedTo;
  if (format === 'markdown') return (await platform.saveFile({ suggestedName, data: exportMarkdown(document), filters: filters.markdown })).savedTo;
  const html = exportHtml(await withPosters(document, posters));
  if (format === 'html') return (await platform.saveFile({ suggestedName, data: html, filters: filters.html })).savedTo;
  return (await platform.savePdf({ suggestedName, html })).savedTo;
}
