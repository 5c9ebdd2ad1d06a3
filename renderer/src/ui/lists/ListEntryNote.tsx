/** The note on a film's place in a list ("the one that started it"): shown as text, edited in place. */
import { useRef, useState, type FormEvent } from 'react';
import { parseListEntryNote } from '../../domain/list';
import { setEntryNote } from '../../db/lists';
import { failureMessage } from '../../domain/errors';
import { FormActions, FormAlert } from '../common/FormParts';

interface ListEntryNoteProps {
  entryId: string;
  note: string;
  /** "Red Hot (1993)": names the controls, since every row has the same ones. */
  filmTitle: string;
}

export function ListEntryNote({ entryId, note, filmTitle }: ListEntryNoteProps) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  const close = () => {
    setEditing(false);
    setError(null);
    // Give focus back to the button that opened the editor, which React renders again on this tick.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const result = parseListEntryNote(text);
    if (!result.ok) return setError(result.error);
    // On failure the editor stays open with the text, to save again.
    setEntryNote(entryId, result.text).then(close, (saveError: unknown) =>
      setError(failureMessage(`The note on ${filmTitle} was not saved`, saveError)),
    );
  };

  if (editing) {
    return (
      <form className="list-entry-note-form" onSubmit={save} noValidate>
        <label className="visually-hidden" htmlFor={`note-${entryId}`}>
          Note on {filmTitle}
        </label>
        <textarea
          id={`note-${entryId}`}
          rows={2}
          value={text}
          autoFocus
          aria-invalid={error !== null}
          placeholder="Why it is here…"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
            // Ctrl/Cmd+Enter saves, as in the film notes.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit();
          }}
        />
        <FormAlert message={error} />
        <FormActions submitLabel="Save note" submitClassName="button-secondary" onCancel={close} cancelClassName="button-quiet" />
      </form>
    );
  }

  return (
    <div className="list-entry-note">
      {note && <p className="list-entry-note-text">{note}</p>}
      <button
        ref={editButton}
        type="button"
        className="button-quiet"
        aria-label={`${note ? 'Edit' : 'Add'} note on ${filmTitle}`}
        onClick={() => {
          setText(note);
          setEditing(true);
        }}
      >
        {note ? 'Edit note' : 'Add note'}
      </button>
    </div>
  );
}
