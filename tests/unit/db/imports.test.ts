/**
 * Applying an import plan to the catalog: matching (external ids, then title + year), what the preview counts,
 * the one transaction (all or nothing, cancellable), importing twice changing nothing, and Undo import.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db/index';
import { addFilm, rateFilm } from '../../../renderer/src/db/films';
import { addFilmsToList, createList } from '../../../renderer/src/db/lists';
import { applyImport, previewImport, recentImports, undoImport } from '../../../renderer/src/db/imports';
import { SEED_FILM_ID } from '../../../renderer/src/db/seed';
import {
  bareFilmFields,
  emptyImportPlan,
  externalId,
  type ImportedFilm,
  type ImportPlan,
} from '../../../renderer/src/domain/exchange/import-plan';
import { isEmptyImport } from '../../../renderer/src/domain/exchange/import-record';
import { compareListEntries } from '../../../renderer/src/domain/list';
import type { HalfStars } from '../../../renderer/src/domain/rating';
import { filmFields, freshCatalog } from '../../fixtures/catalog';
import { failWritesTo } from '../../fixtures/failing-writes';

const NOW = new Date('2026-11-29T12:00:00Z');
const origin = { file: 'diary.csv', line: 2 };

function film(ref: string, title: string, year: number | null, patch: Partial<ImportedFilm> = {}): ImportedFilm {
  return { ref, fields: bareFilmFields(title, year), externalIds: [], tags: [], origin, ...patch };
}

/** A small Letterboxd-like history: Red Hot (already in the catalog) rated and tagged, Amélie watched twice, a list. */
function history(): ImportPlan {
  const plan = emptyImportPlan('letterboxd', 'letterboxd-jane.zip');
  plan.films.push(
    film('red-hot', 'RED HOT', 1993, { rating: 9, tags: ['noir'], externalIds: [externalId('letterboxd', 'https://boxd.it/red')] }),
    film('amelie', 'Amélie', 2001, { rating: 8, watchlist: false, favourite: true, externalIds: [externalId('letterboxd', 'https://boxd.it/ame')] }),
    film('8', '8½', 1963, { watchlist: true }),
  );
  plan.viewings.push(
    { filmRef: 'amelie', watchedOn: '2024-02-14', rewatch: false, rating: 8, origin },
    { filmRef: 'amelie', watchedOn: '2025-02-14', rewatch: true, rating: 9, origin },
    { filmRef: 'red-hot', watchedOn: '2026-11-05', rewatch: false, rating: 9, origin },
  );
  plan.notes.push({ filmRef: 'amelie', body: 'Paris, "as it never was".\n\nStill lovely.', writtenOn: '2025-02-14', origin });
  plan.lists.push({ name: 'Best of the 90s', description: 'Mine', ranked: false, entries: [{ filmRef: 'red-hot', note: 'first' }, { filmRef: 'amelie', note: '' }], origin });
  plan.skipped.push({ origin: { file: 'diary.csv', line: 9 }, title: 'Twin Peaks (1990)', reason: 'a TV series, not a film' });
  return plan;
}

/** Every record of every table, to compare a catalog before and after. */
async function snapshot() {
  const tables = ['films', 'viewings', 'notes', 'lists', 'listEntries', 'copies', 'loans', 'posters'] as const;
  return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await db.table(table).orderBy('id').toArray()])));
}

beforeEach(freshCatalog);

