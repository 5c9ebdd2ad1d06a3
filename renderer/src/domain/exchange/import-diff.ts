/**
 * Comparing an ImportPlan with the catalog: which planned film is which catalog film (external ids first, then
 * title + year), and what the import would add or change. Pure, so the preview and the write are the same
 * computation: db/imports runs it once read-only for the preview, and again inside the writing transaction.
 * Applying the same export twice changes nothing, because everything it would add the second time is found
 * already there: viewings by film + date + rating, notes by film + text, list entries by list + film, copies by
 * film + format, tags and ids by value, and fields are only filled where the catalog has nothing.
 */
import { parseNoteBody, type Annotation } from '../annotation';
import type { Copy, Loan } from '../copy';
import { derivedFilmKeys, filmDisplayTitle, newFilmRecord, type Film } from '../film';
import { lastUsableRank, parseListName, ranksForNewEntries, type FilmList, type ListEntry } from '../list';
import type { HalfStars } from '../rating';
import { MAX_TAGS_PER_FILM, withTag } from '../tags';
import { foldText } from '../text-fold';
import type { Viewing } from '../viewing';
import { FilmMatcher } from './film-matcher';
import type { ImportPlan, SkippedRecord } from './import-plan';
import type { FilmChange, ImportChangeableFilmField, ImportCounts } from './import-record';

/** The catalog records an import can touch, read by db/imports from its indexes. */
export interface CatalogSlice {
  /** Every film sharing an external id or a title key with a planned film. */
  films: Film[];
  /** The viewings, notes and copies of those films. */
  viewings: Viewing[];
  notes: Annotation[];
  copies: Copy[];
  /** Every list (a catalog has tens), and the entries of those whose names the plan uses. */
  lists: FilmList[];
  listEntries: ListEntry[];
}

/** When an export rates a film differently from the catalog: keep the catalog's rating, or take the export's. */
export type RatingChoice = 'keep' | 'replace';

export interface DiffOptions {
  ratingChoice: RatingChoice;
  importId: string;
  now: Date;
  newId: () => string;
}

/** What became of one planned film. */
export interface FilmMatch {
  ref: string;
  filmId: string;
  /** As the catalog names it (a matched film) or as the export does (a new one). */
  title: string;
  status: 'new' | 'unchanged' | 'updated';
  /** What the import changes on a matched film, as a person reads it ("rating", "watchlist", "2 tags"). */
  changes: string[];
  /** The two ratings, when they differ. */
  conflict: { catalog: HalfStars; imported: HalfStars } | null;
}

