/**
 * The Library's projection stays in step with everything it is made of, whatever writes it: films (the add form,
 * edits, ratings, flags, tags, posters, deletion and its undo, imports and their undo, restores, clearing) and the
 * records its facets come from (viewings, list entries, copies, loans) — in the same transaction, so a failed write
 * leaves both as they were; and a live query on summaries sees each change. "In step" means equal to summaries
 * made from scratch from every table, here and after any random sequence of writes.
 */
import { Dexie, liveQuery } from 'dexie';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { readCatalogSnapshot, restoreReplacing } from '../../../renderer/src/db/backups';
import { addCopy, deleteCopy, lendCopy, restoreCopy, returnLoan, undoReturn, updateCopy } from '../../../renderer/src/db/copies';
import { addFilm, addTagToFilm, changedSummaryIds, deleteFilm, firstLibrarySummaries, rateFilm, restoreDeletedFilm, setFilmPoster, toggleFilmFlag, updateFilm, type DeletedFilm } from '../../../renderer/src/db/films';
import { applyImport, undoImport } from '../../../renderer/src/db/imports';
import { db } from '../../../renderer/src/db/index';
import { addFilmsToList, createList, deleteList, removeEntry, restoreDeletedList, restoreEntry } from '../../../renderer/src/db/lists';
import { SEED_FILM_ID } from '../../../renderer/src/db/seed';
import { deleteViewing, logViewing, restoreViewing, updateViewing } from '../../../renderer/src/db/viewings';
import { copyFormats, type Copy, type CopyFields, type CopyFormat, type Loan } from '../../../renderer/src/domain/copy';
import { bareFilmFields, emptyImportPlan } from '../../../renderer/src/domain/exchange/import-plan';
import { distinct, filmSummary, isLoanedOut, lastWatchedOf, noFacets, type FilmSummary, filmCast } from '../../../renderer/src/domain/film-summary';
import { newFilmRecord } from '../../../renderer/src/domain/film';
import type { ListEntry } from '../../../renderer/src/domain/list';
import type { HalfStars } from '../../../renderer/src/domain/rating';
import type { Viewing } from '../../../renderer/src/domain/viewing';
import { alienFields, filmFields, freshCatalog } from '../../fixtures/catalog';
import { failWritesTo } from '../../fixtures/failing-writes';

/**
 * Every summary as it should be, made from scratch: the film's fields, and facets counted from every record that
 * points at it (lists in id order and formats in shelf order, as summaries keep them whatever order they came in).
 */
async function summariesFromScratch(): Promise<FilmSummary[]> {
  const [films, viewings, listEntries, copies, loans] = await Promise.all([
    db.films.orderBy('id').toArray(), db.viewings.toArray(), db.listEntries.toArray(), db.copies.toArray(), db.loans.toArray(),
  ]);
  return films.map((film) => {
    const own = <R extends { filmId: string }>(records: R[]) => records.filter((record) => record.filmId === film.id);
    const formats = own(copies).map((copy) => copy.format);
    return filmSummary(film, {
      lastWatched: lastWatchedOf(own(viewings)),
      viewingCount: own(viewings).length,
      listIds: distinct(own(listEntries).map((entry) => entry.listId)).sort(),
      formats: copyFormats.filter((format) => formats.includes(format)),
      loaned: isLoanedOut(own(loans)),
    });
  });
}

/** Summaries and cast projections as they should be and as they are: one per film, nothing else. */
async function expectInStep(): Promise<void> {
  expect(await db.filmSummaries.orderBy('id').toArray()).toEqual(await summariesFromScratch());
  expect(await db.filmCast.orderBy('id').toArray()).toEqual((await db.films.orderBy('id').toArray()).map(filmCast));
}

const facetsOfFilm = async (id: string) => {
  const summary = await db.filmSummaries.get(id);
  if (!summary) return undefined;
  const { lastWatched, viewingCount, listIds, formats, loaned } = summary;
  return { lastWatched, viewingCount, listIds, formats, loaned };
};

