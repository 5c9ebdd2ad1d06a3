/** One copy on a film's page: its details, edit and delete, lending it out and taking it back, its loan history. */
import { useId, useRef, useState } from 'react';
import {
  copyDraftFromCopy, copyLabel, daysBetween, formatPrice, formatShortDate, isOverdue, loanDueLabel, loanSummary, type Loan,
} from '../../domain/copy';
import { formatCalendarDate } from '../../domain/viewing';
import { lendCopy, updateCopy, type CopyWithLoans } from '../../db/copies';
import { useToast } from '../common/Toasts';
import { useReturnLoan } from './useCopies';
import { CopyForm } from './CopyForm';
import { LoanForm } from './LoanForm';

type FocusTarget = 'edit' | 'lend' | 'mark';

interface CopyItemProps {
  entry: CopyWithLoans;
  today: string;
  onDelete: () => void;
}

function CopyDetails({ entry }: { entry: CopyWithLoans }) {
  const { copy } = entry;
  const details: [string, string][] = [];
  if (copy.region) details.push(['Region', copy.region]);
  if (copy.location) details.push(['Location', copy.location]);
  if (copy.condition) details.push(['Condition', copy.condition]);
  if (copy.price) details.push(['Price', formatPrice(copy.price)]);
  if (copy.purchasedOn) details.push(['Bought', formatCalendarDate(copy.purchasedOn)]);
  if (copy.barcode) details.push(['Barcode', copy.barcode]);
  if (details.length === 0) return null;
  return (
    <dl className="copy-details">
      {details.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function LoanHistory({ loans }: { loans: Loan[] }) {
  if (loans.length === 0) return null;
  return (
    <details className="loan-history">
      <summary>Loan history ({loans.length})</summary>
      <ol aria-label="Loan history">
        {loans.map((loan) => {
          const late = loan.dueOn !== null && loan.returnedOn !== null && loan.returnedOn > loan.dueOn;
          return (
            <li key={loan.id}>
              {loan.borrower}: {formatShortDate(loan.lentOn)} – {formatShortDate(loan.returnedOn ?? loan.lentOn)}
              {late && loan.dueOn && loan.returnedOn && (
                <span className="loan-late"> ({daysBetween(loan.dueOn, loan.returnedOn)} days late)</span>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}

export function CopyItem({ entry, today, onDelete }: CopyItemProps) {
  const { copy, openLoan } = entry;
  const [mode, setMode] = useState<'view' | 'edit' | 'lend'>('view');
  const toast = useToast();
  const returnLoan = useReturnLoan(today);
  const headingId = useId();
  const label = copyLabel(copy);
  // Where keyboard focus goes once a form closes or a loan changes, so it is never dropped on the page body.
  const focusTarget = useRef<FocusTarget | null>(null);
  const setFocusTarget = (target: FocusTarget) => {
    focusTarget.current = target;
  };
  /** A ref that focuses its button when it appears, if that is where focus was meant to go. */
  const focusWhenShown = (target: FocusTarget) => (button: HTMLButtonElement | null) => {
    if (button && focusTarget.current === target) {
      focusTarget.current = null;
      button.focus();
    }
  };

  const markReturned = (loan: Loan) => returnLoan(loan, `the ${label}`, () => setFocusTarget('lend'));

  if (mode === 'edit') {
    return (
      <li className="copy">
        <CopyForm
          title={`Edit ${label}`}
          initial={copyDraftFromCopy(copy)}
          submitLabel="Save copy"
          onSave={async (fields) => {
            await updateCopy(copy.id, fields);
            setMode('view');
            setFocusTarget('edit');
          }}
          onCancel={() => {
            setMode('view');
            setFocusTarget('edit');
          }}
        />
      </li>
    );
  }

  const overdue = openLoan !== null && isOverdue(openLoan, today);
  return (
    <li className="copy" aria-labelledby={headingId}>
      <div className="copy-head">
        <h3 id={headingId} className="copy-title">
          {copy.format}
          {copy.edition && <span className="copy-edition"> · {copy.edition}</span>}
        </h3>
        <div className="copy-actions">
          <button type="button" className="button-quiet" ref={focusWhenShown('edit')} aria-label={`Edit ${label}`} onClick={() => setMode('edit')}>
            Edit
          </button>
          <button type="button" className="button-quiet" aria-label={`Delete ${label}`} onClick={onDelete}>
            Delete
          </button>
        </div>
      </div>
      <CopyDetails entry={entry} />
      {openLoan ? (
        <div className={overdue ? 'loan-status is-overdue' : 'loan-status'}>
          <p>
            {loanSummary(openLoan)}
            {openLoan.dueOn !== null && <strong className="loan-due"> · {loanDueLabel(openLoan, today)}</strong>}
          </p>
          <button
            type="button"
            className="button-secondary"
            ref={focusWhenShown('mark')}
            aria-label={`Mark returned: ${label}`}
            onClick={() => markReturned(openLoan)}
          >
            Mark returned
          </button>
        </div>
      ) : mode === 'lend' ? (
        <LoanForm
          title={`Lend ${label}`}
          onLend={async (fields) => {
            await lendCopy(copy.id, fields);
            setMode('view');
            setFocusTarget('mark');
            toast({ message: `Lent the ${label} to ${fields.borrower}.` });
          }}
          onCancel={() => {
            setMode('view');
            setFocusTarget('lend');
          }}
        />
      ) : (
        <button type="button" className="button-secondary copy-lend" ref={focusWhenShown('lend')} aria-label={`Lend… ${label}`} onClick={() => setMode('lend')}>
          Lend…
        </button>
      )}
      <LoanHistory loans={entry.pastLoans} />
    </li>
  );
}
