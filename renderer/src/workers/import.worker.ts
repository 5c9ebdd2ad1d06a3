/**
 * The import worker's entry: reading and parsing what a person chose (unzipping, decoding, CSV parsing, the
 * Letterboxd and IMDb codecs) happens here, off the main thread, so the window stays responsive on a large export.
 * The work itself is in import/read-import.ts, which tests run in Node without a worker.
 */
import type { ImportRequest, ImportResponse } from './import-protocol';
import { answerImportRequest } from './import/read-import';

/** The part of a dedicated worker's global scope used here (the renderer's TypeScript config has DOM types only). */
interface ImportWorkerScope {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportResponse, transfer: Transferable[]): void;
}

const scope = self as unknown as ImportWorkerScope;

scope.onmessage = (event) => {
  answerImportRequest(event.data, (message, transfer) => scope.postMessage(message, transfer));
};
