// Damaged IMDb exports through parseCsv and planImdbImport: whatever the damage, the outcome is a plan that keeps
// its invariants or an ImportError that says what is wrong, never another exception; column order never matters.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planImdbImport } from '../../../../renderer/src/domain/exchange/imdb';
import { ImportError, type ImportPlan } from '../../../../renderer/src/domain/exchange/import-plan';
import { parseCsv } from '../../../../renderer/src/workers/import/csv';
import { applyTextEdits, expectSoundPlan, textEditsArb } from '../../../fixtures/import-checks';

const now = new Date(2026, 10, 20, 12, 0);
const names = ['ratings.csv', 'ratings-2019.csv', 'watchlist.csv', 'ls-list.csv'] as const;
const fixtures = names.map((name) => ({ name, text: readFileSync(new URL(`../../../fixtures/imdb/${name}`, import.meta.url), 'utf8') }));
const NUM_RUNS = 600;

/** Runs the codec as the import does; returns the plan, or null for an ImportError. Anything else fails the test. */
function attempt(text: string, path: string): ImportPlan | null {
  try {
    const plan = planImdbImport(parseCsv(text, path), path, now);
    expectSoundPlan(plan);
    return plan;
  } catch (error) {
    if (error instanceof ImportError) return null;
    throw error;
  }
}

const fixtureArb = fc.constantFrom(...fixtures);
/** Characters that matter to CSV and to the codec, plus some that do not. */
const charArb = fc.constantFrom('"', ',', '\n', '\r', ';', '\t', ' ', '0', '7', '1', '½', 'é', 'a', 'T', '\uFEFF', '\u0000', '.');

const editsArb = textEditsArb(charArb, 8);

/** Writes rows back as CSV, quoting what needs it, as IMDb does. */
function toCsv(rows: string[][]): string {
  const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((cells) => cells.map(quote).join(',')).join('\n');
}

const rowsOf = (text: string, name: string) => parseCsv(text, name).rows.map((row) => row.cells);

describe('planImdbImport on damaged exports', () => {
  it('gives a sound plan or an ImportError for character-level damage', () => {
    fc.assert(
      fc.property(fixtureArb, editsArb, ({ name, text }, edits) => {
        attempt(applyTextEdits(text, edits), name);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives a sound plan or an ImportError for flipped bits in the file’s bytes', () => {
    const encoder = new TextEncoder();
    const decoder = new TextDecoder('utf-8');
    fc.assert(
      fc.property(fixtureArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 6 }), ({ name, text }, flips) => {
        const bytes = encoder.encode(text);
        for (const [at, bit] of flips) {
          const index = at % bytes.length;
          bytes[index] = (bytes[index] ?? 0) ^ (1 << bit);
        }
        attempt(decoder.decode(bytes), name);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives a sound plan or an ImportError for a file cut short anywhere', () => {
    fc.assert(
      fc.property(fixtureArb, fc.nat(), ({ name, text }, at) => {
        attempt(text.slice(0, at % (text.length + 1)), name);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('makes the same plan whatever order the columns are in', () => {
    fc.assert(
      fc.property(fixtureArb.chain((fixture) => {
        const width = rowsOf(fixture.text, fixture.name)[0]?.length ?? 0;
        const indexes = Array.from({ length: width }, (_, index) => index);
        return fc.tuple(fc.constant(fixture), fc.shuffledSubarray(indexes, { minLength: width, maxLength: width }));
      }), ([{ name, text }, order]) => {
        const shuffled = toCsv(rowsOf(text, name).map((cells) => order.map((index) => cells[index] ?? '')));
        expect(attempt(shuffled, name)).toEqual(attempt(text, name));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('survives dropped columns, and dropping the columns it does not read changes nothing', () => {
    const unread = new Set(['Created', 'Modified', 'URL', 'IMDb Rating', 'Num Votes', 'Date Rated', 'Release Date']);
    fc.assert(
      fc.property(fixtureArb, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), ({ name, text }, picks) => {
        const rows = rowsOf(text, name);
        const header = rows[0] ?? [];
        const dropped = new Set(picks.map((pick) => pick % header.length));
        const kept = toCsv(rows.map((cells) => cells.filter((_, index) => !dropped.has(index))));
        const plan = attempt(kept, name);
        if ([...dropped].every((index) => unread.has(header[index] ?? ''))) expect(plan).toEqual(attempt(text, name));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
