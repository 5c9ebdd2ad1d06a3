/**
 * How records written by an older catalog schema become current ones, as pure functions: the Dexie upgrades
 * (db/upgrades.ts) run them over the stored tables, and a restore runs them over a backup made by an older Cinefile,
 * so both paths give exactly the same records.
 */
import { filmTitleKeys, type Film } from './film';
import type { Loan } from './copy';
import { ranksForNewEntries, type ListEntry } from './list';
import type { Viewing } from './viewing';

/** v1 → v2: a film gains its watchlist and favourite flags and its tags. */
export function filmToV2(film: Film): Film {
  return { ...film, watchlist: film.watchlist ?? false, favourite: film.favourite ?? false, tags: film.tags ?? [] };
}

/**
 * v1 → v2: viewings gain rewatch (a later viewing of the same film, by date then by when it was logged), rating,
 * medium, note and updatedAt.
 */
export function viewingsToV2(viewings: readonly Viewing[]): Viewing[] {
  const byFilm = new Map<string, Viewing[]>();
  for (const viewing of viewings) byFilm.set(viewing.filmId, [...(byFilm.get(viewing.filmId) ?? []), viewing]);
  const upgraded: Viewing[] = [];
  for (const filmViewings of byFilm.values()) {
    filmViewings.sort((a, b) => (a.watchedOn ?? '').localeCompare(b.watchedOn ?? '') || a.createdAt.localeCompare(b.createdAt));
    filmViewings.forEach((viewing, index) =>
      upgraded.push({
        ...viewing,
        rewatch: index > 0,
        rating: viewing.rating ?? null,
        medium: viewing.medium ?? null,
        note: viewing.note ?? '',
        updatedAt: viewing.updatedAt ?? viewing.createdAt,
      }),
    );
  }
  return upgraded;
}

/** v2 → v3: a film gains its title match keys and its (empty) external ids. */
export function filmToV3(film: Film): Film {
  return { ...film, titleKeys: filmTitleKeys(film), externalIds: film.externalIds ?? [] };
}

/** v6 → v7: a loan gains updatedAt — when it last changed as far as it tells: its return, else its lending. */
export function loanToV7(loan: Omit<Loan, 'updatedAt'> & { updatedAt?: string }): Loan {
  return { ...loan, updatedAt: loan.updatedAt ?? `${loan.returnedOn ?? loan.lentOn}T00:00:00.000Z` };
}

/** A list entry as schema 6 and older stored it: ordered by a numeric position, with no rank and no updatedAt. */
export type ListEntryV6 = Omit<ListEntry, 'rank' | 'updatedAt'> & { position: number };

/** Schema 6's list order: by position, then by when added, then id. */
function compareV6Entries(a: ListEntryV6, b: ListEntryV6): number {
  const byPosition = a.position < b.position ? -1 : a.position > b.position ? 1 : 0;
  return byPosition || a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id);
}

/** v6 → v7: list entries trade their numeric position for a rank (in the same order), and gain updatedAt (= addedAt). */
export function listEntriesToV7(entries: readonly ListEntryV6[]): ListEntry[] {
  const byList = new Map<string, ListEntryV6[]>();
  for (const entry of entries) {
    const listEntries = byList.get(entry.listId);
    if (listEntries) listEntries.push(entry);
    else byList.set(entry.listId, [entry]);
  }
  const rankOf = new Map<ListEntryV6, string>();
  for (const listEntries of byList.values()) {
    const ranks = ranksForNewEntries(null, listEntries.length);
    listEntries.sort(compareV6Entries).forEach((entry, index) => rankOf.set(entry, ranks[index]!));
  }
  // In the order given, each record as it was but for position → rank and the new updatedAt.
  return entries.map((old) => {
    const { position: _position, ...entry } = old;
    return { ...entry, rank: rankOf.get(old)!, updatedAt: entry.addedAt };
  });
}

/** The first schema version that has each table; a backup from before it has none of that table's records. */
export const tableSinceVersion: Readonly<Record<string, number>> = {
  films: 1, viewings: 1, notes: 1, meta: 1, posters: 2, lists: 2, listEntries: 2, copies: 2, loans: 2, imports: 3, smartLists: 5,
};
