import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { describeOpenFailure } from '../../renderer/src/db/open';
import { CatalogProblem } from '../../renderer/src/ui/common/CatalogProblem';
import { ErrorBoundary } from '../../renderer/src/ui/common/ErrorBoundary';
import { ToastProvider, TOAST_DURATION_MS, useToast } from '../../renderer/src/ui/common/Toasts';

describe('when something goes wrong', () => {
  it('explains a blocked catalog and offers to try again', async () => {
    const retry = vi.fn();
    render(<CatalogProblem failure={describeOpenFailure(new DOMException('x', 'BlockedError'))} onRetry={retry} />);
    expect(screen.getByRole('heading', { name: 'Cinefile is open somewhere else' })).toBeInTheDocument();
    expect(screen.getByText(/Close the other Cinefile windows and tabs/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('does not offer a retry that cannot help for a newer catalog', () => {
    render(<CatalogProblem failure={describeOpenFailure(new DOMException('x', 'VersionError'))} onRetry={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'This catalog was written by a newer Cinefile' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('catches a render error and offers a way back instead of a blank window', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Broken = () => {
      throw new Error('poster exploded');
    };
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'Something went wrong on this screen' })).toBeInTheDocument();
    expect(screen.getByText('poster exploded')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back to the Library' })).toBeInTheDocument();
  });
});

describe('toasts', () => {
  function Trigger({ onUndo }: { onUndo: () => void }) {
    const toast = useToast();
    return (
      <button type="button" onClick={() => toast({ message: 'Deleted “Alien”.', action: { label: 'Undo', run: onUndo } })}>
        Delete
      </button>
    );
  }

  it('offers Undo for several seconds, then goes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const onUndo = vi.fn();
    render(
      <ToastProvider>
        <Trigger onUndo={onUndo} />
      </ToastProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByRole('status')).toHaveTextContent('Deleted “Alien”.');
    await vi.advanceTimersByTimeAsync(TOAST_DURATION_MS - 1000);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(2000);
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument());
    vi.useRealTimers();
  });

  it('runs the Undo action once and dismisses the toast', async () => {
    const onUndo = vi.fn();
    render(
      <ToastProvider>
        <Trigger onUndo={onUndo} />
      </ToastProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onUndo).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });
});
