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
  window.sessionStorage.clear();
});

// jsdom has no Worker, and the Library starts the search worker once its list is read. Component tests do not search
// through the Library (search-hook.test.ts drives the real search service through its own fake worker), so the
// worker here is one that never answers.
class SilentWorker {
  onmessage = null;
  onerror = null;
  onmessageerror = null;
  postMessage(): void {}
  terminate(): void {}
}
if (typeof globalThis.Worker === 'undefined') Object.assign(globalThis, { Worker: SilentWorker });
