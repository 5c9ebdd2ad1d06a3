/** "Lend…": who borrows a copy, from when (today by default) and until when (optional). */
import { useId, useState } from 'react';
import { emptyLoanDraft, parseLoanDraft, type LoanDraft, type LoanFields } from '../../domain/copy';
import { localDateIso } from '../../domain/viewing';
import { useFormSubmit } from '../common/useFormSubmit';
import { Field } from '../common/Field';
import { FormActions, FormAlert } from '../common/FormParts';

interface LoanFormProps {
  /** Names the form: "Lend Blu-ray copy". */
  title: string;
  onLend: (fields: LoanFields) => Promise<void>;
  onCancel: () => void;
}

const fieldOrder: (keyof LoanDraft)[] = ['borrower', 'lentOn', 'dueOn'];

export function LoanForm({ title, onLend, onCancel }: LoanFormProps) {
  const [draft, setDraft] = useState<LoanDraft>(() => emptyLoanDraft(new Date()));
  const { errors, saveError, submit, formRef } = useFormSubmit({
    parse: () => parseLoanDraft(draft, new Date()),
    save: onLend,
    failurePrefix: 'Could not lend it',
    focusInvalid: { by: 'name', fieldOrder },
  });
  const titleId = useId();
  const today = localDateIso(new Date());

  const set = (name: keyof LoanDraft, value: string) => setDraft((current) => ({ ...current, [name]: value }));

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
      <FormAlert message={saveError} />
      <FormActions submitLabel="Lend" onCancel={onCancel} />
    </form>
  );
}
