/**
 * A catalog record as the document that syncs between a person's devices: every field a register of concurrent
 * versions, plus a register saying whether the record is deleted, plus the clock of what this replica has seen.
 * Local writes, deletions and seeds make documents; `mergeDocs` joins two replicas' documents into one, whatever
 * order devices exchange them in, so every device ends with the same catalog.
 *
 * Deletion is a register like the others, so deleting on one device while restoring on another is an ordinary
 * conflict (the later change is shown). A deletion and a concurrent field edit do not touch the same register: the
 * deletion stands, and the edit stays in the document, listed by `docConflicts` as changed while deleted, until the
 * person restores the record (the edit shows) or confirms the deletion.
 */
import { mergeClocks, nextWrite, type Clock } from './clock';
import { byCodeUnits, jsonEquals, type JsonValue } from './json-value';
import { mergeRegisters, winner, type FieldVersion, type Register } from './register';

export type SyncKind = 'film' | 'viewing' | 'note' | 'list' | 'listEntry' | 'copy' | 'loan' | 'poster' | 'smartList';

/**
 * A version of the deleted flag. A deletion carries `seen`, the document's clock just before it was made: the field
 * versions it covers were known to the person who deleted; any other is an edit made concurrently with the deletion.
 */
export type DeletionFlag = (FieldVersion<true> & { readonly seen: Clock }) | FieldVersion<false>;

/** A synced record. Plain JSON: it is stored as a CouchDB document body (`_id` and `_rev` are added elsewhere). */
export type SyncDoc = {
  readonly id: string;
  readonly kind: SyncKind;
  readonly clock: Clock;
  readonly fields: Readonly<Record<string, Register<JsonValue>>>;
  /** Empty for a record never deleted. */
  readonly deleted: readonly DeletionFlag[];
};

/** A catalog record as stored locally: its `id` and its other fields as JSON values. */
export type SyncRecord = Readonly<Record<string, JsonValue>>;

/** Who makes a change, and when. */
export type LocalChange = { readonly device: string; readonly at: string };

/** Who writes a record; `fieldTimes` says when each field last changed, where the record knows it. */
export type RecordWrite = {
  readonly device: string;
  readonly fieldTimes?: Partial<Record<string, string>>;
  readonly fallbackTime: string;
};

/** A field's register, empty when never written; own fields only, so a field called `constructor` is not Object's. */
function registerOf(doc: SyncDoc | undefined, field: string): Register<JsonValue> {
  return doc !== undefined && Object.hasOwn(doc.fields, field) ? doc.fields[field] ?? [] : [];
}

/** Fields in a fixed order, without empty registers, so equal documents are deep-equal. */
function canonicalFields(entries: readonly (readonly [string, Register<JsonValue>])[]): Record<string, Register<JsonValue>> {
  const kept = entries.filter(([, register]) => register.length > 0);
  return Object.fromEntries([...kept].sort(([a], [b]) => byCodeUnits(a, b)));
}

/** The record's fields other than its id, skipping undefined values (JSON has none). */
function recordFields(record: SyncRecord): [string, JsonValue][] {
  return Object.entries(record).filter(([field, value]) => field !== 'id' && value !== undefined);
}

function recordId(record: SyncRecord): string {
  const id = record.id;
  if (typeof id !== 'string' || id === '') throw new Error('A synced record needs a text id.');
  return id;
}

function checkSameRecord(a: Pick<SyncDoc, 'id' | 'kind'>, b: Pick<SyncDoc, 'id' | 'kind'>): void {
  if (a.id !== b.id || a.kind !== b.kind) throw new Error(`Cannot mix ${a.kind} ${a.id} with ${b.kind} ${b.id}.`);
}

/** Whether the record is deleted: the most recent version of its deleted flag says so. */
export function isDeleted(doc: SyncDoc): boolean {
  return winner(doc.deleted)?.value === true;
}

/**
 * The document after a local write of `record`. Each field whose value differs from the shown one gets a new version
 * replacing its whole register (the writer has seen every version of it); all the fields changed in one write share
 * one counter. A field the document has but the record lacks is written as null. Writing a deleted record restores
 * it. When nothing differs, `previous` itself comes back, so the caller knows there is nothing to store.
 */
export function recordToDoc(previous: SyncDoc | undefined, kind: SyncKind, record: SyncRecord, write: RecordWrite): SyncDoc {
  const id = recordId(record);
  if (previous !== undefined) checkSameRecord(previous, { id, kind });
  const clock = previous?.clock ?? {};
  const { counter, clock: written } = nextWrite(clock, write.device);
  const fieldTimes = write.fieldTimes ?? {};
  const version = (field: string, value: JsonValue): Register<JsonValue> => {
    const at = Object.hasOwn(fieldTimes, field) ? fieldTimes[field] : undefined;
    return [{ value, device: write.device, counter, at: at ?? write.fallbackTime }];
  };

  const changed: [string, Register<JsonValue>][] = [];
  const values = recordFields(record);
  for (const [field, value] of values) {
    const shown = winner(registerOf(previous, field));
    if (shown === undefined || !jsonEquals(shown.value, value)) changed.push([field, version(field, value)]);
  }
  const present = new Set(values.map(([field]) => field));
  for (const field of Object.keys(previous?.fields ?? {})) {
    const shown = winner(registerOf(previous, field));
    if (!present.has(field) && shown !== undefined && shown.value !== null) changed.push([field, version(field, null)]);
  }
  const restoring = previous !== undefined && isDeleted(previous);
  if (previous !== undefined && changed.length === 0 && !restoring) return previous;

  const changedNames = new Set(changed.map(([field]) => field));
  const kept = Object.entries(previous?.fields ?? {}).filter(([field]) => !changedNames.has(field));
  return {
    id,
    kind,
    clock: changed.length > 0 || restoring ? written : clock,
    fields: canonicalFields([...kept, ...changed]),
    deleted: restoring ? [{ value: false, device: write.device, counter, at: write.fallbackTime }] : previous?.deleted ?? [],
  };
}

