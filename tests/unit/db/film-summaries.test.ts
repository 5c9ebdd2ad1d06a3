/**
 * The Library's projection stays in step with films whatever writes them: the add form, edits, ratings, flags,
 * tags, posters, deletion and its undo, imports and their undo, restores, clearing — in the same transaction, so a
 * failed write leaves both as they were; and a live query on summaries sees each change.
 */
import { Dexie, liveQuery } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { readCatalogSnapshot, restoreReplacing } from '../../../renderer/src/db/backups';
import { addFilm, changedSummaryIds, deleteFilm, firstLibrarySummaries, rateFilm, restoreDeletedFilm, updateFilm } from '../../../renderer/src/db/films';
import { applyImport, undoImport } from '../../../renderer/src/db/imports';
import { db } from '../../../renderer/src/db/index';
import { setFilmPoster } from '../../../renderer/src/db/posters';
import { addTagToFilm, toggleFilmFlag } from '../../../renderer/src/db/tags';
import { bareFilmFields, emptyImportPlan } from '../../../renderer/src/domain/exchange/import-plan';
import { filmSummary } from '../../../renderer/src/domain/film-summary';
import type { HalfStars } from '../../../renderer/src/domain/rating';
import { alienFields, freshCatalog } from '../../fixtures/catalog';
import { failWritesTo } from '../../fixtures/failing-writes';

/** Summaries as they should be (from the films) and as they are. */
async function expectInStep(): Promise<void> {
  const films = await db.films.orderBy('id').toArray();
  expect(await db.filmSummaries.orderBy('id').toArray()).toEqual(films.map(filmSummary));
}

beforeEach(freshCatalog);

describe('film summaries', () => {
  it('exist for the seeded catalog', async () => {
    await expectInStep();
    expect(await db.filmSummaries.count()).toBe(1);
  });

  it('follow every kind of film write', async () => {
    const alien = await addFilm(alienFields);
    await expectInStep();
    await updateFilm(alien, { ...alienFields, title: 'Alien: Director’s Cut', year: 2003 });
    await rateFilm(alien, 9 as HalfStars);
    await toggleFilmFlag(alien, 'watchlist');
    await addTagToFilm(alien, 'Space');
    await setFilmPoster(alien, new Blob(['x'], { type: 'image/png' }), new Blob(['y'], { type: 'image/webp' }), { mimeType: 'image/png', width: 1, height: 1 });
    await expectInStep();
    expect(await db.filmSummaries.get(alien)).toMatchObject({ title: 'Alien: Director’s Cut', year: 2003, rating: 9, watchlist: true, tags: ['Space'] });
    const deleted = await deleteFilm(alien);
    await expectInStep();
    await restoreDeletedFilm(deleted);
    await expectInStep();

    const plan = emptyImportPlan('imdb', 'ratings.csv');
    plan.films.push({ ref: 'a', fields: bareFilmFields('Heat', 1995), externalIds: [], tags: [], rating: 8 as HalfStars, origin: { file: 'x', line: 2 } });
    const record = await applyImport(plan, { ratingChoice: 'keep' });
    await expectInStep();
    await undoImport(record.id);
    await expectInStep();

    const snapshot = await readCatalogSnapshot();
    await db.films.clear();
    await expectInStep();
    expect(await db.filmSummaries.count()).toBe(0);
    await restoreReplacing(snapshot);
    await expectInStep();
    expect(await db.filmSummaries.count()).toBe(2);
  });

  it('roll back with the film when the write fails', async () => {
    const alien = await addFilm(alienFields);
    failWritesTo('filmSummaries');
    await expect(rateFilm(alien, 3 as HalfStars)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect((await db.films.get(alien))?.rating).toBeNull();
    await expectInStep();
  });

  it('wake a live query of the summaries when one film is rated', async () => {
    const alien = await addFilm(alienFields);
    const seen: (number | null)[] = [];
    const subscription = liveQuery(() => db.filmSummaries.get(alien)).subscribe((summary) => seen.push(summary?.rating ?? null));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await rateFilm(alien, 7 as HalfStars);
    await new Promise((resolve) => setTimeout(resolve, 50));
    subscription.unsubscribe();
    expect(seen).toEqual([null, 7]);
  });
});

describe('the Library’s first screen', () => {
  it('reads the first films in the sort’s order through its index, with the total, films without a year last', async () => {
    for (const [title, year] of [['Heat', 1995], ['Alien', 1979], ['Stalker', 1979], ['Undated', null]] as const) await addFilm({ ...alienFields, title, year });
    const byYear = await firstLibrarySummaries({ by: 'year', direction: 'asc' }, 3);
    expect(byYear.total).toBe(5);
    expect(byYear.films.map((film) => film.year)).toEqual([1979, 1979, 1993]);
    const byTitleDesc = await firstLibrarySummaries({ by: 'title', direction: 'desc' }, 2);
    expect(byTitleDesc.films.map((film) => film.title)).toEqual(['Undated', 'Stalker']);
  });
});

describe('changedSummaryIds', () => {
  it('reads the ids a write changed from Dexie’s storagemutated event, or says a whole range changed', async () => {
    const alien = await addFilm(alienFields);
    const seen: (string[] | 'all' | null)[] = [];
    const listen = (parts: Record<string, unknown>) => seen.push(changedSummaryIds(parts));
    Dexie.on('storagemutated', listen);
    try {
      await rateFilm(alien, 6 as HalfStars);
      await db.films.clear();
      await db.notes.clear();
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      Dexie.on('storagemutated').unsubscribe(listen);
    }
    expect(seen).toEqual([[alien], 'all', null]);
  });
});
