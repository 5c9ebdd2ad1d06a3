// Hand-checkable cases of the sync merge rules: what a person with two or three devices sees after they sync.
import { describe, expect, it } from 'vitest';
import {
  deletedDoc,
  docConflicts,
  docToRecord,
  mergeDocs,
  recordToDoc,
  resolveDeletion,
  resolveField,
  seedDoc,
  type SyncDoc,
  type SyncRecord,
} from '../../../../renderer/src/domain/sync';

/** 2026-01-01 at 12:mm, as the app writes times. */
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();
const SEEDED_AT = '2025-12-01T00:00:00.000Z';
const redHot: SyncRecord = { id: 'red-hot', title: 'Red Heat', year: 1988, rating: null, tags: ['action'] };

const write = (doc: SyncDoc | undefined, device: string, record: SyncRecord, minute: number) =>
  recordToDoc(doc, 'film', record, { device, fallbackTime: at(minute) });
const edit = (doc: SyncDoc, device: string, changes: SyncRecord, minute: number) =>
  write(doc, device, { ...docToRecord(doc), ...changes }, minute);
/** Both devices take each other's document, as replication does; they must end equal. */
function sync(a: SyncDoc, b: SyncDoc): SyncDoc {
  const merged = mergeDocs(a, b);
  expect(mergeDocs(b, a)).toEqual(merged);
  return merged;
}

describe('merging changes from two devices', () => {
  const created = write(undefined, 'A', redHot, 0);

  it('two devices editing different fields of one film both keep their change', () => {
    const onA = edit(created, 'A', { title: 'Red Heat (1988)' }, 1);
    const onB = edit(created, 'B', { rating: 8 }, 2);
    const merged = sync(onA, onB);
    expect(docToRecord(merged)).toEqual({ ...redHot, title: 'Red Heat (1988)', rating: 8 });
    expect(docConflicts(merged)).toEqual([]);
  });

  it('the same field changed on two devices shows the later change and lists the other as a conflict', () => {
    const onA = edit(created, 'A', { title: 'Red Heat (1988)' }, 5);
    const onB = edit(created, 'B', { title: 'Red heat' }, 3);
    const merged = sync(onA, onB);
    expect(docToRecord(merged)?.title).toBe('Red Heat (1988)');
    expect(docConflicts(merged)).toEqual([{
      kind: 'field',
      field: 'title',
      kept: { value: 'Red Heat (1988)', device: 'A', counter: 2, at: at(5) },
      others: [{ value: 'Red heat', device: 'B', counter: 1, at: at(3) }],
    }]);
  });

  it('swapping the other title back clears the conflict on both devices once they sync', () => {
    const onA = edit(created, 'A', { title: 'Red Heat (1988)' }, 5);
    const onB = edit(created, 'B', { title: 'Red heat' }, 3);
    const onAMerged = mergeDocs(onA, onB);
    const swapped = resolveField(onAMerged, 'title', 'Red heat', { device: 'A', at: at(6) });
    expect(docConflicts(swapped)).toEqual([]);
    const onBMerged = sync(mergeDocs(onB, onA), swapped);
    expect(docToRecord(onBMerged)?.title).toBe('Red heat');
    expect(docConflicts(onBMerged)).toEqual([]);
  });

  it('two edits of one note text keep both texts for the person to choose', () => {
    const writeNote = (doc: SyncDoc | undefined, device: string, text: string, minute: number) =>
      recordToDoc(doc, 'note', { id: 'n1', filmId: 'red-hot', text }, { device, fallbackTime: at(minute) });
    const note = writeNote(undefined, 'A', 'Seen at the Rex.', 0);
    const onA = writeNote(note, 'A', 'Seen at the Rex, 1989.', 1);
    const onB = writeNote(note, 'B', 'Seen with Dad.', 2);
    const merged = sync(onA, onB);
    const [conflict] = docConflicts(merged);
    expect(conflict?.kind === 'field' && [conflict.kept.value, ...conflict.others.map((other) => other.value)])
      .toEqual(['Seen with Dad.', 'Seen at the Rex, 1989.']);
    const chosen = resolveField(merged, 'text', 'Seen at the Rex with Dad, 1989.', { device: 'B', at: at(3) });
    expect(docToRecord(sync(onA, chosen))?.text).toBe('Seen at the Rex with Dad, 1989.');
    expect(docConflicts(sync(onA, chosen))).toEqual([]);
  });

  it('changes made at the same moment on two devices show the same one on both', () => {
    const merged = sync(edit(created, 'A', { rating: 6 }, 4), edit(created, 'B', { rating: 7 }, 4));
    expect(docToRecord(merged)?.rating).toBe(7);
  });

  it('changes timed with another offset are ordered by the moment they were made, not by their text', () => {
    // 13:30 at UTC+2 is 11:30 UTC: earlier than B's 12:00 UTC, though its text sorts later.
    const onA = recordToDoc(created, 'film', { ...redHot, rating: 6 }, {
      device: 'A', fallbackTime: '2026-01-01T13:30:00+02:00',
    });
    const onB = recordToDoc(created, 'film', { ...redHot, rating: 7 }, { device: 'B', fallbackTime: at(0) });
    expect(docToRecord(sync(onA, onB))?.rating).toBe(7);
  });

  it('the same value written on two devices is not shown as a conflict', () => {
    const merged = sync(edit(created, 'A', { rating: 8 }, 1), edit(created, 'B', { rating: 8 }, 2));
    expect(docToRecord(merged)?.rating).toBe(8);
    expect(docConflicts(merged)).toEqual([]);
  });
});

