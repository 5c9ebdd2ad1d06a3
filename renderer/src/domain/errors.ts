/**
 * Failures a person can be told about, in one place: which record went missing, why a write failed (a full disk,
 * a catalog closed by another window), and the sentence that says so. Every write's failure message is built here,
 * so "the disk is full" reads the same, with the same advice, wherever it happens.
 */

/** The kinds of record a write can find gone (deleted in another window, or by an earlier action). */
export type RecordKind = 'film' | 'viewing' | 'note' | 'list' | 'list entry' | 'copy' | 'loan' | 'import';

const missingRecordText: Record<RecordKind, string> = {
  film: 'This film no longer exists; it may have been deleted.',
  viewing: 'This viewing no longer exists; it may have been removed.',
  note: 'This note no longer exists; it may have been deleted.',
  list: 'This list no longer exists; it may have been deleted.',
  'list entry': 'This film is no longer in the list.',
  copy: 'This copy no longer exists; it may have been deleted.',
  loan: 'This loan no longer exists; its copy may have been deleted.',
  import: 'This import is no longer in the history; it may have been undone elsewhere.',
};

/** A write found the record it was meant to change gone. */
export class MissingRecordError extends Error {
  override readonly name = 'MissingRecordError';
  constructor(readonly kind: RecordKind) {
    super(missingRecordText[kind]);
  }
}

/** Why a write failed, as far as the person needs to know. */
export type FailureKind = 'storage-full' | 'catalog-closed' | 'other';

/** The names of an error and of the errors it wraps (Dexie keeps the browser's own error in `inner`). */
export function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner;
  }
  return names;
}

/** Classifies a write's failure: a full disk and a closed catalog each need their own words. */
export function failureKind(error: unknown): FailureKind {
  const names = errorNames(error);
  if (names.some((name) => name.startsWith('QuotaExceeded'))) return 'storage-full';
  if (names.some((name) => name.startsWith('DatabaseClosed'))) return 'catalog-closed';
  return 'other';
}

/** What a person can do when the disk is full. */
export const STORAGE_FULL_ADVICE = 'Free some disk space (or remove large posters), then try again.';

/** The reason an error gives, in words a person can read: never "[object Object]", never empty. */
export function errorMessage(error: unknown): string {
  switch (failureKind(error)) {
    case 'storage-full':
      return 'the disk is full';
    case 'catalog-closed':
      return 'the catalog was closed because another Cinefile window changed it';
    case 'other': {
      const message = error instanceof Error || error instanceof DOMException ? error.message : typeof error === 'string' ? error : '';
      return message.trim() === '' ? 'an unexpected error occurred' : message;
    }
  }
}

/**
 * The one sentence shown when a write fails: what did not happen, why, and (for a full disk) what to do.
 * `notDone` names what did not happen: "Your rating of “Stalker” was not saved".
 */
export function failureMessage(notDone: string, error: unknown): string {
  const reason = errorMessage(error);
  const sentence = `${notDone}: ${reason}${/[.!?]$/.test(reason) ? '' : '.'}`;
  return failureKind(error) === 'storage-full' ? `${sentence} ${STORAGE_FULL_ADVICE}` : sentence;
}
