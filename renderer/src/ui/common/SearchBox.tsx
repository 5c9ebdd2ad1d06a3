/**
 * The search field in the top bar, reachable from anywhere with "/" or Ctrl/Cmd+K. It searches the Library: on the
 * Library (or a smart list) it narrows what is shown as you type; elsewhere the first key press takes you there.
 * The text lives in the URL (?q=), so Back returns to the search.
 */
import { useEffect, useRef } from 'react';
import { useLocation, useSearch } from 'wouter';
import { viewFromSearch, viewToSearch } from '../../domain/library-url';
import { parseLibrarySort } from '../../domain/library-sort';
import { useStoredPreference } from './useStoredPreference';

/** Pages whose view the search narrows in place. */
const searchesInPlace = (path: string) => path === '/' || path.startsWith('/smart-lists/');

const isTypingTarget = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function SearchBox() {
  const [path, navigate] = useLocation();
  const search = useSearch();
  const [lastSort] = useStoredPreference('library.sort', parseLibrarySort);
  const inputRef = useRef<HTMLInputElement>(null);
  const inPlace = searchesInPlace(path);
  const view = viewFromSearch(inPlace ? search : '', lastSort);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target);
      if (!commandK && !slash) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const change = (text: string) => {
    // Starting a search is a step Back undoes; each further key press refines it in place.
    const replace = inPlace && view.search !== '' && text !== '';
    navigate(`${inPlace ? path : '/'}?${viewToSearch({ ...view, search: text })}`, { replace });
  };

  return (
    <input
      ref={inputRef}
      type="search"
      className="topbar-search"
      aria-label="Search"
      aria-keyshortcuts="/ Control+K Meta+K"
      placeholder="Search films, people, notes…  ( / )"
      spellCheck={false}
      autoComplete="off"
      value={view.search}
      onChange={(event) => change(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && view.search !== '') {
          event.preventDefault();
          change('');
        }
        if (event.key === 'Enter' || event.key === 'ArrowDown') {
          // To the results: the first film of the Library.
          const first = document.querySelector<HTMLElement>('[data-film-index="0"]');
          if (first) {
            event.preventDefault();
            first.focus();
          }
        }
      }}
    />
  );
}
