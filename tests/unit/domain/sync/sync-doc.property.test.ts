// Properties of the sync merge over generated histories of two or three devices editing, deleting, restoring,
// resolving and syncing one record in any interleaving: documents form a join (so devices converge whatever order
// they sync in), the latest change is the one shown, and no change disappears unless a device that had seen it
// overwrote it — everything else is shown or listed as a conflict.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  docConflicts,
  docToRecord,
  isDeleted,
  jsonEquals,
  mergeDocs,
  winner,
  type FieldVersion,
  type JsonValue,
  type SyncDoc,
} from '../../../../renderer/src/domain/sync';
import { DELETED, FIELDS, runHistory, syncUntilQuiet, versionKey, type History, type ModelVersion, type Op } from './replicas';

const replica = fc.nat(2);
const minute = fc.integer({ min: 0, max: 12 });
const field = fc.constantFrom(...FIELDS);
const jsonValue: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constantFrom<JsonValue>('Red Heat', 'Red heat', '', null, 1988, 1989, true),
  fc.array(fc.constantFrom('action', 'cold war'), { maxLength: 2 }),
  // The same object with its keys in either order: not a change.
  fc.tuple(fc.nat(1), fc.nat(1), fc.boolean()).map(([a, b, flipped]) => (flipped ? { b, a } : { a, b })),
);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('edit' as const), replica, field, value: fc.option(jsonValue, { nil: undefined }), minute,
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('delete' as const), replica, minute }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('resolveDeletion' as const), replica, deleted: fc.boolean(), minute }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('resolveField' as const), replica, field, pick: fc.nat(3), minute }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('sync' as const), replica, from: replica }) },
);
const history: fc.Arbitrary<History> = fc.record({
  seeded: fc.boolean(),
  replicaCount: fc.constantFrom(2, 3),
  // 'medium' gives about twenty operations a history; the default size would give four, too few for conflicts.
  ops: fc.array(op, { maxLength: 40, size: 'medium' }),
});

/** The expected winner, computed apart from the code: latest time, then larger device id, then larger counter. */
function latest(register: readonly FieldVersion<JsonValue>[]): FieldVersion<JsonValue> | undefined {
  return [...register].sort((a, b) =>
    Date.parse(b.at) - Date.parse(a.at) || (a.device < b.device ? 1 : a.device > b.device ? -1 : 0) || b.counter - a.counter)[0];
}

/** Whether the person can still find the version's value: shown, or listed in the Conflicts view. */
function visible(doc: SyncDoc, version: ModelVersion): boolean {
  const conflicts = docConflicts(doc);
  if (version.register === DELETED) {
    if (isDeleted(doc) === version.value) return true;
    return conflicts.some((conflict) => version.value
      ? conflict.kind === 'deleted-while-kept'
      : conflict.kind === 'changed-while-deleted' && conflict.restores.length > 0);
  }
  const record = docToRecord(doc);
  const listed = conflicts.flatMap((conflict): JsonValue[] => {
    if (conflict.kind === 'field' && conflict.field === version.register) {
      return [conflict.kept.value, ...conflict.others.map((other) => other.value)];
    }
    if (conflict.kind === 'changed-while-deleted') {
      return conflict.changes.filter((change) => change.field === version.register).map((change) => change.version.value);
    }
    return [];
  });
  const shown = record !== null && Object.hasOwn(record, version.register) ? [record[version.register] as JsonValue] : [];
  return [...shown, ...listed].some((value) => jsonEquals(value, version.value));
}

describe('sync merge properties', () => {
  it('merging documents is commutative, associative and idempotent for states devices can reach', () => {
    fc.assert(fc.property(history, fc.nat(), fc.nat(), fc.nat(), (generated, i, j, k) => {
      const { snapshots } = runHistory(generated);
      if (snapshots.length === 0) return;
      const [a, b, c] = [i, j, k].map((n) => snapshots[n % snapshots.length] as SyncDoc) as [SyncDoc, SyncDoc, SyncDoc];
      expect(mergeDocs(a, b)).toEqual(mergeDocs(b, a));
      expect(mergeDocs(mergeDocs(a, b), c)).toEqual(mergeDocs(a, mergeDocs(b, c)));
      expect(mergeDocs(a, a)).toEqual(a);
      expect(mergeDocs(a, mergeDocs(a, b))).toEqual(mergeDocs(a, b));
    }), { numRuns: 300 });
  });

  it('devices that sync in any order end with the same document and the same record', () => {
    fc.assert(fc.property(history, (generated) => {
      const simulation = runHistory(generated);
      expect(syncUntilQuiet(simulation)).toBeLessThanOrEqual(2);
      const [first, ...others] = simulation.replicas.map((device) => device.doc);
      for (const doc of others) expect(doc).toEqual(first);
      if (first === undefined) return;
      const record = docToRecord(first);
      for (const doc of others) expect(doc && docToRecord(doc)).toEqual(record);
      expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    }), { numRuns: 300 });
  });

  it('no change disappears unless a device that had seen it overwrote it; the rest is shown or listed', () => {
    fc.assert(fc.property(history, (generated) => {
      const simulation = runHistory(generated);
      syncUntilQuiet(simulation);
      const doc = simulation.replicas[0]?.doc;
      if (doc === undefined) return;
      for (const version of simulation.versions.values()) {
        const standing = !simulation.superseded.has(version.key);
        // Exactly the versions nobody knowingly overwrote are kept: the multi-value register's promise.
        const register = version.register === DELETED ? doc.deleted : doc.fields[version.register] ?? [];
        const kept = register.some((v) => versionKey(version.register, v.device, v.counter) === version.key);
        expect(kept, version.key).toBe(standing);
        if (!standing) continue;
        // A deleted record hides the changes its deleter had seen; the deleter chose to delete them.
        const hiddenKnowingly = version.register !== DELETED && isDeleted(doc)
          && simulation.deletionsSaw.some((saw) => saw.has(version.key));
        if (!hiddenKnowingly) expect(visible(doc, version), `${version.key} is shown or listed`).toBe(true);
      }
    }), { numRuns: 300 });
  });

  it('a field shows its most recent concurrent change, on every device at every moment', () => {
    fc.assert(fc.property(history, (generated) => {
      for (const doc of runHistory(generated).snapshots) {
        const record = docToRecord(doc);
        for (const [name, register] of Object.entries(doc.fields)) {
          const expected = latest(register);
          expect(winner(register)).toBe(expected);
          if (record !== null) expect(record[name]).toEqual(expected?.value);
          const conflict = docConflicts(doc).find((c) => c.kind === 'field' && c.field === name);
          if (conflict?.kind === 'field') expect(conflict.kept).toBe(expected);
        }
      }
    }), { numRuns: 150 });
  });
});
