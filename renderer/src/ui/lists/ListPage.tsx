/** One list: its name and description (editable), ranked or not, how much of it was seen, and its films in order. */
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { listSeenLabel, type FilmList } from '../../domain/list';
import { deleteList, restoreDeletedList, updateList, type ListEntryRow } from '../../db/lists';
import { listExportRows } from '../../db/exports';
import { ExportMenu } from '../exchange/ExportMenu';
import { ListEntries } from './ListEntries';
import { ListForm } from './ListForm';
import { useCatalogActions } from '../common/useCatalogActions';
import { useList, useListEntries } from './useLists';
import '../styles/lists.css';
import '../styles/exchange.css';

function ListHeader({ list, rows }: { list: FilmList; rows: ListEntryRow[] | undefined }) {
  const [editing, setEditing] = useState(false);
  const [, navigate] = useLocation();
  const { write, undoable } = useCatalogActions();
  const seen = rows?.filter((row) => row.seen).length ?? 0;
  const name = `“${list.name}”`;

  const remove = () =>
    undoable({
      run: () => deleteList(list.id),
      notDone: `The list ${name} was not deleted`,
      then: () => navigate('/lists'),
      done: () => `Deleted the list ${name}.`,
      undo: restoreDeletedList,
      notUndone: `The list ${name} was not restored`,
      undone: () => `Restored the list ${name}.`,
    });

  const setRanked = (ranked: boolean) =>
    write(`The list ${name} was not ${ranked ? 'made ranked' : 'made unranked'}`, () => updateList(list.id, { ranked }));

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
          <input type="checkbox" checked={list.ranked} onChange={(event) => setRanked(event.target.checked)} />
          Ranked
        </label>
        {!editing && (
          <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
            Rename or describe
          </button>
        )}
        <ExportMenu
          what={`the list ${name}`}
          document={async () => {
            const { rows: exportRows, posters, description, ranked } = await listExportRows(list.id);
            return {
              document: { kind: 'list', title: list.name, description, ranked, rows: exportRows, exportedAt: new Date().toISOString() },
              posters,
            };
          }}
        />
        <button type="button" className="button-danger" onClick={remove}>
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
