/**
 * Keeps the filmSummaries table (domain/film-summary) in step with everything a summary is made of — the film, and
 * the viewings, list entries, copies and loans that give it its facets — in the same transaction as every write to
 * those tables, whoever makes it (forms, ratings, imports, undo, restores). It sits in Dexie's DBCore stack: a
 * read-write transaction over any of them is widened to include filmSummaries (and what recomputing a facet reads),
 * and each mutation is followed by the matching summaries write. So no write path can forget it, and a failed write
 * rolls both back together. The films' cast projection (filmCast, for statistics) follows film writes the same way.
 */
import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreRangeType,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { Film } from '../domain/film';
import { FACET_TABLES, facetsByFilm, groupByFilm, isFacetTable, sourceOf, type FacetRecord, type FacetRecords, type FacetSource, type FacetTable } from '../domain/film-facets';
import { distinct, facetsOf, filmCast, filmSummary, noFacets, type FilmFacets, type FilmSummary } from '../domain/film-summary';
import { anyRange, followOrAbort, isUpgrade, storedValues, throwIfRefused } from './dbcore';

const FILMS = 'films';
export const SUMMARIES = 'filmSummaries';
export const CAST = 'filmCast';

const equalRange = (key: string): DBCoreKeyRange => ({ type: 1 as DBCoreRangeType, lower: key, upper: key });

/** From this many films on, a table no bigger than a few records per film is read whole rather than film by film. */
const MANY_FILMS = 16;
const RECORDS_PER_FILM_READ_WHOLE = 4;

/**
 * The records of these films, through the table's filmId index: one equality read per film, all asked at once, so
 * IndexedDB answers them in one round (a cursor hopping from key to key waits for each answer in turn, and was 100×
 * slower). For many films at once (a chunk of an import, a restore) a small or empty table is read whole instead:
 * one count and at most one read, where reading film by film would ask once per film and mostly find nothing.
 */
async function recordsOfFilms(table: DBCoreTable, trans: DBCoreTransaction, filmIds: readonly string[]): Promise<FacetRecord[]> {
  const index = table.schema.getIndexByKeyPath('filmId');
  if (!index) throw new Error(`${table.name} has no filmId index to recompute film summaries from`);
  const wanted = distinct(filmIds);
  if (wanted.length >= MANY_FILMS) {
    const whole = { index: table.schema.primaryKey, range: anyRange };
    const total = await table.count({ trans, query: whole });
    if (total === 0) return [];
    if (total <= wanted.length * RECORDS_PER_FILM_READ_WHOLE) {
      const ids = new Set(wanted);
      const { result } = await table.query({ trans, values: true, query: whole });
      return (result as FacetRecord[]).filter((record) => ids.has(record.filmId));
    }
  }
  const reads = await Promise.all(wanted.map((filmId) => table.query({ trans, values: true, query: { index, range: equalRange(filmId) } })));
  return reads.flatMap((read) => read.result as FacetRecord[]);
}

/** The facets of films whose summaries are not there to carry them (a new film, or one put back by undo). */
async function facetsFromTables(down: DBCore, trans: DBCoreTransaction, filmIds: readonly string[]): Promise<Map<string, FilmFacets>> {
  const reads = await Promise.all(FACET_TABLES.map((table) => recordsOfFilms(down.table(table), trans, filmIds)));
  return facetsByFilm(Object.fromEntries(FACET_TABLES.map((table, index) => [table, reads[index]])) as unknown as FacetRecords);
}

const differs = (summary: FilmSummary, patch: Partial<FilmFacets>) =>
  Object.entries(patch).some(([key, value]) => JSON.stringify(summary[key as keyof FilmFacets]) !== JSON.stringify(value));

/**
 * The summaries of one transaction, remembered once read or written: a write in chunks (an import's viewings, 500
 * at a time) reads each film's summary once rather than once a chunk. Summaries are written only here in the
 * transactions this middleware follows; a write to them from anywhere else forgets what was remembered.
 */
class TransactionSummaries {
  private readonly known = new Map<string, FilmSummary | undefined>();
  /** Every summary there is, is in `known` (the table was emptied, or read whole, in this transaction). */
  private complete = false;

  constructor(
    private readonly table: DBCoreTable,
    private readonly trans: DBCoreTransaction,
  ) {}

  async get(ids: readonly string[]): Promise<(FilmSummary | undefined)[]> {
    const unknown = this.complete ? [] : distinct(ids.filter((id) => !this.known.has(id)));
    if (unknown.length > 0) {
      const read = (await this.table.getMany({ trans: this.trans, keys: unknown })) as (FilmSummary | undefined)[];
      unknown.forEach((id, index) => this.known.set(id, read[index]));
    }
    return ids.map((id) => this.known.get(id));
  }

