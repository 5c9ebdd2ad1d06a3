import { describe, expect, it } from 'vitest';
import {
  compareViewingsNewestFirst,
  diaryMonthLabel,
  formatWatchedOn,
  groupByDiaryMonth,
  isRewatch,
  parseViewingNote,
  parseWatchedOn,
  viewingFieldsProblem,
  watchedOnPhrase,
  watchedOnPrecision,
  type Viewing,
} from '../../../renderer/src/domain/viewing';

const NOW = new Date(2026, 10, 25, 23, 30);

function viewing(watchedOn: string | null, createdAt = '2026-01-01T00:00:00.000Z', id = `${watchedOn}-${createdAt}`): Viewing {
  return { id, filmId: 'f', watchedOn, rewatch: false, rating: null, medium: null, note: '', createdAt, updatedAt: createdAt };
}

describe('partial viewing dates', () => {
  it('accepts a month or a year when the day is not remembered', () => {
    expect(parseWatchedOn('1998-07', NOW)).toEqual({ ok: true, watchedOn: '1998-07' });
    expect(parseWatchedOn(' 1998 ', NOW)).toEqual({ ok: true, watchedOn: '1998' });
  });

  it('counts the current month and year as past, and the next ones as future', () => {
    expect(parseWatchedOn('2026-11', NOW).ok).toBe(true);
    expect(parseWatchedOn('2026', NOW).ok).toBe(true);
    expect(parseWatchedOn('2026-12', NOW)).toEqual({ ok: false, error: 'A viewing cannot be in the future.' });
    expect(parseWatchedOn('2027', NOW)).toEqual({ ok: false, error: 'A viewing cannot be in the future.' });
  });

  it('refuses impossible months, pre-cinema years and other shapes with a reason', () => {
    expect(parseWatchedOn('2020-13', NOW)).toEqual({ ok: false, error: '2020-13 is not a real month.' });
    expect(parseWatchedOn('2020-00', NOW)).toEqual({ ok: false, error: '2020-00 is not a real month.' });
    expect(parseWatchedOn('1869', NOW)).toEqual({ ok: false, error: 'A viewing cannot be before 1870.' });
    expect(parseWatchedOn('1870', NOW).ok).toBe(true);
    expect(parseWatchedOn('98', NOW)).toEqual({ ok: false, error: 'Enter the date you watched it, like 2026-11-25.' });
    expect(parseWatchedOn('2020/05/01', NOW).ok).toBe(false);
  });

  it('tells the precision from the shape and says the date as a person would', () => {
    expect(['2026-11-25', '2026-11', '2026', null].map(watchedOnPrecision)).toEqual(['day', 'month', 'year', 'unknown']);
    expect(['2026-11-05', '2026-11', '2026', null].map(formatWatchedOn)).toEqual([
      '5 November 2026', 'November 2026', '2026', 'Date unknown',
    ]);
    expect(['2026-11-05', '2026-11', '2026', null].map(watchedOnPhrase)).toEqual([
      'on 5 November 2026', 'in November 2026', 'in 2026', 'on an unknown date',
    ]);
  });
});

