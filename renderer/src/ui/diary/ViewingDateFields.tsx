/**
 * When a viewing happened, as precisely as the person remembers: a date input for a day, month and year fields
 * for a month, a year field, or nothing; a precision choice switches between them without losing what was typed.
 */
import { useId } from 'react';
import { localDateIso, monthName, type WatchedOnPrecision } from '../../domain/viewing';
import {
  watchedOnPrecisionLabels,
  watchedOnPrecisions,
  withDay,
  withPrecision,
  type WatchedOnDraft,
} from '../../domain/viewing-draft';

const months = Array.from({ length: 12 }, (_, index) => String(index + 1).padStart(2, '0'));

/** The date as precisely as the person knows it: a day, a month and year, a year, or nothing. */
export function ViewingDateFields(props: { draft: WatchedOnDraft; error: string | undefined; onChange: (draft: WatchedOnDraft) => void }) {
  const { draft, error, onChange } = props;
  const errorId = useId();
  // Point the error at the control to fix: the month while none is chosen, else the year (or the day).
  const invalid = (control: 'day' | 'month' | 'year') => {
    const culprit = draft.precision === 'month' && draft.month === '' ? 'month' : draft.precision === 'day' ? 'day' : 'year';
    const isCulprit = error !== undefined && control === culprit;
    return { 'aria-invalid': isCulprit, 'aria-describedby': isCulprit ? errorId : undefined };
  };
  const year = (
    <label className="field-inline">
      Year watched
      <input
        className="viewing-year"
        inputMode="numeric"
        autoComplete="off"
        size={4}
        value={draft.year}
        {...invalid('year')}
        onChange={(event) => onChange({ ...draft, year: event.target.value })}
      />
    </label>
  );
  return (
    <div className="viewing-when">
      <div className="viewing-when-controls">
        {draft.precision === 'day' && (
          <label className="field-inline">
            Date watched
            <input
              type="date"
              value={draft.day}
              max={localDateIso(new Date())}
              {...invalid('day')}
              onChange={(event) => onChange(withDay(draft, event.target.value))}
            />
          </label>
        )}
        {draft.precision === 'month' && (
          <>
            <label className="field-inline">
              Month watched
              <select value={draft.month} {...invalid('month')} onChange={(event) => onChange({ ...draft, month: event.target.value })}>
                <option value="">Choose…</option>
                {months.map((month) => (
                  <option key={month} value={month}>
                    {monthName(Number(month))}
                  </option>
                ))}
              </select>
            </label>
            {year}
          </>
        )}
        {draft.precision === 'year' && year}
        {draft.precision === 'unknown' && <span className="quiet">No date: the diary lists it under “Date unknown”.</span>}
        <select
          aria-label="Date precision"
          value={draft.precision}
          onChange={(event) => onChange(withPrecision(draft, event.target.value as WatchedOnPrecision))}
        >
          {watchedOnPrecisions.map((precision) => (
            <option key={precision} value={precision}>
              {watchedOnPrecisionLabels[precision]}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
