/** Upgrade functions for schema.ts, one per version that changes existing records (the record changes themselves are
 * the pure functions of domain/record-upgrades, shared with restoring an older backup). */
import type { Transaction } from 'dexie';
import type { Film } from '../domain/film';
import { filmSummary } from '../domain/film-summary';
import { filmToV2, filmToV3, viewingsToV2 } from '../domain/record-upgrades';
import type { Viewing } from '../domain/viewing';

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

/** v3 → v4: every film gets its summary (the middleware keeps them in step from then on). */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  const films = await tx.table<Film, string>('films').toArray();
  await tx.table('filmSummaries').bulkPut(films.map(filmSummary));
}