/** The device id of seeded versions, shared by every device; no real device may take it. */
export const SEED_DEVICE = 'seed';

/**
 * The document every device creates identically for a record that ships with the app: every version written by
 * `SEED_DEVICE` at counter 1. `at` must come from the seed data (not the time of seeding) so that all devices' seeds
 * are one and the same write; then a change or deletion made on any device after seeding replaces the seed on every
 * device it reaches, including one that joins later with nothing but the seed.
 */
export function seedDoc(kind: SyncKind, record: SyncRecord, at: string): SyncDoc {
  const id = recordId(record);
  const fields = recordFields(record).map(([field, value]): [string, Register<JsonValue>] => [
    field,
    [{ value, device: SEED_DEVICE, counter: 1, at }],
  ]);
  return { id, kind, clock: { [SEED_DEVICE]: 1 }, fields: canonicalFields(fields), deleted: [] };
}

/**
 * Sets the deleted flag as the person chose: one new version replacing every version of the flag, so a conflict about
 * the deletion disappears everywhere once synced. A deletion remembers the clock before it (see `DeletionFlag`).
 * Like every function here, it builds the document from its own parts, so a stored body's `_id`/`_rev` never leak in.
 */
export function resolveDeletion(doc: SyncDoc, deleted: boolean, change: LocalChange): SyncDoc {
  const { counter, clock } = nextWrite(doc.clock, change.device);
  const flag: DeletionFlag = deleted
    ? { value: true, device: change.device, counter, at: change.at, seen: doc.clock }
    : { value: false, device: change.device, counter, at: change.at };
  return { id: doc.id, kind: doc.kind, clock, fields: doc.fields, deleted: [flag] };
}

/** The document after a local deletion; `previous` itself when it is already deleted. */
export function deletedDoc(previous: SyncDoc, change: LocalChange): SyncDoc {
  return isDeleted(previous) ? previous : resolveDeletion(previous, true, change);
}

/**
 * The person chose a field's value (the kept one, one swapped back, or a merged text): one new version replacing
 * every version of the field, so the conflict disappears on every device once synced. Always a write, even when the
 * value is the one already shown, because that is how the other versions go.
 */
export function resolveField(doc: SyncDoc, field: string, value: JsonValue, change: LocalChange): SyncDoc {
  if (field === 'id') throw new Error('A record’s id is not a field that can change.');
  const { counter, clock } = nextWrite(doc.clock, change.device);
  const others = Object.entries(doc.fields).filter(([name]) => name !== field);
  const chosen: Register<JsonValue> = [{ value, device: change.device, counter, at: change.at }];
  return { id: doc.id, kind: doc.kind, clock, fields: canonicalFields([...others, [field, chosen]]), deleted: doc.deleted };
}

/**
 * The join of two replicas' documents for the same record: clocks merged, every register merged with both clocks.
 * Commutative, associative and idempotent (deep-equal results), so replicas converge however they exchange documents.
 */
export function mergeDocs(a: SyncDoc, b: SyncDoc): SyncDoc {
  checkSameRecord(a, b);
  const fieldNames = [...new Set([...Object.keys(a.fields), ...Object.keys(b.fields)])];
  const fields = fieldNames.map((field): [string, Register<JsonValue>] => [
    field,
    mergeRegisters(registerOf(a, field), a.clock, registerOf(b, field), b.clock),
  ]);
  return {
    id: a.id,
    kind: a.kind,
    clock: mergeClocks(a.clock, b.clock),
    fields: canonicalFields(fields),
    deleted: mergeRegisters(a.deleted, a.clock, b.deleted, b.clock),
  };
}

/** Whether two documents hold the same state (so a merged document needs no write). */
export function docsEqual(a: SyncDoc, b: SyncDoc): boolean {
  return jsonEquals(a, b);
}

/** The record the person sees: its id and each field's shown value; null when it is deleted. */
export function docToRecord(doc: SyncDoc): ({ id: string } & Record<string, JsonValue>) | null {
  if (isDeleted(doc)) return null;
  const values = Object.keys(doc.fields).flatMap((field) => {
    const shown = winner(registerOf(doc, field));
    return shown === undefined ? [] : [[field, shown.value] as const];
  });
  // The id goes last so that a document from elsewhere with a field called "id" cannot change which record it is.
  return { ...Object.fromEntries(values), id: doc.id };
}
