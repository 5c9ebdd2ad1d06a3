/** The lines that end the catalog's forms: an announced message, how many fields need fixing, submit and Cancel. */

/** A message announced as it appears (why saving failed, why a note was refused); nothing when there is none. */
export function FormAlert({ message, className = 'field-error' }: { message: string | null | undefined; className?: string }) {
  if (!message) return null;
  return (
    <p className={className} role="alert">
      {message}
    </p>
  );
}

/** "One field needs attention." / "3 fields need attention.", announced; nothing when every field is right. */
export function FieldErrorCount({ errors, className = 'field-error' }: { errors: object; className?: string }) {
  const count = Object.keys(errors).length;
  if (count === 0) return null;
  return <FormAlert className={className} message={count === 1 ? 'One field needs attention.' : `${count} fields need attention.`} />;
}

interface FormActionsProps {
  submitLabel: string;
  submitClassName?: string;
  /** While true the submit button is disabled (and says `savingLabel`, when given). */
  saving?: boolean;
  savingLabel?: string;
  /** No Cancel button without it. */
  onCancel?: () => void;
  cancelClassName?: string;
}

export function FormActions(props: FormActionsProps) {
  const { submitLabel, submitClassName = 'button-primary', saving, savingLabel, onCancel, cancelClassName = 'button-secondary' } = props;
  return (
    <div className="form-actions">
      <button type="submit" className={submitClassName} disabled={saving}>
        {saving && savingLabel !== undefined ? savingLabel : submitLabel}
      </button>
      {onCancel && (
        <button type="button" className={cancelClassName} onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
