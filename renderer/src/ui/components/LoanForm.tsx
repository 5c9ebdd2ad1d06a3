/** "Lend…": who borrows a copy, from when (today by default) and until when (optional). */
import { useId, useRef, useState, type FormEvent } from 'react';
import { emptyLoanDraft, parseLoanDraft, type LoanDraft, type LoanDraftErrors, type LoanFields } from '../../domain/copy';
import { localDateIso } from '../../domain/viewing';
import { Field } from './Field';

interface LoanFormProps {
  /** Names the form: "Lend Blu-ray copy". */
  title: string;
  onLend: (fields: LoanFields) => Promise<void>;
  onCancel: () => void;
}

const fieldOrder: (keyof LoanDraft)[] = ['borrower', 'lentOn', 'dueOn'];

export function LoanForm({ title, onLend, onCancel }: LoanFormProps) {
  const [draft, setDraft] = useState<LoanDraft>(() => emptyLoanDraft(new Date()));
  const [errors, setErrors] = useState<LoanDraftErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const today = localDateIso(new Date());

  const set = (name: keyof LoanDraft, value: string) => setDraft((current) => ({ ...current, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = parseLoanDraft(draft, new Date());
    if (!result.ok) {
      setErrors(result.errors);
      const first = fieldOrder.find((name) => result.errors[name]);
      formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    setSaveError(null);
    try {
      await onLend(result.fields);
    } catch (error) {
      setSaveError(`Could not lend it: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <form ref={formRef} className="loan-form" aria-labelledby={titleId} onSubmit={submit} noValidate>
      <h4 id={titleId} className="copy-form-title">
        {title}
      </h4>
      <Field label="Borrower" error={errors.borrower} required>
        {(control) => (
          <input {...control} name="borrower" autoFocus value={draft.borrower} onChange={(event) => set('borrower', event.target.value)} />
        )}
      </Field>
      <div className="field-row">
        <Field label="Lent on" error={errors.lentOn} required>
          {(control) => (
            <input {...control} name="lentOn" type="date" max={today} value={draft.lentOn} onChange={(event) => set('lentOn', event.target.value)} />
          )}
        </Field>
        <Field label="Due back" error={errors.dueOn} hint="Optional">
          {(control) => (
            <input {...control} name="dueOn" type="date" min={draft.lentOn || undefined} value={draft.dueOn} onChange={(event) => set('dueOn', event.target.value)} />
          )}
        </Field>
      </div>
      {saveError && (
        <p className="field-error" role="alert">
          {saveError}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary">
          Lend
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
