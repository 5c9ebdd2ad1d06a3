/**
 * Imports against the catalog: the preview (what a plan would change, read-only), the write (all of it in one
 * transaction, or nothing), Undo import, and the history of imports. The comparison itself is the pure
 * domain/exchange/import-diff; this file only reads what it needs through indexes and writes what it decided,
 * checking every record with its schema first.
 */
import { diffImport, type CatalogSlice, type ImportDiff, type RatingChoice } from '../domain/exchange/import-diff';
import type { ImportPlan } from '../domain/exchange/import-plan';
import type { FilmFieldValues, ImportRecord } from '../domain/exchange/import-record';
import { MissingRecordError } from '../domain/errors';
import { filmTitleKeys } from '../domain/film';
import { foldText } from '../domain/text-fold';
import type { PosterImage, PosterMimeType } from '../domain/poster';
import { addFilmRecords, changeFilms, deleteFilms } from './films';
import { db, newId } from './index';
import {
  annotationSchema,
  checkRecords,
  copySchema,
  filmSchema,
  listEntrySchema,
  listSchema,
  loanSchema,
  viewingSchema,
} from './record-schemas';

/** A cover image made ready for storing (decoded, with a thumbnail) before the writing transaction starts. */
export interface PreparedImportPoster {
  image: Blob;
  thumbnail: Blob;
  mimeType: PosterMimeType;
  width: number;
  height: number;
}

export interface ImportProgress {
  written: number;
  total: number;
}

export interface ApplyImportOptions {
  ratingChoice: RatingChoice;
  /** Cover images by plan path; a film whose cover is missing here gets no poster. */
  posters?: Record<string, PreparedImportPoster>;
  onProgress?: (progress: ImportProgress) => void;
  /** Aborting rolls the whole import back. */
  signal?: AbortSignal;
  now?: Date;
}

/** Records are written in chunks of this many, with progress and a cancel check between chunks. */
const CHUNK = 500;

const tablesOfImport = () =>
  [db.films, db.viewings, db.notes, db.lists, db.listEntries, db.copies, db.loans, db.posters, db.imports] as const;

/** The catalog records a plan can touch, read through the externalIds, titleKeys and filmId indexes. */
async function catalogSliceFor(plan: ImportPlan): Promise<CatalogSlice> {
  const externalIds = [...new Set(plan.films.flatMap((film) => film.externalIds))];
  const titleKeys = [...new Set(plan.films.flatMap((film) => filmTitleKeys(film.fields)))];
  const [byId, byTitle, lists] = await Promise.all([
    externalIds.length === 0 ? [] : db.films.where('externalIds').anyOf(externalIds).toArray(),
    titleKeys.length === 0 ? [] : db.films.where('titleKeys').anyOf(titleKeys).toArray(),
    db.lists.toArray(),
  ]);
  const films = [...new Map([...byId, ...byTitle].map((film) => [film.id, film])).values()];
  const filmIds = films.map((film) => film.id);
  const planListNames = new Set(plan.lists.map((list) => foldText(list.name.trim())));
  const listIds = lists.filter((list) => planListNames.has(foldText(list.name.trim()))).map((list) => list.id);
  const [viewings, notes, copies, listEntries] = await Promise.all([
    filmIds.length === 0 ? [] : db.viewings.where('filmId').anyOf(filmIds).toArray(),
    filmIds.length === 0 ? [] : db.notes.where('filmId').anyOf(filmIds).toArray(),
    filmIds.length === 0 ? [] : db.copies.where('filmId').anyOf(filmIds).toArray(),
    listIds.length === 0 ? [] : db.listEntries.where('listId').anyOf(listIds).toArray(),
  ]);
  return { films, viewings, notes, copies, lists, listEntries };
}

const diffOptions = (ratingChoice: RatingChoice, importId: string, now: Date) => ({ ratingChoice, importId, now, newId });

/** What the plan would add and change, without writing anything. */
export function previewImport(plan: ImportPlan, ratingChoice: RatingChoice = 'keep', now: Date = new Date()): Promise<ImportDiff> {
  return db.transaction('r', tablesOfImport(), async () => diffImport(plan, await catalogSliceFor(plan), diffOptions(ratingChoice, 'preview', now)));
}

function checkDiff(diff: ImportDiff, films: { id: string; title: string }[]): void {
  const titleOf = new Map(films.map((film) => [film.id, film.title]));
  const of = (filmId: string) => `“${titleOf.get(filmId) ?? 'a film'}”`;
  checkRecords(filmSchema, diff.newFilms, (film) => `The film “${film.title.slice(0, 80)}”`);
  checkRecords(viewingSchema, diff.viewings, (viewing) => `A viewing of ${of(viewing.filmId)}`);
  checkRecords(annotationSchema, diff.notes, (note) => `A note on ${of(note.filmId)}`);
  checkRecords(listSchema, diff.lists, (list) => `The list “${list.name.slice(0, 80)}”`);
  checkRecords(listEntrySchema, diff.listEntries, (entry) => `A list entry for ${of(entry.filmId)}`);
  checkRecords(copySchema, diff.copies, (copy) => `A copy of ${of(copy.filmId)}`);
  checkRecords(loanSchema, diff.loans, (loan) => `A loan of ${of(loan.filmId)}`);
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('Import cancelled', 'AbortError');
}

