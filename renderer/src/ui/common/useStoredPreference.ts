/** A UI preference (Library view, sort) remembered across restarts in localStorage. */
import { useCallback, useState } from 'react';

const PREFIX = 'cinefile.';

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
  const store = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(PREFIX + key, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the preference lasts for this session only, which is harmless.
      }
    },
    [key],
  );
  return [value, store];
}
