/** Questions and changes about lists and the films in them. The UI reads these through live queries. */
import { MissingRecordError } from '../domain/errors';
import type { Film } from '../domain/film';
import {
  clampIndex,
  compareListEntries,
  compareListsByName,
  lastUsableRank,
  parseListEntryNote,
  parseListFields,
  rankChangesForMove,
  rankChangesForRestore,
  ranksForNewEntries,
  type AddedToList,
  type FilmList,
  type ListEntry,
  type ListFields,
  type RankChange,
} from '../domain/list';
import { db, newId } from './index';

/** A list with how many films it holds and how many of those have been watched. */
export interface ListSummary {
  list: FilmList;
  filmCount: number;
  seenCount: number;
}

/** What a list row shows of its film. */
export type ListFilm = Pick<Film, 'id' | 'title' | 'year' | 'poster' | 'rating'>;

/** One place in a list, with its film and whether the film has been watched at least once. */
export interface ListEntryRow {
  entry: ListEntry;
  film: ListFilm;
  seen: boolean;
}

/** A list a film is in, and where (1 = first). */
export interface FilmListPlace {
  list: FilmList;
  rank: number;
}

/** A deleted list with its entries, kept so the deletion can be undone exactly. */
export interface DeletedList {
  list: FilmList;
  entries: ListEntry[];
}

/** The ids among these films that have at least one viewing, read from the viewings filmId index alone. */
async function seenFilmIds(filmIds: readonly string[]): Promise<Set<string>> {
  if (filmIds.length === 0) return new Set();
  const keys = await db.viewings.where('filmId').anyOf([...filmIds]).uniqueKeys();
  return new Set(keys.map(String));
}

/** A list's entries in order. */
async function orderedEntries(listId: string): Promise<ListEntry[]> {
  const entries = await db.listEntries.where('listId').equals(listId).toArray();
  return entries.sort(compareListEntries);
}

function checkedFields(fields: ListFields): ListFields {
  const result = parseListFields(fields);
  if (!result.ok) throw new RangeError(Object.values(result.errors).join(' '));
  return result.fields;
}

async function touchList(listId: string, now: Date): Promise<void> {
  const changed = await db.lists.update(listId, { updatedAt: now.toISOString() });
  if (changed === 0) throw new MissingRecordError('list');
}

/** Creates a list from its fields (checked again here) and returns its id. */
export async function createList(fields: ListFields, now: Date = new Date()): Promise<string> {
  const timestamp = now.toISOString();
  const list: FilmList = { ...checkedFields(fields), id: newId(), createdAt: timestamp, updatedAt: timestamp };
  await db.lists.add(list);
  return list.id;
}

/** Renames, describes or (un)ranks a list; fields left out keep their value. */
export async function updateList(id: string, changes: Partial<ListFields>, now: Date = new Date()): Promise<void> {
  await db.transaction('rw', db.lists, async () => {
    const list = await db.lists.get(id);
    if (!list) throw new MissingRecordError('list');
    const fields = checkedFields({ name: list.name, description: list.description, ranked: list.ranked, ...changes });
    await db.lists.update(id, { ...fields, updatedAt: now.toISOString() });
  });
}

/** Deletes a list with its entries (never the films); returns what was removed, for undo. */
export function deleteList(id: string): Promise<DeletedList> {
  return db.transaction('rw', [db.lists, db.listEntries], async () => {
    const list = await db.lists.get(id);
    if (!list) throw new MissingRecordError('list');
    const entries = await db.listEntries.where('listId').equals(id).toArray();
    await db.listEntries.where('listId').equals(id).delete();
    await db.lists.delete(id);
    return { list, entries };
  });
}

/** Puts back a deleted list in its old order (its entries keep their ranks); films deleted since then stay out of it. */
export function restoreDeletedList(deleted: DeletedList): Promise<void> {
  return db.transaction('rw', [db.lists, db.listEntries, db.films], async () => {
    const films = await db.films.bulkGet(deleted.entries.map((entry) => entry.filmId));
    await db.lists.put(deleted.list);
    await db.listEntries.bulkPut(deleted.entries.filter((_, index) => films[index] !== undefined));
  });
}

/** Every list by name, with its film count and how many of its films have been seen. */
export async function allLists(): Promise<ListSummary[]> {
  const [lists, entries] = await Promise.all([db.lists.toArray(), db.listEntries.toArray()]);
  const seen = await seenFilmIds([...new Set(entries.map((entry) => entry.filmId))]);
  const summaries = new Map(lists.map((list) => [list.id, { list, filmCount: 0, seenCount: 0 }]));
  for (const entry of entries) {
    const summary = summaries.get(entry.listId);
    if (!summary) continue;
    summary.filmCount += 1;
    if (seen.has(entry.filmId)) summary.seenCount += 1;
  }
  return [...summaries.values()].sort((a, b) => compareListsByName(a.list, b.list));
}

/** Every list's id and name, by name: what the Library's list filter offers (reads no entries). */
export async function listNames(): Promise<Pick<FilmList, 'id' | 'name'>[]> {
  const lists = await db.lists.toArray();
  return lists.sort(compareListsByName).map(({ id, name }) => ({ id, name }));
}

/** One list, or undefined when it does not exist (deleted, or a stale link). */
export function listById(id: string): Promise<FilmList | undefined> {
  return db.lists.get(id);
}

/** A list's films in order, each with what its row shows and whether it has been seen. */
export async function entriesOfList(listId: string): Promise<ListEntryRow[]> {
  const entries = await orderedEntries(listId);
  const filmIds = entries.map((entry) => entry.filmId);
  const [films, seen] = await Promise.all([db.films.bulkGet(filmIds), seenFilmIds(filmIds)]);
  return entries.flatMap((entry, index) => {
    const film = films[index];
    if (!film) return [];
    const { id, title, year, poster, rating } = film;
    return [{ entry, film: { id, title, year, poster, rating }, seen: seen.has(id) }];
  });
}

