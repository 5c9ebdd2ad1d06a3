/**
 * Settings › Storage tells the user whether the catalog survives a full disk: persistent (the desktop app grants
 * it), not persistent (a browser said no, with a way to ask again), or unknown (a browser without the API).
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatBytes, StoragePanel } from '../../renderer/src/ui/settings/StoragePanel';

const original = Object.getOwnPropertyDescriptor(navigator, 'storage');
function stubStorage(storage: Partial<StorageManager> | undefined): void {
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
}
afterEach(() => {
  if (original) Object.defineProperty(navigator, 'storage', original);
  else Reflect.deleteProperty(navigator, 'storage');
});

describe('StoragePanel', () => {
  it('says the catalog is persistent, and how much it uses, when the storage is granted persistence', async () => {
    stubStorage({ persisted: () => Promise.resolve(true), estimate: () => Promise.resolve({ usage: 12_345_678, quota: 1e10 }) });
    render(<StoragePanel />);
    expect(await screen.findByText('Persistent.')).toBeInTheDocument();
    expect(screen.getByText('Using 12 MB for the catalog and posters.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ask to keep it' })).not.toBeInTheDocument();
  });

  it('warns when storage is best effort and asks again on request, showing the new answer', async () => {
    let granted = false;
    const persist = vi.fn(() => {
      granted = true;
      return Promise.resolve(true);
    });
    stubStorage({ persisted: () => Promise.resolve(granted), persist, estimate: () => Promise.resolve({ usage: 2048 }) });
    render(<StoragePanel />);
    expect(await screen.findByText('Not persistent.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Ask to keep it' }));
    expect(persist).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Persistent.')).toBeInTheDocument();
  });

  it('says so plainly when the browser has no storage API instead of guessing', async () => {
    stubStorage(undefined);
    render(<StoragePanel />);
    await waitFor(() => expect(screen.getByTestId('storage-persistence')).toHaveTextContent(/^Unknown\./));
    expect(screen.queryByText(/^Using/)).not.toBeInTheDocument();
  });

  it('formats sizes the way file managers do', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1_500)).toBe('1.5 kB');
    expect(formatBytes(12_345_678)).toBe('12 MB');
    expect(formatBytes(3_200_000_000)).toBe('3.2 GB');
  });
});