export interface ImportDiff {
  matches: FilmMatch[];
  newFilms: Film[];
  filmChanges: FilmChange[];
  viewings: Viewing[];
  notes: Annotation[];
  lists: FilmList[];
  listEntries: ListEntry[];
  /** Existing lists that gain entries. */
  extendedListIds: string[];
  copies: Copy[];
  loans: Loan[];
  /** Posters to store: the image at `path` in the plan becomes poster `posterId` of the film. */
  posters: { posterId: string; filmId: string; path: string }[];
  counts: ImportCounts;
  /** The plan's skipped records, and any the comparison added (a note too long to keep, …). */
  skipped: SkippedRecord[];
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields the import fills on a matched film only where the catalog has nothing. */
const fillableFields = ['originalTitle', 'year', 'directors', 'cast', 'genres', 'runtimeMinutes', 'country', 'language', 'overview'] as const;
/** How a changed field is named in the preview; the derived keys are not named. */
const changeLabels: Partial<Record<ImportChangeableFilmField, string>> = {
  rating: 'rating', watchlist: 'watchlist', favourite: 'favourite', tags: 'tags', externalIds: 'link', poster: 'poster',
  ...Object.fromEntries(fillableFields.map((field) => [field, 'details'])),
};
const isEmptyValue = (value: unknown) => value === null || (Array.isArray(value) && value.length === 0);

export function diffImport(plan: ImportPlan, slice: CatalogSlice, options: DiffOptions): ImportDiff {
  const { importId, now, newId } = options;
  const timestamp = now.toISOString();
  // The matcher holds working copies, which this import's changes update in place: a year or an id filled in by
  // one planned film decides what the next one matches, exactly as it will on the next import.
  const matcher = new FilmMatcher(slice.films.map((film) => ({ ...film })));
  const createdIds = new Set<string>();
  const skipped: SkippedRecord[] = [...plan.skipped];
  const refToFilmId = new Map<string, string>();
  const matches: FilmMatch[] = [];
  const newFilms: Film[] = [];
  const changesByFilm = new Map<string, { film: Film; change: FilmChange }>();
  const posters: ImportDiff['posters'] = [];
  let tagsAdded = 0;

  for (const planned of plan.films) {
    const existing = matcher.match(planned);
    const posterPath = planned.posterPath !== undefined && plan.images[planned.posterPath] ? planned.posterPath : undefined;
    if (!existing) {
      const id = newId();
      const posterId = posterPath === undefined ? null : newId();
      const film = newFilmRecord(
        planned.fields,
        {
          rating: planned.rating ?? null,
          watchlist: planned.watchlist ?? false,
          favourite: planned.favourite ?? false,
          tags: planned.tags.reduce<string[]>((tags, tag) => (tags.length < MAX_TAGS_PER_FILM ? withTag(tags, tag) : tags), []),
          externalIds: [...new Set(planned.externalIds)],
          poster: posterId === null ? null : { kind: 'image', posterId },
          importId,
        },
        id,
        // A millisecond apart, in the export's order: "date added" keeps that order, and of two same-titled films
        // the one created first stays the one matched first, on this import and the next.
        new Date(now.getTime() + newFilms.length),
      );
      if (posterId !== null && posterPath !== undefined) posters.push({ posterId, filmId: id, path: posterPath });
      newFilms.push(film);
      createdIds.add(id);
      tagsAdded += film.tags.length;
      matcher.add(film);
      refToFilmId.set(planned.ref, id);
      matches.push({ ref: planned.ref, filmId: id, title: filmDisplayTitle(film), status: 'new', changes: [], conflict: null });
      continue;
    }
    refToFilmId.set(planned.ref, existing.id);
    // A film this import creates takes a second planned film's details into the new record; an existing film's
    // changes are recorded field by field, for Undo import.
    const created = createdIds.has(existing.id);
    const entry = changesByFilm.get(existing.id) ?? { film: existing, change: { filmId: existing.id, before: {}, after: {} } };
    if (!created) changesByFilm.set(existing.id, entry);
    const set = <F extends ImportChangeableFilmField>(field: F, value: Film[F]) => {
      if (sameValue(entry.film[field], value)) return;
      if (!(field in entry.change.before)) (entry.change.before as Record<string, unknown>)[field] = entry.film[field];
      (entry.change.after as Record<string, unknown>)[field] = value;
      entry.film[field] = value;
    };

    let conflict: FilmMatch['conflict'] = null;
    if (planned.rating !== undefined && planned.rating !== null && planned.rating !== entry.film.rating) {
      if (entry.film.rating === null) set('rating', planned.rating);
      else {
        conflict = { catalog: entry.film.rating, imported: planned.rating };
        if (options.ratingChoice === 'replace') set('rating', planned.rating);
      }
    }
    if (planned.watchlist === true) set('watchlist', true);
    if (planned.favourite === true) set('favourite', true);
    const tags = planned.tags.reduce((all, tag) => (all.length < MAX_TAGS_PER_FILM ? withTag(all, tag) : all), entry.film.tags);
    if (tags.length > entry.film.tags.length) {
      tagsAdded += tags.length - entry.film.tags.length;
      set('tags', tags);
    }
    const ids = [...new Set([...entry.film.externalIds, ...planned.externalIds])];
    if (ids.length > entry.film.externalIds.length) {
      set('externalIds', ids);
      matcher.addIds(existing, ids);
    }
    for (const field of fillableFields) {
      if (isEmptyValue(entry.film[field]) && !isEmptyValue(planned.fields[field])) set(field, planned.fields[field] as never);
    }
    set('titleKeys', derivedFilmKeys(entry.film).titleKeys);
    matcher.addTitleKeys(existing);
    if (posterPath !== undefined && entry.film.poster === null) {
      const posterId = newId();
      set('poster', { kind: 'image', posterId });
      posters.push({ posterId, filmId: existing.id, path: posterPath });
    }
    if (!created) matches.push({ ref: planned.ref, filmId: existing.id, title: filmDisplayTitle(existing), status: 'unchanged', changes: [], conflict });
  }

  const filmChanges: FilmChange[] = [];
  for (const { change } of changesByFilm.values()) {
    // Two planned films can meet in one catalog film and undo each other's change (rating 2, then back to 1).
    for (const field of Object.keys(change.after) as ImportChangeableFilmField[]) {
      if (sameValue(change.before[field], change.after[field])) {
        delete change.before[field];
        delete change.after[field];
      }
    }
    if (Object.keys(change.after).length === 0) continue;
    filmChanges.push(change);
    const labels = [...new Set(Object.keys(change.after).flatMap((field) => changeLabels[field as ImportChangeableFilmField] ?? []))];
    for (const match of matches) {
      if (match.filmId === change.filmId && match.status === 'unchanged') {
        match.status = 'updated';
        match.changes = labels;
      }
    }
  }

  const filmIdOf = (ref: string) => refToFilmId.get(ref);
  let order = 0;
  const stamp = () => new Date(now.getTime() + order++).toISOString();

  // Viewings: an existing viewing on the same date with the same rating is the same viewing (each counted once).
  const viewingsByFilm = new Map<string, string[]>();
  for (const viewing of slice.viewings) viewingsByFilm.set(viewing.filmId, [...(viewingsByFilm.get(viewing.filmId) ?? []), `${viewing.watchedOn}|${viewing.rating}`]);
  const viewings: Viewing[] = [];
  for (const planned of plan.viewings) {
    const filmId = filmIdOf(planned.filmRef);
    if (filmId === undefined) continue;
    const known = viewingsByFilm.get(filmId) ?? [];
    // An undated viewing only says "seen": any viewing of the film already says that.
    if (planned.watchedOn === null && known.length > 0) continue;
    const key = `${planned.watchedOn}|${planned.rating}`;
    const index = known.indexOf(key);
    if (index !== -1) {
      known.splice(index, 1);
      continue;
    }
    const createdAt = stamp();
    viewings.push({
      id: newId(), filmId, watchedOn: planned.watchedOn, rewatch: planned.rewatch, rating: planned.rating, medium: planned.medium ?? null,
      note: planned.note ?? '', createdAt, updatedAt: createdAt, importId,
    });
    // Consumed at once: a second identical row in the same export is a second viewing, not this one again.
    viewingsByFilm.set(filmId, known);
  }

  const noteKey = (filmId: string, body: string) => `${filmId}\n${body.trim()}`;
  const knownNotes = new Set(slice.notes.map((note) => noteKey(note.filmId, note.body)));
  const notes: Annotation[] = [];
  for (const planned of plan.notes) {
    const filmId = filmIdOf(planned.filmRef);
    if (filmId === undefined) continue;
    const body = parseNoteBody(planned.body);
    if (!body.ok) {
      skipped.push({ origin: planned.origin, title: null, reason: body.error });
      continue;
    }
    if (knownNotes.has(noteKey(filmId, body.body))) continue;
    knownNotes.add(noteKey(filmId, body.body));
    const createdAt = planned.writtenOn === null ? stamp() : `${planned.writtenOn.padEnd(10, '-01').slice(0, 10)}T12:00:00.000Z`;
    notes.push({ id: newId(), filmId, body: body.body, createdAt, updatedAt: createdAt, importId });
  }

  const listsByName = new Map(slice.lists.map((list) => [foldText(list.name.trim()), list]));
  const lists: FilmList[] = [];
  const listEntries: ListEntry[] = [];
  const extendedListIds: string[] = [];
  for (const planned of plan.lists) {
    const name = parseListName(planned.name);
    if (!name.ok) {
      skipped.push({ origin: planned.origin, title: planned.name.slice(0, 80), reason: name.error });
      continue;
    }
    let list = listsByName.get(foldText(name.text));
    const existingEntries = list ? slice.listEntries.filter((entry) => entry.listId === list?.id) : [];
    if (!list) {
      list = { id: newId(), name: name.text, description: planned.description.trim().slice(0, 2_000), ranked: planned.ranked, createdAt: timestamp, updatedAt: timestamp, importId };
      lists.push(list);
      listsByName.set(foldText(name.text), list);
    }
    const listId = list.id;
    const already = [...existingEntries, ...listEntries.filter((entry) => entry.listId === listId)];
    const inList = new Set(already.map((entry) => entry.filmId));
    const adding: { filmId: string; note: string }[] = [];
    for (const planEntry of planned.entries) {
      const filmId = filmIdOf(planEntry.filmRef);
      if (filmId === undefined || inList.has(filmId)) continue;
      inList.add(filmId);
      adding.push({ filmId, note: planEntry.note.trim().slice(0, 2_000) });
    }
    // In the file's order, after whatever the list already ends with.
    const ranks = ranksForNewEntries(lastUsableRank(already.map((entry) => entry.rank)), adding.length);
    adding.forEach(({ filmId, note }, index) => {
      listEntries.push({ id: newId(), listId, filmId, rank: ranks[index]!, note, addedAt: timestamp, updatedAt: timestamp, importId });
    });
    if (adding.length > 0 && !lists.includes(list) && !extendedListIds.includes(listId)) extendedListIds.push(listId);
  }

  const copyKey = (filmId: string, format: string) => `${filmId}|${format}`;
  const knownCopies = new Set(slice.copies.map((copy) => copyKey(copy.filmId, copy.format)));
  const copies: Copy[] = [];
  const loans: Loan[] = [];
  for (const planned of plan.copies) {
    const filmId = filmIdOf(planned.filmRef);
    if (filmId === undefined || knownCopies.has(copyKey(filmId, planned.format))) continue;
    knownCopies.add(copyKey(filmId, planned.format));
    const copy: Copy = {
      id: newId(), filmId, format: planned.format, edition: '', region: '', barcode: '', location: '', condition: '',
      purchasedOn: null, price: null, ...planned.details, createdAt: timestamp, updatedAt: timestamp, importId,
    };
    copies.push(copy);
    if (planned.loan) loans.push({ id: newId(), copyId: copy.id, filmId, ...planned.loan, returnedOn: null, updatedAt: timestamp, importId });
  }

  return {
    matches, newFilms, filmChanges, viewings, notes, lists, listEntries, extendedListIds, copies, loans, posters, skipped,
    counts: {
      filmsAdded: newFilms.length,
      filmsUpdated: filmChanges.length,
      viewings: viewings.length,
      notes: notes.length,
      lists: lists.length,
      listEntries: listEntries.length,
      tags: tagsAdded,
      copies: copies.length,
      posters: posters.length,
    },
  };
}
