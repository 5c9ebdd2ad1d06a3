/**
 * Keyboard for the Library, as in a file manager: arrow keys move the focus between films (a roving tabindex, so
 * Tab leaves the grid in one step), Enter opens (the films are links), 1–0 rate the focused film in half stars,
 * W and F toggle watchlist and favourite, Space selects, Ctrl/Cmd+A selects all, Escape clears the selection.
 * The views are virtualised, so the view says how many films sit in a row and brings a film into view to focus it.
 */
import { useCallback, useState, type KeyboardEvent } from 'react';
import { halfStarsFromDigitKey } from '../../domain/rating';
import { isHalfStars, type HalfStars } from '../../domain/rating';

export interface LibraryKeyActions {
  rate(filmId: string, halfStars: HalfStars): void;
  toggleFlag(filmId: string, flag: 'watchlist' | 'favourite'): void;
  toggleSelected(filmId: string): void;
  selectAll(): void;
  clearSelection(): void;
}

/** What the view knows about its layout: films per row, and how to scroll a film into view and focus it. */
export interface LibraryLayoutFacts {
  columns: number;
  focusFilm(index: number): void;
}

export function useLibraryKeyboard(filmIds: string[], actions: LibraryKeyActions) {
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const current = focusedId !== null && filmIds.includes(focusedId) ? focusedId : (filmIds[0] ?? null);

  const handleKey = useCallback(
    (event: KeyboardEvent<HTMLElement>, layout: LibraryLayoutFacts) => {
      if (current === null || event.altKey) return;
      // A checkbox handles its own Space; letting the Library act too would toggle twice.
      if (event.target instanceof HTMLInputElement) return;
      const index = filmIds.indexOf(current);
      const moves: Record<string, number> = {
        ArrowRight: 1,
        ArrowLeft: -1,
        ArrowDown: layout.columns,
        ArrowUp: -layout.columns,
        Home: -index,
        End: filmIds.length - 1 - index,
      };
      const modified = event.ctrlKey || event.metaKey;
      if (event.key in moves && !modified) {
        event.preventDefault();
        const next = Math.min(filmIds.length - 1, Math.max(0, index + moves[event.key]!));
        setFocusedId(filmIds[next] ?? null);
        layout.focusFilm(next);
        return;
      }
      if (modified) {
        if (event.key.toLowerCase() === 'a') {
          event.preventDefault();
          actions.selectAll();
        }
        return;
      }
      const halfStars = halfStarsFromDigitKey(event.key);
      if (halfStars !== null && isHalfStars(halfStars)) {
        event.preventDefault();
        actions.rate(current, halfStars);
      } else if (event.key === 'w' || event.key === 'W') {
        event.preventDefault();
        actions.toggleFlag(current, 'watchlist');
      } else if (event.key === 'f' || event.key === 'F') {
        event.preventDefault();
        actions.toggleFlag(current, 'favourite');
      } else if (event.key === ' ') {
        event.preventDefault();
        actions.toggleSelected(current);
      } else if (event.key === 'Escape') {
        actions.clearSelection();
      }
    },
    [current, filmIds, actions],
  );

  /** Props for each film's focusable element. */
  const itemProps = useCallback(
    (filmId: string) => ({
      'data-film-id': filmId,
      tabIndex: filmId === current ? 0 : -1,
      onFocus: () => setFocusedId(filmId),
    }),
    [current],
  );

  return { handleKey, itemProps };
}