/**
 * Adds films at the end of a list, in the order given, skipping films already in it (or listed twice) and films
 * that no longer exist; says how many were added and how many were already there.
 */
export function addFilmsToList(listId: string, filmIds: readonly string[], now: Date = new Date()): Promise<AddedToList> {
  return db.transaction('rw', [db.lists, db.listEntries, db.films], async () => {
    if (!(await db.lists.get(listId))) throw new MissingRecordError('list');
    const existing = await db.listEntries.where('listId').equals(listId).toArray();
    const inList = new Set(existing.map((entry) => entry.filmId));
    const wanted = [...new Set(filmIds)];
    const alreadyIn = wanted.filter((filmId) => inList.has(filmId)).length;
    const candidates = wanted.filter((filmId) => !inList.has(filmId));
    const films = await db.films.bulkGet(candidates);
    const adding = candidates.filter((_, index) => films[index] !== undefined);
    const ranks = ranksForNewEntries(lastUsableRank(existing.map((entry) => entry.rank)), adding.length);
    const stamp = now.toISOString();
    const added: ListEntry[] = adding.map((filmId, index) => ({
      id: newId(), listId, filmId, rank: ranks[index]!, note: '', addedAt: stamp, updatedAt: stamp,
    }));
    await db.listEntries.bulkAdd(added);
    if (added.length > 0) await touchList(listId, now);
    return { added: added.length, alreadyIn };
  });
}

/** Takes a film out of a list; returns the entry so the removal can be undone. */
export function removeEntry(entryId: string): Promise<ListEntry | undefined> {
  return db.transaction('rw', db.listEntries, async () => {
    const entry = await db.listEntries.get(entryId);
    await db.listEntries.delete(entryId);
    return entry;
  });
}

/**
 * Puts a removed entry back where it was, with its note, even if the list was reordered meanwhile: by its old rank,
 * or, when another entry has taken that rank, just before that one with a new rank; no other entry changes (unless
 * the list holds a rank that cannot be built on; domain/list Ties).
 */
export function restoreEntry(entry: ListEntry, now: Date = new Date()): Promise<void> {
  return db.transaction('rw', [db.lists, db.listEntries, db.films], async () => {
    if (!(await db.lists.get(entry.listId))) throw new MissingRecordError('list');
    if (!(await db.films.get(entry.filmId))) throw new MissingRecordError('film');
    const current = await orderedEntries(entry.listId);
    // Had the film been added again meanwhile, the restored entry (with its note and place) replaces that one.
    const readded = current.filter((other) => other.filmId === entry.filmId && other.id !== entry.id);
    await db.listEntries.bulkDelete(readded.map((other) => other.id));
    const others = current.filter((other) => other.filmId !== entry.filmId && other.id !== entry.id);
    const changes = rankChangesForRestore(others, entry);
    const own = changes.find((change) => change.id === entry.id);
    await db.listEntries.put(own ? { ...entry, rank: own.rank, updatedAt: now.toISOString() } : entry);
    await applyRankChanges(changes.filter((change) => change !== own), now);
  });
}

/** Writes new ranks, each entry stamped as changed now. */
async function applyRankChanges(changes: readonly RankChange[], now: Date): Promise<void> {
  const updatedAt = now.toISOString();
  await db.listEntries.bulkUpdate(changes.map(({ id, rank }) => ({ key: id, changes: { rank, updatedAt } })));
}

/**
 * Moves an entry to a new index (clamped to the list) in one transaction, writing only the moved entry (unless it
 * lands inside a run of tied ranks; domain/list Ties); returns where it moved from and to.
 */
export function moveEntry(listId: string, entryId: string, toIndex: number, now: Date = new Date()): Promise<{ from: number; to: number }> {
  return db.transaction('rw', [db.lists, db.listEntries], async () => {
    const ordered = await orderedEntries(listId);
    const from = ordered.findIndex((entry) => entry.id === entryId);
    if (from === -1) throw new MissingRecordError('list entry');
    const to = clampIndex(toIndex, ordered.length);
    await applyRankChanges(rankChangesForMove(ordered, from, to), now);
    if (from !== to) await touchList(listId, now);
    return { from, to };
  });
}

/** Sets (or, with empty text, clears) the note on a film's place in a list. */
export async function setEntryNote(entryId: string, note: string, now: Date = new Date()): Promise<void> {
  const result = parseListEntryNote(note);
  if (!result.ok) throw new RangeError(result.error);
  await db.transaction('rw', [db.lists, db.listEntries], async () => {
    const entry = await db.listEntries.get(entryId);
    if (!entry) throw new MissingRecordError('list entry');
    await db.listEntries.update(entryId, { note: result.text, updatedAt: now.toISOString() });
    await touchList(entry.listId, now);
  });
}

/** The lists a film is in, by name, each with the film's place in it. */
export async function listsOfFilm(filmId: string): Promise<FilmListPlace[]> {
  const entries = await db.listEntries.where('filmId').equals(filmId).toArray();
  const places = await Promise.all(
    entries.map(async (entry) => {
      const [list, ordered] = await Promise.all([db.lists.get(entry.listId), orderedEntries(entry.listId)]);
      return list ? [{ list, rank: ordered.findIndex((other) => other.id === entry.id) + 1 }] : [];
    }),
  );
  return places.flat().sort((a, b) => compareListsByName(a.list, b.list));
}
