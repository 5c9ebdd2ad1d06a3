/**
 * What of each catalog record travels between devices, and how a record is made whole again on arrival. A synced
 * document carries the fields a person made; what each device keeps for itself (which import added it, when this
 * device changed it, keys derived from the title) stays out, so two devices never disagree about bookkeeping and a
 * change made here is never mistaken for one made there.
 */
import type { SyncedTable } from './deletion';
import { derivedFilmKeys, type FilmChangeField, type FilmFields } from './film';
import { jsonEquals, type JsonValue } from './sync/json-value';
import { winner } from './sync/register';
import { docToRecord, type SyncDoc, type SyncKind, type SyncRecord } from './sync/sync-doc';

/** The document kind of each synced table. */
export const SYNC_KINDS: Readonly<Record<SyncedTable, SyncKind>> = {
  films: 'film', viewings: 'viewing', notes: 'note', lists: 'list', listEntries: 'listEntry', copies: 'copy', loans: 'loan',
  posters: 'poster', smartLists: 'smartList',
};

/** A record as the catalog stores it: an id and its fields. */
export type CatalogRecord = { id: string } & Record<string, unknown>;

/** Each device's own: when it last changed here, per field on films; which import added it. */
const DEVICE_FIELDS = ['id', 'updatedAt', 'fieldChangedAt', 'importId'];
/** Made from other fields on arrival (films' sort title and match keys come from their titles). */
const DERIVED_FIELDS: Partial<Record<SyncedTable, readonly string[]>> = { films: ['sortTitle', 'titleKeys'] };
/** Carried as attachments beside the document, not in it (poster images). */
export const ATTACHMENT_FIELDS: Partial<Record<SyncedTable, readonly string[]>> = { posters: ['image', 'thumbnail'] };

const leftOut = (table: SyncedTable): ReadonlySet<string> =>
  new Set([...DEVICE_FIELDS, ...(DERIVED_FIELDS[table] ?? []), ...(ATTACHMENT_FIELDS[table] ?? [])]);
const leftOutByTable = new Map<SyncedTable, ReadonlySet<string>>();

/** The fields of a record that sync, as plain JSON (undefined fields left out). */
export function syncedFields(table: SyncedTable, record: CatalogRecord): Record<string, unknown> {
  let skip = leftOutByTable.get(table);
  if (!skip) leftOutByTable.set(table, (skip = leftOut(table)));
  const fields: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) if (!skip.has(field) && value !== undefined) fields[field] = value;
  return fields;
}

/** What a device keeps of its own copy when a synced version of the record arrives. */
export interface LocalPart {
  /** The record as stored here, if it is. */
  existing?: CatalogRecord;
  /** When each field last changed, as the synced document says. */
  changedAt: Readonly<Record<string, string>>;
  /** Attachments, for tables that have them (poster images). */
  attachments?: Readonly<Record<string, unknown>>;
}

/**
 * A whole record from its synced fields: updatedAt is the latest change of any field; a film gets its derived keys
 * and each field's change time; the import that added it here stays with it here.
 */
export function recordFromSynced(table: SyncedTable, id: string, fields: Readonly<Record<string, unknown>>, local: LocalPart): CatalogRecord {
  const times = Object.values(local.changedAt);
  const latest = times.reduce((max, time) => (time > max ? time : max), '');
  const record: CatalogRecord = { ...fields, id };
  if (table !== 'posters') record.updatedAt = latest || String(fields.createdAt ?? '');
  if (table === 'films') {
    Object.assign(record, derivedFilmKeys(fields as unknown as Pick<FilmFields, 'title' | 'originalTitle'>));
    record.fieldChangedAt = { ...(local.changedAt as Partial<Record<FilmChangeField, string>>) };
  }
  const importId = local.existing?.importId;
  if (typeof importId === 'string') record.importId = importId;
  if (local.attachments) Object.assign(record, local.attachments);
  return record;
}

/** The document id of a record: its table and id ("films:7f3a…"); CouchDB reserves ids that start with "_". */
export const syncDocId = (table: SyncedTable, id: string): string => `${table}:${id}`;

/** The table and record id of a document id; null for a document that is not a catalog record. */
export function recordOfDocId(docId: string, tables: readonly SyncedTable[]): { table: SyncedTable; id: string } | null {
  const colon = docId.indexOf(':');
  if (colon <= 0) return null;
  const table = tables.find((name) => name === docId.slice(0, colon));
  return table ? { table, id: docId.slice(colon + 1) } : null;
}

/**
 * When a record's field last changed on this device, or null when it has not changed here since this device last
 * took it from a document (or since it was made): a film knows per field (`fieldChangedAt`, stamped only by a real
 * change, and set from the document when one is stored); other records change as a whole (`updatedAt`).
 */
export function localFieldTime(table: SyncedTable, record: CatalogRecord, field: string): string | null {
  if (table !== 'films') return typeof record.updatedAt === 'string' ? record.updatedAt : null;
  const times = record.fieldChangedAt as Partial<Record<string, string>> | undefined;
  return times?.[field] ?? null;
}

/** Each synced field's local change time, for recordToDoc (fields without one take the record's updatedAt). */
export function localFieldTimes(table: SyncedTable, record: CatalogRecord): Record<string, string> {
  return Object.fromEntries(
    Object.keys(syncedFields(table, record)).flatMap((field) => {
      const time = localFieldTime(table, record, field);
      return time === null ? [] : [[field, time]];
    }),
  );
}