  async all(): Promise<FilmSummary[]> {
    const { result } = await this.table.query({ trans: this.trans, values: true, query: { index: this.table.schema.primaryKey, range: anyRange } });
    this.known.clear();
    for (const summary of result as FilmSummary[]) this.known.set(summary.id, summary);
    this.complete = true;
    return result as FilmSummary[];
  }

  async put(values: FilmSummary[]): Promise<void> {
    if (values.length === 0) return;
    throwIfRefused(await this.table.mutate({ type: 'put', trans: this.trans, values }));
    for (const summary of values) this.known.set(summary.id, summary);
  }

  async delete(ids: string[]): Promise<void> {
    throwIfRefused(await this.table.mutate({ type: 'delete', trans: this.trans, keys: ids }));
    for (const id of ids) this.known.set(id, undefined);
  }

  async deleteRange(range: DBCoreKeyRange): Promise<void> {
    await this.table.mutate({ type: 'deleteRange', trans: this.trans, range });
    this.known.clear();
    // Cleared whole (a restore, Delete everything): a film stored next has no summary, and nothing need be read.
    this.complete = range.type === anyRange.type;
  }
}

const transactionSummaries = new WeakMap<DBCoreTransaction, TransactionSummaries>();
function summariesIn(down: DBCore, trans: DBCoreTransaction): TransactionSummaries {
  let summaries = transactionSummaries.get(trans);
  if (!summaries) transactionSummaries.set(trans, (summaries = new TransactionSummaries(down.table(SUMMARIES), trans)));
  return summaries;
}

/**
 * Whether a films write can have changed a cast: yes, unless it is an update (Table.update, modify) whose change
 * names no cast path — a rating, a flag, a tag — which then need not rewrite the cast projection.
 */
function mayChangeCast(request: DBCoreMutateRequest): boolean {
  if (request.type !== 'put') return true;
  const specs = request.updates?.changeSpecs ?? (request.changeSpec ? [request.changeSpec] : null);
  if (specs === null) return true;
  return specs.some((spec) => Object.keys(spec).some((path) => path === 'cast' || path.startsWith('cast.')));
}

/** After a films write: a film's summary keeps the facets it had, or gets them from the tables when it had none. */
async function followFilms(down: DBCore, request: DBCoreMutateRequest, result: DBCoreMutateResponse): Promise<void> {
  const { trans } = request;
  const summaries = summariesIn(down, trans);
  const cast = down.table(CAST);
  if (request.type === 'delete') {
    await summaries.delete(request.keys as string[]);
    throwIfRefused(await cast.mutate({ type: 'delete', trans, keys: request.keys }));
  } else if (request.type === 'deleteRange') {
    await summaries.deleteRange(request.range);
    await cast.mutate({ type: 'deleteRange', trans, range: request.range });
  } else {
    const films = storedValues(request.values as Film[], result);
    if (films.length === 0) return;
    if (mayChangeCast(request)) throwIfRefused(await cast.mutate({ type: 'put', trans, values: films.map(filmCast) }));
    const existing = await summaries.get(films.map((film) => film.id));
    const without = films.filter((_, index) => existing[index] === undefined).map((film) => film.id);
    const computed = without.length === 0 ? new Map<string, FilmFacets>() : await facetsFromTables(down, trans, without);
    await summaries.put(
      films.map((film, index) => {
        const summary = existing[index];
        return filmSummary(film, summary ? facetsOf(summary) : (computed.get(film.id) ?? noFacets));
      }),
    );
  }
}

/** Which films' facets a write to a facet table changed: re-read from the table, or known from what was added. */
interface FacetChange {
  recompute: Set<string>;
  added: Map<string, FacetRecord[]>;
}

function facetChange(
  source: FacetSource<FacetRecord>,
  request: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>,
  keys: readonly unknown[],
  before: readonly (FacetRecord | undefined)[],
  result: DBCoreMutateResponse,
): FacetChange {
  const change: FacetChange = { recompute: new Set(), added: new Map() };
  if (request.type === 'delete') {
    for (const old of before) if (old) change.recompute.add(old.filmId);
    return change;
  }
  // A key written twice in one request was not new the second time: only re-reading counts it right.
  const seen = new Set<unknown>();
  const repeated = new Set<unknown>();
  for (const key of keys) (seen.has(key) ? repeated : seen).add(key);
  (request.values as FacetRecord[]).forEach((value, index) => {
    if (result.failures[index] !== undefined) return;
    const old = before[index];
    if (old === undefined && !repeated.has(keys[index])) {
      const added = change.added.get(value.filmId);
      if (added) added.push(value);
      else change.added.set(value.filmId, [value]);
    } else if (old === undefined) {
      change.recompute.add(value.filmId);
    } else if (old.filmId !== value.filmId || source.feeds(old) !== source.feeds(value)) {
      change.recompute.add(old.filmId);
      change.recompute.add(value.filmId);
    }
  });
  return change;
}

