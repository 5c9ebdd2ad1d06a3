/**
 * The Import page's steps around the worker: Cancel while reading and while writing leaves the catalog as it was,
 * and in Electron "Choose a file…" (or File › Import…) opens the native dialog through the platform. The worker is
 * stood in for (jsdom has no Worker); the catalog is fake-indexeddb, so the writing is real.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../renderer/src/db/index';
import { bareFilmFields, emptyImportPlan, type ImportPlan } from '../../renderer/src/domain/exchange/import-plan';
import type { ImportSource } from '../../renderer/src/workers/import/read-import';
import { freshCatalog, renderInApp } from './render';

const reads = vi.hoisted(() => ({
  next: null as null | ((sources: ImportSource[], signal: AbortSignal | undefined) => Promise<ImportPlan>),
}));
vi.mock('../../renderer/src/workers/import-client', () => ({
  readImportFile: (sources: ImportSource[], options: { signal?: AbortSignal }) => reads.next!(sources, options.signal),
}));

const openFile = vi.hoisted(() => vi.fn());
const shell = vi.hoisted(() => ({ kind: 'browser' as 'browser' | 'electron' }));
vi.mock('../../renderer/src/platform', () => ({
  platform: {
    get kind() {
      return shell.kind;
    },
    openFile,
    saveFile: vi.fn(),
    onMenuCommand: () => () => undefined,
  },
}));

const { ImportPage } = await import('../../renderer/src/ui/exchange/ImportPage');
const { requestImportDialog } = await import('../../renderer/src/ui/exchange/import-requests');

/** A plan big enough to be written in several chunks (the writer reports progress every 500 records). */
function bigPlan(films: number): ImportPlan {
  const plan = emptyImportPlan('imdb', 'ratings.csv');
  for (let i = 0; i < films; i++) {
    plan.films.push({ ref: `f${i}`, fields: bareFilmFields(`Film ${i}`, 2000), externalIds: [`imdb:tt${String(i).padStart(7, '0')}`], tags: [], origin: { file: 'ratings.csv', line: i + 2 } });
  }
  return plan;
}

/** Resolves only when aborted (as the real worker's read does once cancelled). */
const readUntilCancelled = (_: ImportSource[], signal: AbortSignal | undefined) =>
  new Promise<ImportPlan>((_resolve, reject) => signal?.addEventListener('abort', () => reject(new DOMException('Import cancelled', 'AbortError'))));

async function chooseFile(user: ReturnType<typeof userEvent.setup>) {
  await user.upload(screen.getByLabelText('Export files to import'), new File(['Const,Title\n'], 'ratings.csv', { type: 'text/csv' }));
}

beforeEach(async () => {
  await freshCatalog();
  shell.kind = 'browser';
  openFile.mockReset();
});

describe('ImportPage', () => {
  it('Cancel while reading stops it and says nothing was read in', async () => {
    const user = userEvent.setup();
    reads.next = readUntilCancelled;
    renderInApp(<ImportPage />, '/import');
    await chooseFile(user);
    await screen.findByRole('progressbar', { name: 'Reading progress' });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Import cancelled; nothing was read into your catalog.')).toBeInTheDocument();
    expect(await db.films.count()).toBe(1);
  });

  it('Cancel while writing rolls everything back, and the preview stays for another try', async () => {
    const user = userEvent.setup();
    // Big enough that writing takes far longer than a click, even on a loaded machine.
    reads.next = () => Promise.resolve(bigPlan(12_000));
    renderInApp(<ImportPage />, '/import');
    await chooseFile(user);
    await screen.findByText('12,000', {}, { timeout: 10_000 });
    // The preview takes focus as it appears, so a keyboard user is not left on a button that has gone.
    await vi.waitFor(() => expect(screen.getByRole('heading', { name: 'IMDb export “ratings.csv”' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByRole('progressbar', { name: 'Import progress' });
    // Once writing has begun: cancelling must roll back whatever was written.
    await screen.findByText(/^Written to your catalog: [\d,]+ of 12,000/, {}, { timeout: 10_000 });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Import cancelled; nothing was written.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import' })).toBeEnabled();
    expect(await db.films.count()).toBe(1);
    expect(await db.imports.count()).toBe(0);
  }, 30_000);

  it('shows a file the reader refuses with its name and line, and writes nothing', async () => {
    const user = userEvent.setup();
    const { ImportError } = await import('../../renderer/src/domain/exchange/import-plan');
    reads.next = () => Promise.reject(new ImportError('“diary.csv” is not valid CSV: on line 7, a quoted field is never closed.', { file: 'diary.csv', line: 7 }));
    renderInApp(<ImportPage />, '/import');
    await chooseFile(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“diary.csv” is not valid CSV: on line 7, a quoted field is never closed. Nothing was imported; your catalog is unchanged.',
    );
    expect(screen.getByRole('button', { name: 'Choose another file…' })).toBeInTheDocument();
  });

  it('in Electron, opens the native dialog for Letterboxd, IMDb and Tellico files, also straight from File › Import…', async () => {
    shell.kind = 'electron';
    openFile.mockResolvedValue(null);
    requestImportDialog();
    renderInApp(<ImportPage />, '/import');
    await waitFor(() => expect(openFile).toHaveBeenCalledTimes(1));
    expect(openFile).toHaveBeenCalledWith({ filters: [{ name: 'Letterboxd, IMDb or Tellico export', extensions: ['zip', 'csv', 'tc', 'xml'] }] });
    // Cancelling the dialog leaves the page as it was.
    expect(await screen.findByRole('button', { name: 'Choose a file…' })).toBeInTheDocument();

    const plan = bigPlan(2);
    reads.next = (sources) => {
      expect(sources.map((source) => source.path)).toEqual(['ratings.csv']);
      return Promise.resolve(plan);
    };
    openFile.mockResolvedValue({ fileName: 'ratings.csv', bytes: new TextEncoder().encode('Const,Title\n') });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Choose a file…' }));
    expect(await screen.findByRole('heading', { name: 'IMDb export “ratings.csv”' })).toBeInTheDocument();
  });
});
