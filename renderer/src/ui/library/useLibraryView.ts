/**
 * The Library's view (search, filters, sort) read from and written to the URL, so it survives opening a film and
 * Back, and a link or a smart list can carry it. The sort also stays a remembered preference: a plain link to the
 * Library ("/") opens in the order last used.
 */
import { useCallback, useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import { type LibraryView } from '../../domain/library-query';
import { viewFromSearch, viewToSearch } from '../../domain/library-url';
import { parseLibrarySort } from '../../domain/library-sort';
import { useStoredPreference } from '../common/useStoredPreference';

export type SetLibraryView = (next: LibraryView, options?: { replace?: boolean }) => void;

/** `fallback`: the search string used when the URL has none (a smart list's saved view). */
export function useLibraryView(fallback = ''): [LibraryView, SetLibraryView] {
  const [path, navigate] = useLocation();
  const search = useSearch();
  const [lastSort, setLastSort] = useStoredPreference('library.sort', parseLibrarySort);
  const view = useMemo(() => viewFromSearch(search === '' ? fallback : search, lastSort), [search, fallback, lastSort]);
  const setView = useCallback<SetLibraryView>(
    (next, options = {}) => {
      if (next.sort.by !== lastSort.by || next.sort.direction !== lastSort.direction) setLastSort(next.sort);
      navigate(`${path}?${viewToSearch(next)}`, { replace: options.replace ?? false });
    },
    [path, navigate, lastSort, setLastSort],
  );
  return [view, setView];
}
