/**
 * The Import page's steps as one state machine: reading the chosen files (in a worker, with progress and Cancel),
 * the preview (nothing written yet), writing (one transaction, with progress and Cancel), then back to the start
 * with an "Imported …" toast offering Undo import. A failure at any step says what and where, and leaves the catalog
 * as it was.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { applyImport, previewImport, undoImport, type PreparedImportPoster } from '../../db/imports';
import { errorNames, failureMessage } from '../../domain/errors';
import type { ImportDiff, RatingChoice } from '../../domain/exchange/import-diff';
import { ImportError, type ImportPlan } from '../../domain/exchange/import-plan';
import { importCountsSummary } from '../../domain/exchange/import-record';
import { readImportFile } from '../../workers/import-client';
import type { ImportSource } from '../../workers/import/read-import';
import { useCatalogActions } from '../common/useCatalogActions';
import { prepareImportPosters } from './import-posters';

export type ImportState =
  | { phase: 'idle'; notice: string | null }
  | { phase: 'reading'; what: string; done: number; total: number | null }
  | { phase: 'preview'; plan: ImportPlan; preview: ImportDiff; ratingChoice: RatingChoice; posters: Record<string, PreparedImportPoster>; notice: string | null }
  | { phase: 'writing'; plan: ImportPlan; written: number; total: number }
  | { phase: 'failed'; message: string };

export interface ImportControls {
  state: ImportState;
  /** Reads and previews what was chosen. */
  start: (sources: Promise<ImportSource[]>) => void;
  /** Stops reading or writing; nothing is written. From the preview, drops it. */
  cancel: () => void;
  chooseRatings: (choice: RatingChoice) => void;
  confirm: () => void;
}

/** A cancel, however deep Dexie wrapped it (a transaction aborted by our AbortError is a DexieError around it). */
const isAbort = (error: unknown) => errorNames(error).includes('AbortError');

/** What a failure to read says: an ImportError's own words (file and line), else the general form. */
function readFailure(error: unknown): string {
  if (error instanceof ImportError) return `${error.message} Nothing was imported; your catalog is unchanged.`;
  return `${failureMessage('Nothing was imported', error)}`;
}

export function useImport(): ImportControls {
  const [state, setState] = useState<ImportState>({ phase: 'idle', notice: null });
  const controller = useRef<AbortController | null>(null);
  const { undoable } = useCatalogActions();

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback((chosen: Promise<ImportSource[]>) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'reading', what: 'Reading files', done: 0, total: null });
    const read = async () => {
      try {
        const sources = await chosen;
        if (sources.length === 0) return setState({ phase: 'idle', notice: null });
        const plan = await readImportFile(sources, {
          signal: abort.signal,
          onProgress: ({ rowsRead }) => setState({ phase: 'reading', what: 'Rows read', done: rowsRead, total: null }),
        });
        const covers = await prepareImportPosters(plan, (done, total) => setState({ phase: 'reading', what: 'Covers prepared', done, total }), abort.signal);
        const withCovers = { ...plan, skipped: [...plan.skipped, ...covers.skipped] };
        const preview = await previewImport(withCovers, 'keep');
        if (abort.signal.aborted) return;
        setState({ phase: 'preview', plan: withCovers, preview, ratingChoice: 'keep', posters: covers.posters, notice: null });
      } catch (error) {
        if (abort.signal.aborted || isAbort(error)) return setState({ phase: 'idle', notice: 'Import cancelled; nothing was read into your catalog.' });
        console.warn('Import could not be read', error);
        setState({ phase: 'failed', message: readFailure(error) });
      }
    };
    // `read` catches everything itself; this only keeps a bug in it from passing unseen.
    read().catch((error: unknown) => console.error('Reading an import failed unexpectedly', error));
  }, []);

  const cancel = useCallback(() => {
    controller.current?.abort();
    setState((current) => (current.phase === 'preview' ? { phase: 'idle', notice: null } : current));
  }, []);

  const chooseRatings = useCallback(
    (choice: RatingChoice) => {
      if (state.phase !== 'preview') return;
      const { plan } = state;
      previewImport(plan, choice).then(
        (preview) => setState((now) => (now.phase === 'preview' && now.plan === plan ? { ...now, preview, ratingChoice: choice } : now)),
        (error: unknown) => setState({ phase: 'failed', message: failureMessage('The preview could not be updated', error) }),
      );
    },
    [state],
  );

  const confirm = useCallback(() => {
    if (state.phase !== 'preview') return;
    const { plan, posters, ratingChoice, preview } = state;
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'writing', plan, written: 0, total: 0 });
    undoable({
      run: async () => {
        try {
          return await applyImport(plan, {
            ratingChoice,
            posters,
            signal: abort.signal,
            onProgress: ({ written, total }) => setState({ phase: 'writing', plan, written, total }),
          });
        } catch (error) {
          if (abort.signal.aborted || isAbort(error)) {
            setState({ ...state, notice: 'Import cancelled; nothing was written.' });
            return null;
          }
          setState({ ...state, preview, notice: null });
          throw error;
        }
      },
      notDone: `“${plan.sourceName}” was not imported`,
      then: () => setState({ phase: 'idle', notice: null }),
      done: (record) => `Imported “${record.sourceName}”: ${importCountsSummary(record.counts)}.`,
      undo: (record) => undoImport(record.id),
      undoLabel: 'Undo import',
      notUndone: 'The import was not undone',
      undone: (record) => `Import of “${record.sourceName}” undone; your catalog is as it was.`,
    });
  }, [state, undoable]);

  return { state, start, cancel, chooseRatings, confirm };
}
