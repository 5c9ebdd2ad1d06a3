/** The add/edit copy form: labelled fields, a message beside each one that needs fixing, nothing saved until all are right. */
import { useId, useState } from 'react';
import { copyFormats, parseCopyDraft, type CopyDraft, type CopyFields } from '../../domain/copy';
import { localDateIso } from '../../domain/viewing';
import { useFormSubmit } from '../common/useFormSubmit';
import { Field } from '../common/Field';
import { FieldErrorCount, FormActions, FormAlert } from '../common/FormParts';
import '../styles/copies.css';

interface CopyFormProps {
  /** Names the form for assistive technology: "Add a copy", "Edit Blu-ray copy". */
  title: string;
  initial: CopyDraft;
  submitLabel: string;
  onSave: (fields: CopyFields) => Promise<void>;
  onCancel: () => void;
}

type TextName = Exclude<keyof CopyDraft, 'format'>;

const fieldOrder: (keyof CopyDraft)[] = ['format', 'edition', 'region', 'barcode', 'location', 'condition', 'purchasedOn', 'price', 'currency'];

export function CopyForm({ title, initial, submitLabel, onSave, onCancel }: CopyFormProps) {
  const [draft, setDraft] = useState<CopyDraft>(initial);
  const { errors, saveError, saving, submit, formRef } = useFormSubmit({
    parse: () => parseCopyDraft(draft),
    save: onSave,
    failurePrefix: 'Could not save the copy',
    focusInvalid: { by: 'name', fieldOrder },
    closesOnSave: true,
  });
  const titleId = useId();

  const set = (name: keyof CopyDraft, value: string) => setDraft((current) => ({ ...current, [name]: value }));

  const text = (name: TextName, label: string, options: { hint?: string; type?: string; inputMode?: 'numeric' | 'decimal'; max?: string } = {}) => (
    <Field label={label} error={errors[name]} hint={options.hint}>
      {(control) => (
        <input
          {...control}
          name={name}
          type={options.type ?? 'text'}
          inputMode={options.inputMode}
          max={options.max}
          value={draft[name]}
          onChange={(event) => set(name, event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form ref={formRef} className="copy-form" aria-labelledby={titleId} onSubmit={submit} noValidate>
      <h3 id={titleId} className="copy-form-title">
        {title}
      </h3>
      <Field label="Format" error={errors.format} required>
        {(control) => (
          <select {...control} name="format" value={draft.format} onChange={(event) => set('format', event.target.value)}>
            <option value="">Choose a format…</option>
            {copyFormats.map((format) => (
              <option key={format} value={format}>
                {format}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('edition', 'Edition', { hint: 'e.g. Criterion Collection, Director’s Cut' })}
      <div className="field-row">
        {text('region', 'Region')}
        {text('barcode', 'Barcode', { inputMode: 'numeric', hint: 'EAN or UPC digits' })}
      </div>
      <div className="field-row">
        {text('location', 'Location', { hint: 'Shelf, box or drive' })}
        {text('condition', 'Condition')}
      </div>
      {text('purchasedOn', 'Purchase date', { type: 'date', max: localDateIso(new Date()) })}
      <div className="copy-price-row">
        {text('price', 'Price paid', { inputMode: 'decimal', hint: 'e.g. 12.99' })}
        {text('currency', 'Currency')}
      </div>
      <FormAlert message={saveError} />
      <FieldErrorCount errors={errors} />
      <FormActions submitLabel={submitLabel} saving={saving} savingLabel="Saving…" onCancel={onCancel} />
    </form>
  );
}
