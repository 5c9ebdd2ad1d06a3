/**
 * The form for one viewing, used to log and to edit: when (a day, only a month or year, or unknown), rewatch
 * (ticked from the film's history until the person changes it), the rating given that time, where or how, and a
 * short note. Logging keeps the quick path short: rating, medium and note open on request.
 */
import { useEffect, useId, useState } from 'react';
import { MAX_VIEWING_NOTE_LENGTH, viewingMedia, viewingMediumLabels } from '../../domain/viewing';
import type { Viewing, ViewingFields, ViewingMedium } from '../../domain/viewing';
import { draftRewatch, parseViewingDraft, type ViewingDraft } from '../../domain/viewing-draft';
import { useFormSubmit } from '../common/useFormSubmit';
import { FormActions, FormAlert } from '../common/FormParts';
import { RatingControl } from '../common/RatingControl';
import { ViewingDateFields } from './ViewingDateFields';
import '../styles/diary.css';

function ViewingDetailsFields(props: { draft: ViewingDraft; error: string | undefined; onChange: (draft: ViewingDraft) => void }) {
  const { draft, error, onChange } = props;
  const id = useId();
  return (
    <div className="viewing-details">
      <div className="viewing-detail">
        <span className="viewing-detail-label" aria-hidden="true">
          Rating this time
        </span>
        <RatingControl label="Rating this time" value={draft.rating} onChange={(rating) => onChange({ ...draft, rating })} />
      </div>
      <label className="viewing-detail">
        <span className="viewing-detail-label">Where or how</span>
        <select
          value={draft.medium ?? ''}
          onChange={(event) => onChange({ ...draft, medium: (event.target.value || null) as ViewingMedium | null })}
        >
          <option value="">Not said</option>
          {viewingMedia.map((medium) => (
            <option key={medium} value={medium}>
              {viewingMediumLabels[medium]}
            </option>
          ))}
        </select>
      </label>
      <div className="viewing-detail viewing-detail-note">
        <label htmlFor={`${id}-note`} className="viewing-detail-label">
          Note
        </label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={draft.note}
          placeholder="Who with, what struck you…"
          aria-invalid={error !== undefined}
          aria-describedby={`${id}-count${error ? ` ${id}-error` : ''}`}
          onChange={(event) => onChange({ ...draft, note: event.target.value })}
        />
        <p id={`${id}-count`} className="field-hint">
          {draft.note.trim().length.toLocaleString('en')} of {MAX_VIEWING_NOTE_LENGTH.toLocaleString('en')} characters
        </p>
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

interface ViewingFormProps {
  /** The form's accessible name, e.g. "Log a viewing" or "Edit viewing of 25 November 2026". */
  label: string;
  initial: ViewingDraft;
  /** The film's other viewings: they decide the rewatch box until the person ticks or unticks it. */
  loggedBefore: readonly Viewing[];
  submitLabel: string;
  onSave: (fields: ViewingFields) => Promise<void>;
  onCancel?: () => void;
  /** Editing shows every field at once; logging keeps rating, medium and note behind a button. */
  detailsOpen?: boolean;
  /** After a successful save, start again from this (the log form stays on screen; the edit form closes). */
  nextDraft?: () => ViewingDraft;
  /** Put keyboard focus in the first field when the form appears (an edit form replacing its Edit button). */
  focusOnOpen?: boolean;
}

export function ViewingForm(props: ViewingFormProps) {
  const { label, loggedBefore, submitLabel, onSave, onCancel, detailsOpen = false, nextDraft, focusOnOpen = false } = props;
  const [draft, setDraft] = useState(props.initial);
  const [showDetails, setShowDetails] = useState(detailsOpen);
  const { errors, saveError, saving, submit, formRef } = useFormSubmit({
    parse: () => parseViewingDraft(draft, loggedBefore, new Date()),
    save: async (fields: ViewingFields) => {
      await onSave(fields);
      if (nextDraft) setDraft(nextDraft());
    },
    failurePrefix: 'Could not save the viewing',
    focusInvalid: { by: 'aria-invalid' },
    onInvalid: (refused) => {
      if (refused.note) setShowDetails(true);
    },
  });
  const detailsId = useId();
  useEffect(() => {
    if (focusOnOpen) formRef.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [focusOnOpen, formRef]); // formRef never changes; it is listed only because it comes from a hook.

  return (
    <form ref={formRef} className="viewing-form" aria-label={label} onSubmit={submit} noValidate>
      <ViewingDateFields draft={draft.date} error={errors.date} onChange={(date) => setDraft((current) => ({ ...current, date }))} />
      <div className="viewing-form-row">
        <label className="viewing-check">
          <input
            type="checkbox"
            checked={draftRewatch(draft, loggedBefore, new Date())}
            onChange={(event) => setDraft((current) => ({ ...current, rewatch: event.target.checked }))}
          />
          Rewatch
        </label>
        {!detailsOpen && (
          <button
            type="button"
            className="button-quiet"
            aria-expanded={showDetails}
            aria-controls={showDetails ? detailsId : undefined}
            onClick={() => setShowDetails((shown) => !shown)}
          >
            {showDetails
              ? 'Hide rating, where and note'
              : draft.rating !== null || draft.medium !== null || draft.note.trim() !== ''
                ? 'Show rating, where and note (filled in)'
                : 'Add rating, where, note…'}
          </button>
        )}
      </div>
      {showDetails && (
        <div id={detailsId}>
          <ViewingDetailsFields draft={draft} error={errors.note} onChange={setDraft} />
        </div>
      )}
      <FormAlert message={saveError} />
      <FormActions submitLabel={submitLabel} submitClassName="button-secondary" saving={saving} onCancel={onCancel} cancelClassName="button-quiet" />
    </form>
  );
}
