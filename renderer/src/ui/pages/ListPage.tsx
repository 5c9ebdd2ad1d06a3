/** One list: its name and description (editable), ranked or not, how much of it was seen, and its films in order. */
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { listSeenLabel, type FilmList } from '../../domain/list';
import { deleteList, restoreDeletedList, updateList, type ListEntryRow } from '../../db/lists';
import { ListEntries } from '../components/ListEntries';
import { ListForm } from '../components/ListForm';
import { useToast } from '../components/Toasts';
import { useList, useListEntries } from '../hooks/useLists';
import '../styles/lists.css';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function ListHeader({ list, rows }: { list: FilmList; rows: ListEntryRow[] | undefined }) {
  const [editing, setEditing] = useState(false);
  const [, navigate] = useLocation();
  const toast = useToast();
  const seen = rows?.filter((row) => row.seen).length ?? 0;

  const remove = async () => {
    const deleted = await deleteList(list.id);
    navigate('/lists');
    toast({
      message: `Deleted the list “${deleted.list.name}”.`,
      action: {
        label: 'Undo',
        run: async () => {
          try {
            await restoreDeletedList(deleted);
            toast({ message: `Restored the list “${deleted.list.name}”.` });
          } catch (error) {
            toast({ message: `Could not restore the list: ${errorText(error)}`, tone: 'error' });
          }
        },
      },
    });
  };

  const setRanked = async (ranked: boolean) => {
    try {
      await updateList(list.id, { ranked });
    } catch (error) {
      toast({ message: `Could not change the list: ${errorText(error)}`, tone: 'error' });
    }
  };

  return (
    <header className="list-header">
      <h1 id="list-title" className={editing ? 'visually-hidden' : 'page-title'}>
        {list.name}
      </h1>
      {editing ? (
        <div className="panel list-details-form">
          <ListForm
            initial={{ name: list.name, description: list.description }}
            submitLabel="Save"
            show={{ ranked: false }}
            autoFocus
            onSubmit={async (fields) => {
              await updateList(list.id, { name: fields.name, description: fields.description });
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        </div>
      ) : (
        <p className={list.description ? 'list-description' : 'list-description quiet'}>
          {list.description || 'No description.'}
        </p>
      )}
      <div className="list-toolbar" role="toolbar" aria-label="List">
        <p className="list-progress">
          {rows === undefined ? '' : listSeenLabel(seen, rows.length)}
          {rows !== undefined && rows.length > 0 && (
            <progress className="list-progress-bar" max={rows.length} value={seen} aria-label="Seen so far" />
          )}
        </p>
        <label className="list-form-check">
          <input type="checkbox" checked={list.ranked} onChange={(event) => void setRanked(event.target.checked)} />
          Ranked
        </label>
        {!editing && (
          <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
            Rename or describe
          </button>
        )}
        <button type="button" className="button-danger" onClick={() => void remove()}>
          Delete list
        </button>
      </div>
    </header>
  );
}

export function ListPage({ id }: { id: string }) {
  const list = useList(id);
  const rows = useListEntries(id);
  if (list === undefined) return <p className="page quiet">Loading…</p>;
  if (list === null) {
    return (
      <section className="page empty-state">
        <h1>This list does not exist</h1>
        <p>It may have been deleted.</p>
        <Link href="/lists">All lists</Link>
      </section>
    );
  }

  return (
    <section className="page list-page" aria-labelledby="list-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/lists">← Lists</Link>
      </nav>
      <ListHeader list={list} rows={rows} />
      {rows === undefined ? null : rows.length === 0 ? (
        <div className="empty-state">
          <h2>No films in this list yet</h2>
          <p>
            Add a film with <strong>Add to list</strong> on its page, or pick several in the <Link href="/">Library</Link>{' '}
            and choose <strong>Add to list…</strong>.
          </p>
        </div>
      ) : (
        <ListEntries list={list} rows={rows} />
      )}
    </section>
  );
}
