/**
 * What the Conflicts view lists for a synced record: every change a merge kept but does not show. Nothing a device
 * wrote disappears without the person having seen it first; what the merge could not decide is listed here, with
 * the shown choice first, until the person picks (`resolveField`, `resolveDeletion`).
 */
import { covers, mergeClocks, type Clock } from './clock';
import { byCodeUnits, jsonEquals, type JsonValue } from './json-value';
import { losers, winner, type FieldVersion } from './register';
import type { DeletionFlag, SyncDoc } from './sync-doc';

/** A field changed on two devices before they synced (two note texts, two titles): the later is kept and shown. */
export type FieldConflict = {
  readonly kind: 'field';
  readonly field: string;
  readonly kept: FieldVersion<JsonValue>;
  /** Concurrent versions with a value other than the kept one, which the person can swap back. */
  readonly others: readonly FieldVersion<JsonValue>[];
};

/** One field version, named by its field. */
export type FieldChange = { readonly field: string; readonly version: FieldVersion<JsonValue> };

/**
 * The record is deleted, but another device changed it without knowing of the deletion (`changes`), or restored it
 * concurrently and the deletion is the more recent (`restores`). Restoring the record brings the changes back.
 */
export type ChangedWhileDeleted = {
  readonly kind: 'changed-while-deleted';
  readonly deletion: DeletionFlag;
  readonly restores: readonly DeletionFlag[];
  readonly changes: readonly FieldChange[];
};

/** The record is shown, but another device deleted it concurrently with the restore or edit that is shown. */
export type DeletedWhileKept = {
  readonly kind: 'deleted-while-kept';
  readonly kept: DeletionFlag;
  readonly deletions: readonly DeletionFlag[];
};

export type SyncConflict = FieldConflict | ChangedWhileDeleted | DeletedWhileKept;

/** Everything every deletion of the record had seen: a field version outside it was unknown to all of them. */
function seenByDeletions(flags: readonly DeletionFlag[]): Clock {
  return flags.reduce<Clock>((seen, flag) => (flag.value === true ? mergeClocks(seen, flag.seen) : seen), {});
}

/**
 * The record's conflicts: its fields with concurrent versions of different values (fields in a fixed order), then
 * at most one entry about its deletion. Concurrent versions with the same value are no conflict and are not listed.
 */
export function docConflicts(doc: SyncDoc): SyncConflict[] {
  const fields = Object.keys(doc.fields).sort(byCodeUnits);
  const conflicts: SyncConflict[] = [];
  for (const field of fields) {
    const register = doc.fields[field] ?? [];
    const kept = winner(register);
    const others = losers(register).filter((version) => kept === undefined || !jsonEquals(version.value, kept.value));
    if (kept !== undefined && others.length > 0) conflicts.push({ kind: 'field', field, kept, others });
  }

  const flag = winner(doc.deleted);
  if (flag?.value === true) {
    const seen = seenByDeletions(doc.deleted);
    const changes = fields.flatMap((field) =>
      (doc.fields[field] ?? []).filter((version) => !covers(seen, version)).map((version) => ({ field, version })));
    const restores = doc.deleted.filter((other) => other.value === false);
    if (changes.length > 0 || restores.length > 0) {
      conflicts.push({ kind: 'changed-while-deleted', deletion: flag, restores, changes });
    }
  } else if (flag !== undefined) {
    const deletions = doc.deleted.filter((other) => other.value === true);
    if (deletions.length > 0) conflicts.push({ kind: 'deleted-while-kept', kept: flag, deletions });
  }
  return conflicts;
}
