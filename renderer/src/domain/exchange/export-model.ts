/**
 * What an export of a list, the Diary or the current Library view is made from, whatever the file format: a
 * document with a title and rows in the order shown. The db layer fills it from the catalog; the encoders
 * (list-export.ts: CSV, Markdown, HTML) turn it into a file's text. Posters ride along only for HTML.
 */
import type { Film } from '../film';
import type { HalfStars } from '../rating';

/** The film fields an export shows. */
export type ExportedFilm = Pick<
  Film,
  'id' | 'title' | 'originalTitle' | 'year' | 'directors' | 'genres' | 'runtimeMinutes' | 'rating' | 'tags' | 'externalIds' | 'watchlist' | 'favourite'
>;

export interface ExportPoster {
  mimeType: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/svg+xml';
  /** The image bytes, base64-encoded (an HTML export embeds them as data: URLs). */
  base64: string;
}

/** One row: a film in a list or a Library view, or one viewing in the Diary. */
export interface ExportRow {
  /** 1, 2, 3 … in a ranked list; null otherwise. */
  rank: number | null;
  film: ExportedFilm;
  /** A list entry's note, or a viewing's note in the Diary; '' when none. */
  note: string;
  /** Diary rows: the viewing's date (YYYY-MM-DD, YYYY-MM, YYYY or null), rewatch, and the rating given that time. */
  viewing: { watchedOn: string | null; rewatch: boolean; rating: HalfStars | null } | null;
  /** Whether the film has been watched at least once (lists show it). */
  seen: boolean;
  poster: ExportPoster | null;
}

export type ExportKind = 'list' | 'diary' | 'library';

export interface ExportDocument {
  kind: ExportKind;
  /** The list's name, "Diary", or "Library — Watchlist, by year". */
  title: string;
  description: string;
  ranked: boolean;
  rows: ExportRow[];
  /** ISO timestamp of the export, printed in the file's footer. */
  exportedAt: string;
}

export const exportFormats = ['csv', 'markdown', 'html', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** A file name safe on every OS from a document title: "Best of 1993.csv", never "../x" or "CON". */
export function exportFileName(title: string, extension: string): string {
  const safe = title
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[/\\:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  const base = safe === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(safe) ? 'Cinefile export' : safe;
  return `${base}.${extension}`;
}
