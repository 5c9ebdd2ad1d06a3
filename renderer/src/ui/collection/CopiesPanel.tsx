/** The copies a person owns of a film, on its page: add, edit, delete (with Undo), lend and take back. */
import { useRef, useState } from 'react';
import { copyLabel, emptyCopyDraft, type Copy } from '../../domain/copy';
import { addCopy, deleteCopy, restoreCopy } from '../../db/copies';
import { useCopiesOfFilm, useToday } from './useCopies';
import { CopyForm } from './CopyForm';
import { CopyItem } from './CopyItem';
import { useToast } from '../common/Toasts';
import { useCatalogActions } from '../common/useCatalogActions';
import '../styles/copies.css';

export function CopiesPanel({ filmId }: { filmId: string }) {
  const copies = useCopiesOfFilm(filmId);
  const today = useToday();
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  // After the add form closes or a copy is deleted, keyboard focus lands on "Add copy" rather than the page body.
  const focusAddButton = useRef(false);
  const closeForm = () => {
    setAdding(false);
    focusAddButton.current = true;
  };

  const { undoable } = useCatalogActions();
  const remove = (copy: Copy) =>
    undoable({
      run: () => deleteCopy(copy.id),
      notDone: `The ${copyLabel(copy)} was not deleted`,
      then: () => {
        focusAddButton.current = true;
      },
      done: ({ loans }) => `Deleted the ${copyLabel(copy)}${loans.length > 0 ? ` and its ${loans.length === 1 ? 'loan' : `${loans.length} loans`}` : ''}.`,
      undo: restoreCopy,
      notUndone: `The ${copyLabel(copy)} was not put back`,
    });

  return (
    <section className="panel copies-panel" aria-labelledby="copies-heading">
      <h2 id="copies-heading">Copies</h2>
      {copies !== undefined && copies.length === 0 && !adding && (
        <p className="quiet">No copies yet. Add the discs, tapes or files you own to track where they are and who has them.</p>
      )}
      {copies !== undefined && copies.length > 0 && (
        <ul className="copy-list" aria-label="Copies">
          {copies.map((entry) => (
            <CopyItem key={entry.copy.id} entry={entry} today={today} onDelete={() => remove(entry.copy)} />
          ))}
        </ul>
      )}
      {adding ? (
        <CopyForm
          title="Add a copy"
          initial={emptyCopyDraft}
          submitLabel="Add copy"
          onSave={async (fields) => {
            await addCopy(filmId, fields);
            closeForm();
            toast({ message: `Added a ${copyLabel(fields)} copy.` });
          }}
          onCancel={closeForm}
        />
      ) : (
        <button
          type="button"
          className="button-secondary"
          ref={(button) => {
            if (button && focusAddButton.current) {
              focusAddButton.current = false;
              button.focus();
            }
          }}
          onClick={() => setAdding(true)}
        >
          Add copy
        </button>
      )}
    </section>
  );
}
