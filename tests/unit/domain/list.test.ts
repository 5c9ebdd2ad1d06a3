import { describe, expect, it } from 'vitest';
import {
  addedToListMessage,
  compactPositionChanges,
  compareListEntries,
  compareListsByName,
  indexForPosition,
  listSeenLabel,
  movedAnnouncement,
  parseListDescription,
  parseListEntryNote,
  parseListFields,
  parseListName,
  positionAtEnd,
  reorderedItems,
  type FilmList,
  type ListEntry,
} from '../../../renderer/src/domain/list';

const entry = (id: string, position: number, addedAt = '2026-01-01T00:00:00.000Z'): ListEntry => ({
  id, listId: 'l', filmId: `film-${id}`, position, note: '', addedAt,
});

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
  it('puts a new film after the last one, or first in an empty list', () => {
    expect(positionAtEnd([])).toBe(0);
    expect(positionAtEnd([0, 4, 2])).toBe(5);
  });

  it('moves an item between indexes and clamps out-of-range targets', () => {
    expect(reorderedItems(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(reorderedItems(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(reorderedItems(['a', 'b', 'c'], 1, 99)).toEqual(['a', 'c', 'b']);
    expect(reorderedItems(['a', 'b', 'c'], 1, -5)).toEqual(['b', 'a', 'c']);
    expect(reorderedItems([], 0, 1)).toEqual([]);
  });

  it('renumbers 0, 1, 2 … touching only entries whose number changes', () => {
    const ordered = reorderedItems([entry('a', 0), entry('b', 1), entry('c', 2), entry('d', 3)], 1, 2);
    expect(compactPositionChanges(ordered)).toEqual([
      { id: 'c', position: 1 },
      { id: 'b', position: 2 },
    ]);
    expect(compactPositionChanges([entry('a', 0), entry('b', 1)])).toEqual([]);
  });

  it('orders entries by position, then by when they were added', () => {
    // Each key disagrees with the next: 'first' was added last, and the ids of the two at position 1 sort the other
    // way round from when they were added, so only position, then addedAt, gives this order.
    const sorted = [
      entry('a-added-in-february', 1, '2026-02-01T00:00:00.000Z'),
      entry('first', 0, '2026-03-01T00:00:00.000Z'),
      entry('b-added-in-january', 1, '2026-01-01T00:00:00.000Z'),
    ].sort(compareListEntries);
    expect(sorted.map((e) => e.id)).toEqual(['first', 'b-added-in-january', 'a-added-in-february']);
  });

  it('finds where a restored entry goes among the remaining ones', () => {
    const remaining = [entry('a', 0), entry('c', 2), entry('d', 3)];
    expect(indexForPosition(remaining, 1)).toBe(1);
    expect(indexForPosition(remaining, 0)).toBe(0);
    expect(indexForPosition(remaining, 9)).toBe(3);
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
