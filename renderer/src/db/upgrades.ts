/** Upgrade functions for schema.ts, one per version that changes existing records (the record changes themselves are
 * the pure functions of domain/record-upgrades, shared with restoring an older backup). */
import type { Transaction } from 'dexie';
import type { Copy, Loan } from '../domain/copy';
import type { Film } from '../domain/film';
import { filmCast, filmSummary, noFacets } from '../domain/film-summary';
import type { ListEntry } from '../domain/list';
import { filmToV2, filmToV3, listEntriesToV7, loanToV7, viewingsToV2, type ListEntryV6 } from '../domain/record-upgrades';
import type { Viewing } from '../domain/viewing';
import { facetsByFilm } from '../domain/film-facets';

/** v1 → v2: films gain flags and tags; viewings gain rewatch (from earlier viewings), rating, medium and note. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<Film, string>('films')
    .toCollection()
    .modify((film, ref) => {
      ref.value = filmToV2(film);
    });
  const viewings = await tx.table<Viewing, string>('viewings').toArray();
  await tx.table<Viewing, string>('viewings').bulkPut(viewingsToV2(viewings));
}

/** v2 → v3: films gain their title match keys (from title and original title) and an empty set of external ids. */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table<Film, string>('films')
    .toCollection()
    .modify((film, ref) => {
      ref.value = filmToV3(film);
    });
}

/** v3 → v4: every film gets its summary (v4's had no facets; upgradeToV5, which always follows, adds them). */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  const films = await tx.table<Film, string>('films').toArray();
  await tx.table('filmSummaries').bulkPut(films.map((film) => filmSummary(film)));
}

/**
 * v4 → v5: every summary is made again with its facets, from each table read once (the middleware stands aside
 * in upgrades and keeps them in step from then on).
 */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  const [films, viewings, listEntries, copies, loans] = await Promise.all([
    tx.table<Film, string>('films').toArray(),
    tx.table<Viewing, string>('viewings').toArray(),
    tx.table<ListEntry, string>('listEntries').toArray(),
    tx.table<Copy, string>('copies').toArray(),
    tx.table<Loan, string>('loans').toArray(),
  ]);
  const facets = facetsByFilm({ viewings, listEntries, copies, loans });
  const summaries = tx.table('filmSummaries');
  // Cleared first, so the table ends with exactly one summary per film whatever v4 left in it.
  await summaries.clear();
  await summaries.bulkPut(films.map((film) => filmSummary(film, facets.get(film.id) ?? noFacets)));
}

/** v5 → v6: every film gets its cast projection (the middleware stands aside in upgrades, as for v4 and v5). */
export async function upgradeToV6(tx: Transaction): Promise<void> {
  const films = await tx.table<Film, string>('films').toArray();
  const cast = tx.table('filmCast');
  await cast.clear();
  await cast.bulkPut(films.map(filmCast));
}

/** v6 → v7: list entries trade their numeric position for a rank, in the same order; loans gain updatedAt. */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  const entries = tx.table<ListEntry | ListEntryV6, string>('listEntries');
  await entries.bulkPut(listEntriesToV7((await entries.toArray()) as ListEntryV6[]));
  await tx
    .table<Loan, string>('loans')
    .toCollection()
    .modify((loan, ref) => {
      ref.value = loanToV7(loan);
    });
}
