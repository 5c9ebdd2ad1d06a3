import { generateNKeysBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import {
  addedToListMessage,
  compareListEntries,
  compareListsByName,
  indexForRank,
  isUsableRank,
  lastUsableRank,
  listSeenLabel,
  movedAnnouncement,
  parseListDescription,
  parseListEntryNote,
  parseListFields,
  parseListName,
  rankAtEnd,
  rankChangesForMove,
  rankChangesForRestore,
  ranksForNewEntries,
  reorderedItems,
  type FilmList,
  type ListEntry,
  type RankChange,
} from '../../../renderer/src/domain/list';

const T = '2026-01-01T00:00:00.000Z';
const entry = (id: string, rank: string): ListEntry => ({ id, listId: 'l', filmId: `film-${id}`, rank, note: '', addedAt: T, updatedAt: T });

/** The entries with the changes applied, in list order: their ids. */
function orderAfter(entries: readonly ListEntry[], changes: readonly RankChange[]): string[] {
  const rankOf = new Map(changes.map((change) => [change.id, change.rank]));
  return entries
    .map((e) => ({ ...e, rank: rankOf.get(e.id) ?? e.rank }))
    .sort(compareListEntries)
    .map((e) => e.id);
}

const list = (name: string, createdAt = '2026-01-01T00:00:00.000Z'): FilmList => ({
  id: name, name, description: '', ranked: false, createdAt, updatedAt: createdAt,
});

describe('list names and descriptions', () => {
  it('requires a name and trims it', () => {
    expect(parseListName('  Best of 1993 ')).toEqual({ ok: true, text: 'Best of 1993' });
    expect(parseListName('   ')).toEqual({ ok: false, error: 'A list needs a name.' });
  });

  it('accepts a 200-character name and refuses 201, saying how long it is', () => {
    expect(parseListName('x'.repeat(200)).ok).toBe(true);
    expect(parseListName('x'.repeat(201))).toEqual({ ok: false, error: 'This name is 201 characters long; the limit is 200.' });
  });

  it('allows an empty description and refuses one over 2,000 characters', () => {
    expect(parseListDescription('')).toEqual({ ok: true, text: '' });
    expect(parseListDescription('y'.repeat(2000)).ok).toBe(true);
    expect(parseListDescription('y'.repeat(2001))).toEqual({
      ok: false,
      error: 'This description is 2,001 characters long; the limit is 2,000.',
    });
  });

  it('reports every problem of a list form at once', () => {
    expect(parseListFields({ name: '', description: 'z'.repeat(2001), ranked: true })).toEqual({
      ok: false,
      errors: { name: 'A list needs a name.', description: 'This description is 2,001 characters long; the limit is 2,000.' },
    });
    expect(parseListFields({ name: ' Kids ', description: ' For Sunday ', ranked: true })).toEqual({
      ok: true,
      fields: { name: 'Kids', description: 'For Sunday', ranked: true },
    });
  });

  it('limits an entry note to 2,000 characters and lets it be cleared', () => {
    expect(parseListEntryNote('  ')).toEqual({ ok: true, text: '' });
    expect(parseListEntryNote('n'.repeat(2001)).ok).toBe(false);
  });

  it('orders lists by name ignoring case and accents', () => {
    const names = [list('zebra'), list('Étoiles'), list('apples')].sort(compareListsByName).map((l) => l.name);
    expect(names).toEqual(['apples', 'Étoiles', 'zebra']);
  });
});

describe('list order', () => {
  it('puts new films after the last rank, or first in an empty list, in one evenly made batch', () => {
    expect(rankAtEnd([])).toBe('a0');
    expect(rankAtEnd(['a0', 'a4', 'a2'])).toBe('a5');
    expect(ranksForNewEntries(null, 3)).toEqual(['a0', 'a1', 'a2']);
    expect(ranksForNewEntries('az', 2)).toEqual(['b00', 'b01']);
    expect(ranksForNewEntries('a1', 0)).toEqual([]);
  });

  it('builds on the last rank it can use, passing over one that is not a fractional index', () => {
    expect(isUsableRank('a0V')).toBe(true);
    expect(isUsableRank('zz')).toBe(false); // a 'z' head needs 26 more digits
    expect(isUsableRank('a0'.padEnd(201, 'V'))).toBe(false);
    expect(lastUsableRank(['a0', 'zz', 'a3'])).toBe('a3');
    expect(lastUsableRank(['zz'])).toBeNull();
  });

  it('moves an item between indexes and clamps out-of-range targets', () => {
    expect(reorderedItems(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(reorderedItems(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(reorderedItems(['a', 'b', 'c'], 1, 99)).toEqual(['a', 'c', 'b']);
    expect(reorderedItems(['a', 'b', 'c'], 1, -5)).toEqual(['b', 'a', 'c']);
    expect(reorderedItems([], 0, 1)).toEqual([]);
  });

  it('orders entries by rank in code units, not by locale, then by id', () => {
    // localeCompare would put 'a0a' before 'a0B' and 'a0Z'; code units put every capital before every small letter.
    const sorted = [entry('x', 'a0a'), entry('y', 'a0B'), entry('b', 'a0Z'), entry('a', 'a0Z'), entry('z', 'a0')].sort(compareListEntries);
    expect(sorted.map((e) => e.id)).toEqual(['z', 'y', 'a', 'b', 'x']);
  });

  it('moves an entry by changing its rank alone, to one between its new neighbours', () => {
    const entries = [entry('a', 'a0'), entry('b', 'a1'), entry('c', 'a2'), entry('d', 'a3')];
    const down = rankChangesForMove(entries, 0, 2);
    expect(down).toEqual([{ id: 'a', rank: expect.any(String) as string }]);
    expect(down[0]!.rank > 'a2' && down[0]!.rank < 'a3').toBe(true);
    expect(orderAfter(entries, down)).toEqual(['b', 'c', 'a', 'd']);
    expect(orderAfter(entries, rankChangesForMove(entries, 3, 0))).toEqual(['d', 'a', 'b', 'c']);
    expect(rankChangesForMove(entries, 3, 0)).toHaveLength(1);
    expect(orderAfter(entries, rankChangesForMove(entries, 1, 99))).toEqual(['a', 'c', 'd', 'b']);
    expect(rankChangesForMove(entries, 2, 2)).toEqual([]);
    expect(rankChangesForMove([], 0, 1)).toEqual([]);
  });

  it('re-ranks only a tied run when a move lands inside it, keeping the rest of the order', () => {
    // Two devices added films at once: b, c and d share a rank (in id order), a and e have their own.
    const entries = [entry('a', 'a0'), entry('b', 'a1'), entry('c', 'a1'), entry('d', 'a1'), entry('e', 'a2')];
    const changes = rankChangesForMove(entries, 0, 2);
    expect(orderAfter(entries, changes)).toEqual(['b', 'c', 'a', 'd', 'e']);
    // It lands between c and d: the fewer tied entries on one side (d) change with it; b, c and e keep their ranks.
    expect(changes.map((change) => change.id).sort()).toEqual(['a', 'd']);
    const fromInside = rankChangesForMove(entries, 2, 4);
    expect(orderAfter(entries, fromInside)).toEqual(['a', 'b', 'd', 'e', 'c']);
    expect(fromInside).toHaveLength(1);
    // The whole list tied, moved to the very start.
    const allTied = [entry('a', 'a5'), entry('b', 'a5'), entry('c', 'a5')];
    expect(orderAfter(allTied, rankChangesForMove(allTied, 2, 0))).toEqual(['c', 'a', 'b']);
    expect(orderAfter(allTied, rankChangesForMove(allTied, 0, 1))).toEqual(['b', 'a', 'c']);
  });

  it('re-ranks the whole list, in its new order, around a rank that is not a fractional index', () => {
    const entries = [entry('a', 'a0'), entry('b', 'zz'), entry('c', 'zz1')];
    const changes = rankChangesForMove(entries, 0, 1);
    expect(orderAfter(entries, changes)).toEqual(['b', 'a', 'c']);
    expect(changes.every((change) => isUsableRank(change.rank))).toBe(true);
  });

  it('re-ranks the whole list when moves into one gap would make a rank too long', () => {
    let entries = [entry('a', 'a0'), entry('b', 'a1'), entry('c', 'a2')];
    let longest = 0;
    let rerankedAll = false;
    for (let n = 0; n < 1_000; n++) {
      // Back and forth between a and the one after it: each move halves the gap between the same two ranks.
      const changes = rankChangesForMove(entries, 2, 1);
      rerankedAll ||= changes.length > 1;
      const rankOf = new Map(changes.map((change) => [change.id, change.rank]));
      entries = entries.map((e) => ({ ...e, rank: rankOf.get(e.id) ?? e.rank })).sort(compareListEntries);
      longest = Math.max(longest, ...entries.map((e) => e.rank.length));
    }
    expect(rerankedAll).toBe(true);
    expect(longest).toBeLessThanOrEqual(100);
  });

  it('finds where a restored entry goes by its rank', () => {
    const remaining = [entry('a', 'a0'), entry('c', 'a2'), entry('d', 'a3')];
    expect(indexForRank(remaining, 'a1')).toBe(1);
    expect(indexForRank(remaining, 'Zz')).toBe(0);
    expect(indexForRank(remaining, 'a2')).toBe(1);
    expect(indexForRank(remaining, 'a9')).toBe(3);
  });

  it('restores an entry with its old rank when it is free, else just before the entry that took it', () => {
    const remaining = [entry('a', 'a0'), entry('c', 'a2'), entry('d', 'a3')];
    expect(rankChangesForRestore(remaining, entry('b', 'a1'))).toEqual([]);
    // 'c' was moved between a and d meanwhile and happened to get b's old rank.
    const taken = [entry('a', 'a0'), entry('c', 'a1'), entry('d', 'a3')];
    const changes = rankChangesForRestore(taken, entry('b', 'a1'));
    expect(changes).toEqual([{ id: 'b', rank: expect.any(String) as string }]);
    expect(orderAfter([...taken, entry('b', 'a1')], changes)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('gives ranks made by generateNKeysBetween, which sort in code units', () => {
    const ranks = generateNKeysBetween(null, null, 200);
    expect([...ranks].sort()).toEqual(ranks);
    expect(new Set(ranks).size).toBe(200);
  });
});

describe('list labels', () => {
  it('says how much of a list has been seen', () => {
    expect(listSeenLabel(2, 5)).toBe('2 of 5 seen');
    expect(listSeenLabel(0, 1)).toBe('0 of 1 seen');
    expect(listSeenLabel(0, 0)).toBe('No films yet');
  });

  it('reports films added, and those already there', () => {
    expect(addedToListMessage({ added: 3, alreadyIn: 0 }, 'Favourites of 1993')).toBe('Added 3 films to “Favourites of 1993”.');
    expect(addedToListMessage({ added: 1, alreadyIn: 2 }, 'Kids')).toBe('Added 1 film to “Kids”; 2 were already in it.');
    expect(addedToListMessage({ added: 0, alreadyIn: 1 }, 'Kids')).toBe('That film is already in “Kids”.');
    expect(addedToListMessage({ added: 0, alreadyIn: 4 }, 'Kids')).toBe('All 4 films are already in “Kids”.');
  });

  it('announces a move with a 1-based position', () => {
    expect(movedAnnouncement('Red Hot (1993)', 1, 3)).toBe('Red Hot (1993) moved to position 2 of 3.');
  });
});
