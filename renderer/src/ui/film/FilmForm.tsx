/** The add/edit film form: labelled fields, a message beside each field that needs fixing, nothing lost. */
import { useState } from 'react';
import { parseFilmDraft, type FilmDraft, type FilmDraftField } from '../../domain/film-draft';
import type { FilmFields } from '../../domain/film';
import { useFormSubmit } from '../common/useFormSubmit';
import { CastEditor } from './CastEditor';
import { Field } from '../common/Field';
import { FieldErrorCount, FormActions, FormAlert } from '../common/FormParts';

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
  const { errors, saveError, saving, submit, formRef } = useFormSubmit({
    parse: () => parseFilmDraft(draft),
    save: onSubmit,
    failurePrefix: 'Could not save',
    // By wrapper, not name: the cast is a group of rows and the overview has no name.
    focusInvalid: { by: 'data-field', fieldOrder },
    closesOnSave: true,
  });

  const set = (name: TextFieldName) => (value: string) => setDraft((current) => ({ ...current, [name]: value }));

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

  return (
    <form ref={formRef} className="film-form" onSubmit={submit} noValidate>
      <FieldErrorCount errors={errors} className="form-summary" />
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
      <FormAlert message={saveError} className="form-summary" />
      <FormActions submitLabel={submitLabel} saving={saving} savingLabel="Saving…" onCancel={onCancel} />
    </form>
  );
}
