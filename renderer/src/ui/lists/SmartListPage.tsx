/**
 * A smart list: the Library with a saved search, filters and order, live as the catalog changes. The view can be
 * changed here like any Library view, then saved back into the list; the list can be renamed or deleted (with Undo).
 */
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useLocation } from 'wouter';
import { type LibraryView } from '../../domain/library-query';
import { viewFromSearch, viewToSearch } from '../../domain/library-url';
import { checkSmartListName, type SmartList } from '../../domain/smart-list';
import { deleteSmartList, renameSmartList, restoreSmartList, smartListById, updateSmartListQuery } from '../../db/smart-lists';
import { useCatalogActions } from '../common/useCatalogActions';
import { useToast } from '../common/Toasts';
import { LibraryPage } from '../library/LibraryPage';

function RenameForm({ list, onDone }: { list: SmartList; onDone: () => void }) {
  const [name, setName] = useState(list.name);
  const [error, setError] = useState<string | null>(null);
  const { write } = useCatalogActions();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSmartListName(name);
    if (!checked.ok) return setError(checked.error);
    write(`The smart list “${list.name}” was not renamed`, () => renameSmartList(list.id, checked.name), onDone);
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label="Rename smart list">
      <input aria-label="Smart list name" value={name} autoFocus aria-invalid={error !== null} onChange={(event) => setName(event.target.value)} />
      <button type="submit" className="button-primary">
        Rename
      </button>
      <button type="button" className="button-quiet" onClick={onDone}>
        Cancel
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function SmartListActions({ list, view }: { list: SmartList; view: LibraryView }) {
  const [renaming, setRenaming] = useState(false);
  const { write, undoable } = useCatalogActions();
  const toast = useToast();
  const [, navigate] = useLocation();
  const name = `“${list.name}”`;
  const changed = viewToSearch(view) !== viewToSearch(viewFromSearch(list.query, view.sort));
  if (renaming) return <RenameForm list={list} onDone={() => setRenaming(false)} />;
  return (
    <>
      {changed && (
        <button
          type="button"
          className="button-primary"
          onClick={() =>
            write(`The smart list ${name} was not changed`, () => updateSmartListQuery(list.id, viewToSearch(view)), () =>
              toast({ message: `Saved this view as the smart list ${name}.` }),
            )
          }
        >
          Save changes
        </button>
      )}
      <button type="button" className="button-quiet" onClick={() => setRenaming(true)}>
        Rename
      </button>
      <button
        type="button"
        className="button-danger"
        onClick={() =>
          undoable({
            run: () => deleteSmartList(list.id),
            notDone: `The smart list ${name} was not deleted`,
            then: () => navigate('/lists'),
            done: () => `Deleted the smart list ${name}.`,
            undo: restoreSmartList,
            notUndone: `The smart list ${name} was not restored`,
            undone: () => `Restored the smart list ${name}.`,
          })
        }
      >
        Delete
      </button>
    </>
  );
}

export function SmartListPage({ id }: { id: string }) {
  const list = useLiveQuery(async () => (await smartListById(id)) ?? null, [id]);
  if (list === undefined) {
    return (
      <p className="page quiet" aria-busy="true">
        Loading the smart list…
      </p>
    );
  }
  if (list === null) {
    return (
      <section className="page empty-state">
        <h1>This smart list does not exist</h1>
        <p>It may have been deleted.</p>
        <Link href="/lists">All lists</Link>
      </section>
    );
  }
  return <LibraryPage heading={list.name} savedView={list.query} actions={(view) => <SmartListActions list={list} view={view} />} />;
}
