// Component tests: IndexedDB (without it useLiveQuery silently stays undefined), DOM matchers, and cleanup.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