/**
 * Applies a plan in one transaction: every film, viewing, note, list, copy and poster it adds, and every change to
 * a matched film, or — on any failure or a cancel — none of them. Returns the import's record (for Undo import).
 */
export function applyImport(plan: ImportPlan, options: ApplyImportOptions): Promise<ImportRecord> {
  const now = options.now ?? new Date();
  const importId = newId();
  const posters = options.posters ?? {};
  // Only covers that were prepared take part; the rest stay listed as skipped by whoever prepared them.
  const usablePlan: ImportPlan = { ...plan, images: Object.fromEntries(Object.entries(plan.images).filter(([path]) => path in posters)) };
  return db.transaction('rw', tablesOfImport(), async () => {
    const slice = await catalogSliceFor(usablePlan);
    const diff = diffImport(usablePlan, slice, diffOptions(options.ratingChoice, importId, now));
    checkDiff(diff, [...slice.films, ...diff.newFilms]);
    const posterRecords: PosterImage[] = diff.posters.flatMap(({ posterId, filmId, path }) => {
      const poster = posters[path];
      return poster ? [{ id: posterId, filmId, ...poster, createdAt: now.toISOString(), importId }] : [];
    });
    const writes: (() => Promise<unknown>)[] = [];
    const total =
      diff.newFilms.length + diff.filmChanges.length + diff.viewings.length + diff.notes.length + diff.lists.length +
      diff.listEntries.length + diff.copies.length + diff.loans.length + posterRecords.length;
    let written = 0;
    const inChunks = <T>(records: T[], write: (chunk: T[]) => Promise<unknown>) => {
      for (let start = 0; start < records.length; start += CHUNK) {
        const chunk = records.slice(start, start + CHUNK);
        writes.push(async () => {
          throwIfAborted(options.signal);
          await write(chunk);
          written += chunk.length;
          options.onProgress?.({ written, total });
        });
      }
    };
    inChunks(diff.newFilms, (chunk) => addFilmRecords(chunk));
    inChunks(diff.filmChanges, (chunk) => changeFilms(chunk.map((change) => ({ id: change.filmId, changes: change.after })), now));
    inChunks(posterRecords, (chunk) => db.posters.bulkAdd(chunk));
    inChunks(diff.viewings, (chunk) => db.viewings.bulkAdd(chunk));
    inChunks(diff.notes, (chunk) => db.notes.bulkAdd(chunk));
    inChunks(diff.lists, (chunk) => db.lists.bulkAdd(chunk));
    inChunks(diff.listEntries, (chunk) => db.listEntries.bulkAdd(chunk));
    inChunks(diff.copies, (chunk) => db.copies.bulkAdd(chunk));
    inChunks(diff.loans, (chunk) => db.loans.bulkAdd(chunk));
    options.onProgress?.({ written: 0, total });
    for (const write of writes) await write();
    throwIfAborted(options.signal);
    if (diff.extendedListIds.length > 0) {
      await db.lists.bulkUpdate(diff.extendedListIds.map((id) => ({ key: id, changes: { updatedAt: now.toISOString() } })));
    }
    const record: ImportRecord = {
      id: importId,
      format: plan.format,
      sourceName: plan.sourceName,
      importedAt: now.toISOString(),
      counts: { ...diff.counts, posters: posterRecords.length },
      filmChanges: diff.filmChanges,
      undoneAt: null,
      updatedAt: now.toISOString(),
    };
    await db.imports.add(record);
    return record;
  });
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Undoes an import in one transaction: deletes every record it created (with anything since added to the films and
 * lists it created), and puts back each field it changed on an existing film — unless that field has been changed
 * again since, in which case the newer value stays.
 */
export function undoImport(importId: string, now: Date = new Date()): Promise<void> {
  return db.transaction('rw', tablesOfImport(), async () => {
    const record = await db.imports.get(importId);
    if (!record) throw new MissingRecordError('import');
    if (record.undoneAt !== null) throw new Error('This import has already been undone.');
    const createdFilmIds = (await db.films.where('importId').equals(importId).primaryKeys()).map(String);
    const createdListIds = (await db.lists.where('importId').equals(importId).primaryKeys()).map(String);
    const owned = [db.viewings, db.notes, db.listEntries, db.copies, db.loans, db.posters] as const;
    for (const table of owned) await table.where('importId').equals(importId).delete();
    await deleteFilms(createdFilmIds);
    if (createdListIds.length > 0) await db.listEntries.where('listId').anyOf(createdListIds).delete();
    await db.lists.bulkDelete(createdListIds);
    const films = await db.films.bulkGet(record.filmChanges.map((change) => change.filmId));
    const restores = record.filmChanges.flatMap((change, index) => {
      const film = films[index];
      if (!film) return [];
      const restored: FilmFieldValues = {};
      for (const [field, after] of Object.entries(change.after)) {
        if (sameValue(film[field as keyof FilmFieldValues], after)) {
          (restored as Record<string, unknown>)[field] = change.before[field as keyof FilmFieldValues];
        }
      }
      return Object.keys(restored).length === 0 ? [] : [{ id: change.filmId, changes: restored }];
    });
    await changeFilms(restores, now);
    await db.imports.update(importId, { undoneAt: now.toISOString(), updatedAt: now.toISOString() });
  });
}

/** Every import, newest first, for the Import page's history. */
export async function recentImports(): Promise<ImportRecord[]> {
  return db.imports.orderBy('importedAt').reverse().toArray();
}
