/** A film's notes: write in Markdown, read it rendered (safely), edit or delete with undo. */
import { useState, type FormEvent } from 'react';
import { parseNoteBody, type Annotation } from '../../domain/annotation';
import { failureMessage } from '../../domain/errors';
import { addNote, deleteNote, restoreNote, updateNote } from '../../db/notes';
import { useCatalogActions } from '../common/useCatalogActions';
import { useNotes } from '../common/useCatalog';
import { renderNoteMarkdown } from './markdown';
import { FormActions, FormAlert } from '../common/FormParts';

const timestampFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function NoteEditor(props: { label: string; initial: string; submitLabel: string; onSave: (body: string) => Promise<void>; onCancel?: () => void }) {
  const [text, setText] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = parseNoteBody(text);
    if (!result.ok) return setError(result.error);
    setError(null);
    // On failure the text stays in the box, to save again.
    props.onSave(result.body).then(
      () => setText(''),
      (saveError: unknown) => setError(failureMessage('The note was not saved', saveError)),
    );
  };
  return (
    <form className="note-editor" onSubmit={submit} noValidate>
      <label className="field">
        {props.label}
        <textarea
          rows={4}
          value={text}
          aria-invalid={error !== null}
          placeholder="Write in Markdown: **bold**, *italic*, lists, links…"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Ctrl/Cmd+Enter saves, as in most editors.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit();
          }}
        />
      </label>
      <FormAlert message={error} />
      <FormActions submitLabel={props.submitLabel} submitClassName="button-secondary" onCancel={props.onCancel} cancelClassName="button-quiet" />
    </form>
  );
}

function NoteItem({ note, onDelete }: { note: Annotation; onDelete: (note: Annotation) => void }) {
  const [editing, setEditing] = useState(false);
  const edited = note.updatedAt !== note.createdAt;
  return (
    <li className="note">
      {editing ? (
        <NoteEditor
          label="Edit note"
          initial={note.body}
          submitLabel="Save note"
          onSave={async (body) => {
            await updateNote(note.id, body);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <div className="note-body markdown" dangerouslySetInnerHTML={{ __html: renderNoteMarkdown(note.body) }} />
          <p className="note-meta">
            Written <time dateTime={note.createdAt}>{timestampFormat.format(new Date(note.createdAt))}</time>
            {edited && (
              <>
                {' · edited '}
                <time dateTime={note.updatedAt}>{timestampFormat.format(new Date(note.updatedAt))}</time>
              </>
            )}
          </p>
          <div className="note-actions">
            <button type="button" className="button-quiet" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" className="button-quiet" onClick={() => onDelete(note)}>
              Delete
            </button>
          </div>
        </>
      )}
    </li>
  );
}

export function NotesPanel({ filmId }: { filmId: string }) {
  const notes = useNotes(filmId);
  const { undoable } = useCatalogActions();
  const remove = (note: Annotation) =>
    undoable({
      run: () => deleteNote(note.id),
      notDone: 'The note was not deleted',
      done: () => 'Note deleted.',
      undo: restoreNote,
      notUndone: 'The note was not restored',
    });
  return (
    <section className="panel" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      <NoteEditor label="New note" initial="" submitLabel="Add note" onSave={async (body) => {
          await addNote(filmId, body);
        }} />
      {notes !== undefined && notes.length > 0 && (
        <ul className="note-list" aria-label="Notes">
          {notes.map((note) => (
            <NoteItem key={note.id} note={note} onDelete={remove} />
          ))}
        </ul>
      )}
    </section>
  );
}
