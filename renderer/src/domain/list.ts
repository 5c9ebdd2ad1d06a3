/** Lists: named, ordered gatherings of films ("Best of 1993", "To show the kids"), ranked or not. */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
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
  /**
   * Fractional-index rank (rocicorp's `fractional-indexing`, base-62 strings): order by plain string comparison
   * (code units, NOT localeCompare), ties by id. Only the order matters, never the text.
   */
  rank: string;
  note: string;
  addedAt: string;
  /** When its rank or note last changed (ISO). */
  updatedAt: string;
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
 * Ordering. Each entry carries a rank: a fractional index (base-62 text) that sorts by plain string comparison, and
 * between any two of which another can always be made. A move gives the moved entry a rank between its new
 * neighbours and changes no other record, which sync between devices needs (two devices moving different films
 * then merge without conflict, and a move is one changed record with its updatedAt). Removing an entry leaves
 * nothing to renumber, and Undo (of a removal or of a film's deletion) puts the entry back by its old rank, which
 * still sorts between the same neighbours unless another entry has taken it meanwhile.
 *
 * Ties. Two devices adding or moving films at the same time can give two entries the same rank; until sync merges
 * them, they sort by id. No rank fits between two equal ones, so placing an entry inside a tied run also re-ranks
 * the tied entries on one side of its new place (the side with fewer), the rest of the run keeping the tied rank,
 * and nothing else changes; the order is otherwise unchanged. A rank that is not a fractional index at all (only a
 * damaged or hand-made file can hold one), or a new one that would grow past LONG_RANK (after hundreds of moves into
 * one gap), makes that change re-rank the whole list instead, in its new order, with short ranks.
 */

/** The longest rank a record may hold (record-schemas); ranks made here stay far shorter (LONG_RANK). */
export const MAX_RANK_LENGTH = 200;
/** A rank's digits: base 62, in code-unit order. */
export const RANK_PATTERN = /^[0-9A-Za-z]+$/;
/** Past this length a new rank is not used: the list is re-ranked instead, so ranks never near MAX_RANK_LENGTH. */
const LONG_RANK = 100;

/** One entry's new rank. */
export interface RankChange {
  id: string;
  rank: string;
}

type Ranked = Pick<ListEntry, 'id' | 'rank'>;

/** Plain code-unit order, the same on every device and in every locale (localeCompare is neither). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** List order: by rank; ties (possible after two devices changed a list at once) by id, so it is stable. */
export function compareListEntries(a: Ranked, b: Ranked): number {
  return compareText(a.rank, b.rank) || compareText(a.id, b.id);
}

/** Whether new ranks can be made next to this one: a fractional index of a length a record may hold. */
export function isUsableRank(rank: string): boolean {
  if (rank.length > MAX_RANK_LENGTH || !RANK_PATTERN.test(rank)) return false;
  try {
    generateKeyBetween(rank, null);
    return true;
  } catch {
    return false;
  }
}

/**
 * The rank new entries follow: the greatest of `ranks`, passing over any that are not usable (damage only; new
 * entries then sort before those), or null for an empty list.
 */
export function lastUsableRank(ranks: readonly string[]): string | null {
  const descending = [...ranks].sort((a, b) => compareText(b, a));
  return descending.find(isUsableRank) ?? null;
}

/** Ranks for `count` entries added, in order, after `lastRank` (null: an empty list); `lastRank` must be usable. */
export function ranksForNewEntries(lastRank: string | null, count: number): string[] {
  return generateNKeysBetween(lastRank, null, count);
}

/** The rank for one film added at the end of a list holding these ranks. */
export function rankAtEnd(ranks: readonly string[]): string {
  return ranksForNewEntries(lastUsableRank(ranks), 1)[0]!;
}

/** `count` ranks between `lower` and `upper` (null: open), or null when they cannot be made or would be too long. */
function ranksBetween(lower: string | null, upper: string | null, count: number): string[] | null {
  try {
    const ranks = generateNKeysBetween(lower, upper, count);
    return ranks.every((rank) => rank.length <= LONG_RANK) ? ranks : null;
  } catch {
    return null;
  }
}

/** Fresh, short ranks for the whole list in this order: only the entries whose rank differs change. */
function rerankedChanges(ordered: readonly Ranked[]): RankChange[] {
  const ranks = generateNKeysBetween(null, null, ordered.length);
  return ordered.flatMap((entry, index) => (entry.rank === ranks[index] ? [] : [{ id: entry.id, rank: ranks[index]! }]));
}

/** The changes that make `placed` sort at `index` among `others` (in order, without it), the rest keeping their order. */
function rankChangesForPlace(others: readonly Ranked[], index: number, placed: Ranked): RankChange[] {
  const before = others[index - 1];
  const after = others[index];
  const changes = (entries: readonly Ranked[], ranks: readonly string[]) =>
    entries.flatMap((entry, k) => (entry.rank === ranks[k] ? [] : [{ id: entry.id, rank: ranks[k]! }]));
  const whole = () => rerankedChanges([...others.slice(0, index), placed, ...others.slice(index)]);
  // Its rank already sorts it there (a restore whose rank nobody took): nothing changes.
  if ((!before || before.rank < placed.rank) && (!after || placed.rank < after.rank)) return [];
  if (!before || !after || before.rank !== after.rank) {
    const ranks = ranksBetween(before?.rank ?? null, after?.rank ?? null, 1);
    return ranks ? changes([placed], ranks) : whole();
  }
  // Inside a run of tied ranks: the tied entries on one side of the new place keep their rank (ties sort by id);
  // the placed entry and those on the other side, whichever side has fewer, get ranks between the tied rank and
  // the run's neighbour on that side.
  const tied = before.rank;
  let first = index - 1;
  while (first > 0 && others[first - 1]!.rank === tied) first--;
  let last = index;
  while (last < others.length - 1 && others[last + 1]!.rank === tied) last++;
  const below = [...others.slice(first, index), placed];
  const above = [placed, ...others.slice(index, last + 1)];
  const belowRanks = () => ranksBetween(others[first - 1]?.rank ?? null, tied, below.length);
  const aboveRanks = () => ranksBetween(tied, others[last + 1]?.rank ?? null, above.length);
  if (below.length < above.length) {
    const ranks = belowRanks();
    if (ranks) return changes(below, ranks);
  }
  const ranks = aboveRanks();
  return ranks ? changes(above, ranks) : whole();
}

/**
 * The rank changes for moving the entry at `from` to `to` (both clamped) in `ordered` (in list order): the moved
 * entry alone, ranked between its new neighbours — unless they tie or a rank cannot be used (see Ties above).
 */
export function rankChangesForMove(ordered: readonly Ranked[], from: number, to: number): RankChange[] {
  if (ordered.length === 0) return [];
  const fromIndex = clampIndex(from, ordered.length);
  const toIndex = clampIndex(to, ordered.length);
  if (fromIndex === toIndex) return [];
  const others = ordered.filter((_, index) => index !== fromIndex);
  return rankChangesForPlace(others, toIndex, ordered[fromIndex]!);
}

/** Where an entry of this rank sorts among `ordered`: before the first whose rank is not below it. */
export function indexForRank(ordered: readonly Ranked[], rank: string): number {
  const index = ordered.findIndex((entry) => entry.rank >= rank);
  return index === -1 ? ordered.length : index;
}

/**
 * The rank changes for putting a removed entry back among `others` (in order, without it): none when no other entry
 * has its rank; otherwise it goes just before the entry that took its rank, with a rank between its new neighbours.
 */
export function rankChangesForRestore(others: readonly Ranked[], restored: Ranked): RankChange[] {
  return rankChangesForPlace(others, indexForRank(others, restored.rank), restored);
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
