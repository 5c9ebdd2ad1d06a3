/**
 * Everything that crosses between the main thread and the import worker, in one place, so both sides (and the tests'
 * fake worker) agree on it. Types only, apart from how a set of sources is named, which both sides need for messages.
 */
import type { ImportOrigin } from '../domain/exchange/import-plan';
import type { ImportSource, ReadProgress, ReadResult } from './import/read-import';

/** Main → worker: what the person chose. The sources' ArrayBuffers are transferred, not copied. */
export interface ImportRequest {
  sources: ImportSource[];
}

/** Worker → main. Exactly one 'done' or 'failed' ends every request; 'progress' comes before it, throttled. */
export type ImportResponse =
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'done'; result: ReadResult }
  | { type: 'failed'; message: string; origin: ImportOrigin | null };

/**
 * What the person chose, as they would recognise it: a file's or zip's name, a dropped folder's name, or
 * "diary.csv and 2 more" for several loose files.
 */
export function importSourceName(paths: readonly string[]): string {
  const split = paths.map((path) => path.replace(/\\/g, '/').split('/').filter((segment) => segment !== ''));
  const top = split[0]?.[0];
  if (top !== undefined && split.every((segments) => segments.length > 1 && segments[0] === top)) return top;
  const first = split[0]?.at(-1) ?? 'the chosen file';
  return paths.length <= 1 ? first : `${first} and ${paths.length - 1} more`;
}
