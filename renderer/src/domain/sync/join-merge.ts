/**
 * Joining a catalog that already holds films this device also has under other ids — a Letterboxd export imported on
 * both devices before they synced. Found the way an import finds a catalog film (external id first, then title and
 * year: exchange/film-matcher), each such film becomes the other catalog's film: it keeps the better of both (a
 * rating it lacked, either device's flags, every tag), and this device's viewings, notes and list places move to it,
 * except those the other catalog already has (the same viewing, the same note), which are dropped rather than
 * doubled. Red Hot never needs this: it has one id everywhere.
 */
import type { Annotation } from '../annotation';
import type { Copy, Loan } from '../copy';
import { FilmMatcher } from '../exchange/film-matcher';
import type { Film } from '../film';
import type { ListEntry } from '../list';
import { tagKey } from '../tags';
import type { Viewing } from '../viewing';

/** This device's films that are films of the joined catalog: local id → the joined catalog's film. */
export function joiningMatches(localOnly: readonly Film[], joined: readonly Film[]): Map<string, Film> {
  const matcher = new FilmMatcher(joined);
  const taken = new Set<string>();
  const matches = new Map<string, Film>();
  for (const film of localOnly) {
    const match = matcher.match({ externalIds: film.externalIds, fields: film });
    // Each film of the joined catalog is taken by one film here at most: two here stay two.
    if (!match || match.id === film.id || taken.has(match.id)) continue;
    taken.add(match.id);
    matches.set(film.id, match);
  }
  return matches;
}

const unique = (values: readonly string[], key: (value: string) => string = (value) => value): string[] => {
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(key(value)) && seen.add(key(value)));
};

/** What the joined catalog's film takes from this device's copy of it; only the fields that change. */
export function joinedFilmChanges(local: Film, joined: Film): Partial<Pick<Film, 'rating' | 'watchlist' | 'favourite' | 'tags' | 'externalIds'>> {
  const changes: Partial<Pick<Film, 'rating' | 'watchlist' | 'favourite' | 'tags' | 'externalIds'>> = {};
  if (joined.rating === null && local.rating !== null) changes.rating = local.rating;
  if (!joined.watchlist && local.watchlist) changes.watchlist = true;
  if (!joined.favourite && local.favourite) changes.favourite = true;
  const tags = unique([...joined.tags, ...local.tags], tagKey);
  if (tags.length !== joined.tags.length) changes.tags = tags;
  const externalIds = unique([...joined.externalIds, ...local.externalIds]);
  if (externalIds.length !== joined.externalIds.length) changes.externalIds = externalIds;
  return changes;
}

/** A film's own records on one side. */
export interface FilmRecords {
  viewings: readonly Viewing[];
  notes: readonly Annotation[];
  listEntries: readonly ListEntry[];
  copies: readonly Copy[];
  loans: readonly Loan[];
}

export type MovedRecords = { [Table in keyof FilmRecords]: FilmRecords[Table][number][] };

/**
 * This device's records of a film, moved to the joined catalog's film `joinedId` — without the ones it already has:
 * a viewing on the same date with the same rating, a note with the same text, a place in the same list.
 */
export function movedRecords(local: FilmRecords, joined: Pick<FilmRecords, 'viewings' | 'notes' | 'listEntries'>, joinedId: string): { moved: MovedRecords; dropped: MovedRecords } {
  const viewingKey = (viewing: Viewing) => `${viewing.watchedOn ?? ''}|${viewing.rating ?? ''}`;
  const seenViewings = new Set(joined.viewings.map(viewingKey));
  const seenNotes = new Set(joined.notes.map((note) => note.body.trim()));
  const seenLists = new Set(joined.listEntries.map((entry) => entry.listId));
  const split = <T>(records: readonly T[], kept: (record: T) => boolean): [T[], T[]] => [records.filter(kept), records.filter((record) => !kept(record))];
  const [viewings, droppedViewings] = split(local.viewings, (viewing) => !seenViewings.has(viewingKey(viewing)));
  const [notes, droppedNotes] = split(local.notes, (note) => !seenNotes.has(note.body.trim()));
  const [listEntries, droppedEntries] = split(local.listEntries, (entry) => !seenLists.has(entry.listId));
  const to = <T extends { filmId: string }>(record: T): T => ({ ...record, filmId: joinedId });
  return {
    moved: { viewings: viewings.map(to), notes: notes.map(to), listEntries: listEntries.map(to), copies: local.copies.map(to), loans: local.loans.map(to) },
    dropped: { viewings: droppedViewings, notes: droppedNotes, listEntries: droppedEntries, copies: [], loans: [] },
  };
}
