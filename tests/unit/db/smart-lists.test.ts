/**
 * Smart lists in the catalog: a Library view saved under a name, listed by name, renamed, pointed at another view,
 * deleted and put back by Undo; names are checked as a list's are, with a shorter limit.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/src/db/index';
import {
  allSmartLists,
  deleteSmartList,
  renameSmartList,
  restoreSmartList,
  saveSmartList,
  smartListById,
  updateSmartListQuery,
} from '../../../renderer/src/db/smart-lists';
import { MissingRecordError } from '../../../renderer/src/domain/errors';
import { checkSmartListName } from '../../../renderer/src/domain/smart-list';
import { freshCatalog } from '../../fixtures/catalog';

const T1 = new Date('2026-11-01T09:00:00Z');
const T2 = new Date('2026-11-02T09:00:00Z');

beforeEach(freshCatalog);

describe('checkSmartListName', () => {
  it('trims, and takes 1 to 100 characters', () => {
    expect(checkSmartListName('  Noir on Blu-ray ')).toEqual({ ok: true, name: 'Noir on Blu-ray' });
    expect(checkSmartListName('x'.repeat(100))).toEqual({ ok: true, name: 'x'.repeat(100) });
    expect(checkSmartListName('   ')).toEqual({ ok: false, error: 'A smart list needs a name.' });
    expect(checkSmartListName('x'.repeat(150))).toEqual({ ok: false, error: 'This name is 150 characters long; the limit is 100.' });
  });
});

describe('smart lists', () => {
  it('saves a view under a name and reads it back, by id and among all by name (case- and accent-blind)', async () => {
    const noir = await saveSmartList(' noir ', 'q=&genre=Crime&sort=year-desc', T1);
    const eclair = await saveSmartList('Éclairs', '?watched=no', T1);
    const alpha = await saveSmartList('alpha', 'sort=title-asc', T2);
    expect(await smartListById(noir)).toEqual({
      id: noir, name: 'noir', query: 'q=&genre=Crime&sort=year-desc', createdAt: T1.toISOString(), updatedAt: T1.toISOString(),
    });
    // A search string as location.search gives it is stored without its "?".
    expect((await smartListById(eclair))?.query).toBe('watched=no');
    expect((await allSmartLists()).map((list) => list.id)).toEqual([alpha, eclair, noir]);
  });

  it('renames and re-points a smart list, stamping the change, and refuses a bad name', async () => {
    const id = await saveSmartList('Noir', 'genre=Crime', T1);
    await renameSmartList(id, '  Film noir  ', T2);
    await updateSmartListQuery(id, 'genre=Crime&sort=rating-desc', T2);
    expect(await smartListById(id)).toMatchObject({ name: 'Film noir', query: 'genre=Crime&sort=rating-desc', createdAt: T1.toISOString(), updatedAt: T2.toISOString() });
    await expect(renameSmartList(id, ' ')).rejects.toThrow('A smart list needs a name.');
    await expect(saveSmartList('x'.repeat(101), '')).rejects.toThrow('the limit is 100');
    await expect(updateSmartListQuery(id, 'q='.padEnd(5_000, 'x'))).rejects.toThrow(RangeError);
    expect((await smartListById(id))?.name).toBe('Film noir');
  });

  it('deletes a smart list and Undo puts it back exactly', async () => {
    const id = await saveSmartList('Noir', 'genre=Crime', T1);
    const deleted = await deleteSmartList(id);
    expect(await smartListById(id)).toBeUndefined();
    expect(await allSmartLists()).toEqual([]);
    await restoreSmartList(deleted);
    expect(await smartListById(id)).toEqual(deleted);
  });

  it('says so when the smart list is gone', async () => {
    await expect(deleteSmartList('gone')).rejects.toBeInstanceOf(MissingRecordError);
    await expect(renameSmartList('gone', 'Noir')).rejects.toBeInstanceOf(MissingRecordError);
    await expect(updateSmartListQuery('gone', 'q=x')).rejects.toBeInstanceOf(MissingRecordError);
    expect(await db.smartLists.count()).toBe(0);
  });

  it('touches no film summary (a smart list stores a view, not films)', async () => {
    const before = await db.filmSummaries.toArray();
    await saveSmartList('Everything', '');
    expect(await db.filmSummaries.toArray()).toEqual(before);
  });
});
