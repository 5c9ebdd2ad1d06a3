/** Renders UI inside the providers the app gives it (toasts, an in-memory hash router) on a fresh catalog. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { ToastProvider } from '../../renderer/src/ui/components/Toasts';

export { freshCatalog } from '../fixtures/catalog';

export function renderInApp(ui: ReactElement, path = '/'): RenderResult & { history: string[] } {
  const location = memoryLocation({ path, record: true });
  const result = render(
    <ToastProvider>
      <Router hook={location.hook}>{ui}</Router>
    </ToastProvider>,
  );
  return Object.assign(result, { history: location.history ?? [] });
}
