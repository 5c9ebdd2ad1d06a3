/**
 * "I watched it": log a viewing (today by default, or only a month or year, or no date) with what was true that
 * time, and see, edit or remove every viewing of the film.
 */
import { useEffect, useRef, useState } from 'react';
import { formatWatchedOn, watchedOnPhrase, type Viewing, type ViewingFields } from '../../domain/viewing';
import { newViewingDraft, viewingDraftOf } from '../../domain/viewing-draft';
import { deleteViewing, logViewing, restoreViewing, updateViewing } from '../../db/viewings';
import { useViewings } from '../common/useCatalog';
import { useToast } from '../common/Toasts';
import { useCatalogActions } from '../common/useCatalogActions';
import { ViewingFacts } from './ViewingFacts';
import { ViewingForm } from './ViewingForm';
import '../styles/diary.css';

interface ViewingItemProps {
  viewing: Viewing;
  others: readonly Viewing[];
  editing: boolean;
  onEdit: (editing: boolean) => void;
  onRemove: (viewing: Viewing) => void;
}

function ViewingItem({ viewing, others, editing, onEdit, onRemove }: ViewingItemProps) {
  const when = formatWatchedOn(viewing.watchedOn);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    // Back from the edit form, keyboard focus returns to the Edit button it started from.
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (editing) {
    return (
      <li className="viewing-entry is-editing">
        <ViewingForm
          label={`Edit viewing of ${when}`}
          initial={viewingDraftOf(viewing)}
          loggedBefore={others}
          detailsOpen
          focusOnOpen
          submitLabel="Save viewing"
          onSave={async (fields) => {
            await updateViewing(viewing.id, fields);
            onEdit(false);
          }}
          onCancel={() => onEdit(false)}
        />
      </li>
    );
  }
  return (
    <li className="viewing-entry">
      <div className="viewing-entry-line">
        <time dateTime={viewing.watchedOn ?? undefined} className="viewing-date">
          {when}
        </time>
        <ViewingFacts viewing={viewing} />
      </div>
      {viewing.note && <p className="viewing-note">{viewing.note}</p>}
      <div className="viewing-actions">
        <button ref={editButton} type="button" className="button-quiet" aria-label={`Edit viewing of ${when}`} onClick={() => onEdit(true)}>
          Edit
        </button>
        <button type="button" className="button-quiet" aria-label={`Remove viewing of ${when}`} onClick={() => onRemove(viewing)}>
          Remove
        </button>
      </div>
    </li>
  );
}

export function ViewingsPanel({ filmId }: { filmId: string }) {
  const viewings = useViewings(filmId);
  const toast = useToast();
  const [editingId, setEditingId] = useState<string | null>(null);

  const log = async (fields: ViewingFields) => {
    const { watchedOn, ...details } = fields;
    await logViewing(filmId, watchedOn, details);
    toast({ message: `Logged a ${fields.rewatch ? 'rewatch' : 'viewing'} ${watchedOnPhrase(watchedOn)}.` });
  };

  const { undoable } = useCatalogActions();
  const remove = (viewing: Viewing) =>
    undoable({
      run: () => deleteViewing(viewing.id),
      notDone: `The viewing ${watchedOnPhrase(viewing.watchedOn)} was not removed`,
      done: (removed) => `Removed the viewing ${watchedOnPhrase(removed.watchedOn)}.`,
      undo: restoreViewing,
      notUndone: `The viewing ${watchedOnPhrase(viewing.watchedOn)} was not put back`,
    });

  return (
    <section className="panel viewings-panel" aria-labelledby="viewings-heading">
      <h2 id="viewings-heading">Viewings</h2>
      {viewings === undefined ? (
        <p className="quiet" aria-busy="true">
          Loading viewings…
        </p>
      ) : (
        <>
          {/* Rendered once the history is known, so the rewatch box shows the truth from the start. */}
          <ViewingForm
            label="Log a viewing"
            initial={newViewingDraft(new Date())}
            nextDraft={() => newViewingDraft(new Date())}
            loggedBefore={viewings}
            submitLabel="Log viewing"
            onSave={log}
          />
          {viewings.length === 0 ? (
            <p className="quiet">Not watched yet.</p>
          ) : (
            <ul className="viewing-history" aria-label="Viewings">
              {viewings.map((viewing) => (
                <ViewingItem
                  key={viewing.id}
                  viewing={viewing}
                  others={viewings.filter((other) => other.id !== viewing.id)}
                  editing={editingId === viewing.id}
                  onEdit={(editing) => setEditingId(editing ? viewing.id : null)}
                  onRemove={remove}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
