/** The Library's controls: what to show, in which order, and in which layout. */
import type { ReactNode } from 'react';
import { libraryShowLabels, libraryShows, type LibraryShow } from '../../domain/library-filter';
import { librarySortKeys, librarySortLabels, type LibrarySort, type LibrarySortKey } from '../../domain/library-sort';

export type LibraryLayout = 'grid' | 'table';

interface LibraryToolbarProps {
  count: number | undefined;
  show: LibraryShow;
  onShow: (show: LibraryShow) => void;
  sort: LibrarySort;
  onSort: (sort: LibrarySort) => void;
  layout: LibraryLayout;
  onLayout: (layout: LibraryLayout) => void;
  /** More controls at the end (the Export… menu). */
  children?: ReactNode;
}

export function LibraryToolbar({ count, show, onShow, sort, onSort, layout, onLayout, children }: LibraryToolbarProps) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Library view">
      <p className="toolbar-count" aria-live="polite">
        {count === undefined ? '' : `${count} ${count === 1 ? 'film' : 'films'}`}
      </p>
      <label className="field-inline">
        Show
        <select value={show} onChange={(event) => onShow(event.target.value as LibraryShow)}>
          {libraryShows.map((key) => (
            <option key={key} value={key}>
              {libraryShowLabels[key]}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        Sort by
        <select value={sort.by} onChange={(event) => onSort({ ...sort, by: event.target.value as LibrarySortKey })}>
          {librarySortKeys.map((key) => (
            <option key={key} value={key}>
              {librarySortLabels[key]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button-quiet"
        aria-label={sort.direction === 'asc' ? 'Ascending order; switch to descending' : 'Descending order; switch to ascending'}
        onClick={() => onSort({ ...sort, direction: sort.direction === 'asc' ? 'desc' : 'asc' })}
      >
        {sort.direction === 'asc' ? '↑ Ascending' : '↓ Descending'}
      </button>
      <div className="segmented" role="group" aria-label="Layout">
        <button type="button" aria-pressed={layout === 'grid'} onClick={() => onLayout('grid')}>
          Grid
        </button>
        <button type="button" aria-pressed={layout === 'table'} onClick={() => onLayout('table')}>
          List
        </button>
      </div>
      {children}
    </div>
  );
}
