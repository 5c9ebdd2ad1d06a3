/**
 * Property: any catalog (generated films with arbitrary Unicode text, ratings, flags, tags, viewings, notes, lists,
 * copies, loans, smart lists and poster bytes) survives back up → zip → unzip → restore over another catalog
 * unchanged, field by field and byte for byte — and its film summaries, which a backup does not hold, come back
 * the same too.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { readCatalogSnapshot, restoreReplacing } from '../../../renderer/src/db/backups';
import { db } from '../../../renderer/src/db/index';
import { SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { decodeBackup, encodeBackup, upgradeSnapshot, type CatalogSnapshot } from '../../../renderer/src/domain/exchange/backup';
import { newFilmRecord } from '../../../renderer/src/domain/film';
import { bareFilmFields } from '../../../renderer/src/domain/exchange/import-plan';
import type { HalfStars } from '../../../renderer/src/domain/rating';
import { packBackup, unpackBackup } from '../../../renderer/src/workers/backup/pack';
import { freshCatalog } from '../../fixtures/catalog';

const T = '2026-11-29T12:00:00.000Z';
const text = (max: number) => fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }).filter((value) => value.trim() === value && value !== '');

const catalogArb = fc
  .record({
    films: fc.array(
      fc.record({
        title: text(40),
        year: fc.option(fc.integer({ min: 1870, max: 2030 }), { nil: null }),
        rating: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
        watchlist: fc.boolean(),
        tags: fc.uniqueArray(text(12), { maxLength: 3 }),
        poster: fc.option(fc.uint8Array({ minLength: 1, maxLength: 64 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    viewings: fc.array(fc.record({ film: fc.nat(), watchedOn: fc.option(fc.constantFrom('2020', '2021-06', '2022-02-03'), { nil: null }), note: fc.string({ maxLength: 30 }) }), { maxLength: 6 }),
    notes: fc.array(fc.record({ film: fc.nat(), body: text(80) }), { maxLength: 4 }),
    // Any rank a record may hold, ties included (two devices adding at once): a backup keeps them as they are.
    listed: fc.array(fc.record({ film: fc.nat(), rank: fc.stringMatching(/^[0-9A-Za-z]{1,24}$/) }), { maxLength: 4 }),
    copies: fc.array(fc.record({ film: fc.nat(), format: fc.constantFrom('DVD' as const, 'Blu-ray' as const, 'VHS' as const), lent: fc.option(fc.boolean(), { nil: null }) }), { maxLength: 3 }),
    smartLists: fc.array(fc.record({ name: text(30), query: fc.string({ maxLength: 60 }) }), { maxLength: 3 }),
  })
  .map(({ films, viewings, notes, listed, copies, smartLists }): CatalogSnapshot => {
    const records = films.map((film, index) => ({
      ...newFilmRecord(bareFilmFields(film.title, film.year), { rating: film.rating as HalfStars | null, watchlist: film.watchlist, tags: film.tags }, `film-${index}`, new Date(T)),
      poster: film.poster ? { kind: 'image' as const, posterId: `poster-${index}` } : null,
    }));
    const filmId = (n: number) => `film-${n % films.length}`;
    return {
      films: records,
      viewings: viewings.map((viewing, index) => ({ id: `v-${index}`, filmId: filmId(viewing.film), watchedOn: viewing.watchedOn, rewatch: false, rating: null, medium: null, note: viewing.note, createdAt: T, updatedAt: T })),
      notes: notes.map((note, index) => ({ id: `n-${index}`, filmId: filmId(note.film), body: note.body, createdAt: T, updatedAt: T })),
      lists: [{ id: 'list', name: 'A list', description: '', ranked: true, createdAt: T, updatedAt: T }],
      listEntries: [...new Map(listed.map((entry) => [filmId(entry.film), entry.rank]))].map(([id, rank], index) => ({
        id: `e-${index}`, listId: 'list', filmId: id, rank, note: '', addedAt: T, updatedAt: T,
      })),
      copies: copies.map((copy, index) => ({
        id: `c-${index}`, filmId: filmId(copy.film), format: copy.format, edition: '', region: '', barcode: '', location: '', condition: '',
        purchasedOn: null, price: null, createdAt: T, updatedAt: T,
      })),
      // A copy lent out now (lent: false), lent and back (true), or never lent (null).
      loans: copies.flatMap((copy, index) =>
        copy.lent === null ? [] : [{ id: `lo-${index}`, copyId: `c-${index}`, filmId: filmId(copy.film), borrower: 'Ann', lentOn: '2026-01-01', dueOn: null, returnedOn: copy.lent ? '2026-02-01' : null, updatedAt: T }],
      ),
      imports: [],
      smartLists: smartLists.map((list, index) => ({ id: `s-${index}`, name: list.name, query: list.query, createdAt: T, updatedAt: T })),
      meta: [{ key: 'seededAt', value: T }],
      posters: films.flatMap((film, index) =>
        film.poster
          ? [{ id: `poster-${index}`, filmId: `film-${index}`, mimeType: 'image/png' as const, width: 2, height: 3, createdAt: T, image: film.poster, thumbnail: film.poster.slice().reverse(), thumbnailType: 'image/webp' }]
          : [],
      ),
    };
  });

const byId = (snapshot: CatalogSnapshot) =>
  Object.fromEntries(Object.entries(snapshot).map(([table, rows]) => [table, [...(rows as { id?: string; key?: string }[])].sort((a, b) => String(a.id ?? a.key).localeCompare(String(b.id ?? b.key)))]));

beforeEach(freshCatalog);

describe('backing up any catalog', () => {
  it('restores exactly what was backed up', async () => {
    await fc.assert(
      fc.asyncProperty(catalogArb, async (catalog) => {
        await restoreReplacing(catalog);
        const original = await readCatalogSnapshot();
        const summaries = await db.filmSummaries.orderBy('id').toArray();
        expect(summaries.reduce((sum, summary) => sum + summary.viewingCount, 0)).toBe(catalog.viewings.length);
        expect(summaries.filter((summary) => summary.loaned).map((summary) => summary.id)).toEqual(
          [...new Set(catalog.loans.filter((loan) => loan.returnedOn === null).map((loan) => loan.filmId))].sort(),
        );
        const zip = packBackup(encodeBackup(original, { appVersion: 'test', schemaVersion: SCHEMA_VERSION, createdAt: T }));
        await freshCatalog();
        const { manifest, snapshot } = decodeBackup(unpackBackup(zip, 'x.cinefile'), SCHEMA_VERSION);
        await restoreReplacing(upgradeSnapshot(snapshot, manifest.schemaVersion));
        expect(byId(await readCatalogSnapshot())).toEqual(byId(original));
        expect(await db.filmSummaries.orderBy('id').toArray()).toEqual(summaries);
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});