describe('deleting', () => {
  it('a seeded film deleted on one device stays deleted when a new device that seeded it too joins', () => {
    const seeded = seedDoc('film', redHot, SEEDED_AT);
    expect(mergeDocs(seeded, seedDoc('film', { ...redHot }, SEEDED_AT))).toEqual(seeded);
    const onB = deletedDoc(seeded, { device: 'B', at: at(1) });
    const onA = mergeDocs(seeded, onB);
    const onC = seedDoc('film', redHot, SEEDED_AT);
    expect(docToRecord(sync(onC, onB))).toBeNull();
    expect(docToRecord(sync(onC, onA))).toBeNull();
    expect(docConflicts(sync(onC, onA))).toEqual([]);
  });

  it('two devices that seeded a film differently still agree once they sync', () => {
    const onA = seedDoc('film', redHot, SEEDED_AT);
    const onB = seedDoc('film', { ...redHot, title: 'Red Heat (1988)' }, SEEDED_AT);
    expect(docToRecord(sync(onA, onB))).toEqual(docToRecord(sync(onB, onA)));
  });

  it('a film deleted on one device while edited on another stays deleted and lists the edit', () => {
    const created = write(undefined, 'A', redHot, 0);
    const deleted = deletedDoc(created, { device: 'A', at: at(5) });
    const edited = edit(created, 'B', { rating: 9 }, 6);
    const merged = sync(deleted, edited);
    expect(docToRecord(merged)).toBeNull();
    expect(docConflicts(merged)).toEqual([{
      kind: 'changed-while-deleted',
      deletion: { value: true, device: 'A', counter: 2, at: at(5), seen: { A: 1 } },
      restores: [],
      changes: [{ field: 'rating', version: { value: 9, device: 'B', counter: 1, at: at(6) } }],
    }]);
    const restored = resolveDeletion(merged, false, { device: 'A', at: at(7) });
    expect(docToRecord(restored)).toEqual({ ...redHot, rating: 9 });
    expect(docConflicts(restored)).toEqual([]);
    const confirmed = resolveDeletion(merged, true, { device: 'B', at: at(7) });
    expect(docToRecord(sync(confirmed, edited))).toBeNull();
    expect(docConflicts(sync(confirmed, edited))).toEqual([]);
  });

  it('a film deleted on one device while restored on another shows the later and lists the other', () => {
    const created = write(undefined, 'A', redHot, 0);
    const restoredOnA = resolveDeletion(deletedDoc(created, { device: 'A', at: at(1) }), false, { device: 'A', at: at(3) });
    const deletedOnB = deletedDoc(created, { device: 'B', at: at(2) });
    const merged = sync(restoredOnA, deletedOnB);
    expect(docToRecord(merged)).toEqual(redHot);
    expect(docConflicts(merged)).toEqual([{
      kind: 'deleted-while-kept',
      kept: { value: false, device: 'A', counter: 3, at: at(3) },
      deletions: [{ value: true, device: 'B', counter: 1, at: at(2), seen: { A: 1 } }],
    }]);
  });

  it('a film restored on one device while deleted later on another stays deleted and lists the restore', () => {
    const created = write(undefined, 'A', redHot, 0);
    const deleted = deletedDoc(created, { device: 'A', at: at(1) });
    const restoredOnA = resolveDeletion(deleted, false, { device: 'A', at: at(2) });
    const deletedOnB = deletedDoc(created, { device: 'B', at: at(3) });
    const merged = sync(restoredOnA, deletedOnB);
    expect(docToRecord(merged)).toBeNull();
    expect(docConflicts(merged)).toEqual([{
      kind: 'changed-while-deleted',
      deletion: { value: true, device: 'B', counter: 1, at: at(3), seen: { A: 1 } },
      restores: [{ value: false, device: 'A', counter: 3, at: at(2) }],
      changes: [],
    }]);
  });

  it('an edit is not listed against a deletion its own device made after it, even if another device deleted too', () => {
    const created = write(undefined, 'A', redHot, 0);
    const editedThenDeletedOnB = deletedDoc(edit(created, 'B', { rating: 4 }, 1), { device: 'B', at: at(2) });
    const deletedOnA = deletedDoc(created, { device: 'A', at: at(3) });
    const merged = sync(editedThenDeletedOnB, deletedOnA);
    expect(docToRecord(merged)).toBeNull();
    expect(docConflicts(merged)).toEqual([]);
  });

  it('undoing a deletion by writing the record again brings it back everywhere', () => {
    const created = write(undefined, 'A', redHot, 0);
    const deleted = deletedDoc(created, { device: 'A', at: at(1) });
    expect(docToRecord(deleted)).toBeNull();
    expect(deletedDoc(deleted, { device: 'A', at: at(2) })).toBe(deleted);
    const undone = write(deleted, 'A', redHot, 2);
    expect(docToRecord(undone)).toEqual(redHot);
    expect(docToRecord(sync(undone, deleted))).toEqual(redHot);
    expect(docToRecord(sync(undone, created))).toEqual(redHot);
  });
});

