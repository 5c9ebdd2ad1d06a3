/**
 * One film in a list: a drag handle (pointer or keyboard, via dnd-kit), its rank when the list is ranked, poster,
 * title, whether it was seen, its note, and plain Move up / Move down / Remove buttons.
 */
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { filmDisplayTitle } from '../../domain/film';
import { ratingGlyphs, ratingLabel } from '../../domain/rating';
import type { ListEntryRow } from '../../db/lists';
import { ListEntryNote } from './ListEntryNote';
import { Poster } from '../common/Poster';

export type MoveControl = 'up' | 'down';

interface ListEntryItemProps {
  row: ListEntryRow;
  index: number;
  total: number;
  ranked: boolean;
  onMove: (row: ListEntryRow, toIndex: number, control: MoveControl) => void;
  onRemove: (row: ListEntryRow) => void;
  /** Set after a button move: the row moved in the DOM, so the button that moved it takes focus again. */
  refocus: { control: MoveControl; request: number } | null;
}

export function ListEntryItem({ row, index, total, ranked, onMove, onRemove, refocus }: ListEntryItemProps) {
  const { film, entry, seen } = row;
  const title = filmDisplayTitle(film);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: entry.id,
  });
  const upButton = useRef<HTMLButtonElement>(null);
  const downButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (refocus) (refocus.control === 'up' ? upButton : downButton).current?.focus();
  }, [refocus]);

  const first = index === 0;
  const last = index === total - 1;
  // At either end the button stays focusable (aria-disabled, not disabled) so focus is never dropped on the page.
  const move = (control: MoveControl) => {
    if (control === 'up' && !first) onMove(row, index - 1, control);
    if (control === 'down' && !last) onMove(row, index + 1, control);
  };

  return (
    <li
      ref={setNodeRef}
      className={`list-entry${isDragging ? ' is-dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <button
        ref={setActivatorNodeRef}
        type="button"
        className="list-entry-handle"
        {...attributes}
        {...listeners}
        aria-label={`Reorder ${title}`}
      >
        <span aria-hidden="true">⠿</span>
      </button>
      {ranked && (
<span className="list-entry-rank">{index + 1}</span>
      )}
      <div className="list-entry-poster">
        <Poster film={film} size="small" decorative />
      </div>
      <div className="list-entry-body">
        <Link href={`/films/${film.id}`} className="list-entry-title">
          {film.title} {film.year !== null && <span className="list-entry-year">({film.year})</span>}
        </Link>
        <p className="list-entry-meta">
          <span className={seen ? 'list-entry-seen is-seen' : 'list-entry-seen'}>{seen ? '✓ Seen' : 'Not seen yet'}</span>
          {film.rating !== null && (
            <span className="rating-badge" aria-label={ratingLabel(film.rating)}>
              {ratingGlyphs(film.rating)}
            </span>
          )}
        </p>
        <ListEntryNote entryId={entry.id} note={entry.note} filmTitle={title} />
      </div>
      <div className="list-entry-actions">
        <button
          ref={upButton}
          type="button"
          className="button-quiet"
          aria-label={`Move ${title} up`}
          aria-disabled={first || undefined}
          onClick={() => move('up')}
        >
          <span aria-hidden="true">↑</span>
        </button>
        <button
          ref={downButton}
          type="button"
          className="button-quiet"
          aria-label={`Move ${title} down`}
          aria-disabled={last || undefined}
          onClick={() => move('down')}
        >
          <span aria-hidden="true">↓</span>
        </button>
        <button type="button" className="button-quiet" aria-label={`Remove ${title} from this list`} onClick={() => onRemove(row)}>
          Remove
        </button>
      </div>
    </li>
  );
}