const copyFields = (format: CopyFormat): CopyFields => ({
  format, edition: '', region: '', barcode: '', location: '', condition: '', purchasedOn: null, price: null,
});

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

  it('give a new film no facets, and keep a film’s facets when the film itself changes', async () => {
    const alien = await addFilm(alienFields);
    expect(await facetsOfFilm(alien)).toEqual(noFacets);
    await logViewing(alien, '1999-05');
    await rateFilm(alien, 8 as HalfStars);
    await updateFilm(alien, { ...alienFields, title: 'Alien (1979)' });
    expect(await facetsOfFilm(alien)).toEqual({ ...noFacets, lastWatched: '1999-05', viewingCount: 1 });
    await expectInStep();
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

describe('the facets of film summaries', () => {
  it('follow viewings: the latest dated one and how many, through logging, editing, deleting and undo', async () => {
    const alien = await addFilm(alienFields);
    const first = await logViewing(alien, '1999-05', {}, new Date('2026-01-01T00:00:00Z'));
    expect(await facetsOfFilm(alien)).toMatchObject({ lastWatched: '1999-05', viewingCount: 1 });
    await logViewing(alien, null);
    const latest = await logViewing(alien, '2001-02-03');
    expect(await facetsOfFilm(alien)).toMatchObject({ lastWatched: '2001-02-03', viewingCount: 3 });
    await updateViewing(latest, { watchedOn: '1999' });
    expect(await facetsOfFilm(alien)).toMatchObject({ lastWatched: '1999-05', viewingCount: 3 });
    const removed = await deleteViewing(first);
    expect(await facetsOfFilm(alien)).toMatchObject({ lastWatched: '1999', viewingCount: 2 });
    await restoreViewing(removed!);
    expect(await facetsOfFilm(alien)).toMatchObject({ lastWatched: '1999-05', viewingCount: 3 });
    await expectInStep();
  });

  it('follow lists: each list the film is on, once, through adding, removing, deleting a list and undo', async () => {
    const alien = await addFilm(alienFields);
    const space = await createList({ name: 'Space', description: '', ranked: false });
    const horror = await createList({ name: 'Horror', description: '', ranked: true });
    await addFilmsToList(space, [alien, SEED_FILM_ID]);
    await addFilmsToList(horror, [alien]);
    expect((await facetsOfFilm(alien))?.listIds).toEqual([space, horror].sort());
    expect((await facetsOfFilm(SEED_FILM_ID))?.listIds).toEqual([space]);
    const entry = (await db.listEntries.where({ listId: space, filmId: alien }).first())!;
    const removed = await removeEntry(entry.id);
    expect((await facetsOfFilm(alien))?.listIds).toEqual([horror]);
    await restoreEntry(removed!);
    const deleted = await deleteList(space);
    expect((await facetsOfFilm(alien))?.listIds).toEqual([horror]);
    expect((await facetsOfFilm(SEED_FILM_ID))?.listIds).toEqual([]);
    await restoreDeletedList(deleted);
    expect((await facetsOfFilm(alien))?.listIds).toEqual([space, horror].sort());
    await expectInStep();
  });

  it('follow copies and loans: formats owned, and whether one is lent out now', async () => {
    const alien = await addFilm(alienFields);
    const dvd = await addCopy(alien, copyFields('DVD'));
    const bluRay = await addCopy(alien, copyFields('Blu-ray'));
    expect(await facetsOfFilm(alien)).toMatchObject({ formats: ['Blu-ray', 'DVD'], loaned: false });
    await updateCopy(dvd, copyFields('VHS'));
    expect((await facetsOfFilm(alien))?.formats).toEqual(['Blu-ray', 'VHS']);
    const loan = await lendCopy(bluRay, { borrower: 'Ann', lentOn: '2026-01-02', dueOn: null });
    expect((await facetsOfFilm(alien))?.loaned).toBe(true);
    const lent = await returnLoan(loan, '2026-01-09');
    expect((await facetsOfFilm(alien))?.loaned).toBe(false);
    await undoReturn(lent);
    expect((await facetsOfFilm(alien))?.loaned).toBe(true);
    const deleted = await deleteCopy(bluRay);
    expect(await facetsOfFilm(alien)).toMatchObject({ formats: ['VHS'], loaned: false });
    await restoreCopy(deleted!);
    expect(await facetsOfFilm(alien)).toMatchObject({ formats: ['Blu-ray', 'VHS'], loaned: true });
    await expectInStep();
  });

  it('go with a film deleted with everything, and come back with it on undo', async () => {
    const alien = await addFilm(alienFields);
    await logViewing(alien, '2020-03');
    const list = await createList({ name: 'Space', description: '', ranked: false });
    await addFilmsToList(list, [alien]);
    await lendCopy(await addCopy(alien, copyFields('4K UHD')), { borrower: 'Ann', lentOn: '2026-01-02', dueOn: null });
    const facets = await facetsOfFilm(alien);
    expect(facets).toEqual({ lastWatched: '2020-03', viewingCount: 1, listIds: [list], formats: ['4K UHD'], loaned: true });
    const deleted = await deleteFilm(alien);
    expect(await db.filmSummaries.get(alien)).toBeUndefined();
    await expectInStep();
    await restoreDeletedFilm(deleted);
    expect(await facetsOfFilm(alien)).toEqual(facets);
    await expectInStep();
  });

  it('count what was already there when a film comes back (a viewing put back after its film was deleted)', async () => {
    const alien = await addFilm(alienFields);
    const viewing = await db.viewings.get(await logViewing(alien, '2020-03'));
    const deleted = await deleteFilm(alien);
    // Undo of an earlier "delete viewing", clicked after the film was deleted: the viewing waits for its film.
    await restoreViewing({ ...viewing!, id: 'late', watchedOn: '2024' });
    await restoreDeletedFilm(deleted);
    expect(await facetsOfFilm(alien)).toMatchObject({ lastWatched: '2024', viewingCount: 2 });
    await expectInStep();
  });

  it('count what points at many films stored at once before them (read whole from a small table, or film by film)', async () => {
    const T = '2026-01-01T00:00:00.000Z';
    const films = Array.from({ length: 20 }, (_, index) => newFilmRecord(filmFields(`Film ${index}`), {}, `film-${index}`, new Date(T)));
    const viewing = (id: string, filmId: string) => ({ id, filmId, watchedOn: `20${10 + (Number(id.slice(2)) % 10)}`, rewatch: false, rating: null, medium: null, note: '', createdAt: T, updatedAt: T });
    for (const perFilm of [1, 9]) {
      await freshCatalog();
      // Records written before their films in one transaction (as a restore in another order would): 11 viewings for
      // 20 films, so the table is read whole; then 91, more than 4 a film, so it is read film by film.
      const viewings = films.slice(0, 10).flatMap((film, index) => Array.from({ length: perFilm }, (_, n) => viewing(`v-${index * 10 + n}`, film.id)));
      await db.transaction('rw', [db.films, db.viewings, db.copies], async () => {
        await db.viewings.bulkAdd([...viewings, viewing('v-999', SEED_FILM_ID)]);
        await db.copies.add({ ...copyFields('VHS'), id: 'c', filmId: 'film-3', createdAt: T, updatedAt: T });
        await db.films.bulkAdd(films);
      });
      expect(await facetsOfFilm('film-3')).toMatchObject({ viewingCount: perFilm, formats: ['VHS'] });
      expect(await facetsOfFilm('film-15')).toEqual(noFacets);
      await expectInStep();
    }
  });

  it('stay right when one transaction writes several facet tables of one film at once', async () => {
    const alien = await addFilm(alienFields);
    const T = '2026-01-01T00:00:00.000Z';
    await db.transaction('rw', [db.viewings, db.listEntries, db.copies, db.loans], () =>
      Promise.all([
        db.viewings.add({ id: 'v', filmId: alien, watchedOn: '2001', rewatch: false, rating: null, medium: null, note: '', createdAt: T, updatedAt: T }),
        db.listEntries.add({ id: 'e', listId: 'l', filmId: alien, rank: 'a0', note: '', addedAt: T, updatedAt: T }),
        db.copies.add({ ...copyFields('DVD'), id: 'c', filmId: alien, createdAt: T, updatedAt: T }),
        db.loans.add({ id: 'lo', copyId: 'c', filmId: alien, borrower: 'Ann', lentOn: '2026-01-01', dueOn: null, returnedOn: null, updatedAt: T }),
      ]),
    );
    expect(await facetsOfFilm(alien)).toEqual({ lastWatched: '2001', viewingCount: 1, listIds: ['l'], formats: ['DVD'], loaned: true });
  });

  it('come from an import: its viewings, lists, copies and loans', async () => {
    const plan = emptyImportPlan('tellico', 'films.xml');
    const origin = { file: 'films.xml', line: 1 };
    plan.films.push(
      { ref: 'heat', fields: bareFilmFields('Heat', 1995), externalIds: [], tags: [], rating: null, origin },
      { ref: 'ronin', fields: bareFilmFields('Ronin', 1998), externalIds: [], tags: [], rating: null, origin },
    );
    plan.viewings.push(
      { filmRef: 'heat', watchedOn: '1996-02', rewatch: false, rating: null, origin },
      { filmRef: 'heat', watchedOn: '1995', rewatch: false, rating: null, origin },
      { filmRef: 'heat', watchedOn: null, rewatch: true, rating: null, origin },
    );
    plan.lists.push({ name: 'Mann', description: '', ranked: false, entries: [{ filmRef: 'heat', note: '' }], origin });
    plan.copies.push(
      { filmRef: 'heat', format: 'DVD', loan: { borrower: 'Ann', lentOn: '2026-01-01', dueOn: null }, origin },
      { filmRef: 'ronin', format: 'VHS', loan: null, origin },
    );
    const record = await applyImport(plan, { ratingChoice: 'keep' });
    const byTitle = async (title: string) => facetsOfFilm((await db.films.filter((film) => film.title === title).first())!.id);
    const [list] = await db.lists.toArray();
    expect(await byTitle('Heat')).toEqual({ lastWatched: '1996-02', viewingCount: 3, listIds: [list!.id], formats: ['DVD'], loaned: true });
    expect(await byTitle('Ronin')).toEqual({ ...noFacets, formats: ['VHS'] });
    await expectInStep();
    await undoImport(record.id);
    await expectInStep();
    expect(await db.filmSummaries.count()).toBe(1);
  });

  it('roll back with the viewing when the summary cannot be written', async () => {
    const alien = await addFilm(alienFields);
    failWritesTo('filmSummaries');
    await expect(logViewing(alien, '2001')).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await db.viewings.count()).toBe(0);
    await expectInStep();
  });

  it('are made again when a facet table is cleared (as a restore does)', async () => {
    const alien = await addFilm(alienFields);
    await logViewing(alien, '2001');
    await addCopy(alien, copyFields('DVD'));
    await db.viewings.clear();
    expect(await facetsOfFilm(alien)).toEqual({ ...noFacets, formats: ['DVD'] });
    await expectInStep();
  });

  it('wake the Library for the film whose viewing was logged, and only it', async () => {
    const alien = await addFilm(alienFields);
    const seen: (string[] | 'all' | null)[] = [];
    const listen = (parts: Record<string, unknown>) => seen.push(changedSummaryIds(parts));
    Dexie.on('storagemutated', listen);
    try {
      await logViewing(alien, '2001');
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      Dexie.on('storagemutated').unsubscribe(listen);
    }
    expect(seen).toEqual([[alien]]);
  });
});

/** Writes at random to the facet tables of a few films (records moving between films, ids reused, films deleted). */
type FacetTableName = 'viewings' | 'listEntries' | 'copies' | 'loans';
const facetTableArb = fc.constantFrom<FacetTableName>('viewings', 'listEntries', 'copies', 'loans');
const recordArb = fc.record({ id: fc.nat(5), film: fc.nat(3), variant: fc.nat(3) });
const writeArb = fc.oneof(
  fc.record({ kind: fc.constantFrom('add' as const, 'put' as const), table: facetTableArb, record: recordArb }),
  fc.record({ kind: fc.constant('delete' as const), table: facetTableArb, id: fc.nat(5) }),
);
const operationArb = fc.oneof(
  { weight: 6, arbitrary: writeArb },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('bulkPut' as const), table: facetTableArb, records: fc.array(recordArb, { maxLength: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('together' as const), writes: fc.array(writeArb, { minLength: 1, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const), table: facetTableArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rate' as const), film: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteFilm' as const), film: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restoreFilm' as const) }) },
);
type Write = typeof writeArb extends fc.Arbitrary<infer W> ? W : never;

const T = '2026-01-01T00:00:00.000Z';
const dates = ['1999', '1999-05', '2001-02-03', null] as const;
const formats: CopyFormat[] = ['DVD', 'Blu-ray', 'VHS', 'DVD'];

function facetRecord(table: FacetTableName, { id, film, variant }: { id: number; film: number; variant: number }, filmIds: string[]) {
  const filmId = filmIds[film]!;
  const key = `${table}-${id}`;
  switch (table) {
    case 'viewings':
      return { id: key, filmId, watchedOn: dates[variant]!, rewatch: false, rating: null, medium: null, note: '', createdAt: T, updatedAt: T } satisfies Viewing;
    case 'listEntries':
      return { id: key, listId: `list-${variant % 2}`, filmId, rank: `a${variant}`, note: '', addedAt: T, updatedAt: T } satisfies ListEntry;
    case 'copies':
      return { ...copyFields(formats[variant]!), id: key, filmId, createdAt: T, updatedAt: T } satisfies Copy;
    case 'loans':
      return { id: key, copyId: 'copy', filmId, borrower: 'Ann', lentOn: '2026-01-01', dueOn: null, returnedOn: variant % 2 === 0 ? null : '2026-02-01', updatedAt: T } satisfies Loan;
  }
}

/** A write refused the way IndexedDB refuses (adding an id already there); anything else is a failure of the test. */
async function refusedOrDone(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (!/Constraint|Bulk/.test(String((error as Error).name))) throw error;
  }
}

describe('film summaries under any sequence of writes', () => {
  it('equal summaries made from scratch', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operationArb, { maxLength: 14 }), async (operations) => {
        await freshCatalog();
        const filmIds = [SEED_FILM_ID, await addFilm(filmFields('Alien')), await addFilm(filmFields('Heat')), await addFilm(filmFields('Ronin'))];
        const deletedFilms: DeletedFilm[] = [];
        const write = (one: Write) => {
          const table = db.table(one.table);
          if (one.kind === 'delete') return table.delete(`${one.table}-${one.id}`);
          return table[one.kind](facetRecord(one.table, one.record, filmIds));
        };
        for (const operation of operations) {
          switch (operation.kind) {
            case 'add':
            case 'put':
            case 'delete':
              await refusedOrDone(write(operation));
              break;
            case 'bulkPut':
              await db.table(operation.table).bulkPut(operation.records.map((record) => facetRecord(operation.table, record, filmIds)));
              break;
            case 'together':
              await refusedOrDone(db.transaction('rw', [db.viewings, db.listEntries, db.copies, db.loans], () => Promise.all(operation.writes.map(write))));
              break;
            case 'clear':
              await db.table(operation.table).clear();
              break;
            case 'rate':
              if (await db.films.get(filmIds[operation.film]!)) await rateFilm(filmIds[operation.film]!, 6 as HalfStars);
              break;
            case 'deleteFilm':
              if (await db.films.get(filmIds[operation.film]!)) deletedFilms.push(await deleteFilm(filmIds[operation.film]!));
              break;
            case 'restoreFilm': {
              const deleted = deletedFilms.pop();
              if (deleted) await restoreDeletedFilm(deleted);
              break;
            }
          }
        }
        await expectInStep();
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
