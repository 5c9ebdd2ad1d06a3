import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/common/ErrorBoundary';
import './ui/styles.css';

// Bench builds only (tests/bench/run.mjs builds with --mode bench): hooks to seed large synthetic catalogs.
if (import.meta.env.MODE === 'bench') import('./bench/seed-catalog').then((m) => m.installBenchHooks()).catch(console.error);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
