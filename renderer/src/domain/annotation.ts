/** A note a person writes about a film, in Markdown, with when it was written and last edited. */
export interface Annotation {
  id: string;
  filmId: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  /** The import that created it, so Undo import can remove exactly what it added. */
  importId?: string;
}

export const MAX_NOTE_LENGTH = 100_000;

export type NoteBodyResult = { ok: true; body: string } | { ok: false; error: string };

/** A note must say something and stay within a size that renders instantly. */
export function parseNoteBody(text: string): NoteBodyResult {
  const body = text.trim();
  if (body === '') return { ok: false, error: 'A note cannot be empty.' };
  if (body.length > MAX_NOTE_LENGTH) {
    return {
      ok: false,
      error: `This note is ${body.length.toLocaleString('en')} characters long; the limit is ${MAX_NOTE_LENGTH.toLocaleString('en')}.`,
    };
  }
  return { ok: true, body };
}

/** Newest note first. */
export function compareNotesNewestFirst(a: Annotation, b: Annotation): number {
  return b.createdAt.localeCompare(a.createdAt);
}
