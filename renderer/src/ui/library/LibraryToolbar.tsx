/** The Library's controls: the count, the filters panel, the order, the layout, and what can be done with the view. */
import type { ReactNode } from 'react';
import { librarySortKeys, librarySortLabels, type LibrarySort, type LibrarySortKey } from '../../domain/library-sort';

export type LibraryLayout = 'grid' | 'table';

interface LibraryToolbarProps {
  count: number | undefined;
  sort: LibrarySort;
  onSort: (sort: LibrarySort) => void;
  layout: LibraryLayout;
  onLayout: (layout: LibraryLayout) => void;
  filtersOpen: boolean;
  onFiltersOpen: (open: boolean) => void;
  /** More controls at the end (Save as smart list, Export…). */
  children?: ReactNode;
}

const number = new Intl.NumberFormat('en');

export function LibraryToolbar({ count, sort, onSort, layout, onLayout, filtersOpen, onFiltersOpen, children }: LibraryToolbarProps) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Library view">
      <p className="toolbar-count" aria-live="polite">
        {count === undefined ? '' : `${number.format(count)} ${count === 1 ? 'film' : 'films'}`}
      </p>
      <button type="button" className="button-quiet" aria-pressed={filtersOpen} onClick={() => onFiltersOpen(!filtersOpen)}>
        Filters
      </button>
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
