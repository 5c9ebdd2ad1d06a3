/** Catches a render error anywhere below it and offers a way back, never a blank window. */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryState {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Cinefile hit an unexpected error', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="fatal" role="alert">
        <h1>Something went wrong on this screen</h1>
        <p>Your catalog is safe: nothing was changed by this error.</p>
        <pre className="fatal-detail">{error.message}</pre>
        <div className="form-actions">
          <button
            type="button"
            className="button-primary"
            onClick={() => {
              window.location.hash = '#/';
              this.setState({ error: null });
            }}
          >
            Back to the Library
          </button>
          <button type="button" className="button-secondary" onClick={() => window.location.reload()}>
            Reload Cinefile
          </button>
        </div>
      </main>
    );
  }
}
