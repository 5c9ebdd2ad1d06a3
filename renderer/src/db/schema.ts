/**
 * Every version of Cinefile's IndexedDB schema, in one place. A schema change is a new `version(n)` with an
 * `upgrade()` and a test that opens a database written by version n-1.
 */
import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import type { Annotation } from '../domain/annotation';
import type { Copy, Loan } from '../domain/copy';
import type { Film } from '../domain/film';
import type { FilmList, ListEntry } from '../domain/list';
import type { PosterImage } from '../domain/poster';
import type { Viewing } from '../domain/viewing';
import { seedCatalog } from './seed';
import { upgradeToV2, upgradeToV3, upgradeToV4, upgradeToV5, upgradeToV6, upgradeToV7 } from './upgrades';
import { filmSummariesMiddleware } from './film-summaries';
import { tombstonesMiddleware } from './tombstones';
import type { Deletion } from '../domain/deletion';
import type { FilmCast, FilmSummary } from '../domain/film-summary';
import type { ImportRecord } from '../domain/exchange/import-record';
import type { SmartList } from '../domain/smart-list';

/** Small facts about the catalog itself (when it was seeded, …). */
export interface MetaEntry {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'cinefile';
/** The newest db.version() below; a catalog above it was written by a newer Cinefile. */
export const SCHEMA_VERSION = 7;

export class CinefileDb extends Dexie {
  films!: EntityTable<Film, 'id'>;
  viewings!: EntityTable<Viewing, 'id'>;
  notes!: EntityTable<Annotation, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  posters!: EntityTable<PosterImage, 'id'>;
  lists!: EntityTable<FilmList, 'id'>;
  listEntries!: EntityTable<ListEntry, 'id'>;
  copies!: EntityTable<Copy, 'id'>;
  loans!: EntityTable<Loan, 'id'>;
  imports!: EntityTable<ImportRecord, 'id'>;
  filmSummaries!: EntityTable<FilmSummary, 'id'>;
  smartLists!: EntityTable<SmartList, 'id'>;
  filmCast!: EntityTable<FilmCast, 'id'>;
  deletions!: EntityTable<Deletion, 'id'>;

  /** `options`: the search worker opens its own connection without Dexie's auto-open (search.worker.ts). */
  constructor(name: string = DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    // v1: the walking skeleton — films with their rating, viewings, notes (annotations) and meta.
    this.version(1).stores({
      films: 'id, sortTitle, year, rating, createdAt',
      viewings: 'id, filmId, watchedOn',
      notes: 'id, filmId, createdAt',
      meta: 'key',
    });
    // v2: the diarist's and collector's depth — richer viewings (partial dates, rewatch, rating snapshot, medium,
    // note), watchlist/favourite flags and tags on films, lists, owned copies and their loans, poster images.
    this.version(2)
      .stores({
        films: 'id, sortTitle, year, rating, createdAt, *tags',
        posters: 'id, filmId',
        lists: 'id, name',
        listEntries: 'id, listId, filmId, [listId+position]',
        copies: 'id, filmId',
        loans: 'id, copyId, filmId',
      })
      .upgrade(upgradeToV2);
    // v3: bringing history in — films carry external ids and title match keys (both indexed, for matching imported
    // films), what an import created carries its importId (indexed, for Undo import), and each import is recorded.
    this.version(3)
      .stores({
        films: 'id, sortTitle, year, rating, createdAt, *tags, *titleKeys, *externalIds, importId',
        viewings: 'id, filmId, watchedOn, importId',
        notes: 'id, filmId, createdAt, importId',
        posters: 'id, filmId, importId',
        lists: 'id, name, importId',
        listEntries: 'id, listId, filmId, [listId+position], importId',
        copies: 'id, filmId, importId',
        loans: 'id, copyId, filmId, importId',
        imports: 'id, importedAt',
      })
      .upgrade(upgradeToV3);
    // v4: the Library lists, sorts and filters from a compact projection of each film, kept in step with films by
    // the film-summaries middleware in the same transaction as every film write.
    this.version(4)
      .stores({ filmSummaries: 'id, sortTitle, year, rating, createdAt, *tags' })
      .upgrade(upgradeToV4);
    // v5: summaries carry the facets the Library filters by — from viewings, list entries, copies and loans, kept in
    // step by the same middleware — with indexes for the new sorts; smart lists are saved Library views.
    this.version(5)
      .stores({
        filmSummaries: 'id, sortTitle, year, rating, createdAt, runtimeMinutes, lastWatched, *tags',
        smartLists: 'id, name',
      })
      .upgrade(upgradeToV5);
    // v6: each film's actor names in a projection of their own (domain/film-summary FilmCast), kept in step by the
    // same middleware, so statistics count actors without reading whole film records.
    this.version(6).stores({ filmCast: 'id' }).upgrade(upgradeToV6);
    // v7: what sync between devices needs — list entries ordered by fractional ranks (a move rewrites one entry) with
    // updatedAt, loans with updatedAt, films with each field's change time (written from now on, no upgrade needed),
    // and tombstones of deleted records, kept by the tombstones middleware.
    this.version(7)
      .stores({ listEntries: 'id, listId, filmId, [listId+rank], importId', deletions: 'id, deletedAt' })
      .upgrade(upgradeToV7);
    this.use(filmSummariesMiddleware);
    this.use(tombstonesMiddleware);
    // Runs once, when the database is created: a catalog whose Red Hot was deleted stays without it.
    this.on('populate', (tx) => seedCatalog(tx, new Date()));
  }
}
