/**
 * Settings › Sync and the Conflicts view over a stand-in sync worker: what the person types becomes a checked
 * request (a plain-http internet address never leaves the form), each answer of Test connection is shown in words,
 * a missing database can be created, a new device's join shows a progress bar, and settling a conflict sends the
 * chosen value.
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictsPage } from '../../renderer/src/ui/sync/ConflictsPage';
import { SyncPanel } from '../../renderer/src/ui/sync/SyncPanel';
import { setSyncWorkerFactory, type SyncWorker } from '../../renderer/src/workers/sync-client';
import type { SyncRequest, SyncResponse } from '../../renderer/src/workers/sync-protocol';

class StandInWorker implements SyncWorker {
  readonly received: SyncRequest[] = [];
  onmessage: ((event: MessageEvent<SyncResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor(readonly origin: string) {}
  postMessage(message: SyncRequest): void {
    this.received.push(message);
  }
  terminate(): void {}
  answer(message: SyncResponse): void {
    act(() => this.onmessage?.({ data: message } as MessageEvent<SyncResponse>));
  }
}

let workers: StandInWorker[] = [];
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  workers = [];
  setSyncWorkerFactory((origin) => {
    const worker = new StandInWorker(origin);
    workers.push(worker);
    return worker;
  });
});
afterEach(() => setSyncWorkerFactory(null));

async function fillIn(address: string): Promise<ReturnType<typeof userEvent.setup>> {
  const user = userEvent.setup();
  render(<SyncPanel />);
  await user.type(screen.getByLabelText('Server address'), address);
  await user.clear(screen.getByLabelText('Database'));
  await user.type(screen.getByLabelText('Database'), 'films');
  await user.type(screen.getByLabelText('User name'), 'anna');
  await user.type(screen.getByLabelText('Password'), 's3cret');
  return user;
}

describe('Settings › Sync', () => {
  it('refuses plain http across the internet in the form, starting no worker', async () => {
    const user = await fillIn('http://couch.example.net');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(screen.getByText('Plain http would send your password unencrypted across the internet; use https.')).toBeInTheDocument();
    expect(workers).toEqual([]);
  });

  it('tests the connection in a worker allowed only the server’s origin, says the database is missing, and creates it', async () => {
    const user = await fillIn('https://couch.example.net');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const [worker] = workers;
    expect(worker?.origin).toBe('https://couch.example.net');
    expect(worker?.received).toEqual([
      { type: 'test', target: { serverUrl: 'https://couch.example.net/', databaseUrl: 'https://couch.example.net/films', username: 'anna', password: 's3cret' } },
    ]);
    worker!.answer({ type: 'tested', verdict: { state: 'database-missing' } });
    expect(screen.getByTestId('sync-verdict')).toHaveTextContent('The database “films” does not exist on this server yet.');
    await user.click(screen.getByRole('button', { name: 'Create the database' }));
    expect(worker!.received.at(-1)).toMatchObject({ type: 'create-database' });
    worker!.answer({ type: 'tested', verdict: { state: 'wrong-credentials' } });
    expect(screen.getByTestId('sync-verdict')).toHaveTextContent('The server refused the user name or password.');
  });

  it('turns sync on, keeps the password where the platform says, and shows a joining device’s progress as a bar', async () => {
    const user = await fillIn('https://couch.example.net');
    await user.click(screen.getByRole('button', { name: 'Turn sync on' }));
    expect(await screen.findByTestId('sync-password-kept')).toHaveTextContent('The password is kept in this browser’s storage, unencrypted.');
    const [worker] = workers;
    expect(worker?.received.at(-1)).toMatchObject({ type: 'start', mergeConfirmed: false });
    expect(JSON.parse(localStorage.getItem('cinefile.sync') ?? '{}')).toMatchObject({ address: 'https://couch.example.net', enabled: true });
    expect(localStorage.getItem('cinefile.sync')).not.toContain('s3cret');
    worker!.answer({ type: 'status', status: { state: 'joining', pending: 0, progress: { done: 250, total: 1000 }, message: null, lastSyncedAt: null } });
    expect(screen.getByRole('progressbar', { name: 'Bringing in the catalog from the server' })).toHaveAttribute('value', '250');
    expect(screen.getByTestId('sync-status-text')).toHaveTextContent('Bringing in the catalog: 250 of 1,000');
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(worker!.received.at(-1)).toEqual({ type: 'pause' });
  });

  it('asks before merging into a database holding another catalog, and merges when told', async () => {
    const user = await fillIn('https://couch.example.net');
    await user.click(screen.getByRole('button', { name: 'Turn sync on' }));
    const [worker] = workers;
    worker!.answer({ type: 'needs-confirmation', records: 1234 });
    expect(screen.getByRole('alertdialog', { name: 'This database holds another catalog' })).toHaveTextContent('1,234 records');
    await user.click(screen.getByRole('button', { name: 'Merge the catalogs' }));
    expect(worker!.received.at(-1)).toMatchObject({ type: 'start', mergeConfirmed: true });
  });
});

describe('Conflicts', () => {
  it('lists what two devices changed at once, and sends the value the person chooses', async () => {
    const user = await fillIn('https://couch.example.net');
    await user.click(screen.getByRole('button', { name: 'Turn sync on' }));
    const [worker] = workers;
    const version = (value: number, at: string, device: string) => ({ value, at, device, counter: 1 });
    worker!.answer({
      type: 'conflicts',
      records: [{
        docId: 'films:f1', table: 'films', id: 'f1', label: 'Alien (1979)',
        conflicts: [{ kind: 'field', field: 'rating', kept: version(9, '2026-11-03T12:00:00.000Z', 'b'), others: [version(4, '2026-11-03T10:00:00.000Z', 'a')] }],
      }],
    });
    render(<ConflictsPage />);
    expect(screen.getByRole('heading', { name: 'Alien (1979)', level: 2 })).toBeInTheDocument();
    expect(screen.getByTestId('conflict-kept')).toHaveTextContent('4.5 ★');
    expect(screen.getByTestId('conflict-other')).toHaveTextContent('2 ★');
    await user.click(screen.getByRole('button', { name: 'Use “2 ★” instead' }));
    expect(worker!.received.at(-1)).toEqual({ type: 'resolve', docId: 'films:f1', choice: { kind: 'field', field: 'rating', value: 4 } });
  });
});
