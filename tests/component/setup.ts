// Component tests: IndexedDB (without it useLiveQuery silently stays undefined), DOM matchers, and cleanup.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The suite runs files in parallel on two cores; give findBy* queries room before they call a slow render a failure.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
