/**
 * How a film's facets (domain/film-summary) follow from the records that point at it — viewings, list entries,
 * copies and loans — table by table: computed whole from one film's records, or moved on from the last facets when
 * records are only added (so a bulk import does not re-read what it just wrote). Pure: the database's middleware
 * (db/film-summaries) and the schema upgrade that fills summaries both use these rules.
 */
import { copyFormats, type Copy, type CopyFormat, type Loan } from './copy';
import { distinct, isLoanedOut, lastWatchedOf, noFacets, type FilmFacets } from './film-summary';
import type { ListEntry } from './list';
import type { Viewing } from './viewing';

/** The records that point at films, by table: what a summary's facets are computed from. */
export interface FacetRecords {
  viewings: readonly Viewing[];
  listEntries: readonly ListEntry[];
  copies: readonly Copy[];
  loans: readonly Loan[];
}
export type FacetTable = keyof FacetRecords;
export type FacetRecord = FacetRecords[FacetTable][number];

// Lists and formats in one fixed order, so a summary is the same whatever order its records came and went in.
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byShelfOrder = (a: CopyFormat, b: CopyFormat) => copyFormats.indexOf(a) - copyFormats.indexOf(b);

/** How one table feeds the facets of the films its records point at. */
export interface FacetSource<R> {
  /** The facets all of one film's records of this table give. */
  from(records: readonly R[]): Partial<FilmFacets>;
  /** The facets once `added` are stored too, for a film whose facets were right before (no re-reading). */
  plus(facets: FilmFacets, added: readonly R[]): Partial<FilmFacets>;
  /** The part of a record its facet depends on: a put that keeps it and the film changes no facet. */
  feeds(record: R): unknown;
}

const sources: { [T in FacetTable]: FacetSource<FacetRecords[T][number]> } = {
  viewings: {
    from: (viewings) => ({ lastWatched: lastWatchedOf(viewings), viewingCount: viewings.length }),
    plus: (facets, added) => ({
      lastWatched: lastWatchedOf([{ watchedOn: facets.lastWatched }, ...added]),
      viewingCount: facets.viewingCount + added.length,
    }),
    feeds: (viewing) => viewing.watchedOn,
  },
  listEntries: {
    from: (entries) => ({ listIds: distinct(entries.map((entry) => entry.listId)).sort(byCodeUnits) }),
    plus: (facets, added) => ({ listIds: distinct([...facets.listIds, ...added.map((entry) => entry.listId)]).sort(byCodeUnits) }),
    feeds: (entry) => entry.listId,
  },
  copies: {
    from: (copies) => ({ formats: distinct(copies.map((copy) => copy.format)).sort(byShelfOrder) }),
    plus: (facets, added) => ({ formats: distinct([...facets.formats, ...added.map((copy) => copy.format)]).sort(byShelfOrder) }),
    feeds: (copy) => copy.format,
  },
  loans: {
    from: (loans) => ({ loaned: isLoanedOut(loans) }),
    plus: (facets, added) => ({ loaned: facets.loaned || isLoanedOut(added) }),
    feeds: (loan) => loan.returnedOn === null,
  },
};
export const FACET_TABLES = Object.keys(sources) as FacetTable[];
export const isFacetTable = (name: string): name is FacetTable => (FACET_TABLES as string[]).includes(name);
export const sourceOf = (table: FacetTable) => sources[table] as unknown as FacetSource<FacetRecord>;

export function groupByFilm<R extends { filmId: string }>(records: readonly R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const record of records) {
    const group = groups.get(record.filmId);
    if (group) group.push(record);
    else groups.set(record.filmId, [record]);
  }
  return groups;
}

/** Each film's facets from the records that point at it (a film nothing points at is not in the map: noFacets). */
export function facetsByFilm(records: FacetRecords): Map<string, FilmFacets> {
  const facets = new Map<string, FilmFacets>();
  for (const table of FACET_TABLES) {
    for (const [filmId, own] of groupByFilm<FacetRecord>(records[table])) {
      facets.set(filmId, { ...(facets.get(filmId) ?? noFacets), ...sourceOf(table).from(own) });
    }
  }
  return facets;
}