describe('previewing an import', () => {
  it('counts new films, a matched film, viewings, notes and lists without writing anything', async () => {
    const before = await snapshot();
    const preview = await previewImport(history(), 'keep', NOW);
    expect(preview.counts).toEqual({ filmsAdded: 2, filmsUpdated: 1, viewings: 3, notes: 1, lists: 1, listEntries: 2, tags: 1, copies: 0, posters: 0 });
    const redHot = preview.matches.find((match) => match.ref === 'red-hot');
    expect(redHot).toMatchObject({ filmId: SEED_FILM_ID, status: 'updated', title: 'Red Hot (1993)' });
    expect(redHot?.changes).toEqual(['rating', 'tags', 'link']);
    expect(preview.skipped).toEqual([{ origin: { file: 'diary.csv', line: 9 }, title: 'Twin Peaks (1990)', reason: 'a TV series, not a film' }]);
    expect(await snapshot()).toEqual(before);
  });

  it('matches by external id before the title, and never a film with another IMDb id', async () => {
    const first = emptyImportPlan('imdb', 'ratings.csv');
    first.films.push(film('a', 'Hamlet', 1990, { externalIds: [externalId('imdb', 'tt0099726')], rating: 6 }));
    await applyImport(first, { ratingChoice: 'keep', now: NOW });

    const second = emptyImportPlan('imdb', 'ratings.csv');
    second.films.push(
      film('renamed', 'Hamlet (Zeffirelli)', null, { externalIds: [externalId('imdb', 'tt0099726')] }),
      film('other', 'Hamlet', 1990, { externalIds: [externalId('imdb', 'tt9999999')] }),
    );
    const preview = await previewImport(second, 'keep', NOW);
    expect(preview.matches.map((match) => match.status)).toEqual(['unchanged', 'new']);
  });

  it('ignores case, accents, punctuation and leading articles, but not a different year', async () => {
    const plan = emptyImportPlan('letterboxd', 'x');
    plan.films.push(film('a', 'the red-hot', 1993), film('b', 'Red Hot', 2019));
    const preview = await previewImport(plan, 'keep', NOW);
    expect(preview.matches.map((match) => [match.filmId === SEED_FILM_ID, match.status])).toEqual([[true, 'unchanged'], [false, 'new']]);
  });
});

