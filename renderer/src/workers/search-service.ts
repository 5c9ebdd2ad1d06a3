/**
 * The search worker's work, as a plain module that tests run in Node (fake-indexeddb, no Worker): build the index
 * from the catalog in pages (never every film record in memory at once), keep it in step with the writes the
 * client reports, and answer the newest query. search.worker.ts only wires it to the worker's messages.
 */
import type { Annotation } from '../domain/annotation';
import type { Film } from '../domain/film';
import { SearchIndex, type SearchableFilm } from '../domain/search-index';
import type { Viewing } from '../domain/viewing';
import type { CinefileDb } from '../db/schema';
import type { CatalogChanges, SearchRequest, SearchResponse } from './search-protocol';

/** Records read per transaction while building: small enough to keep memory flat, large enough to be quick. */
export const PAGE_SIZE = 2000;

export type PostSearchResponse = (message: SearchResponse, transfer: Transferable[]) => void;

export interface SearchService {
  receive(request: SearchRequest): void;
}

/** The tables the service reads. */
export type SearchCatalog = Pick<CinefileDb, 'films' | 'notes' | 'viewings' | 'transaction'>;

interface PendingChanges {
  all: boolean;
  films: Set<string>;
  notes: Set<string>;
  viewings: Set<string>;
}

/** Where a build's time went: waiting for IndexedDB, and indexing what it read. */
interface BuildTiming {
  readMs: number;
  indexMs: number;
}

const noChanges = (): PendingChanges => ({ all: false, films: new Set(), notes: new Set(), viewings: new Set() });
const hasChanges = (changes: PendingChanges) => changes.all || changes.films.size + changes.notes.size + changes.viewings.size > 0;

function searchable(film: Film, notes: string[]): SearchableFilm {
  return { title: film.title, originalTitle: film.originalTitle, directors: film.directors, cast: film.cast, tags: film.tags, notes };
}

/** A viewing's note counts for search when it says something. */
const hasNote = (viewing: Viewing) => viewing.note.trim() !== '';

/** What paging by primary key needs of a Dexie table. */
interface PagedTable<T> {
  orderBy(index: ':id'): { limit(count: number): { toArray(): Promise<T[]> } };
  where(index: ':id'): { above(key: string): { limit(count: number): { toArray(): Promise<T[]> } } };
}

/** Visits a table's records in pages by primary key, one read transaction each. */
async function eachPage<T extends { id: string }>(
  table: PagedTable<T>,
  pageSize: number,
  visit: (page: T[]) => void,
  timing: BuildTiming,
): Promise<void> {
  let last: string | undefined;
  for (;;) {
    const asked = performance.now();
    const page = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(pageSize).toArray();
    const read = performance.now();
    timing.readMs += read - asked;
    if (page.length > 0) visit(page);
    timing.indexMs += performance.now() - read;
    if (page.length < pageSize) return;
    last = (page.at(-1) as T).id;
  }
}

/**
 * The search service over `db`, answering through `post`. It does nothing until 'start'; then it builds the index
 * (posting 'films' page by page, then 'ready'), takes in 'changed' records (then posts 'changed'), and answers the
 * newest 'query' once ready. See search-protocol.ts and docs/search.md.
 */
