import { describe, expect, it } from 'vitest';
import {
  draftRewatch,
  newViewingDraft,
  parseViewingDraft,
  parseWatchedOnDraft,
  viewingDraftOf,
  watchedOnDraftOf,
  withDay,
  withPrecision,
  type WatchedOnDraft,
} from '../../../renderer/src/domain/viewing-draft';

const NOW = new Date(2026, 10, 25, 23, 30);

const day = (value: string): WatchedOnDraft => watchedOnDraftOf(value);

describe('the viewing form', () => {
  it('starts on today, to the day, with nothing else said and rewatch left to history', () => {
    expect(newViewingDraft(NOW)).toEqual({
      date: { precision: 'day', day: '2026-11-25', month: '11', year: '2026' },
      rewatch: null,
      rating: null,
      medium: null,
      note: '',
    });
  });

  it('opens a stored viewing for editing exactly as it was', () => {
    const draft = viewingDraftOf({ watchedOn: '1998-07', rewatch: true, rating: 7, medium: 'cinema', note: 'Odeon' });
    expect(draft).toEqual({
      date: { precision: 'month', day: '', month: '07', year: '1998' },
      rewatch: true,
      rating: 7,
      medium: 'cinema',
      note: 'Odeon',
    });
    expect(parseViewingDraft(draft, [], NOW)).toEqual({
      ok: true,
      fields: { watchedOn: '1998-07', rewatch: true, rating: 7, medium: 'cinema', note: 'Odeon' },
    });
  });

  it('narrows a picked day to its month or year, and back again, without losing it', () => {
    const picked = withDay(day('2026-11-25'), '2024-03-09');
    const month = withPrecision(picked, 'month');
    expect(parseWatchedOnDraft(month, NOW)).toEqual({ ok: true, watchedOn: '2024-03' });
    expect(parseWatchedOnDraft(withPrecision(month, 'year'), NOW)).toEqual({ ok: true, watchedOn: '2024' });
    expect(parseWatchedOnDraft(withPrecision(withPrecision(month, 'year'), 'day'), NOW)).toEqual({ ok: true, watchedOn: '2024-03-09' });
    expect(parseWatchedOnDraft(withPrecision(picked, 'unknown'), NOW)).toEqual({ ok: true, watchedOn: null });
  });

  it('clears the day rather than keep one outside the month the person then chose', () => {
    const month = { ...withPrecision(day('2026-11-25'), 'month'), month: '02' };
    const back = withPrecision(month, 'day');
    expect(back.day).toBe('');
    expect(parseWatchedOnDraft(back, NOW)).toEqual({
      ok: false,
      error: 'Enter the day you watched it, or choose Month only, Year only or Unknown.',
    });
  });

  it('says which part of a month or year is missing or wrong', () => {
    const month = withPrecision(day('2026-11-25'), 'month');
    expect(parseWatchedOnDraft({ ...month, month: '' }, NOW)).toEqual({ ok: false, error: 'Choose the month you watched it.' });
    expect(parseWatchedOnDraft({ ...month, year: ' ' }, NOW)).toEqual({ ok: false, error: 'Enter the year you watched it, like 2019.' });
    expect(parseWatchedOnDraft({ ...month, year: '98' }, NOW)).toEqual({
      ok: false,
      error: '“98” is not a year; enter four digits, like 2019.',
    });
    expect(parseWatchedOnDraft({ ...month, month: '12' }, NOW)).toEqual({ ok: false, error: 'A viewing cannot be in the future.' });
    expect(parseWatchedOnDraft({ ...withPrecision(month, 'year'), year: '1850' }, NOW)).toEqual({
      ok: false,
      error: 'A viewing cannot be before 1870.',
    });
  });

  it('ticks rewatch from the film history until the person decides', () => {
    const draft = newViewingDraft(NOW);
    expect(draftRewatch(draft, [], NOW)).toBe(false);
    expect(draftRewatch(draft, [{ watchedOn: '2020-01-01' }], NOW)).toBe(true);
    // Back-dated before the only viewing so far: the first time, not a rewatch.
    expect(draftRewatch({ ...draft, date: day('2019-06-01') }, [{ watchedOn: '2020-01-01' }], NOW)).toBe(false);
    expect(draftRewatch({ ...draft, rewatch: false }, [{ watchedOn: '2020-01-01' }], NOW)).toBe(false);
    expect(draftRewatch({ ...draft, rewatch: true }, [], NOW)).toBe(true);
  });

  it('reports a bad date and a long note together, and stores neither', () => {
    const draft = { ...newViewingDraft(NOW), date: day('2026-12-01'), note: 'x'.repeat(1_001) };
    const result = parseViewingDraft(draft, [], NOW);
    expect(result.ok).toBe(false);
    expect(result.ok ? null : Object.keys(result.errors).sort()).toEqual(['date', 'note']);
  });
});
