/** Live views of copies and loans for components: each re-renders when the copies or loans it reads change. */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { copiesOfFilm, openLoans, returnLoan, undoReturn, type CopyWithLoans, type OpenLoanRow } from '../../db/copies';
import type { Loan } from '../../domain/copy';
import { localDateIso } from '../../domain/viewing';
import { useCatalogActions } from '../common/useCatalogActions';

/** A film's copies with their loans; undefined while loading. */
export function useCopiesOfFilm(filmId: string): CopyWithLoans[] | undefined {
  return useLiveQuery(() => copiesOfFilm(filmId), [filmId]);
}

/** Every open loan in Loaned out order for `today`; undefined while loading. */
export function useOpenLoans(today: string): OpenLoanRow[] | undefined {
  return useLiveQuery(() => openLoans(today), [today]);
}

/** Today's local date (YYYY-MM-DD), moving on at midnight so "overdue" stays true in a window left open. */
export function useToday(): string {
  const [today, setToday] = useState(() => localDateIso(new Date()));
  useEffect(() => {
    const timer = setInterval(() => setToday(localDateIso(new Date())), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}

/**
 * "Mark returned", wherever it is offered: the loan is closed today, with Undo. `what` names the copy in messages
 * ("the DVD of Alien"); `then` runs once it is returned (to move focus).
 */
export function useReturnLoan(today: string): (loan: Loan, what: string, then?: () => void) => void {
  const { undoable } = useCatalogActions();
  return (loan, what, then) =>
    undoable({
      run: () => returnLoan(loan.id, today),
      notDone: `${loan.borrower}’s loan of ${what} was not marked returned`,
      ...(then && { then }),
      done: () => `${loan.borrower} returned ${what}.`,
      undo: undoReturn,
      notUndone: `${loan.borrower}’s loan of ${what} was not reopened`,
    });
}
