/**
 * A backup made by schema 6 — list entries ordered by numeric positions, no ranks, no updatedAt; loans without
 * updatedAt — restores into the current catalog with every list in its old order, as ranks; a damaged position is
 * refused, naming the record, and a current backup must carry ranks.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { restoreReplacing } from '../../../renderer/src/db/backups';
import { db } from '../../../renderer/src/db/index';
import { SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { decodeBackup, encodeBackup, upgradeSnapshot, type CatalogSnapshot } from '../../../renderer/src/domain/exchange/backup';
import { newFilmRecord } from '../../../renderer/src/domain/film';
import { compareListEntries } from '../../../renderer/src/domain/list';
import { packBackup, unpackBackup } from '../../../renderer/src/workers/backup/pack';
import { alienFields, filmFields, freshCatalog } from '../../fixtures/catalog';

const T = '2026-11-29T12:00:00.000Z';
const at = (day: number) => `2026-10-${String(day).padStart(2, '0')}T10:00:00.000Z`;

/** The records of a schema-6 catalog: three films in a ranked list, by positions with a gap and a tie. */
function v6Tables() {
  const films = [
    newFilmRecord(alienFields, {}, 'film-alien', new Date(T)),
    newFilmRecord(filmFields('Heat', { year: 1995 }), {}, 'film-heat', new Date(T)),
    newFilmRecord(filmFields('Thief', { year: 1981 }), {}, 'film-thief', new Date(T)),
  ];
  return {
    films,
    lists: [{ id: 'list', name: 'Best', description: '', ranked: true, createdAt: T, updatedAt: T }],
    listEntries: [
      { id: 'e-thief', listId: 'list', filmId: 'film-thief', position: 5, note: 'last', addedAt: at(1) },
      { id: 'e-heat', listId: 'list', filmId: 'film-heat', position: 2, note: '', addedAt: at(3) },
      { id: 'e-alien', listId: 'list', filmId: 'film-alien', position: 2, note: 'first', addedAt: at(2) },
    ] as Record<string, unknown>[],
    copies: [{ id: 'copy', filmId: 'film-heat', format: 'DVD', edition: '', region: '', barcode: '', location: '', condition: '', purchasedOn: null, price: null, createdAt: T, updatedAt: T }],
    loans: [{ id: 'loan', copyId: 'copy', filmId: 'film-heat', borrower: 'Ann', lentOn: '2026-10-05', dueOn: null, returnedOn: null }],
  };
}

/** A .cinefile made by schema 6 holding these tables (everything else empty), read back as a restore reads it. */
function readV6Backup(tables: ReturnType<typeof v6Tables>): CatalogSnapshot {
  const snapshot = {
    films: tables.films, viewings: [], notes: [], lists: tables.lists, listEntries: tables.listEntries, copies: tables.copies, loans: tables.loans,
    imports: [], smartLists: [], meta: [{ key: 'seededAt', value: T }], posters: [],
  } as unknown as CatalogSnapshot;
  const bytes = packBackup(encodeBackup(snapshot, { appVersion: '0.1.0', schemaVersion: 6, createdAt: T }));
  const { manifest, snapshot: read } = decodeBackup(unpackBackup(bytes, 'old.cinefile'), SCHEMA_VERSION);
  return upgradeSnapshot(read, manifest.schemaVersion);
}

beforeEach(freshCatalog);

describe('restoring a schema 6 backup', () => {
  it('restores each list in its old order (position, then when added) as ranks, with updatedAt = addedAt', async () => {
    await restoreReplacing(readV6Backup(v6Tables()));
    const entries = (await db.listEntries.toArray()).sort(compareListEntries);
    expect(entries.map((entry) => [entry.filmId, entry.note])).toEqual([['film-alien', 'first'], ['film-heat', ''], ['film-thief', 'last']]);
    expect(entries.map((entry) => entry.updatedAt)).toEqual([at(2), at(3), at(1)]);
    expect(entries.every((entry) => !('position' in entry))).toBe(true);
    expect(new Set(entries.map((entry) => entry.rank)).size).toBe(3);
    expect((await db.loans.get('loan'))?.updatedAt).toBe('2026-10-05T00:00:00.000Z');
  });

  it('refuses an entry whose position is not a number, naming it, and writes nothing', async () => {
    const tables = v6Tables();
    tables.listEntries[1] = { ...tables.listEntries[1], position: 'second' };
    expect(() => readV6Backup(tables)).toThrow('This backup holds a record Cinefile cannot accept. Record 2 of listEntries is not valid (position).');
    expect(await db.listEntries.count()).toBe(0);
  });

  it('refuses a current backup whose entries carry positions instead of ranks', async () => {
    const { listEntries, ...rest } = readV6Backup(v6Tables());
    const stale = listEntries.map(({ rank: _rank, ...entry }, index) => ({ ...entry, position: index }));
    await expect(restoreReplacing({ ...rest, listEntries: stale } as unknown as CatalogSnapshot)).rejects.toThrow(
      /^This backup holds a record Cinefile cannot accept\. Record 1 of listEntries is not valid \(rank\)/,
    );
    const damaged = listEntries.map((entry) => ({ ...entry, rank: 'a1 ' }));
    await expect(restoreReplacing({ ...rest, listEntries: damaged })).rejects.toThrow(/Record 1 of listEntries is not valid \(rank\)/);
  });
});
