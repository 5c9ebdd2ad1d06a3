import { describe, expect, it } from 'vitest';
import { parseNoteBody } from '../../../renderer/src/domain/annotation';
import { formatCalendarDate, localDateIso, parseWatchedOn } from '../../../renderer/src/domain/viewing';

const NOW = new Date(2026, 10, 25, 23, 30);

describe('viewing dates', () => {
  it('defaults to the local calendar day, not the UTC one', () => {
    expect(localDateIso(NOW)).toBe('2026-11-25');
  });

  it('accepts real past days and today', () => {
    expect(parseWatchedOn('2026-11-25', NOW)).toEqual({ ok: true, watchedOn: '2026-11-25' });
    expect(parseWatchedOn('1994-02-28', NOW)).toEqual({ ok: true, watchedOn: '1994-02-28' });
  });

  it('refuses future, impossible, pre-cinema and malformed dates with a reason', () => {
    expect(parseWatchedOn('2026-11-26', NOW)).toEqual({ ok: false, error: 'A viewing cannot be in the future.' });
    expect(parseWatchedOn('2025-02-30', NOW)).toEqual({ ok: false, error: '2025-02-30 is not a real date.' });
    expect(parseWatchedOn('1850-01-01', NOW)).toEqual({ ok: false, error: 'A viewing cannot be before 1870.' });
    expect(parseWatchedOn('yesterday', NOW).ok).toBe(false);
  });

  it('formats a calendar date without drifting a day', () => {
    expect(formatCalendarDate('2026-01-01')).toBe('1 January 2026');
  });
});

describe('note bodies', () => {
  it('refuses empty and oversized notes', () => {
    expect(parseNoteBody('  \n ')).toEqual({ ok: false, error: 'A note cannot be empty.' });
    const result = parseNoteBody('x'.repeat(100_001));
    expect(result.ok ? null : result.error).toBe('This note is 100,001 characters long; the limit is 100,000.');
    expect(parseNoteBody(' *fine* ')).toEqual({ ok: true, body: '*fine*' });
  });
});
