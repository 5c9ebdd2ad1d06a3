import { describe, expect, it } from 'vitest';
import {
  compareLoansForLoanedOut, copyLabel, daysBetween, daysOverdue, emptyLoanDraft, isOverdue, loanDueLabel, loanSummary,
  parseLoanDraft, type Loan,
} from '../../../renderer/src/domain/copy';

/** 20 November 2026, local time. */
const now = new Date(2026, 10, 20, 9, 0);
const today = '2026-11-20';

function loan(id: string, changes: Partial<Loan>): Loan {
  return { id, copyId: `copy-${id}`, filmId: 'f', borrower: 'Ana', lentOn: '2026-11-01', dueOn: null, returnedOn: null, updatedAt: '2026-11-01T00:00:00.000Z', ...changes };
}

describe('parseLoanDraft', () => {
  it('starts on today with no due date', () => {
    expect(emptyLoanDraft(now)).toEqual({ borrower: '', lentOn: '2026-11-20', dueOn: '' });
  });

  it('lends to a named borrower, the due date optional', () => {
    expect(parseLoanDraft({ borrower: ' Ana ', lentOn: '2026-11-03', dueOn: '2026-11-17' }, now)).toEqual({
      ok: true,
      fields: { borrower: 'Ana', lentOn: '2026-11-03', dueOn: '2026-11-17' },
    });
    expect(parseLoanDraft({ borrower: 'Ana', lentOn: '2026-11-20', dueOn: '' }, now)).toEqual({
      ok: true,
      fields: { borrower: 'Ana', lentOn: '2026-11-20', dueOn: null },
    });
  });

  it('records a loan that is already overdue (a due date in the past is allowed)', () => {
    expect(parseLoanDraft({ borrower: 'Ben', lentOn: '2026-10-01', dueOn: '2026-10-15' }, now).ok).toBe(true);
  });

  it('gives each wrong field its own message', () => {
    expect(parseLoanDraft({ borrower: '  ', lentOn: '2026-11-21', dueOn: '2026-11-19' }, now)).toEqual({
      ok: false,
      errors: { borrower: 'Say who is borrowing it.', lentOn: 'Lent on cannot be in the future.' },
    });
    expect(parseLoanDraft({ borrower: 'Ana', lentOn: '2026-11-10', dueOn: '2026-11-09' }, now)).toEqual({
      ok: false,
      errors: { dueOn: 'Due date cannot be before the day it was lent.' },
    });
    expect(parseLoanDraft({ borrower: 'Ana', lentOn: '', dueOn: '2026-13-01' }, now)).toEqual({
      ok: false,
      errors: { lentOn: 'Enter the day it was lent.', dueOn: 'Due date 2026-13-01 is not a real date.' },
    });
    expect(parseLoanDraft({ borrower: 'x'.repeat(201), lentOn: '2026-11-10', dueOn: '' }, now)).toEqual({
      ok: false,
      errors: { borrower: 'Borrower is 201 characters long; the limit is 200.' },
    });
  });

  it('accepts a copy due back the day it was lent', () => {
    expect(parseLoanDraft({ borrower: 'Ana', lentOn: '2026-11-10', dueOn: '2026-11-10' }, now).ok).toBe(true);
  });
});

describe('loan status', () => {
  it('is overdue only while out and past its due date', () => {
    expect(isOverdue(loan('a', { dueOn: '2026-11-19' }), today)).toBe(true);
    expect(isOverdue(loan('a', { dueOn: '2026-11-20' }), today)).toBe(false);
    expect(isOverdue(loan('a', { dueOn: null }), today)).toBe(false);
    expect(isOverdue(loan('a', { dueOn: '2026-11-01', returnedOn: '2026-11-19' }), today)).toBe(false);
  });

  it('counts days overdue in calendar days, across month, year and clock changes', () => {
    expect(daysOverdue(loan('a', { dueOn: '2026-11-17' }), today)).toBe(3);
    expect(daysOverdue(loan('a', { dueOn: '2026-11-25' }), today)).toBe(0);
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it('reads as a person would say it', () => {
    expect(loanDueLabel(loan('a', { dueOn: '2026-11-17' }), today)).toBe('3 days overdue');
    expect(loanDueLabel(loan('a', { dueOn: '2026-11-19' }), today)).toBe('1 day overdue');
    expect(loanDueLabel(loan('a', { dueOn: '2026-11-20' }), today)).toBe('Due today');
    expect(loanDueLabel(loan('a', { dueOn: '2026-11-21' }), today)).toBe('Due tomorrow');
    expect(loanDueLabel(loan('a', { dueOn: '2026-11-27' }), today)).toBe('Due in 7 days');
    expect(loanDueLabel(loan('a', { dueOn: null }), today)).toBe('No due date');
  });

  it('summarises an open loan, giving the due date’s year only when it differs', () => {
    expect(loanSummary(loan('a', { lentOn: '2026-11-03', dueOn: '2026-11-17' }))).toBe('Lent to Ana since 3 Nov 2026, due 17 Nov');
    expect(loanSummary(loan('a', { lentOn: '2026-12-20', dueOn: '2027-01-05' }))).toBe('Lent to Ana since 20 Dec 2026, due 5 Jan 2027');
    expect(loanSummary(loan('a', { borrower: 'Ben', lentOn: '2026-11-03' }))).toBe('Lent to Ben since 3 Nov 2026');
  });

  it('names a copy by its format and edition', () => {
    expect(copyLabel({ format: 'Blu-ray', edition: '' })).toBe('Blu-ray');
    expect(copyLabel({ format: 'DVD', edition: 'Special Edition' })).toBe('DVD, Special Edition');
  });
});

describe('compareLoansForLoanedOut', () => {
  it('puts overdue loans first, most overdue first, then by due date, undated last, then longest out', () => {
    const loans = [
      loan('no-due-recent', { lentOn: '2026-11-15' }),
      loan('due-later', { dueOn: '2026-12-01' }),
      loan('overdue-1', { dueOn: '2026-11-19' }),
      loan('no-due-old', { lentOn: '2026-09-01' }),
      loan('due-today', { dueOn: '2026-11-20' }),
      loan('overdue-10', { dueOn: '2026-11-10' }),
      loan('due-soon-lent-late', { dueOn: '2026-11-22', lentOn: '2026-11-18' }),
      loan('due-soon-lent-early', { dueOn: '2026-11-22', lentOn: '2026-11-02' }),
    ];
    expect(loans.sort(compareLoansForLoanedOut(today)).map((l) => l.id)).toEqual([
      'overdue-10',
      'overdue-1',
      'due-today',
      'due-soon-lent-early',
      'due-soon-lent-late',
      'due-later',
      'no-due-old',
      'no-due-recent',
    ]);
  });
});