/** After a write to a facet table: the facet it feeds, on the summaries of the films it touched. */
async function followFacetTable(down: DBCore, table: FacetTable, trans: DBCoreTransaction, change: FacetChange): Promise<void> {
  const filmIds = [...new Set([...change.recompute, ...change.added.keys()])];
  if (filmIds.length === 0) return;
  const source = sourceOf(table);
  const summaries = summariesIn(down, trans);
  const current = await summaries.get(filmIds);
  // No summary: the film is gone (deleted in this transaction), or not stored yet (storing it computes its facets).
  const reread = filmIds.filter((filmId, index) => current[index] !== undefined && change.recompute.has(filmId));
  const records = groupByFilm(reread.length === 0 ? [] : await recordsOfFilms(down.table(table), trans, reread));
  const values = filmIds.flatMap((filmId, index) => {
    const summary = current[index];
    if (!summary) return [];
    const patch = change.recompute.has(filmId)
      ? source.from(records.get(filmId) ?? [])
      : source.plus(facetsOf(summary), change.added.get(filmId) ?? []);
    return differs(summary, patch) ? [{ ...summary, ...patch }] : [];
  });
  await summaries.put(values);
}

/** After a range of a facet table is deleted (a restore clearing it): that facet on every summary, from scratch. */
async function refreshFacet(down: DBCore, table: FacetTable, trans: DBCoreTransaction): Promise<void> {
  const records = down.table(table);
  const [current, left] = await Promise.all([
    summariesIn(down, trans).all(),
    records.query({ trans, values: true, query: { index: records.schema.primaryKey, range: anyRange } }),
  ]);
  const grouped = groupByFilm(left.result as FacetRecord[]);
  const source = sourceOf(table);
  const values = current.flatMap((summary) => {
    const patch = source.from(grouped.get(summary.id) ?? []);
    return differs(summary, patch) ? [{ ...summary, ...patch }] : [];
  });
  await summariesIn(down, trans).put(values);
}

/**
 * One mutation (with its summaries update) at a time per transaction: each reads summaries and writes them back, so
 * two at once (deleteFilm's Promise.all over tables) would each write over the other's facets.
 */
const turns = new WeakMap<DBCoreTransaction, Promise<unknown>>();
function inTurn<T>(trans: DBCoreTransaction, work: () => Promise<T>): Promise<T> {
  const turn = (turns.get(trans) ?? Promise.resolve()).then(work);
  turns.set(trans, turn.catch(() => undefined));
  return turn;
}

function filmsTable(down: DBCore, table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (request) =>
      isUpgrade(request.trans)
        ? table.mutate(request)
        : inTurn(request.trans, async () => {
            const result = await table.mutate(request);
            await followOrAbort(request.trans, () => followFilms(down, request, result));
            return result;
          }),
  };
}

function facetTable(down: DBCore, name: FacetTable, table: DBCoreTable): DBCoreTable {
  const keyOf = table.schema.primaryKey.extractKey ?? (() => undefined);
  return {
    ...table,
    mutate: (request) =>
      isUpgrade(request.trans)
        ? table.mutate(request)
        : inTurn(request.trans, async () => {
            const { trans } = request;
            if (request.type === 'deleteRange') {
              const result = await table.mutate(request);
              await followOrAbort(trans, () => refreshFacet(down, name, trans));
              return result;
            }
            const keys = request.type === 'delete' ? request.keys : (request.keys ?? request.values.map(keyOf));
            // Read before writing: a delete or a put can take a record away from the film it pointed at. An add
            // replaces nothing (it fails on a key already there).
            const before = request.type === 'add' ? [] : ((await table.getMany({ trans, keys })) as (FacetRecord | undefined)[]);
            const result = await table.mutate(request);
            const change = facetChange(sourceOf(name), request, keys, before, result);
            await followOrAbort(trans, () => followFacetTable(down, name, trans, change));
            return result;
          }),
  };
}

/** The stores a read-write transaction needs besides those asked for, so summaries can follow its writes. */
function widened(stores: string[]): string[] {
  const needed = new Set(stores);
  // A film stored without a summary (new, or put back) gets its facets from the tables that point at it.
  if (needed.has(FILMS)) for (const table of [SUMMARIES, CAST, ...FACET_TABLES]) needed.add(table);
  if (FACET_TABLES.some((table) => needed.has(table))) needed.add(SUMMARIES);
  return needed.size === stores.length ? stores : [...needed];
}

export const filmSummariesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'film-summaries',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) => down.transaction(mode === 'readwrite' ? widened(stores) : stores, mode, options),
    table(name) {
      const table = down.table(name);
      if (name === FILMS) return filmsTable(down, table);
      if (isFacetTable(name)) return facetTable(down, name, table);
      if (name !== SUMMARIES) return table;
      return {
        ...table,
        mutate(request) {
          // Written from outside this middleware: what it remembers of this transaction's summaries may be stale.
          transactionSummaries.delete(request.trans);
          return table.mutate(request);
        },
      };
    },
  }),
};
