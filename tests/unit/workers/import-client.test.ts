// The import worker's protocol end to end, with a fake worker that runs the real worker code (answerImportRequest)
// and passes every message through structuredClone, as postMessage would: done, failed, progress, and cancelling
// (the worker is terminated at once).
import { describe, expect, it, vi } from 'vitest';
import { ImportError } from '../../../renderer/src/domain/exchange/import-plan';
import { answerImportRequest, PROGRESS_INTERVAL_MS, type ReadProgress } from '../../../renderer/src/workers/import/read-import';
import { readImportFile, type ImportRequest, type ImportResponse } from '../../../renderer/src/workers/import-client';
import { FakeWorker, rejection } from './fake-worker';
import { utf8, zipOf } from './zip-fixtures';

const DIARY = 'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2021-06-13,Amélie,2001,,3.5,,,2021-06-12\n';

describe('readImportFile', () => {
  it('resolves with the plan, passes progress on, transfers the files and terminates the worker', async () => {
    const worker = new FakeWorker();
    const bytes = zipOf({ 'diary.csv': DIARY });
    const progress: ReadProgress[] = [];
    const plan = await readImportFile([{ path: 'export.zip', bytes }], { createWorker: () => worker, onProgress: (p) => progress.push(p) });
    expect(plan.format).toBe('letterboxd');
    expect(plan.films.map((film) => film.fields.title)).toEqual(['Amélie']);
    expect(progress.map((p) => p.phase)).toEqual(['unpacking', 'reading']);
    expect(bytes.byteLength).toBe(0); // transferred, not copied
    expect(worker.terminated).toBe(true);
  });

  it('rejects with the worker’s ImportError, origin included, and terminates the worker', async () => {
    const worker = new FakeWorker();
    const error = await rejection(readImportFile([{ path: 'budget.csv', bytes: utf8('Month,Rent\n') }], { createWorker: () => worker }));
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe('“budget.csv” is not a Letterboxd, IMDb or Tellico export: its first line is “Month,Rent”.');
    expect((error as ImportError).origin).toEqual({ file: 'budget.csv', line: null });
    expect(worker.terminated).toBe(true);
  });

  it('refuses an export that holds no films at all (a Letterboxd zip with only its profile)', async () => {
    const profile = 'Date Joined,Username,Given Name,Family Name,Email Address,Location,Website,Bio,Pronoun,Favorite Films\n2019-01-01,jane,Jane,,,,,,,\n';
    const error = await rejection(readImportFile([{ path: 'letterboxd-jane.zip', bytes: zipOf({ 'profile.csv': profile }) }], { createWorker: () => new FakeWorker() }));
    expect((error as ImportError).message).toBe('“letterboxd-jane.zip” holds no films to import.');
  });

  it('on abort, terminates the worker at once and rejects with an AbortError', async () => {
    const worker = new FakeWorker(false);
    const controller = new AbortController();
    const progress = vi.fn();
    const reading = readImportFile([{ path: 'diary.csv', bytes: utf8(DIARY) }], { createWorker: () => worker, signal: controller.signal, onProgress: progress });
    expect(worker.requests).toHaveLength(1);
    controller.abort();
    expect(worker.terminated).toBe(true);
    const error = await rejection(reading);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    // A late answer from the terminated worker changes nothing.
    worker.onmessage?.({ data: { type: 'progress', progress: { rowsRead: 5, phase: 'reading' } } } as MessageEvent<ImportResponse>);
    expect(progress).not.toHaveBeenCalled();
  });

  it('never starts a worker for a signal already aborted', async () => {
    const createWorker = vi.fn(() => new FakeWorker());
    const error = await rejection(readImportFile([{ path: 'diary.csv', bytes: utf8(DIARY) }], { createWorker, signal: AbortSignal.abort() }));
    expect((error as DOMException).name).toBe('AbortError');
    expect(createWorker).not.toHaveBeenCalled();
  });

  it('turns a worker that dies into an ImportError naming what was chosen', async () => {
    const worker = new FakeWorker(false);
    const reading = readImportFile([{ path: 'export.zip', bytes: utf8('x') }], { createWorker: () => worker });
    worker.onerror?.({ message: 'Script failed to load', preventDefault: () => undefined } as ErrorEvent);
    const error = await rejection(reading);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe('Cinefile could not read “export.zip”: its import reader stopped (Script failed to load).');
    expect(worker.terminated).toBe(true);
  });
});

describe('answerImportRequest', () => {
  it('answers a bug (not an ImportError) with a message naming what was chosen, never a throw', () => {
    const posted: ImportResponse[] = [];
    const request = { sources: [{ path: 'diary.csv', bytes: null }] } as unknown as ImportRequest;
    answerImportRequest(request, (message) => posted.push(message));
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ type: 'failed', origin: null });
    expect(posted[0]?.type === 'failed' && posted[0].message).toMatch(/^Cinefile could not read “diary\.csv”: /);
    answerImportRequest(undefined as unknown as ImportRequest, (message) => posted.push(message));
    expect(posted[1]).toMatchObject({ type: 'failed', message: expect.stringMatching(/^Cinefile could not read “the chosen files”: /) as string });
  });

  it('posts progress at most every 100 ms, but every change of phase', () => {
    const rows = Array.from({ length: 5_000 }, (_, index) => `2024-01-01,Film ${index},2000,,3,,,2023-12-31`).join('\n');
    const posted: ImportResponse[] = [];
    let time = 0;
    const clock = () => (time += PROGRESS_INTERVAL_MS / 4);
    answerImportRequest({ sources: [{ path: 'x.zip', bytes: zipOf({ 'diary.csv': `${DIARY}${rows}\n` }) }] }, (message) => posted.push(message), clock);
    const progress = posted.flatMap((message) => (message.type === 'progress' ? [message.progress] : []));
    expect(progress[0]).toEqual({ rowsRead: 0, phase: 'unpacking' });
    expect(progress[1]).toEqual({ rowsRead: 0, phase: 'reading' });
    expect(progress.length).toBeLessThan(5);
    expect(posted.at(-1)?.type).toBe('done');
  });
});