describe('local writes', () => {
  const created = write(undefined, 'A', redHot, 0);

  it('writing a record that has not changed gives back the same document, so nothing is stored', () => {
    expect(write(created, 'A', { ...redHot }, 1)).toBe(created);
  });

  it('a JSON object whose keys come in another order is not a change', () => {
    const withCredits = write(created, 'A', { ...redHot, credits: { director: 'Walter Hill', year: 1988 } }, 1);
    expect(write(withCredits, 'B', { ...redHot, credits: { year: 1988, director: 'Walter Hill' } }, 2)).toBe(withCredits);
  });

  it('one write numbers all the fields it changes alike, at their own times, and a dropped field becomes null', () => {
    const { tags: _tags, ...withoutTags } = redHot;
    const changed = recordToDoc(created, 'film', { ...withoutTags, title: 'Red Heat (1988)', rating: 7 }, {
      device: 'A', fieldTimes: { rating: at(3) }, fallbackTime: at(4),
    });
    expect(changed.clock).toEqual({ A: 2 });
    expect(changed.fields.title).toEqual([{ value: 'Red Heat (1988)', device: 'A', counter: 2, at: at(4) }]);
    expect(changed.fields.rating).toEqual([{ value: 7, device: 'A', counter: 2, at: at(3) }]);
    expect(changed.fields.tags).toEqual([{ value: null, device: 'A', counter: 2, at: at(4) }]);
    expect(changed.fields.year).toBe(created.fields.year);
  });

  it('a document is plain JSON, the same after a round trip through text', () => {
    const doc = deletedDoc(edit(created, 'B', { rating: 6 }, 1), { device: 'A', at: at(2) });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('refuses to merge documents of two different records', () => {
    expect(() => mergeDocs(created, write(undefined, 'A', { ...redHot, id: 'heat' }, 0))).toThrow(/red-hot/);
  });
});
