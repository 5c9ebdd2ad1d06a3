/**
 * The main thread's side of the backup worker: packs a backup's files into a .cinefile zip, or unpacks one, with
 * progress; Cancel terminates the worker at once. A refusal comes back as a BackupError with the worker's words.
 */
import { BackupError } from '../domain/exchange/backup';
import { buffersOf, type BackupRequest, type BackupResponse } from './backup-protocol';

export interface BackupWorker {
  onmessage: ((event: MessageEvent<BackupResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: BackupRequest, transfer: Transferable[]): void;
  terminate(): void;
}

export interface BackupWorkOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  createWorker?: () => BackupWorker;
}

function startBackupWorker(): BackupWorker {
  return new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module', name: 'cinefile-backup' });
}

function run<T>(request: BackupRequest, transfer: Transferable[], take: (response: BackupResponse) => T | undefined, options: BackupWorkOptions): Promise<T> {
  const { onProgress, signal, createWorker = startBackupWorker } = options;
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Cancelled', 'AbortError'));
    const worker = createWorker();
    const finish = (outcome: () => void) => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = () => finish(() => reject(new DOMException('Cancelled', 'AbortError')));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = ({ data }) => {
      if (data.type === 'progress') return onProgress?.(data.done, data.total);
      if (data.type === 'failed') return finish(() => reject(data.isBackupError ? new BackupError(data.message) : new Error(data.message)));
      const value = take(data);
      if (value !== undefined) finish(() => resolve(value));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish(() => reject(new Error(`The backup worker stopped: ${event.message || 'no reason given'}.`)));
    };
    worker.postMessage(request, transfer);
  });
}

/** The .cinefile zip of these files. The files' buffers are handed to the worker (empty here afterwards). */
export function packBackupFiles(files: Record<string, Uint8Array>, options: BackupWorkOptions = {}): Promise<Uint8Array> {
  return run({ op: 'pack', files }, buffersOf(files), (response) => (response.type === 'packed' ? response.bytes : undefined), options);
}

/** The files of a .cinefile zip. */
export function unpackBackupFile(name: string, bytes: Uint8Array, options: BackupWorkOptions = {}): Promise<Record<string, Uint8Array>> {
  const transfer = bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
  return run({ op: 'unpack', name, bytes }, transfer, (response) => (response.type === 'unpacked' ? response.files : undefined), options);
}
