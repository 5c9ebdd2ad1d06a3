// A stand-in for the import worker in tests: it answers with the real worker code (answerImportRequest), a task
// later, passing every message through structuredClone with its transfer list, as postMessage would.
import { answerImportRequest } from '../../../renderer/src/workers/import/read-import';
import type { ImportRequest, ImportResponse, ImportWorker } from '../../../renderer/src/workers/import-client';

export class FakeWorker implements ImportWorker {
  onmessage: ImportWorker['onmessage'] = null;
  onerror: ImportWorker['onerror'] = null;
  onmessageerror: ImportWorker['onmessageerror'] = null;
  terminated = false;
  requests: ImportRequest[] = [];
  constructor(private readonly answers = true) {}

  postMessage(message: ImportRequest, transfer: Transferable[]): void {
    const received = structuredClone(message, { transfer });
    this.requests.push(received);
    if (!this.answers) return;
    setTimeout(() => {
      answerImportRequest(received, (response, transferBack) => {
        const sent = structuredClone(response, { transfer: transferBack });
        setTimeout(() => {
          if (!this.terminated) this.onmessage?.({ data: sent } as MessageEvent<ImportResponse>);
        });
      });
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}

/** The reason a promise rejects with; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
