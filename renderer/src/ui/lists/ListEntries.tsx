/**
 * A list's films in order, reorderable three ways: drag the handle with a pointer, pick it up with the keyboard
 * (Space, arrows, Space — dnd-kit's KeyboardSensor), or the Move up / Move down buttons. Every move is saved in one
 * transaction and announced to screen readers.
 */
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useEffect, useMemo, useRef, useState } from 'react';
import { filmDisplayTitle } from '../../domain/film';
import { movedAnnouncement, reorderedItems, type FilmList } from '../../domain/list';
import { moveEntry, removeEntry, restoreEntry, type ListEntryRow } from '../../db/lists';
import { ListEntryItem, type MoveControl } from './ListEntryItem';
import { failureMessage } from '../../domain/errors';
import { useToast } from '../common/Toasts';
import { useCatalogActions } from '../common/useCatalogActions';

const screenReaderInstructions = {
  draggable:
    'To reorder, press Space or Enter to pick the film up, the up and down arrow keys to move it, and Space or Enter ' +
    'to drop it, or Escape to cancel. The Move up and Move down buttons move it one place at a time.',
};

/**
 * The order just chosen, shown until the live query catches up, so a dropped film never jumps back for a frame.
 * `savedOver` is the data on screen when the save finished: anything newer than it comes from the database.
 */
interface PendingOrder {
  order: string[];
  savedOver: ListEntryRow[] | null;
}

function shownOrder(rows: ListEntryRow[], pending: PendingOrder | null): ListEntryRow[] {
  if (!pending || (pending.savedOver !== null && pending.savedOver !== rows)) return rows;
  const byId = new Map(rows.map((row) => [row.entry.id, row]));
  // Films added or removed meanwhile: the saved data wins.
  if (pending.order.length !== rows.length || pending.order.some((id) => !byId.has(id))) return rows;
  return pending.order.flatMap((id) => byId.get(id) ?? []);
}

export function ListEntries({ list, rows }: { list: FilmList; rows: ListEntryRow[] }) {
  const toast = useToast();
  const { undoable } = useCatalogActions();
  const [pending, setPending] = useState<PendingOrder | null>(null);
  const latestRows = useRef(rows);
  useEffect(() => {
    latestRows.current = rows;
  }, [rows]);
  const [announcement, setAnnouncement] = useState('');
  const [refocus, setRefocus] = useState<{ entryId: string; control: MoveControl; request: number } | null>(null);
  const listRef = useRef<HTMLOListElement & HTMLUListElement>(null);
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const ordered = useMemo(() => shownOrder(rows, pending), [pending, rows]);

  const indexOf = (id: UniqueIdentifier) => ordered.findIndex((row) => row.entry.id === id);
  const titleOf = (id: UniqueIdentifier) => {
    const row = ordered[indexOf(id)];
    return row ? filmDisplayTitle(row.film) : 'The film';
  };
  const placeOf = (id: UniqueIdentifier) => `position ${indexOf(id) + 1} of ${ordered.length}`;

  const move = (row: ListEntryRow, toIndex: number): void => {
    const from = ordered.indexOf(row);
    if (from === -1 || from === toIndex) return;
    const order = reorderedItems(ordered, from, toIndex).map((item) => item.entry.id);
    setPending({ order, savedOver: null });
    moveEntry(list.id, row.entry.id, toIndex).then(
      () => setPending((current) => (current?.order === order ? { order, savedOver: latestRows.current } : current)),
      (error: unknown) => {
        // The film goes back to where it is saved, and the person is told it did not move.
        setPending(null);
        toast({ message: failureMessage(`“${filmDisplayTitle(row.film)}” was not moved`, error), tone: 'error' });
      },
    );
  };

  const moveByButton = (row: ListEntryRow, toIndex: number, control: MoveControl) => {
    // Set with the new order, in the same render: React moves the row's DOM node, which drops focus.
    setAnnouncement(movedAnnouncement(filmDisplayTitle(row.film), toIndex, ordered.length));
    setRefocus({ entryId: row.entry.id, control, request: Date.now() });
    move(row, toIndex);
  };

  const dragEnd = ({ active, over }: DragEndEvent) => {
    const row = ordered[indexOf(active.id)];
    if (row && over && active.id !== over.id) move(row, indexOf(over.id));
  };

  const remove = (row: ListEntryRow) => {
    const title = `“${filmDisplayTitle(row.film)}”`;
    undoable({
      run: () => removeEntry(row.entry.id),
      notDone: `${title} was not removed from “${list.name}”`,
      then: () => listRef.current?.focus(),
      done: () => `Removed ${title} from “${list.name}”.`,
      undo: restoreEntry,
      notUndone: `${title} was not put back in “${list.name}”`,
    });
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}, at ${placeOf(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `${titleOf(active.id)} is over ${placeOf(over.id)}.` : `${titleOf(active.id)} is outside the list.`,
    onDragEnd: ({ active, over }) =>
      over ? `${titleOf(active.id)} dropped at ${placeOf(over.id)}.` : `${titleOf(active.id)} was put back.`,
    onDragCancel: ({ active }) => `Moving cancelled. ${titleOf(active.id)} stays at ${placeOf(active.id)}.`,
  };

  const ListTag = list.ranked ? 'ol' : 'ul';
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={dragEnd}
      accessibility={{ announcements, screenReaderInstructions }}
    >
      <SortableContext items={ordered.map((row) => row.entry.id)} strategy={verticalListSortingStrategy}>
        <ListTag ref={listRef} className="list-entries" aria-label="Films in this list" tabIndex={-1}>
          {ordered.map((row, index) => (
            <ListEntryItem
              key={row.entry.id}
              row={row}
              index={index}
              total={ordered.length}
              ranked={list.ranked}
              onMove={moveByButton}
              onRemove={remove}
              refocus={refocus?.entryId === row.entry.id ? refocus : null}
            />
          ))}
        </ListTag>
      </SortableContext>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </DndContext>
  );
}