describe('applying an import', () => {
  it('writes everything in one go and records the import', async () => {
    const record = await applyImport(history(), { ratingChoice: 'keep', now: NOW });
    expect(record.counts.filmsAdded).toBe(2);
    const amelie = (await db.films.where('titleKeys').equals('amelie').first())!;
    expect(amelie).toMatchObject({ title: 'Amélie', year: 2001, rating: 8, favourite: true, watchlist: false, importId: record.id });
    const viewings = await db.viewings.where('filmId').equals(amelie.id).sortBy('watchedOn');
    expect(viewings.map((v) => [v.watchedOn, v.rewatch, v.rating])).toEqual([['2024-02-14', false, 8], ['2025-02-14', true, 9]]);
    expect(await db.notes.where('filmId').equals(amelie.id).toArray()).toMatchObject([{ body: 'Paris, "as it never was".\n\nStill lovely.', createdAt: '2025-02-14T12:00:00.000Z' }]);
    expect(await db.films.get(SEED_FILM_ID)).toMatchObject({ rating: 9, tags: ['noir'], externalIds: ['letterboxd:https://boxd.it/red'] });
    const list = (await db.lists.toArray())[0]!;
    const entries = (await db.listEntries.where('listId').equals(list.id).toArray()).sort(compareListEntries);
    expect(entries.map((entry) => [entry.filmId === SEED_FILM_ID, entry.note])).toEqual([[true, 'first'], [false, '']]);
    expect(entries.map((entry) => [entry.addedAt, entry.updatedAt])).toEqual([[NOW.toISOString(), NOW.toISOString()], [NOW.toISOString(), NOW.toISOString()]]);
    expect(entries[0]!.rank < entries[1]!.rank).toBe(true);
    expect((await recentImports()).map((item) => item.sourceName)).toEqual(['letterboxd-jane.zip']);
  });

  it('changes nothing the second time: the preview says so and the catalog stays as it was', async () => {
    await applyImport(history(), { ratingChoice: 'keep', now: NOW });
    const after = await snapshot();
    const again = await previewImport(history(), 'keep', NOW);
    expect(isEmptyImport(again.counts)).toBe(true);
    expect(again.matches.every((match) => match.status === 'unchanged')).toBe(true);
    await applyImport(history(), { ratingChoice: 'keep', now: new Date('2026-11-30T12:00:00Z') });
    expect(await snapshot()).toEqual(after);
  });

  it('adds films to a list the catalog has after its last one, in the file’s order, moving none already there', async () => {
    const alien = await addFilm(filmFields('Alien', { year: 1979 }));
    const listId = await createList({ name: 'Best of the 90s', description: '', ranked: true });
    await addFilmsToList(listId, [alien, SEED_FILM_ID]);
    const before = await db.listEntries.toArray();
    const plan = history();
    plan.lists[0]!.entries.reverse();
    await applyImport(plan, { ratingChoice: 'keep', now: NOW });
    const entries = (await db.listEntries.where('listId').equals(listId).toArray()).sort(compareListEntries);
    const amelie = (await db.films.where('titleKeys').equals('amelie').first())!;
    expect(entries.map((entry) => entry.filmId)).toEqual([alien, SEED_FILM_ID, amelie.id]);
    expect(entries.slice(0, 2)).toEqual(before.sort(compareListEntries));
    expect(entries[2]).toMatchObject({ addedAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
  });

  it('keeps two identical diary rows as two viewings (a same-day rewatch)', async () => {
    const plan = history();
    plan.viewings.push({ ...plan.viewings[2]!, rewatch: true });
    await applyImport(plan, { ratingChoice: 'keep', now: NOW });
    expect(await db.viewings.where('filmId').equals(SEED_FILM_ID).count()).toBe(2);
    expect(isEmptyImport((await previewImport(plan, 'keep', NOW)).counts)).toBe(true);
  });

  it('keeps the catalog’s rating on a conflict unless told to take the export’s', async () => {
    await rateFilm(SEED_FILM_ID, 4 as HalfStars);
    const keep = await previewImport(history(), 'keep', NOW);
    expect(keep.matches[0]).toMatchObject({ conflict: { catalog: 4, imported: 9 } });
    await applyImport(history(), { ratingChoice: 'keep', now: NOW });
    expect((await db.films.get(SEED_FILM_ID))?.rating).toBe(4);
    await applyImport(history(), { ratingChoice: 'replace', now: NOW });
    expect((await db.films.get(SEED_FILM_ID))?.rating).toBe(9);
  });

  it('writes nothing at all when one table refuses (a full disk)', async () => {
    const before = await snapshot();
    failWritesTo('notes');
    await expect(applyImport(history(), { ratingChoice: 'keep', now: NOW })).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await snapshot()).toEqual(before);
    expect(await db.imports.count()).toBe(0);
  });

  it('writes nothing when cancelled part-way', async () => {
    const before = await snapshot();
    const controller = new AbortController();
    const plan = history();
    for (let i = 0; i < 1200; i++) plan.films.push(film(`f${i}`, `Film ${i}`, 2000));
    const seen: number[] = [];
    const applying = applyImport(plan, {
      ratingChoice: 'keep', now: NOW, signal: controller.signal,
      onProgress: ({ written }) => {
        seen.push(written);
        if (written >= 500) controller.abort();
      },
    });
    await expect(applying).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toContain(500);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a record no form could have made (an 11-half-star rating), naming the film, and writes nothing', async () => {
    const before = await snapshot();
    const plan = history();
    plan.films.push(film('bad', 'Too Good', 2000, { rating: 11 as HalfStars }));
    await expect(applyImport(plan, { ratingChoice: 'keep', now: NOW })).rejects.toThrow(/“Too Good” is not valid \(rating\)/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('undoing an import', () => {
  it('removes what it added and puts back what it changed', async () => {
    const before = await snapshot();
    const record = await applyImport(history(), { ratingChoice: 'keep', now: NOW });
    await undoImport(record.id, NOW);
    const after = await snapshot();
    // Red Hot's fields are as they were; only its change times tell that it was touched (and sync carries the undo).
    const redHotBefore = before.films.find((f: { id: string }) => f.id === SEED_FILM_ID);
    const { fieldChangedAt, ...redHotAfter } = after.films[0] as { fieldChangedAt?: Record<string, string> };
    expect(after.films).toHaveLength(1);
    expect(redHotAfter).toEqual({ ...redHotBefore, updatedAt: NOW.toISOString() });
    expect(Object.values(fieldChangedAt ?? {})).not.toHaveLength(0);
    expect(new Set(Object.values(fieldChangedAt ?? {}))).toEqual(new Set([NOW.toISOString()]));
    expect({ ...after, films: [] }).toEqual({ ...before, films: [] });
    expect((await recentImports())[0]?.undoneAt).toBe(NOW.toISOString());
    await expect(undoImport(record.id, NOW)).rejects.toThrow(/already been undone/);
  });

  it('leaves a change made since the import, and removes a viewing logged since on an imported film', async () => {
    const record = await applyImport(history(), { ratingChoice: 'keep', now: NOW });
    await rateFilm(SEED_FILM_ID, 3 as HalfStars);
    const amelie = (await db.films.where('titleKeys').equals('amelie').first())!;
    await db.viewings.add({ ...(await db.viewings.where('filmId').equals(amelie.id).first())!, id: 'mine', importId: undefined });
    await undoImport(record.id, NOW);
    expect(await db.films.get(SEED_FILM_ID)).toMatchObject({ rating: 3, tags: [], externalIds: [] });
    expect(await db.viewings.get('mine')).toBeUndefined();
    expect(await db.films.count()).toBe(1);
  });
});
