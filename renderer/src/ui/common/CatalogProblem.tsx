/** The screen shown when the catalog cannot be opened: what happened, and what to do about it. */
import type { CatalogOpenFailure } from '../../db/open';

interface CatalogProblemProps {
  failure: CatalogOpenFailure;
  onRetry: () => void;
  retryLabel?: string;
}

export function CatalogProblem({ failure, onRetry, retryLabel = 'Try again' }: CatalogProblemProps) {
  return (
    <main className="fatal" role="alert" aria-labelledby="problem-title">
      <h1 id="problem-title">{failure.title}</h1>
      <p>{failure.message}</p>
      <p>
        <strong>{failure.action}</strong>
      </p>
      {failure.problem !== 'newer-version' && (
        <button type="button" className="button-primary" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
      <details>
        <summary>Technical details</summary>
        <pre className="fatal-detail">{failure.detail}</pre>
      </details>
    </main>
  );
}
