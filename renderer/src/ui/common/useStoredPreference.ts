/**
 * A UI preference (Library layout, last sort) remembered across restarts in localStorage, and shared by every
 * component that reads it (the search box and the Library both follow the last sort).
 */
import { useCallback, useEffect, useState } from 'react';

const PREFIX = 'cinefile.';
const CHANGED = 'cinefile-preference-changed';

function readPreference<T>(key: string, parse: (raw: unknown) => T): T {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    return parse(raw === null ? undefined : JSON.parse(raw));
  } catch {
    return parse(undefined);
  }
}

/** Like useState, persisted under `key`; `parse` turns whatever is stored (or undefined) into a valid value. */
export function useStoredPreference<T>(key: string, parse: (raw: unknown) => T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => readPreference(key, parse));
  useEffect(() => {
    const follow = (event: Event) => {
      const detail = (event as CustomEvent<{ key: string; value: unknown }>).detail;
      if (detail.key === key) setValue(parse(detail.value));
    };
    window.addEventListener(CHANGED, follow);
    return () => window.removeEventListener(CHANGED, follow);
  }, [key, parse]);
  const store = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(PREFIX + key, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the preference lasts for this session only, which is harmless.
      }
      window.dispatchEvent(new CustomEvent(CHANGED, { detail: { key, value: next } }));
    },
    [key],
  );
  return [value, store];
}
