/**
 * "Add to list…" for the films selected in the Library: a small non-modal dialog of lists (and "New list…"). Escape
 * or a click outside closes it and focus returns to the button.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { addedToListMessage, filmCountLabel, type ListFields } from '../../domain/list';
import { addFilmsToList, createList } from '../../db/lists';
import { useAllLists } from './useLists';
import { ListForm } from './ListForm';
import { useToast } from '../common/Toasts';
import { useCatalogActions } from '../common/useCatalogActions';
import '../styles/lists.css';

export function AddToListMenu({ filmIds }: { filmIds: string[] }) {
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const lists = useAllLists();
  const toast = useToast();
  const { write } = useCatalogActions();
  const [, navigate] = useLocation();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const dialogId = useId();

  const close = (returnFocus: boolean) => {
    setOpen(false);
    setCreating(false);
    if (returnFocus) trigger.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    popover.current?.querySelector<HTMLElement>('button, input')?.focus();
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const films = filmCountLabel(filmIds.length);
  const addTo = (listId: string, listName: string) =>
    write(`${films} ${filmIds.length === 1 ? 'was' : 'were'} not added to “${listName}”`, () => addFilmsToList(listId, filmIds), (result) => {
      close(true);
      toast({
        message: addedToListMessage(result, listName),
        action: { label: 'Open list', run: () => navigate(`/lists/${listId}`) },
      });
    });

  // The list form shows a failure to create the list; once it exists, adding to it reports like any other add.
  const createAndAdd = async (fields: ListFields) => {
    const id = await createList(fields);
    addTo(id, fields.name);
  };

  return (
    <div
      ref={root}
      className="add-to-list"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close(true);
        }
      }}
    >
      <button
        ref={trigger}
        type="button"
        className="button-secondary"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? dialogId : undefined}
        disabled={filmIds.length === 0}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        Add to list…
      </button>
      {open && (
        <div id={dialogId} ref={popover} className="add-to-list-popover" role="dialog" aria-label={`Add ${filmCountLabel(filmIds.length)} to a list`}>
          {lists === undefined ? (
            <p className="quiet">Loading lists…</p>
          ) : lists.length === 0 ? (
            <p className="quiet">No lists yet: start one.</p>
          ) : (
            <ul className="add-to-list-choices" aria-label="Lists">
              {lists.map(({ list, filmCount }) => (
                <li key={list.id}>
                  <button type="button" className="add-to-list-choice" onClick={() => addTo(list.id, list.name)}>
                    <span className="add-to-list-name">{list.name}</span>
                    <span className="quiet">{filmCountLabel(filmCount)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {creating ? (
            <ListForm submitLabel="Create list and add" show={{ description: false }} autoFocus onSubmit={createAndAdd} onCancel={() => setCreating(false)} />
          ) : (
            <button type="button" className="button-quiet add-to-list-new" onClick={() => setCreating(true)}>
              New list…
            </button>
          )}
        </div>
      )}
    </div>
  );
}
