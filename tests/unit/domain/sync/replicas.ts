// A simulation of two or three devices editing, deleting and syncing one record, for the property tests. Besides the
// documents, it keeps its own account of who had seen which version when, without asking the code under test: a
// version may disappear only if a device that had seen it later wrote the same field (or the deleted flag).
import { counterOf } from '../../../../renderer/src/domain/sync/clock';
import {
  deletedDoc,
  mergeDocs,
  recordToDoc,
  resolveDeletion,
  resolveField,
  seedDoc,
  winner,
  type JsonValue,
  type SyncDoc,
} from '../../../../renderer/src/domain/sync';

export const FIELDS = ['title', 'year', 'note', 'tags'] as const;
export const RECORD_ID = 'red-hot';
export const SEED_RECORD = { id: RECORD_ID, title: 'Red Heat', year: 1988, note: '', tags: ['action'] };
/** The register a model version belongs to: a field, or the deleted flag. */
export const DELETED = '#deleted';

/** `replica` is the device acting (taken modulo the number of devices); `minute` is when, on 2026-01-01 after noon. */
export type Op =
  /** A value of undefined drops the field from the record. */
  | { type: 'edit'; replica: number; field: string; value: JsonValue | undefined; minute: number }
  | { type: 'delete'; replica: number; minute: number }
  | { type: 'resolveDeletion'; replica: number; deleted: boolean; minute: number }
  /** Picks the field's `pick`-th version, or past the last one a merged value. */
  | { type: 'resolveField'; replica: number; field: string; pick: number; minute: number }
  /** `replica` takes `from`'s document. */
  | { type: 'sync'; replica: number; from: number };

export type History = { readonly seeded: boolean; readonly replicaCount: number; readonly ops: readonly Op[] };

export type ModelVersion = { readonly key: string; readonly register: string; readonly value: JsonValue };

export type Replica = { readonly device: string; doc: SyncDoc | undefined; seen: Set<string> };

export type Simulation = {
  readonly replicas: Replica[];
  readonly versions: Map<string, ModelVersion>;
  /** Versions overwritten by a device that had seen them. */
  readonly superseded: Set<string>;
  /** For each deletion made, the versions its device had seen. */
  readonly deletionsSaw: ReadonlySet<string>[];
  /** Every document state reached, on any device. */
  readonly snapshots: SyncDoc[];
};

const SEEDED_AT = '2025-12-01T00:00:00.000Z';
export const timeAt = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();
export const versionKey = (register: string, device: string, counter: number) => `${register}@${device}:${counter}`;

/** The record as the device would edit it: the shown value of every field, deleted or not. */
function shownFields(doc: SyncDoc | undefined): Record<string, JsonValue> {
  const values: Record<string, JsonValue> = { id: RECORD_ID };
  for (const [field, register] of Object.entries(doc?.fields ?? {})) {
    const shown = winner(register);
    if (shown !== undefined) values[field] = shown.value;
  }
  return values;
}

function localChange(op: Exclude<Op, { type: 'sync' }>, doc: SyncDoc | undefined, device: string): SyncDoc | undefined {
  const change = { device, at: timeAt(op.minute) };
  switch (op.type) {
    case 'edit': {
      const record = shownFields(doc);
      if (op.value === undefined) delete record[op.field];
      else record[op.field] = op.value;
      return recordToDoc(doc, 'film', record, { device, fallbackTime: change.at });
    }
    case 'delete':
      return doc && deletedDoc(doc, change);
    case 'resolveDeletion':
      return doc && resolveDeletion(doc, op.deleted, change);
    case 'resolveField': {
      const register = doc?.fields[op.field] ?? [];
      const chosen = register[op.pick % (register.length + 1)];
      return doc && resolveField(doc, op.field, chosen === undefined ? `merged ${op.minute}` : chosen.value, change);
    }
  }
}

/** Books the versions a local write created, and what they overwrote, from the device's own knowledge. */
function recordWrite(simulation: Simulation, replica: Replica, before: SyncDoc | undefined, after: SyncDoc): void {
  const counter = counterOf(after.clock, replica.device);
  if (before !== undefined && counterOf(before.clock, replica.device) === counter) return;
  const created = [
    ...Object.entries(after.fields).flatMap(([field, register]) => register.map((version) => ({ register: field, version }))),
    ...after.deleted.map((version) => ({ register: DELETED, version })),
  ].filter(({ version }) => version.device === replica.device && version.counter === counter);
  const saw = new Set(replica.seen);
  for (const { register, version } of created) {
    for (const key of saw) if (simulation.versions.get(key)?.register === register) simulation.superseded.add(key);
    const key = versionKey(register, replica.device, counter);
    simulation.versions.set(key, { key, register, value: version.value });
    replica.seen.add(key);
    if (register === DELETED && version.value === true) simulation.deletionsSaw.push(saw);
  }
}

export function startSimulation(seeded: boolean, replicaCount: number): Simulation {
  const seed = seeded ? seedDoc('film', SEED_RECORD, SEEDED_AT) : undefined;
  const versions = new Map<string, ModelVersion>();
  for (const [field, value] of Object.entries(SEED_RECORD)) {
    const key = versionKey(field, 'seed', 1);
    if (seeded && field !== 'id') versions.set(key, { key, register: field, value });
  }
  const replicas = ['A', 'B', 'C'].slice(0, replicaCount).map((device) => ({
    device, doc: seed, seen: new Set(versions.keys()),
  }));
  return { replicas, versions, superseded: new Set(), deletionsSaw: [], snapshots: seed ? [seed] : [] };
}

/** Replica `to` takes replica `from`'s document, as one replication does; true when its document changed. */
export function syncReplicas(simulation: Simulation, to: Replica, from: Replica): boolean {
  if (from.doc === undefined || to === from) return false;
  const merged = to.doc === undefined ? from.doc : mergeDocs(to.doc, from.doc);
  for (const key of from.seen) to.seen.add(key);
  const changed = to.doc === undefined || JSON.stringify(merged) !== JSON.stringify(to.doc);
  to.doc = merged;
  if (changed) simulation.snapshots.push(merged);
  return changed;
}

export function applyOp(simulation: Simulation, op: Op): void {
  const count = simulation.replicas.length;
  const replica = simulation.replicas[op.replica % count] as Replica;
  if (op.type === 'sync') {
    syncReplicas(simulation, replica, simulation.replicas[op.from % count] as Replica);
    return;
  }
  const after = localChange(op, replica.doc, replica.device);
  if (after === undefined || after === replica.doc) return;
  recordWrite(simulation, replica, replica.doc, after);
  replica.doc = after;
  simulation.snapshots.push(after);
}

/** Every device exchanges documents with every other until none changes (two rounds should do; ten is a failure). */
export function syncUntilQuiet(simulation: Simulation): number {
  for (let round = 1; round <= 10; round += 1) {
    let changed = false;
    for (const to of simulation.replicas) {
      for (const from of simulation.replicas) changed = syncReplicas(simulation, to, from) || changed;
    }
    if (!changed) return round;
  }
  throw new Error('Devices kept changing each other’s documents after ten rounds of syncing.');
}

export function runHistory(history: History): Simulation {
  const simulation = startSimulation(history.seeded, history.replicaCount);
  for (const op of history.ops) applyOp(simulation, op);
  return simulation;
}
