/**
 * The main thread's side of the import worker: starts it, hands it the chosen files (transferred, not copied),
 * passes its progress on, and turns its answer into an ImportPlan. A Tellico file comes back as XML text, because
 * workers have no DOMParser: it is parsed here and planned with the Tellico codec. Cancelling terminates the worker
 * at once; the worker never outlives its request.
 */
import { ImportError, planWithFilms, type ImportPlan } from '../domain/exchange/import-plan';
import { planTellicoImport } from '../domain/exchange/tellico';
import { importSourceName, type ImportRequest, type ImportResponse } from './import-protocol';
import type { ImportSource, ReadProgress, ReadResult } from './import/read-import';

export type { ImportRequest, ImportResponse } from './import-protocol';
export type { ImportSource, ReadProgress, ReadResult } from './import/read-import';

/** What readImportFile needs of a worker; a real Worker has it, and tests pass a fake. */
export interface ImportWorker {
  onmessage: ((event: MessageEvent<ImportResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: ImportRequest, transfer: Transferable[]): void;
  terminate(): void;
}

export interface ReadImportOptions {
  onProgress?: (progress: ReadProgress) => void;
  /** Aborting terminates the worker and rejects with an AbortError. */
  signal?: AbortSignal;
  createWorker?: () => ImportWorker;
}

/** Vite sees `new Worker(new URL(…, import.meta.url))` and bundles the worker and everything it imports. */
function startImportWorker(): ImportWorker {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'cinefile-import' });
}

const cancelled = () => new DOMException('Import cancelled', 'AbortError');

/** The sources' buffers, each once (a buffer listed twice makes postMessage throw). */
function transferablesOf(sources: ImportSource[]): ArrayBuffer[] {
  return [...new Set(sources.map((source) => source.bytes.buffer).filter((buffer) => buffer instanceof ArrayBuffer))];
}

/** Parses a Tellico XML text (here, on the main thread) and plans it; throws ImportError for XML that does not parse. */
function planTellico(result: Extract<ReadResult, { kind: 'tellico' }>): ImportPlan {
  const document = new DOMParser().parseFromString(result.xml, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) {
    const line = /line (\d+)/.exec(error.textContent ?? '')?.[1];
    throw new ImportError(`“${result.xmlPath}” is damaged: it is not well-formed XML.`, {
      file: result.xmlPath,
      line: line === undefined ? null : Number(line),
    });
  }
  return planTellicoImport(document, result.images, result.sourceName, result.xmlPath);
}

/**
 * Reads what a person chose into an ImportPlan, in a worker. The sources' buffers are transferred to the worker,
 * so the caller's arrays are empty afterwards. Rejects with an ImportError for anything that is not a Letterboxd,
 * IMDb or Tellico export (or is damaged), and with an AbortError when `signal` aborts.
 */
export function readImportFile(sources: ImportSource[], options: ReadImportOptions = {}): Promise<ImportPlan> {
  const { onProgress, signal, createWorker = startImportWorker } = options;
  const name = importSourceName(sources.map((source) => source.path));
  const unexpected = (detail: string) => new ImportError(`Cinefile could not read “${name}”: ${detail}`);

  return new Promise<ImportPlan>((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    let worker: ImportWorker;
    try {
      worker = createWorker();
    } catch (error) {
      reject(unexpected(`its import reader did not start (${error instanceof Error ? error.message : String(error)}).`));
      return;
    }
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = () => settle(() => reject(cancelled()));
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.onmessage = ({ data: message }) => {
      if (message.type === 'progress') {
        if (!settled) onProgress?.(message.progress);
      } else if (message.type === 'failed') {
        settle(() => reject(new ImportError(message.message, message.origin)));
      } else {
        settle(() => {
          try {
            resolve(planWithFilms(message.result.kind === 'plan' ? message.result.plan : planTellico(message.result)));
          } catch (error) {
            reject(error instanceof ImportError ? error : unexpected(error instanceof Error ? error.message : String(error)));
          }
        });
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      settle(() => reject(unexpected(`its import reader stopped (${event.message || 'no reason given'}).`)));
    };
    worker.onmessageerror = () => settle(() => reject(unexpected('its import reader sent an answer that could not be read.')));

    try {
      worker.postMessage({ sources }, transferablesOf(sources));
    } catch (error) {
      settle(() => reject(unexpected(error instanceof Error ? error.message : String(error))));
    }
  });
}
