/** Lists: named, ordered gatherings of films ("Best of 1993", "To show the kids"), ranked or not. */
import { foldText } from './text-fold';

export interface FilmList {
  id: string;
  name: string;
  description: string;
  /** Ranked lists show positions (1, 2, 3 …); unranked lists are still kept in the person's order. */
  ranked: boolean;
  createdAt: string;
  updatedAt: string;
  /** The import that created it, so Undo import can remove exactly what it added. */
  importId?: string;
}

/** A film's place in one list. A film can be in many lists, once per list. */
export interface ListEntry {
  id: string;
  listId: string;
  filmId: string;
  /** Sort key within the list; only the order matters, not the numbers. */
  position: number;
  note: string;
  addedAt: string;
  /** The import that created it, so Undo import can remove exactly what it added. */
  importId?: string;
}

/** What a person chooses about a list; everything else is kept by Cinefile. */
export interface ListFields {
  name: string;
  description: string;
  ranked: boolean;
}

export const LIST_TEXT_LIMITS = { name: 200, description: 2_000, note: 2_000 } as const;

export type ListTextResult = { ok: true; text: string } | { ok: false; error: string };
export type ListFieldsResult =
  | { ok: true; fields: ListFields }
  | { ok: false; errors: Partial<Record<'name' | 'description', string>> };

function tooLong(what: string, length: number, limit: number): string {
  return `${what} is ${length.toLocaleString('en')} characters long; the limit is ${limit.toLocaleString('en')}.`;
}

/** A list needs a name a person can find it by, short enough to fit a menu. */
export function parseListName(text: string): ListTextResult {
  const name = text.trim();
  if (name === '') return { ok: false, error: 'A list needs a name.' };
  if (name.length > LIST_TEXT_LIMITS.name) return { ok: false, error: tooLong('This name', name.length, LIST_TEXT_LIMITS.name) };
  return { ok: true, text: name };
}

/** A description is optional; empty is fine. */
export function parseListDescription(text: string): ListTextResult {
  const description = text.trim();
  if (description.length > LIST_TEXT_LIMITS.description) {
    return { ok: false, error: tooLong('This description', description.length, LIST_TEXT_LIMITS.description) };
  }
  return { ok: true, text: description };
}

/** A note on a film's place in a list ("the one that started it"); empty clears it. */
export function parseListEntryNote(text: string): ListTextResult {
  const note = text.trim();
  if (note.length > LIST_TEXT_LIMITS.note) return { ok: false, error: tooLong('This note', note.length, LIST_TEXT_LIMITS.note) };
  return { ok: true, text: note };
}

/** Checks a list form: every problem at once, one message per field. */
export function parseListFields(draft: ListFields): ListFieldsResult {
  const name = parseListName(draft.name);
  const description = parseListDescription(draft.description);
  if (name.ok && description.ok) return { ok: true, fields: { name: name.text, description: description.text, ranked: draft.ranked } };
  const errors: Partial<Record<'name' | 'description', string>> = {};
  if (!name.ok) errors.name = name.error;
  if (!description.ok) errors.description = description.error;
  return { ok: false, errors };
}

/** Lists by name as a reader expects: case- and accent-blind, then by when they were made. */
export function compareListsByName(a: FilmList, b: FilmList): number {
  return foldText(a.name).localeCompare(foldText(b.name), 'en') || a.createdAt.localeCompare(b.createdAt);
}

/*
 * Ordering. A move rewrites the list's positions as 0, 1, 2 … (compact integers) rather than slotting the moved
 * entry at a midpoint between its neighbours. Lists are short (tens to hundreds of films), so a move touches at most
 * the entries between its two places, in one transaction; positions never run out of float precision, and they
 * stay equal to rank − 1, which exports read naturally. Removing an entry leaves a gap on purpose: the removed
 * entry keeps its number, so Undo (of a removal or of a film's deletion) can put it back exactly where it was.
 */

/** List order: by position; ties (possible after an undo crossed a move) by when added, then id, so it is stable. */
export function compareListEntries(a: ListEntry, b: ListEntry): number {
  return a.position - b.position || a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id);
}

/** The position for a film added at the end of a list holding these positions. */
export function positionAtEnd(positions: readonly number[]): number {
  return positions.length === 0 ? 0 : Math.max(...positions) + 1;
}

/** An index clamped into a list of `length` items. */
export function clampIndex(index: number, length: number): number {
  return Math.min(Math.max(0, Math.trunc(index)), Math.max(0, length - 1));
}

/** The same items with the one at `from` taken out and put at `to` (both clamped to the list). */
export function reorderedItems<T>(items: readonly T[], from: number, to: number): T[] {
  const result = [...items];
  if (result.length === 0) return result;
  const [moved] = result.splice(clampIndex(from, items.length), 1) as [T];
  result.splice(clampIndex(to, items.length), 0, moved);
  return result;
}

/** The position changes that number entries 0, 1, 2 … in the order given: only those whose position differs. */
export function compactPositionChanges(ordered: readonly Pick<ListEntry, 'id' | 'position'>[]): { id: string; position: number }[] {
  return ordered.flatMap((entry, index) => (entry.position === index ? [] : [{ id: entry.id, position: index }]));
}

/** Where a restored entry goes among the others (already in order): before the first one that was after it. */
export function indexForPosition(ordered: readonly Pick<ListEntry, 'position'>[], position: number): number {
  const index = ordered.findIndex((entry) => entry.position >= position);
  return index === -1 ? ordered.length : index;
}

/** "1 film", "3 films". */
export function filmCountLabel(count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'film' : 'films'}`;
}

/** "2 of 5 seen" — how much of a list the person has watched; an empty list says so instead. */
export function listSeenLabel(seen: number, total: number): string {
  if (total === 0) return 'No films yet';
  return `${seen.toLocaleString('en')} of ${total.toLocaleString('en')} seen`;
}

/** The outcome of adding films to a list. */
export interface AddedToList {
  added: number;
  alreadyIn: number;
}

/** 'Added 3 films to “Favourites of 1993”.', mentioning any that were already there. */
export function addedToListMessage(result: AddedToList, listName: string): string {
  const list = `“${listName}”`;
  if (result.added === 0) {
    return result.alreadyIn === 1 ? `That film is already in ${list}.` : `All ${result.alreadyIn} films are already in ${list}.`;
  }
  const added = `Added ${filmCountLabel(result.added)} to ${list}`;
  if (result.alreadyIn === 0) return `${added}.`;
  return `${added}; ${result.alreadyIn} ${result.alreadyIn === 1 ? 'was' : 'were'} already in it.`;
}

/** What a screen reader hears after a film moves: "Red Hot (1993) moved to position 2 of 3." */
export function movedAnnouncement(filmTitle: string, index: number, total: number): string {
  return `${filmTitle} moved to position ${index + 1} of ${total}.`;
}