describe('viewing order and rewatches', () => {
  it('puts the newest first, a month after its days, a year after its months, undated last', () => {
    const viewings = [
      viewing(null),
      viewing('2026'),
      viewing('2025-12-31'),
      viewing('2026-11'),
      viewing('2026-11-25'),
      viewing('2026-01-02'),
    ];
    expect(viewings.sort(compareViewingsNewestFirst).map((v) => v.watchedOn)).toEqual([
      '2026-11-25', '2026-11', '2026-01-02', '2026', '2025-12-31', null,
    ]);
  });

  it('lists two viewings on one day latest logged first', () => {
    const first = viewing('2026-11-20', '2026-11-20T10:00:00.000Z');
    const second = viewing('2026-11-20', '2026-11-20T22:00:00.000Z');
    expect([first, second].sort(compareViewingsNewestFirst)).toEqual([second, first]);
  });

  it('is a rewatch when an earlier, same-day or undated viewing was logged before', () => {
    expect(isRewatch('2026-11-25', [])).toBe(false);
    expect(isRewatch('2026-11-25', [{ watchedOn: '2020-05-01' }])).toBe(true);
    expect(isRewatch('2026-11-25', [{ watchedOn: '2026-11-25' }])).toBe(true);
    expect(isRewatch('2026-11-25', [{ watchedOn: null }])).toBe(true);
    expect(isRewatch('2026-11-25', [{ watchedOn: '2026-11' }])).toBe(true);
  });

  it('is a first viewing when every viewing logged so far came later', () => {
    expect(isRewatch('1995', [{ watchedOn: '2020-05-01' }, { watchedOn: '2026-11' }])).toBe(false);
    expect(isRewatch('2026-11', [{ watchedOn: '2026-11-25' }])).toBe(false);
    // An undated viewing logged after dated ones is not known to come after any of them.
    expect(isRewatch(null, [{ watchedOn: '2020-05-01' }])).toBe(false);
    expect(isRewatch(null, [{ watchedOn: null }])).toBe(true);
  });
});

describe('viewing notes and fields', () => {
  it('keeps a viewing note short and tidy', () => {
    expect(parseViewingNote('  with Ana, 35mm print \n')).toEqual({ ok: true, note: 'with Ana, 35mm print' });
    expect(parseViewingNote('')).toEqual({ ok: true, note: '' });
    expect(parseViewingNote('x'.repeat(1_000)).ok).toBe(true);
    const tooLong = parseViewingNote('x'.repeat(1_001));
    expect(tooLong.ok ? null : tooLong.error).toBe(
      "This note is 1,001 characters long; a viewing's note can be up to 1,000. Longer thoughts belong in the film's Notes.",
    );
  });

  it('names the first thing wrong with fields about to be stored', () => {
    expect(viewingFieldsProblem({ watchedOn: '2026-11', rewatch: true, rating: 9, medium: 'cinema', note: 'ok' }, NOW)).toBeNull();
    expect(viewingFieldsProblem({ watchedOn: null }, NOW)).toBeNull();
    expect(viewingFieldsProblem({ watchedOn: '2027-01-01' }, NOW)).toBe('A viewing cannot be in the future.');
    expect(viewingFieldsProblem({ watchedOn: ' 2020' }, NOW)).toBe('Store the date without spaces: “2020”.');
    expect(viewingFieldsProblem({ rating: 0 as never }, NOW)).toBe('A rating must be 0.5 to 5 stars; got 0 half-stars.');
    expect(viewingFieldsProblem({ medium: 'vhs' as never }, NOW)).toBe('“vhs” is not a way of watching Cinefile knows.');
    expect(viewingFieldsProblem({ note: 'x'.repeat(1_001) }, NOW)).toMatch(/^This note is 1,001 characters long/);
  });
});

describe('diary months', () => {
  it('groups newest-first viewings under month headings, keeping their order', () => {
    const sorted = ['2026-11-25', '2026-11-02', '2026-11', '2026-10-31', '2026', '2025-12-01', null, null];
    const months = groupByDiaryMonth(sorted, (watchedOn) => watchedOn);
    expect(months.map((month) => [month.label, month.items])).toEqual([
      ['November 2026', ['2026-11-25', '2026-11-02', '2026-11']],
      ['October 2026', ['2026-10-31']],
      ['2026, month unknown', ['2026']],
      ['December 2025', ['2025-12-01']],
      ['Date unknown', [null, null]],
    ]);
  });

  it('labels each kind of heading', () => {
    expect(diaryMonthLabel('2026-01')).toBe('January 2026');
    expect(diaryMonthLabel('1999')).toBe('1999, month unknown');
    expect(diaryMonthLabel('undated')).toBe('Date unknown');
  });
});
