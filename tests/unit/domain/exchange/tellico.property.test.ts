// @vitest-environment jsdom
// Damaged Tellico files through DOMParser and planTellicoImport: whatever the damage (broken markup, a file cut
// short, odd values, missing elements), the outcome is a plan that keeps its invariants or an ImportError, never
// another exception.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError, type ImportedImage, type ImportPlan } from '../../../../renderer/src/domain/exchange/import-plan';
import { planTellicoImport } from '../../../../renderer/src/domain/exchange/tellico';
import { applyTextEdits, expectSoundPlan as expectSharedPromises, textEditsArb } from '../../../fixtures/import-checks';

const now = new Date(2026, 10, 20, 12, 0);
const fixturePath = (path: string) => join(import.meta.dirname, '../../../fixtures/tellico', path);
const fixtures = ['videos', 'scale-10'].map((folder) => readFileSync(fixturePath(`${folder}/tellico.xml`), 'utf8'));
const images: Record<string, ImportedImage> = Object.fromEntries(
  readdirSync(fixturePath('videos/images')).map((name) => [
    `images/${name}`,
    { bytes: new Uint8Array(readFileSync(fixturePath(`videos/images/${name}`))), mimeType: 'image/png' as const },
  ]),
);
const NUM_RUNS = 200;

/** The shared promises, and: no loan starts after the day the test pretends it is. */
function expectSoundPlan(plan: ImportPlan): void {
  expectSharedPromises(plan);
  for (const copy of plan.copies) if (copy.loan) expect(copy.loan.lentOn <= '2026-11-20').toBe(true);
}

/** Parses and plans as the import does; the plan, or null for an ImportError. Anything else fails the test. */
function attempt(text: string): ImportPlan | null {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  try {
    const plan = planTellicoImport(document, images, 'videos.tc', 'tellico.xml', now);
    expectSoundPlan(plan);
    return plan;
  } catch (error) {
    if (error instanceof ImportError) return null;
    throw error;
  }
}

const fixtureArb = fc.constantFrom(...fixtures);
const charArb = fc.constantFrom('<', '>', '/', '"', '&', '=', ' ', '\n', 'a', '3', '0', '½', ';', ':', 'x', '\u0000');

const editsArb = textEditsArb(charArb, 6);

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Values an export might hold where a field or attribute is: numbers of any size, dates, long text, blanks. */
const valueArb = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: -20, max: 3000 }).map(String),
  fc.constantFrom('', ' ', 'true', 'false', '0', '10', '2026-13-40', '2030-01-01', '1e9', 'NaN', '0x10', 'tt0211915', 'images/'),
  fc.string({ minLength: 480, maxLength: 620 }),
);

/** Replaces the `picks` of the values matched by `pattern` (text between tags, or attribute values) with `values`. */
function replaceValues(text: string, pattern: RegExp, picks: number[], values: string[], wrap: (value: string) => string): string {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const chosen = new Map(picks.map((pick, index) => [pick % matches.length, values[index] ?? '']));
  let index = -1;
  return text.replace(pattern, (whole) => {
    index++;
    const value = chosen.get(index);
    return value === undefined ? whole : wrap(escapeXml(value));
  });
}

describe('planTellicoImport on damaged files', () => {
  it('gives a sound plan or an ImportError for character-level damage', () => {
    fc.assert(fc.property(fixtureArb, editsArb, (text, edits) => void attempt(applyTextEdits(text, edits))), { numRuns: NUM_RUNS });
  });

  it('gives a sound plan or an ImportError for a file cut short anywhere', () => {
    fc.assert(fc.property(fixtureArb, fc.nat(), (text, at) => void attempt(text.slice(0, at % (text.length + 1)))), { numRuns: NUM_RUNS });
  });

  it('gives a sound plan or an ImportError for any values in fields and attributes', () => {
    fc.assert(
      fc.property(fixtureArb, fc.array(fc.tuple(fc.nat(), valueArb, fc.boolean()), { minLength: 1, maxLength: 8 }), (text, changes) => {
        let changed = text;
        for (const [pick, value, inAttribute] of changes) {
          changed = inAttribute
            ? replaceValues(changed, /="[^"]*"/g, [pick], [value], (escaped) => `="${escaped}"`)
            : replaceValues(changed, />[^<]+</g, [pick], [value], (escaped) => `>${escaped}<`);
        }
        attempt(changed);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives a sound plan or an ImportError with elements removed', () => {
    fc.assert(
      fc.property(fixtureArb, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (text, picks) => {
        const element = /<([a-z][\w-]*)\b[^>]*?(?:\/>|>[^<]*<\/\1>)/g;
        const count = [...text.matchAll(element)].length;
        const removed = new Set(picks.map((pick) => pick % count));
        let index = -1;
        const changed = text.replace(element, (whole) => (removed.has(++index) ? '' : whole));
        const plan = attempt(changed);
        expect(plan).not.toBeNull();
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
