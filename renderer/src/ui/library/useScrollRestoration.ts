/**
 * Brings the Library back where it was: the scroll position (and the film that had the focus) are kept per view —
 * the URL's route with its search — in sessionStorage, and put back when the same view is shown again (returning
 * from a film, Back, Forward). A new view starts where the person is; the browser's own restoration cannot do this
 * because the virtualised list is only tall enough once its films are read.
 */
import { useEffect, useLayoutEffect } from 'react';

const PREFIX = 'cinefile.scroll:';

interface SavedPlace {
  y: number;
  filmId: string | null;
}

function readPlace(key: string): SavedPlace | null {
  try {
    const raw = window.sessionStorage.getItem(key);
    const place = raw === null ? null : (JSON.parse(raw) as Partial<SavedPlace>);
    return typeof place?.y === 'number' ? { y: place.y, filmId: typeof place.filmId === 'string' ? place.filmId : null } : null;
  } catch {
    return null;
  }
}

function savePlace(key: string, place: SavedPlace): void {
  try {
    window.sessionStorage.setItem(key, JSON.stringify(place));
  } catch {
    // Storage disabled or full: returning starts at the top, nothing else is lost.
  }
}

/** `view`: which view this is (route and search); `ready`: its films are on the page (the list has its full height). */
export function useScrollRestoration(view: string, ready: boolean): void {
  const key = PREFIX + view;
  useLayoutEffect(() => {
    if (!ready) return;
    const place = readPlace(key);
    if (!place) return;
    if (window.scrollY !== place.y) window.scrollTo(0, place.y);
    // The virtualiser renders the rows for the new position on its next frame; then the film can take the focus —
    // unless the person has already put it somewhere.
    const frame = requestAnimationFrame(() => {
      if (place.filmId === null || (document.activeElement !== null && document.activeElement !== document.body)) return;
      const film = document.querySelector<HTMLElement>(`[data-film-id="${CSS.escape(place.filmId)}"]`);
      // Rows not measured since the list was rebuilt are estimated, so the same offset can be a few pixels off: the
      // film itself must be on screen.
      film?.focus({ preventScroll: true });
      film?.scrollIntoView({ block: 'nearest' });
    });
    return () => cancelAnimationFrame(frame);
    // Once per view (not when its films change, after a rating): `key` and `ready` are all it depends on.
  }, [key, ready]);

  useEffect(() => {
    if (!ready) return;
    let frame = 0;
    const rememberNow = () => {
      const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.filmId : undefined;
      savePlace(key, { y: window.scrollY, filmId: focused ?? null });
    };
    // Scrolling saves once a frame; a focus change at once (a click on a film focuses it and leaves the page).
    const remember = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(rememberNow);
    };
    window.addEventListener('scroll', remember, { passive: true });
    window.addEventListener('focusin', rememberNow);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', remember);
      window.removeEventListener('focusin', rememberNow);
    };
  }, [key, ready]);
}
