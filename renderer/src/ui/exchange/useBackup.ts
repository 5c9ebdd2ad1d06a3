/**
 * Backing up and restoring as one state machine for the Settings page: a backup with progress and Cancel; a
 * restore read and checked first (nothing written), then shown with what it holds, then Replace (with Undo: the
 * catalog as it was is kept in memory until the toast goes) or Merge (through the import path, with Undo import).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { readCatalogSnapshot, restoreReplacing } from '../../db/backups';
import { applyImport, previewImport, undoImport, type PreparedImportPoster } from '../../db/imports';
import { BackupError } from '../../domain/exchange/backup';
import { planFromBackup } from '../../domain/exchange/backup-merge';
import { importCountsSummary, isEmptyImport } from '../../domain/exchange/import-record';
import { errorNames, failureMessage } from '../../domain/errors';
import { filmCountLabel } from '../../domain/list';
import { platform } from '../../platform';
import { useCatalogActions } from '../common/useCatalogActions';
import { useToast } from '../common/Toasts';
import { backupFileFilters, backupFileName, makeBackup, readBackup, type ReadBackup } from './backup-files';
import { saveLargeFile } from './file-saving';

export type BackupState =
  | { phase: 'idle' }
  | { phase: 'working'; what: string; done: number; total: number | null }
  | { phase: 'restore'; backup: ReadBackup }
  | { phase: 'failed'; message: string };

const isAbort = (error: unknown) => errorNames(error).includes('AbortError');

/** The covers of a backup, ready to store as they are (the backup carries their thumbnails). */
function backupPosters(backup: ReadBackup): Record<string, PreparedImportPoster> {
  return Object.fromEntries(
    backup.snapshot.posters.map(({ id, image, thumbnail, thumbnailType, mimeType, width, height }) => [
      id,
      { image: new Blob([new Uint8Array(image)], { type: mimeType }), thumbnail: new Blob([new Uint8Array(thumbnail)], { type: thumbnailType }), mimeType, width, height },
    ]),
  );
}

export function useBackup() {
  const [state, setState] = useState<BackupState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const toast = useToast();
  const { undoable } = useCatalogActions();
  useEffect(() => () => controller.current?.abort(), []);

  const begin = () => {
    controller.current?.abort();
    controller.current = new AbortController();
    return controller.current.signal;
  };
  const fail = useCallback((notDone: string, error: unknown) => {
    if (isAbort(error)) return setState({ phase: 'idle' });
    console.warn(notDone, error);
    setState({ phase: 'failed', message: error instanceof BackupError ? `${error.message} Nothing was restored; your catalog is unchanged.` : failureMessage(notDone, error) });
  }, []);

  const backUp = useCallback(() => {
    const signal = begin();
    setState({ phase: 'working', what: 'Packing the backup', done: 0, total: null });
    const run = async () => {
      const now = new Date();
      const { bytes, films } = await makeBackup({ signal, onProgress: (done, total) => setState({ phase: 'working', what: 'Files packed', done, total }) }, now);
      const savedTo = await saveLargeFile(
        platform,
        { suggestedName: backupFileName(now), filters: backupFileFilters },
        bytes,
        ({ written, total }) => setState({ phase: 'working', what: 'Megabytes written', done: Math.round(written / 1048576), total: Math.max(1, Math.round(total / 1048576)) }),
        signal,
      );
      setState({ phase: 'idle' });
      if (savedTo !== null) toast({ message: `Backed up ${filmCountLabel(films)} to “${savedTo}”.` });
    };
    run().catch((error: unknown) => fail('The backup was not made', error));
  }, [fail, toast]);

  const open = useCallback(
    (chosen: Promise<{ fileName: string; bytes: Uint8Array } | null>) => {
      const signal = begin();
      setState({ phase: 'working', what: 'Reading the backup', done: 0, total: null });
      const run = async () => {
        const file = await chosen;
        if (file === null) return setState({ phase: 'idle' });
        setState({ phase: 'restore', backup: await readBackup(file.fileName, file.bytes, { signal }) });
      };
      run().catch((error: unknown) => fail('The backup could not be read', error));
    },
    [fail],
  );

  const restore = useCallback(
    (backup: ReadBackup, mode: 'replace' | 'merge') => {
      setState({ phase: 'working', what: mode === 'replace' ? 'Restoring' : 'Merging', done: 0, total: null });
      const then = () => setState({ phase: 'idle' });
      if (mode === 'replace') {
        undoable({
          run: async () => {
            const previous = await readCatalogSnapshot();
            await restoreReplacing(backup.snapshot);
            return previous;
          },
          notDone: `“${backup.fileName}” was not restored`,
          then,
          failed: then,
          done: () => `Restored “${backup.fileName}”: your catalog is now that backup (${filmCountLabel(backup.snapshot.films.length)}).`,
          undo: (previous) => restoreReplacing(previous),
          notUndone: 'Your catalog as it was before the restore was not put back',
          undone: () => 'Your catalog is back as it was before the restore.',
        });
      } else {
        undoable({
          run: async () => {
            const plan = planFromBackup(backup.snapshot, backup.fileName);
            // A backup already merged (or this catalog's own) brings nothing: say so, and record no empty import.
            if (isEmptyImport((await previewImport(plan, 'keep')).counts)) {
              toast({ message: `Nothing new: everything in “${backup.fileName}” is already in your catalog.` });
              then();
              return null;
            }
            return applyImport(plan, { ratingChoice: 'keep', posters: backupPosters(backup) });
          },
          notDone: `“${backup.fileName}” was not merged`,
          then,
          failed: then,
          done: (record) => `Merged “${backup.fileName}”: ${importCountsSummary(record.counts)}.`,
          undo: (record) => undoImport(record.id),
          undoLabel: 'Undo merge',
          notUndone: 'The merge was not undone',
          undone: () => 'Merge undone; your catalog is as it was.',
        });
      }
    },
    [toast, undoable],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    setState({ phase: 'idle' });
  }, []);

  return { state, backUp, open, restore, cancel };
}
