/**
 * Window-scrolled virtual rows for the Library (docs/LIMITS.md: thousands of DOM rows take seconds to lay out; a
 * screenful takes milliseconds). Also brings a film's row into view and focuses it once it is rendered, for the
 * keyboard.
 */
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

interface VirtualRowsOptions {
  rowCount: number;
  /** Films per row (1 for the table). */
  columns: number;
  estimateRowHeight: number;
  listRef: RefObject<HTMLElement | null>;
}

export function useVirtualRows({ rowCount, columns, estimateRowHeight, listRef }: VirtualRowsOptions) {
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    // Where the list starts on the page: the virtualiser counts window scroll from there.
    const top = listRef.current ? listRef.current.getBoundingClientRect().top + window.scrollY : 0;
    setScrollMargin(top);
  }, [listRef, rowCount, columns]);

  const virtualizer = useWindowVirtualizer({
    count: rowCount,
    estimateSize: () => estimateRowHeight,
    overscan: 3,
    scrollMargin,
  });

  const pendingFocus = useRef<number | null>(null);
  const focusNow = useCallback(
    (index: number) => {
      const element = listRef.current?.querySelector<HTMLElement>(`[data-film-index="${index}"]`);
      if (!element) return false;
      element.focus({ preventScroll: false });
      return true;
    },
    [listRef],
  );

  /** Scrolls the film at `index` into view and focuses it (now, or as soon as its row is rendered). */
  const focusFilm = useCallback(
    (index: number) => {
      if (focusNow(index)) return;
      pendingFocus.current = index;
      virtualizer.scrollToIndex(Math.floor(index / columns), { align: 'auto' });
    },
    [focusNow, virtualizer, columns],
  );

  useLayoutEffect(() => {
    if (pendingFocus.current !== null && focusNow(pendingFocus.current)) pendingFocus.current = null;
  });

  return { virtualizer, scrollMargin, focusFilm };
}

/** Films per row for a container width, matching the grid's CSS (cards at least `minCard` wide, `gap` apart). */
export function columnsForWidth(width: number, minCard: number, gap: number): number {
  return Math.max(1, Math.floor((width + gap) / (minCard + gap)));
}

/** The width of an element, kept up to date as the window resizes. */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
