/**
 * Routing in the URL's hash (#/films/1), as the app is served from a file-like origin, with the Library's view in
 * the hash too (#/?q=godf&genre=Drama): wouter's own hash hook keeps the search in location.search, outside the
 * hash, where it would leak onto every other page and not come back with Back. Here the path is the hash up to "?"
 * and the search is what follows, so each page owns its search and history holds both.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('hashchange', notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('hashchange', notify);
  };
}

const hashRoute = () => window.location.hash.replace(/^#?\/?/, '/');
const currentPath = () => hashRoute().split('?')[0]!;
const currentSearch = () => {
  const route = hashRoute();
  const at = route.indexOf('?');
  return at < 0 ? '' : route.slice(at + 1);
};

/** Goes to `to` ("/films/1", "/?q=x"): a new history entry, or the current one replaced (typing in the search). */
export function navigate(to: string, options: { replace?: boolean; state?: unknown } = {}): void {
  const oldURL = window.location.href;
  const url = new URL(oldURL);
  url.hash = to.replace(/^#?\/?/, '/');
  if (url.href === oldURL) return;
  window.history[options.replace ? 'replaceState' : 'pushState'](options.state ?? null, '', url.href);
  window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: url.href }));
}

/** wouter's location hook: [path without the search, navigate]. */
export function useHashPathLocation(): [string, typeof navigate] {
  return [useSyncExternalStore(subscribe, currentPath, () => '/'), navigate];
}
/** wouter's search hook: the part of the hash after "?". */
export function useHashSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch, () => '');
}

useHashPathLocation.hrefs = (href: string) => `#${href}`;
useHashPathLocation.searchHook = useHashSearch;
