/** The list form (name, description, ranked), used to create a list and to rename or describe one. */
import { useId, useState } from 'react';
import { parseListFields, type ListFields } from '../../domain/list';
import { useFormSubmit } from '../common/useFormSubmit';
import { Field } from '../common/Field';
import { FormActions, FormAlert } from '../common/FormParts';
import '../styles/lists.css';

interface ListFormProps {
  initial?: Partial<ListFields>;
  submitLabel: string;
  /** A quick inline "new list" needs only a name and whether it is ranked; renaming needs no ranked box. */
  show?: { description?: boolean; ranked?: boolean };
  onSubmit: (fields: ListFields) => Promise<void>;
  onCancel?: () => void;
  /** Clears the form after a successful submit (creating several lists in a row). */
  resetAfterSubmit?: boolean;
  autoFocus?: boolean;
}

const blank: ListFields = { name: '', description: '', ranked: false };

export function ListForm(props: ListFormProps) {
  const { submitLabel, onSubmit, onCancel, resetAfterSubmit = false, autoFocus = false } = props;
  const showDescription = props.show?.description ?? true;
  const showRanked = props.show?.ranked ?? true;
  const [draft, setDraft] = useState<ListFields>({ ...blank, ...props.initial });
  const { errors, saveError, saving, submit, formRef } = useFormSubmit({
    parse: () => parseListFields(draft),
    save: async (fields: ListFields) => {
      await onSubmit(fields);
      if (resetAfterSubmit) setDraft({ ...blank, ...props.initial });
    },
    failurePrefix: 'Could not save the list',
    focusInvalid: { by: 'aria-invalid' },
  });
  const rankedHintId = useId();

  return (
    <form ref={formRef} className="list-form" onSubmit={submit} noValidate>
      <Field label="List name" error={errors.name} required>
        {(control) => (
          <input
            {...control}
            value={draft.name}
            autoFocus={autoFocus}
            placeholder="Best of 1993"
            onChange={(event) => setDraft((current) => ({ ...current, name: event.target.value }))}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && onCancel) {
                event.stopPropagation();
                onCancel();
              }
            }}
          />
        )}
      </Field>
      {showDescription && (
        <Field label="Description" error={errors.description} hint="Optional: what the list is for.">
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={draft.description}
              onChange={(event) => setDraft((current) => ({ ...current, description: event.target.value }))}
            />
          )}
        </Field>
      )}
      {showRanked && (
        <div className="list-form-ranked">
          <label className="list-form-check">
            <input
              type="checkbox"
              checked={draft.ranked}
              aria-describedby={rankedHintId}
              onChange={(event) => setDraft((current) => ({ ...current, ranked: event.target.checked }))}
            />
            Ranked
          </label>
          <p id={rankedHintId} className="field-hint">
            Numbers the films 1, 2, 3 … in your order.
          </p>
        </div>
      )}
      <FormAlert message={saveError} />
      <FormActions submitLabel={submitLabel} saving={saving} onCancel={onCancel} cancelClassName="button-quiet" />
    </form>
  );
}
