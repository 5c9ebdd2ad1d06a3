/**
 * Property: whatever plan an import brings (random films, ratings in and out of scale, viewings, notes, lists,
 * copies) and whichever table refuses to be written, applying it either writes all of it — after which the same
 * plan previews as nothing new — or fails and leaves every table exactly as it was. Never a partial write.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db/index';
import { applyImport, previewImport } from '../../../renderer/src/db/imports';
import { copyFormats } from '../../../renderer/src/domain/copy';
import { filmMatchKey } from '../../../renderer/src/domain/film';
import { bareFilmFields, emptyImportPlan, type ImportPlan } from '../../../renderer/src/domain/exchange/import-plan';
import { isEmptyImport } from '../../../renderer/src/domain/exchange/import-record';
import type { HalfStars } from '../../../renderer/src/domain/rating';
import { freshCatalog } from '../../fixtures/catalog';
import { allowWrites, failWritesTo } from '../../fixtures/failing-writes';

// After the catalog was seeded (Red Hot's createdAt is the real clock), as an import always is: of two films with
// the same title, matching prefers the one catalogued first.
const NOW = new Date(Date.now() + 60_000);
const origin = { file: 'x.csv', line: 2 };
const tables = ['films', 'viewings', 'notes', 'lists', 'listEntries', 'copies', 'loans', 'posters'] as const;

const titles = fc.constantFrom('Red Hot', 'Amélie', 'AMELIE', '8½', 'Possession', 'Na srebrnym globie', 'The Heat', 'heat');
const filmArb = fc.record({
  title: titles,
  year: fc.option(fc.constantFrom(1963, 1981, 1993, 2001), { nil: null }),
  // Mostly sound ratings, sometimes one no form could make: the schema check must refuse the whole import.
  rating: fc.option(fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 10 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 11, 2.5) }), { nil: undefined }),
  watchlist: fc.option(fc.boolean(), { nil: undefined }),
  tags: fc.array(fc.constantFrom('noir', 'Noir', 'cult', 'snow'), { maxLength: 3 }),
  hasImdbId: fc.boolean(),
});

/** An IMDb id belongs to one film: the same title and year always get the same id (an export never gives one id to two films). */
const imdbIdOf = (title: string, year: number | null) => `imdb:tt${String(Math.abs([...`${filmMatchKey(title)}|${year}`].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) | 0, 7))).padStart(7, '0')}`;

const planArb = fc
  .record({
    films: fc.array(filmArb, { minLength: 1, maxLength: 6 }),
    viewings: fc.array(fc.record({ film: fc.nat(), watchedOn: fc.option(fc.constantFrom('2020-01-02', '2021-06', '2019'), { nil: null }), rating: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }) }), { maxLength: 6 }),
    notes: fc.array(fc.record({ film: fc.nat(), body: fc.constantFrom('Loved it.', 'Again!', '  Loved it.  ') }), { maxLength: 3 }),
    list: fc.option(fc.array(fc.nat(), { maxLength: 5 }), { nil: null }),
    copies: fc.array(fc.record({ film: fc.nat(), format: fc.constantFrom(...copyFormats), lent: fc.boolean() }), { maxLength: 3 }),
  })
  .map(({ films, viewings, notes, list, copies }): ImportPlan => {
    const plan = emptyImportPlan('letterboxd', 'property.zip');
    films.forEach((film, index) =>
      plan.films.push({
        ref: `f${index}`,
        fields: bareFilmFields(film.title, film.year),
        externalIds: film.hasImdbId ? [imdbIdOf(film.title, film.year)] : [],
        rating: film.rating as HalfStars | undefined,
        watchlist: film.watchlist,
        tags: film.tags,
        origin,
      }),
    );
    const ref = (n: number) => `f${n % films.length}`;
    for (const viewing of viewings) plan.viewings.push({ filmRef: ref(viewing.film), watchedOn: viewing.watchedOn, rewatch: false, rating: viewing.rating as HalfStars | null, origin });
    for (const note of notes) plan.notes.push({ filmRef: ref(note.film), body: note.body, writtenOn: null, origin });
    if (list) plan.lists.push({ name: 'Property list', description: '', ranked: false, entries: list.map((n) => ({ filmRef: ref(n), note: '' })), origin });
    for (const copy of copies) {
      plan.copies.push({ filmRef: ref(copy.film), format: copy.format, loan: copy.lent ? { borrower: 'Ann', lentOn: '2026-11-01', dueOn: null } : null, origin });
    }
    return plan;
  });

async function snapshot() {
  return Object.fromEntries(await Promise.all([...tables, 'imports'].map(async (table) => [table, await db.table(table).orderBy('id').toArray()])));
}

beforeEach(freshCatalog);

describe('applying any import plan', () => {
  it('writes all of it (and then nothing more), or none of it', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, fc.option(fc.constantFrom(...tables), { nil: null }), async (plan, refusing) => {
        await freshCatalog();
        const before = await snapshot();
        if (refusing) failWritesTo(refusing);
        const outcome = await applyImport(plan, { ratingChoice: 'replace', now: NOW }).then(
          () => 'written' as const,
          () => 'failed' as const,
        );
        allowWrites();
        if (outcome === 'failed') {
          expect(await snapshot()).toEqual(before);
        } else {
          expect(isEmptyImport((await previewImport(plan, 'replace', NOW)).counts)).toBe(true);
          const after = await snapshot();
          await applyImport(plan, { ratingChoice: 'replace', now: NOW });
          expect({ ...(await snapshot()), imports: [] }).toEqual({ ...after, imports: [] });
        }
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});
