import { describe, expect, it } from 'vitest';
import { errorMessage, failureKind, failureMessage, MissingRecordError } from '../../../renderer/src/domain/errors';

/** How Dexie hands on IndexedDB's own error: its name, and the browser's error in `inner`. */
const dexieLike = (name: string, inner?: unknown) => Object.assign(new Error('wrapped'), { name, inner });

describe('failureMessage', () => {
  it('names what did not happen and a full disk, with what to do about it', () => {
    expect(failureMessage('Your rating of “Stalker” was not saved', new DOMException('quota', 'QuotaExceededError'))).toBe(
      'Your rating of “Stalker” was not saved: the disk is full. Free some disk space (or remove large posters), then try again.',
    );
  });

  it('sees a full disk however deep Dexie wraps it (a transaction aborted by the quota)', () => {
    const aborted = dexieLike('AbortError', dexieLike('QuotaExceededError', new DOMException('quota', 'QuotaExceededError')));
    expect(failureKind(aborted)).toBe('storage-full');
    expect(failureKind(dexieLike('DatabaseClosedError'))).toBe('catalog-closed');
    expect(failureKind(new Error('plain'))).toBe('other');
  });

  it('uses a missing record’s own sentence, without doubling its full stop', () => {
    expect(failureMessage('The note was not saved', new MissingRecordError('note'))).toBe(
      'The note was not saved: This note no longer exists; it may have been deleted.',
    );
  });

  it('never shows an empty reason or [object Object]', () => {
    expect(errorMessage(new Error(''))).toBe('an unexpected error occurred');
    expect(errorMessage('a string')).toBe('a string');
    const thrown: unknown[] = [undefined, null, 0, '', '   ', {}, [], Object.create(null), Symbol('odd'), { name: 42 }, new DOMException('')];
    for (const value of thrown) {
      const message = failureMessage('It was not saved', value);
      expect(message.startsWith('It was not saved: ')).toBe(true);
      expect(message.slice('It was not saved: '.length).trim()).not.toBe('');
      expect(message).not.toContain('[object');
      expect(message).toMatch(/[.!?]$/);
    }
  });
});
