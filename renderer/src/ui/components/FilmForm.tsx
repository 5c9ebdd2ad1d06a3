/** The add/edit film form: labelled fields, a message beside each field that needs fixing, nothing lost. */
import { useRef, useState, type FormEvent } from 'react';
import { parseFilmDraft, type FilmDraft, type FilmDraftErrors, type FilmDraftField } from '../../domain/film-draft';
import type { FilmFields } from '../../domain/film';
import { CastEditor } from './CastEditor';
import { Field } from './Field';

interface FilmFormProps {
  initial: FilmDraft;
  submitLabel: string;
  onSubmit: (fields: FilmFields) => Promise<void>;
  onCancel: () => void;
}

type TextFieldName = Exclude<FilmDraftField, 'cast'>;

const fieldOrder: FilmDraftField[] = [
  'title', 'originalTitle', 'year', 'directors', 'cast', 'genres', 'runtimeMinutes', 'country', 'language', 'overview',
];

export function FilmForm({ initial, submitLabel, onSubmit, onCancel }: FilmFormProps) {
  const [draft, setDraft] = useState<FilmDraft>(initial);
  const [errors, setErrors] = useState<FilmDraftErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const set = (name: TextFieldName) => (value: string) => setDraft((current) => ({ ...current, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = parseFilmDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      // Move focus to the first field that needs fixing, so keyboard and screen-reader users land on it.
      const first = fieldOrder.find((name) => result.errors[name]);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"] [aria-invalid="true"], [data-field="${first}"] input`)?.focus());
      return;
    }
    setErrors({});
    setSaving(true);
    setSaveError(null);
    try {
      await onSubmit(result.fields);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
      setSaving(false);
    }
  };

  const text = (name: TextFieldName, label: string, options: { required?: boolean; hint?: string; inputMode?: 'numeric' } = {}) => (
    <div data-field={name}>
      <Field label={label} error={errors[name]} hint={options.hint} required={options.required}>
        {(control) => (
          <input
            {...control}
            name={name}
            inputMode={options.inputMode}
            value={draft[name]}
            onChange={(event) => set(name)(event.target.value)}
          />
        )}
      </Field>
    </div>
  );

  const errorCount = Object.keys(errors).length;
  return (
    <form ref={formRef} className="film-form" onSubmit={submit} noValidate>
      {errorCount > 0 && (
        <p className="form-summary" role="alert">
          {errorCount === 1 ? 'One field needs attention.' : `${errorCount} fields need attention.`}
        </p>
      )}
      {text('title', 'Title', { required: true })}
      {text('originalTitle', 'Original title', { hint: 'If the film was released under another title.' })}
      <div className="field-row">
        {text('year', 'Year', { inputMode: 'numeric' })}
        {text('runtimeMinutes', 'Runtime (minutes)', { inputMode: 'numeric' })}
      </div>
      {text('directors', 'Director(s)', { hint: 'Separate several with commas.' })}
      <div data-field="cast">
        <CastEditor cast={draft.cast} onChange={(cast) => setDraft((current) => ({ ...current, cast }))} error={errors.cast} />
      </div>
      {text('genres', 'Genres', { hint: 'Separate with commas, e.g. Drama, Music.' })}
      <div className="field-row">
        {text('country', 'Country')}
        {text('language', 'Language')}
      </div>
      <div data-field="overview">
        <Field label="Overview" error={errors.overview}>
          {(control) => (
            <textarea {...control} rows={6} value={draft.overview} onChange={(event) => set('overview')(event.target.value)} />
          )}
        </Field>
      </div>
      {saveError && (
        <p className="form-summary" role="alert">
          Could not save: {saveError}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
