/** Renders UI inside the providers the app gives it (toasts, an in-memory hash router) on a fresh catalog. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { ToastProvider } from '../../renderer/src/ui/common/Toasts';

export { freshCatalog } from '../fixtures/catalog';

export function renderInApp(ui: ReactElement, path = '/'): RenderResult & { history: string[] } {
  const location = memoryLocation({ path, record: true });
  // A wrapper (not a wrapped element) so rerender() keeps the providers.
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ToastProvider>
      <Router hook={location.hook}>{children}</Router>
    </ToastProvider>
  );
  const result = render(ui, { wrapper });
  return Object.assign(result, { history: location.history ?? [] });
}
