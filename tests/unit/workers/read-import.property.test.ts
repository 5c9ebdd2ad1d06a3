// Whatever bytes arrive (random, or a real export zip with bytes flipped, cut, inserted or removed), readImport ends
// in a ReadResult or an ImportError, never another exception, and never unpacks past its cap.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../renderer/src/domain/exchange/import-plan';
import { readImport, type ImportSource, type ReadResult } from '../../../renderer/src/workers/import/read-import';
import { streamedZipOf, utf8, zipOf } from './zip-fixtures';

const NOW = new Date(2026, 10, 29, 12);
const EXPORT = join(import.meta.dirname, '../../fixtures/letterboxd/export');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

const exportFiles: Record<string, string> = {};
for (const file of filesUnder(EXPORT)) exportFiles[relative(EXPORT, file).split(sep).join('/')] = readFileSync(file, 'utf8');
const IMDB = readFileSync(join(import.meta.dirname, '../../fixtures/imdb/ratings.csv'), 'utf8');
const TELLICO = readFileSync(join(import.meta.dirname, '../../fixtures/tellico/videos/tellico.xml'), 'utf8');

const validZips = [
  zipOf(exportFiles),
  streamedZipOf(exportFiles),
  zipOf({ 'ratings.csv': IMDB }),
  zipOf({ 'tellico.xml': TELLICO }),
];

/** Runs readImport; returns the result or the ImportError. Any other exception fails the property. */
function attempt(sources: ImportSource[]): ReadResult | ImportError {
  try {
    const result = readImport(sources, undefined, NOW);
    expect(['plan', 'tellico']).toContain(result.kind);
    return result;
  } catch (error) {
    if (error instanceof ImportError) {
      expect(error.message.length).toBeGreaterThan(0);
      return error;
    }
    throw error;
  }
}

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'remove'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
);

function mutate(bytes: Uint8Array, change: Mutation): Uint8Array {
  const at = change.at % (bytes.length + 1);
  switch (change.kind) {
    case 'flip': {
      const copy = bytes.slice();
      if (at < copy.length) copy[at] = change.value;
      return copy;
    }
    case 'cut':
      return bytes.slice(0, at);
    case 'insert':
      return Uint8Array.from([...bytes.subarray(0, at), ...change.bytes, ...bytes.subarray(at)]);
    case 'remove':
      return Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + change.length)]);
  }
}

describe('readImport on any bytes', () => {
  it('answers random bytes, under any name, with a result or an ImportError', () => {
    const name = fc.constantFrom('export.zip', 'diary.csv', 'ratings.csv', 'videos.tc', 'tellico.xml', 'file');
    fc.assert(
      fc.property(name, fc.uint8Array({ maxLength: 4096 }), (path, bytes) => {
        attempt([{ path, bytes }]);
      }),
      { numRuns: 400 },
    );
  });

  it('answers random text that starts like a zip or a CSV the same way', () => {
    const start = fc.constantFrom(Uint8Array.of(0x50, 0x4b, 0x03, 0x04), Uint8Array.of(0x50, 0x4b, 0x05, 0x06), utf8('Const,Title Type\n'), utf8('Date,Name,Year,Letterboxd URI\n'));
    fc.assert(
      fc.property(start, fc.uint8Array({ maxLength: 2048 }), (head, tail) => {
        attempt([{ path: 'export.zip', bytes: Uint8Array.from([...head, ...tail]) }]);
      }),
      { numRuns: 300 },
    );
  });

  it('answers real exports with bytes flipped, cut, inserted or removed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...validZips), fc.array(mutation, { minLength: 1, maxLength: 4 }), (zip, changes) => {
        const damaged = changes.reduce(mutate, zip);
        attempt([{ path: 'export.zip', bytes: damaged }]);
      }),
      { numRuns: 400 },
    );
  });

  it('still plans the undamaged exports', () => {
    for (const zip of validZips) expect(attempt([{ path: 'export.zip', bytes: zip }])).not.toBeInstanceOf(ImportError);
  });
});