export function createSearchService(db: SearchCatalog, post: PostSearchResponse, options: { pageSize?: number } = {}): SearchService {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const index = new SearchIndex();
  /** Which film each note, and each viewing with a note, belongs to: a deleted one cannot be read to find out. */
  const noteFilm = new Map<string, string>();
  const viewingFilm = new Map<string, string>();
  let started = false;
  let ready = false;
  let failed = false;
  let updating = false;
  let pending = noChanges();
  let query: { seq: number; text: string } | null = null;
  let answerScheduled = false;

  /** Tells the client what the touched film numbers stand for now (before any results that use them). */
  const announce = (numbers: Iterable<number>) => {
    const list = [...new Set(numbers)];
    if (list.length > 0) post({ type: 'films', numbers: list, ids: list.map((number) => index.filmId(number) ?? null) }, []);
  };

  /** Sets or removes one film; returns the numbers whose film changed. */
  const put = (id: string, film: Film | undefined, notes: string[]): number[] => {
    const before = index.filmNumber(id);
    if (film) index.set(id, searchable(film, notes));
    else index.remove(id);
    const after = index.filmNumber(id);
    return before === after ? [] : [before, after].filter((number) => number !== undefined);
  };

  /** Reads the whole catalog into the index: notes first (they are small), then films page by page. */
  async function rebuild(timing: BuildTiming): Promise<void> {
    const notesOf = new Map<string, string[]>();
    const attach = (filmId: string, text: string) => {
      const notes = notesOf.get(filmId);
      if (notes) notes.push(text);
      else notesOf.set(filmId, [text]);
    };
    noteFilm.clear();
    viewingFilm.clear();
    await eachPage<Annotation>(db.notes, pageSize, (notes) => {
      for (const note of notes) {
        noteFilm.set(note.id, note.filmId);
        attach(note.filmId, note.body);
      }
    }, timing);
    await eachPage<Viewing>(db.viewings, pageSize, (viewings) => {
      for (const viewing of viewings.filter(hasNote)) {
        viewingFilm.set(viewing.id, viewing.filmId);
        attach(viewing.filmId, viewing.note);
      }
    }, timing);
    const seen = new Set<string>();
    await eachPage<Film>(db.films, pageSize, (films) => {
      const touched: number[] = [];
      for (const film of films) {
        seen.add(film.id);
        touched.push(...put(film.id, film, notesOf.get(film.id) ?? []));
      }
      announce(touched);
    }, timing);
    const gone = [...index.filmIds()].filter((id) => !seen.has(id));
    announce(gone.flatMap((id) => put(id, undefined, [])));
  }

  /** Re-reads the films a write touched (directly, or through their notes and viewings) and updates them. */
  async function apply(changes: PendingChanges): Promise<void> {
    const filmIds = new Set(changes.films);
    for (const id of changes.notes) if (noteFilm.has(id)) filmIds.add(noteFilm.get(id) as string);
    for (const id of changes.viewings) if (viewingFilm.has(id)) filmIds.add(viewingFilm.get(id) as string);
    const read = await db.transaction('r', [db.films, db.notes, db.viewings], async () => {
      const [notes, viewings] = await Promise.all([db.notes.bulkGet([...changes.notes]), db.viewings.bulkGet([...changes.viewings])]);
      for (const note of notes) if (note) filmIds.add(note.filmId);
      for (const viewing of viewings) if (viewing && hasNote(viewing)) filmIds.add(viewing.filmId);
      const ids = [...filmIds];
      const [films, filmNotes, filmViewings] = await Promise.all([
        db.films.bulkGet(ids),
        db.notes.where('filmId').anyOf(ids).toArray(),
        db.viewings.where('filmId').anyOf(ids).toArray(),
      ]);
      return { ids, films, filmNotes, filmViewings };
    });
    for (const id of changes.notes) noteFilm.delete(id);
    for (const id of changes.viewings) viewingFilm.delete(id);
    const notesOf = new Map<string, string[]>(read.ids.map((id) => [id, []]));
    for (const note of read.filmNotes) {
      noteFilm.set(note.id, note.filmId);
      notesOf.get(note.filmId)?.push(note.body);
    }
    for (const viewing of read.filmViewings.filter(hasNote)) {
      viewingFilm.set(viewing.id, viewing.filmId);
      notesOf.get(viewing.filmId)?.push(viewing.note);
    }
    announce(read.ids.flatMap((id, at) => put(id, read.films[at], notesOf.get(id) ?? [])));
  }

  /** Works through pending changes one batch at a time (a build counts as one), then answers the waiting query. */
  async function update(): Promise<void> {
    while (hasChanges(pending)) {
      const changes = pending;
      pending = noChanges();
      const start = performance.now();
      const timing: BuildTiming = { readMs: 0, indexMs: 0 };
      if (changes.all) await rebuild(timing);
      else await apply(changes);
      const flushed = performance.now();
      index.flush();
      timing.indexMs += performance.now() - flushed;
      if (ready) post({ type: 'changed' }, []);
      else {
        ready = true;
        const ms = (value: number) => Math.round(value);
        post({ type: 'ready', films: index.size, buildMs: ms(performance.now() - start), readMs: ms(timing.readMs), indexMs: ms(timing.indexMs) }, []);
      }
      scheduleAnswer();
    }
  }

  function startUpdating(): void {
    if (updating || failed || !started) return;
    updating = true;
    update()
      .catch((error: unknown) => {
        // Closed: another window deleted or upgraded the catalog, and the window says so and offers Reload; this
        // connection never re-opens (search.worker.ts), so searching stops here, quietly.
        const closed = error instanceof Error && error.name === 'DatabaseClosedError';
        if (ready && !closed) {
          // The index keeps answering from what it has; the next write brings its films up to date.
          console.error('The search index could not take in a change', error);
          return;
        }
        failed = true;
        post({ type: 'failed', message: `The catalog could not be read for searching (${error instanceof Error ? error.message : String(error)}).` }, []);
      })
      .finally(() => {
        updating = false;
        if (hasChanges(pending)) startUpdating();
      });
  }

  /** Answers the newest query on a later task, so that queries arriving meanwhile replace it unanswered. */
  function scheduleAnswer(): void {
    if (!ready || answerScheduled || query === null) return;
    answerScheduled = true;
    setTimeout(() => {
      answerScheduled = false;
      const asked = query;
      query = null;
      if (asked === null) return;
      const { numbers, ranks, words } = index.search(asked.text);
      post({ type: 'results', seq: asked.seq, query: asked.text, numbers, ranks, words }, [numbers.buffer, ranks.buffer]);
    });
  }

  const take = (changes: CatalogChanges) => {
    pending.all ||= changes.all;
    for (const id of changes.films) pending.films.add(id);
    for (const id of changes.notes) pending.notes.add(id);
    for (const id of changes.viewings) pending.viewings.add(id);
  };

  return {
    receive(request) {
      if (request.type === 'start') {
        if (started) return;
        started = true;
        pending.all = true;
        startUpdating();
      } else if (request.type === 'query') {
        query = { seq: request.seq, text: request.text };
        scheduleAnswer();
      } else {
        // Before the first build starts, changes are already covered by it.
        if (!started) return;
        take(request.changes);
        startUpdating();
      }
    },
  };
}