/**
 * The catalog and the synced document can both have moved since they last agreed: a change made here not yet written
 * to the document, and a change from another device not yet stored here. Field by field, the later change is taken —
 * so writing this device's record into the document never undoes a newer change that has just arrived, and storing
 * an arrived document never undoes a newer change made here. (A document's versions written from this device carry
 * exactly the local times, so once they agree nothing moves.)
 */
function newerLocally(table: SyncedTable, record: CatalogRecord, doc: SyncDoc, field: string, local: unknown): boolean {
  const shown = Object.hasOwn(doc.fields, field) ? winner(doc.fields[field] ?? []) : undefined;
  if (shown === undefined) return true;
  // When a record was made is settled by its document: Red Hot, seeded on each device at its own moment, is one film.
  if (field === 'createdAt') return false;
  if (jsonEquals(shown.value, local as JsonValue)) return false;
  const time = localFieldTime(table, record, field);
  return time !== null && time > shown.at;
}

/**
 * Whether this device changed the record in a way its document does not have yet (a field differing, changed here
 * later than the document's version): such a record is kept when its document arrives deleted, and its change goes out.
 */
export function changedLocally(table: SyncedTable, record: CatalogRecord, doc: SyncDoc): boolean {
  const fields = syncedFields(table, record);
  return Object.keys(fields).some((field) => newerLocally(table, record, doc, field, fields[field]));
}

/**
 * The record to write into the document: this device's fields where they are newer, the document's elsewhere. Over
 * the shared seed document (Red Hot before its first sync from here) every field this device holds otherwise is its
 * own change, whenever made (the seed is where every device started).
 */
export function outgoingRecord(table: SyncedTable, record: CatalogRecord, doc: SyncDoc | undefined, overSeed = false): SyncRecord {
  const fields = syncedFields(table, record);
  if (doc === undefined || overSeed) {
    const own = { ...(fields as Record<string, JsonValue>), id: record.id };
    // Even over the seed, when the film was made is the seed's: every device seeds it at its own moment.
    const seeded = doc !== undefined && Object.hasOwn(doc.fields, 'createdAt') ? winner(doc.fields.createdAt ?? [])?.value : undefined;
    return seeded === undefined ? own : { ...own, createdAt: seeded };
  }
  const merged: Record<string, JsonValue> = {};
  for (const field of new Set([...Object.keys(fields), ...Object.keys(doc.fields)])) {
    const local = Object.hasOwn(fields, field) ? (fields[field] as JsonValue) : null;
    const shown = Object.hasOwn(doc.fields, field) ? winner(doc.fields[field] ?? []) : undefined;
    merged[field] = newerLocally(table, record, doc, field, local) || shown === undefined ? local : shown.value;
  }
  return { ...merged, id: record.id };
}

/**
 * The record to store from an arrived document (null: it is deleted): the document's fields, except where this
 * device changed a field later (that change is on its way out).
 */
export function incomingRecord(table: SyncedTable, doc: SyncDoc, existing: CatalogRecord | undefined): CatalogRecord | null {
  const shown = docToRecord(doc);
  if (shown === null) return null;
  const { id: _id, ...fields } = shown as Record<string, JsonValue>;
  const changedAt = docFieldTimes(doc);
  if (existing !== undefined) {
    const local = syncedFields(table, existing);
    for (const field of Object.keys(fields)) {
      if (!Object.hasOwn(local, field) || !newerLocally(table, existing, doc, field, local[field])) continue;
      fields[field] = local[field] as JsonValue;
      // newerLocally holds only for a field with a local time.
      changedAt[field] = localFieldTime(table, existing, field) ?? changedAt[field] ?? '';
    }
  }
  return recordFromSynced(table, doc.id, fields, { existing, changedAt });
}

/** When each field of a document last changed, as shown (what a stored record's change times become). */
export function docFieldTimes(doc: SyncDoc): Record<string, string> {
  return Object.fromEntries(
    Object.entries(doc.fields).flatMap(([field, register]) => {
      const shown = winner(register);
      return shown === undefined ? [] : [[field, shown.at]];
    }),
  );
}

/** Film titles by id, for naming records that belong to a film. */
export type FilmTitles = ReadonlyMap<string, string>;

/** What a record is, for a person, from its shown fields: "Alien (1979)", "A viewing of Alien (1979)". */
export function recordLabel(table: SyncedTable, fields: Readonly<Record<string, unknown>>, films: FilmTitles): string {
  const film = typeof fields.filmId === 'string' ? (films.get(fields.filmId) ?? 'a film no longer here') : 'a film';
  const name = typeof fields.name === 'string' ? `“${fields.name}”` : '';
  switch (table) {
    case 'films':
      return typeof fields.year === 'number' ? `${String(fields.title)} (${fields.year})` : String(fields.title ?? 'A film');
    case 'viewings':
      return `A viewing of ${film}`;
    case 'notes':
      return `A note on ${film}`;
    case 'lists':
      return `The list ${name}`;
    case 'listEntries':
      return `${film} in a list`;
    case 'copies':
      return `A copy of ${film}`;
    case 'loans':
      return `A loan of ${film}`;
    case 'posters':
      return `A poster of ${film}`;
    case 'smartLists':
      return `The smart list ${name}`;
  }
}
