/**
 * The first entry of every new catalog, Red Hot (1993), from resources/seed/red-hot.json (a record checked word
 * for word against the source text by tests/unit/seed-record.test.ts against resources/seed/source.txt).
 */
import type { Transaction } from 'dexie';
import redHotRecord from '../../../resources/seed/red-hot.json';
import { filmSortKey, filmTitleKeys, type Film } from '../domain/film';
import { filmCast, filmSummary, noFacets } from '../domain/film-summary';

export const SEED_FILM_ID = redHotRecord.id;

/**
 * When sync says the seed was written: the same on every device (each seeds Red Hot at its own moment), so every
 * device's seed is one and the same write, older than any change a person makes to it.
 */
export const SEED_RECORD_TIME = '2026-01-01T00:00:00.000Z';

/** The seed record as a Film, with timestamps of the moment the catalog was created. */
export function seedFilm(now: Date): Film {
  const timestamp = now.toISOString();
  return {
    id: redHotRecord.id,
    title: redHotRecord.title,
    originalTitle: null,
    year: redHotRecord.year,
    directors: [...redHotRecord.directors],
    cast: redHotRecord.cast.map((member) => ({ ...member })),
    genres: [...redHotRecord.genres],
    runtimeMinutes: null,
    country: null,
    language: null,
    overview: redHotRecord.overview,
    tagline: redHotRecord.tagline,
    sections: redHotRecord.sections.map((section) => ({ ...section })),
    poster: { kind: 'bundled', name: redHotRecord.poster.name },
    rating: null,
    watchlist: false,
    favourite: false,
    tags: [],
    sortTitle: filmSortKey(redHotRecord.title),
    titleKeys: filmTitleKeys({ title: redHotRecord.title, originalTitle: null }),
    externalIds: [],
    createdAt: timestamp,
    updatedAt: timestamp,
  };
}

/** Fills a newly created database; called from Dexie's `populate` inside the creating transaction. */
export async function seedCatalog(tx: Transaction, now: Date): Promise<void> {
  const film = seedFilm(now);
  await tx.table<Film, string>('films').add(film);
  // Created with the catalog, in its versionchange transaction, where the summaries middleware stands aside; nothing
  // points at Red Hot yet (no viewing, list, copy or loan), so its summary has no facets.
  await tx.table('filmSummaries').add(filmSummary(film, noFacets));
  await tx.table('filmCast').add(filmCast(film));
  await tx.table('meta').put({ key: 'seededAt', value: now.toISOString() });
}
