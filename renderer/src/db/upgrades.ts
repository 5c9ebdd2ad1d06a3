/** Upgrade functions for schema.ts, one per version that changes existing records. */
import type { Transaction } from 'dexie';
import { filmTitleKeys, type Film } from '../domain/film';
import type { Viewing } from '../domain/viewing';

/** v1 → v2: films gain flags and tags; viewings gain rewatch (from earlier viewings), rating, medium and note. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<Film, string>('films')
    .toCollection()
    .modify((film) => {
      film.watchlist ??= false;
      film.favourite ??= false;
      film.tags ??= [];
    });

  const viewings = await tx.table<Viewing, string>('viewings').toArray();
  // A v1 viewing is a rewatch when the same film had an earlier one (by date, then by when it was logged).
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
  await tx.table<Viewing, string>('viewings').bulkPut(upgraded);
}

/** v2 → v3: films gain their title match keys (from title and original title) and an empty set of external ids. */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table<Film, string>('films')
    .toCollection()
    .modify((film) => {
      film.titleKeys = filmTitleKeys(film);
      film.externalIds ??= [];
    });
}
