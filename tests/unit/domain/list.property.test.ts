/**
 * Property: list order by ranks behaves like a plain array. For any list — ranks tied the way two devices adding at
 * once leave them included — and any sequence of moves, adds, removals and undos of removals, sorting the entries
 * by compareListEntries gives exactly the array model's order, every entry once; a move in a list without ties
 * changes the moved entry alone, and an undone removal keeps its old rank when nobody took it.
 */
import fc from 'fast-check';
import { generateNKeysBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import {
  clampIndex,
  compareListEntries,
  isUsableRank,
  lastUsableRank,
  rankChangesForMove,
  rankChangesForRestore,
  ranksForNewEntries,
  reorderedItems,
  type RankChange,
} from '../../../renderer/src/domain/list';

interface Entry {
  id: string;
  rank: string;
}

/** Ranks a list can start with: a few in a row, some between them, so random picks tie and interleave. */
const rankPool = [...generateNKeysBetween(null, null, 5), 'a0V', 'a1G', 'Zz'];

type Operation =
  | { kind: 'move'; from: number; to: number }
  | { kind: 'add'; count: number }
  | { kind: 'remove'; index: number }
  | { kind: 'undoRemove' };

const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('move' as const), from: fc.nat(15), to: fc.nat(15) }), weight: 4 },
  fc.record({ kind: fc.constant('add' as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('remove' as const), index: fc.nat(15) }),
  fc.record({ kind: fc.constant('undoRemove' as const) }),
);

const sorted = (entries: readonly Entry[]) => [...entries].sort(compareListEntries);
const hasTies = (entries: readonly Entry[]) => new Set(entries.map((entry) => entry.rank)).size < entries.length;

function applied(entries: readonly Entry[], changes: readonly RankChange[]): Entry[] {
  const rankOf = new Map(changes.map((change) => [change.id, change.rank]));
  return entries.map((entry) => ({ ...entry, rank: rankOf.get(entry.id) ?? entry.rank }));
}

describe('list order by ranks', () => {
  it('matches the array model through any moves, adds, removals and undos, each entry once', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...rankPool), { maxLength: 12 }), fc.array(operationArb, { maxLength: 40 }), (startRanks, operations) => {
        let entries: Entry[] = startRanks.map((rank, index) => ({ id: `e${String(index).padStart(2, '0')}`, rank }));
        // Tied ranks sort by id: the model starts in that order, and from then on is only ever an array.
        let model = sorted(entries).map((entry) => entry.id);
        const removed: Entry[] = [];
        let added = 0;
        for (const operation of operations) {
          const ordered = sorted(entries);
          if (operation.kind === 'move') {
            const changes = rankChangesForMove(ordered, operation.from, operation.to);
            const moves = entries.length > 0 && clampIndex(operation.from, entries.length) !== clampIndex(operation.to, entries.length);
            if (!hasTies(entries)) expect(changes.length).toBe(moves ? 1 : 0);
            // Besides the moved entry, only entries that share a rank with another may be re-ranked.
            const movedId = ordered[clampIndex(operation.from, entries.length)]?.id;
            const tiedIds = new Set(entries.filter((entry) => entries.some((other) => other !== entry && other.rank === entry.rank)).map((entry) => entry.id));
            for (const change of changes) expect(change.id === movedId || tiedIds.has(change.id)).toBe(true);
            entries = applied(entries, changes);
            model = reorderedItems(model, operation.from, operation.to);
          } else if (operation.kind === 'add') {
            const ranks = ranksForNewEntries(lastUsableRank(entries.map((entry) => entry.rank)), operation.count);
            const fresh = ranks.map((rank) => ({ id: `n${String(added++).padStart(3, '0')}`, rank }));
            entries = [...entries, ...fresh];
            model = [...model, ...fresh.map((entry) => entry.id)];
          } else if (operation.kind === 'remove') {
            if (entries.length === 0) continue;
            const gone = ordered[operation.index % ordered.length]!;
            removed.push(gone);
            entries = entries.filter((entry) => entry.id !== gone.id);
            model = model.filter((id) => id !== gone.id);
          } else {
            const back = removed.pop();
            if (!back) continue;
            const changes = rankChangesForRestore(ordered, back);
            // Back before the first entry whose rank is not below its old one; nothing changes if its rank is free.
            if (!ordered.some((entry) => entry.rank === back.rank)) expect(changes).toEqual([]);
            const place = ordered.filter((entry) => entry.rank < back.rank).length;
            entries = applied([...entries, back], changes);
            model = [...model.slice(0, place), back.id, ...model.slice(place)];
          }
          expect(sorted(entries).map((entry) => entry.id)).toEqual(model);
          expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
          for (const entry of entries) expect(isUsableRank(entry.rank)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
