/**
 * The v6 → v7 list entry upgrade, as both the Dexie upgrade and a restore of an older backup run it: each list keeps
 * its old order (position, then when added, then id) as strictly increasing ranks, and gains updatedAt.
 */
import { describe, expect, it } from 'vitest';
import { compareListEntries } from '../../../renderer/src/domain/list';
import { listEntriesToV7, type ListEntryV6 } from '../../../renderer/src/domain/record-upgrades';

const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;
const v6 = (id: string, listId: string, position: number, day: number, note = ''): ListEntryV6 => ({
  id, listId, filmId: `film-${id}`, position, note, addedAt: at(day),
});

describe('list entries v6 → v7', () => {
  // Out of order on purpose, two lists mixed; a gap a removal left, a tie broken by addedAt and one by id.
  const entries: ListEntryV6[] = [
    v6('d', 'one', 9, 1),
    v6('a', 'one', 0, 5, 'the start'),
    v6('c', 'one', 3, 4),
    v6('b', 'one', 3, 2),
    v6('x2', 'two', 1, 1),
    v6('x1', 'two', 1, 1),
    { ...v6('imported', 'two', -4, 9), importId: 'import-1' },
  ];
  const upgraded = listEntriesToV7(entries);
  const listOrder = (listId: string) => upgraded.filter((entry) => entry.listId === listId).sort(compareListEntries);

  it('keeps each list in its old order, with strictly increasing ranks', () => {
    expect(listOrder('one').map((entry) => entry.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(listOrder('two').map((entry) => entry.id)).toEqual(['imported', 'x1', 'x2']);
    for (const listId of ['one', 'two']) {
      const ranks = listOrder(listId).map((entry) => entry.rank);
      ranks.slice(1).forEach((rank, index) => expect(rank > ranks[index]!).toBe(true));
    }
  });

  it('gives every entry updatedAt = addedAt, keeps everything else, and drops position', () => {
    expect(upgraded.map((entry) => entry.id)).toEqual(entries.map((entry) => entry.id));
    upgraded.forEach((entry, index) => {
      const { position: _position, ...rest } = entries[index]!;
      expect(entry).toEqual({ ...rest, rank: expect.stringMatching(/^[0-9A-Za-z]+$/) as string, updatedAt: rest.addedAt });
      expect('position' in entry).toBe(false);
    });
    expect(upgraded.find((entry) => entry.id === 'imported')?.importId).toBe('import-1');
  });

  it('upgrades no entries to none', () => {
    expect(listEntriesToV7([])).toEqual([]);
  });
});
