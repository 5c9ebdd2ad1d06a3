/**
 * The backup worker's entry: zipping a whole catalog (posters included) or unzipping a backup happens here, off the
 * main thread, so the window stays responsive and shows progress. The work itself is in backup/pack.ts.
 */
import { BackupError } from '../domain/exchange/backup';
import { buffersOf, type BackupRequest, type BackupResponse } from './backup-protocol';
import { packBackup, unpackBackup } from './backup/pack';

interface BackupWorkerScope {
  onmessage: ((event: MessageEvent<BackupRequest>) => void) | null;
  postMessage(message: BackupResponse, transfer?: Transferable[]): void;
}

const scope = self as unknown as BackupWorkerScope;
scope.onmessage = ({ data: request }) => {
  try {
    if (request.op === 'pack') {
      const bytes = packBackup(request.files, (done, total) => scope.postMessage({ type: 'progress', done, total }));
      scope.postMessage({ type: 'packed', bytes }, [bytes.buffer as ArrayBuffer]);
    } else {
      const files = unpackBackup(request.bytes, request.name);
      scope.postMessage({ type: 'unpacked', files }, buffersOf(files));
    }
  } catch (error) {
    scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error), isBackupError: error instanceof BackupError });
  }
};
