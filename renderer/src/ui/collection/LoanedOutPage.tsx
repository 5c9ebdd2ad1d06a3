/** Loaned out: every copy that is out, overdue ones first, each returnable in one click (with Undo). */
import { useRef } from 'react';
import { Link } from 'wouter';
import { copyLabel, daysOverdue, formatShortDate, isOverdue, loanDueLabel } from '../../domain/copy';
import { filmDisplayTitle } from '../../domain/film';
import type { OpenLoanRow } from '../../db/copies';
import { useOpenLoans, useReturnLoan, useToday } from './useCopies';
import '../styles/copies.css';

function LoanRow({ row, today, onReturned }: { row: OpenLoanRow; today: string; onReturned: () => void }) {
  const returnLoan = useReturnLoan(today);
  const { loan, film, copy } = row;
  const title = filmDisplayTitle(film);
  const overdue = isOverdue(loan, today);

  return (
    <tr className={overdue ? 'is-overdue' : undefined}>
      <th scope="row">
        <Link href={`/films/${film.id}`}>{title}</Link>
      </th>
      <td>{copyLabel(copy)}</td>
      <td>{loan.borrower}</td>
      <td>
        <time dateTime={loan.lentOn}>{formatShortDate(loan.lentOn)}</time>
      </td>
      <td>{loan.dueOn === null ? <span className="quiet">—</span> : <time dateTime={loan.dueOn}>{formatShortDate(loan.dueOn)}</time>}</td>
      <td className="loan-state">{loanDueLabel(loan, today)}</td>
      <td>
        <button type="button" className="button-secondary" aria-label={`Mark returned: ${title}, lent to ${loan.borrower}`} onClick={() => returnLoan(loan, `the ${copyLabel(copy)} of ${title}`, onReturned)}>
          Mark returned
        </button>
      </td>
    </tr>
  );
}

export function LoanedOutPage() {
  const today = useToday();
  const rows = useOpenLoans(today);
  const overdueCount = rows?.filter((row) => daysOverdue(row.loan, today) > 0).length ?? 0;
  // The returned row disappears; keyboard focus moves to the heading instead of falling to the page body.
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <section className="page loaned-out-page" aria-labelledby="loans-heading">
      <h1 id="loans-heading" className="page-title" ref={heading} tabIndex={-1}>
        Loaned out
      </h1>
      {rows === undefined ? (
        <p className="quiet">Loading…</p>
      ) : rows.length === 0 ? (
        <div className="empty-state">
          <h2>Nothing is out on loan</h2>
          <p>To lend a copy, open a film, add the copy you own under Copies, and choose Lend….</p>
          <Link href="/">Go to the Library</Link>
        </div>
      ) : (
        <>
          <p className="toolbar-count">
            {rows.length === 1 ? '1 copy is out' : `${rows.length} copies are out`}
            {overdueCount > 0 && <strong className="loan-overdue-count">, {overdueCount} overdue</strong>}.
          </p>
          <table className="loans-table" aria-labelledby="loans-heading">
            <thead>
              <tr>
                <th scope="col">Film</th>
                <th scope="col">Copy</th>
                <th scope="col">Borrower</th>
                <th scope="col">Lent on</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <LoanRow key={row.loan.id} row={row} today={today} onReturned={() => heading.current?.focus()} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
