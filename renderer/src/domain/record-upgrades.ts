/**
 * How records written by an older catalog schema become current ones, as pure functions: the Dexie upgrades
 * (db/upgrades.ts) run them over the stored tables, and a restore runs them over a backup made by an older Cinefile,
 * so both paths give exactly the same records.
 */
import { filmTitleKeys, type Film } from './film';
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

/** The first schema version that has each table; a backup from before it has none of that table's records. */
export const tableSinceVersion: Readonly<Record<string, number>> = {
  films: 1, viewings: 1, notes: 1, meta: 1, posters: 2, lists: 2, listEntries: 2, copies: 2, loans: 2, imports: 3, smartLists: 5,
};
