/**
 * A device's first join of a database that already holds a catalog: this device's films that are the same films
 * under other ids (imported on both before they synced) become the joined catalog's films, with their viewings,
 * notes, list places, copies, loans and posters moved over (domain/sync/join-merge), in one transaction, before the
 * first pull stores the joined catalog and the first push sends what this device adds to it.
 */
import type { Annotation } from '../../domain/annotation';
import type { Copy, Loan } from '../../domain/copy';
import type { SyncedTable } from '../../domain/deletion';
import { stampedFilmChanges, type Film } from '../../domain/film';
import type { ListEntry } from '../../domain/list';
import { incomingRecord } from '../../domain/sync-catalog';
import { joinedFilmChanges, joiningMatches, movedRecords } from '../../domain/sync/join-merge';
import { docToRecord } from '../../domain/sync/sync-doc';
import type { Viewing } from '../../domain/viewing';
import type { CinefileDb } from '../../db/schema';
import { bodyOf, type MirrorDb } from './bridge';

async function docsOf(mirror: MirrorDb, table: SyncedTable) {
  const { rows } = await mirror.allDocs({ startkey: `${table}:`, endkey: `${table}:\ufff0`, include_docs: true });
  return rows.flatMap((row) => (row.doc ? [bodyOf(row.doc)] : []));
}

/** Merges this device's films that the joined catalog also has into its films; returns how many. */
export async function mergeJoiningFilms(catalog: CinefileDb, mirror: MirrorDb, now: Date): Promise<number> {
  const filmDocs = await docsOf(mirror, 'films');
  if (filmDocs.length === 0) return 0;
  const inMirror = new Set(filmDocs.map((doc) => doc.id));
  const joinedFilms = filmDocs.flatMap((doc) => {
    const record = incomingRecord('films', doc, undefined);
    return record ? [record as unknown as Film] : [];
  });
  const localOnly = (await catalog.films.toArray()).filter((film) => !inMirror.has(film.id));
  const matches = joiningMatches(localOnly, joinedFilms);
  if (matches.size === 0) return 0;

  const joinedIds = new Set([...matches.values()].map((film) => film.id));
  const joinedRecordsOf = async <T extends { filmId: string }>(table: SyncedTable): Promise<T[]> =>
    (await docsOf(mirror, table)).flatMap((doc) => {
      const record = docToRecord(doc) as unknown as T | null;
      return record && joinedIds.has(record.filmId) ? [record] : [];
    });
  const [joinedViewings, joinedNotes, joinedEntries] = await Promise.all([
    joinedRecordsOf<Viewing>('viewings'),
    joinedRecordsOf<Annotation>('notes'),
    joinedRecordsOf<ListEntry>('listEntries'),
  ]);
  const at = now.toISOString();
  const { films, viewings, notes, listEntries, copies, loans, posters } = catalog;
  await catalog.transaction('rw', [films, viewings, notes, listEntries, copies, loans, posters], async () => {
    for (const [localId, joined] of matches) {
      const local = localOnly.find((film) => film.id === localId);
      if (!local) continue;
      const mine = {
        viewings: await viewings.where('filmId').equals(localId).toArray(),
        notes: await notes.where('filmId').equals(localId).toArray(),
        listEntries: await listEntries.where('filmId').equals(localId).toArray(),
        copies: await copies.where('filmId').equals(localId).toArray() as Copy[],
        loans: await loans.where('filmId').equals(localId).toArray() as Loan[],
      };
      const ofJoined = <T extends { filmId: string }>(records: readonly T[]) => records.filter((record) => record.filmId === joined.id);
      const { moved, dropped } = movedRecords(
        mine,
        { viewings: ofJoined(joinedViewings), notes: ofJoined(joinedNotes), listEntries: ofJoined(joinedEntries) },
        joined.id,
      );
      await films.put({ ...joined, ...stampedFilmChanges(joined, joinedFilmChanges(local, joined), at) });
      await viewings.bulkPut(moved.viewings);
      await notes.bulkPut(moved.notes);
      await listEntries.bulkPut(moved.listEntries);
      await copies.bulkPut(moved.copies);
      await loans.bulkPut(moved.loans);
      await viewings.bulkDelete(dropped.viewings.map((record) => record.id));
      await notes.bulkDelete(dropped.notes.map((record) => record.id));
      await listEntries.bulkDelete(dropped.listEntries.map((record) => record.id));
      const localPosters = await posters.where('filmId').equals(localId).toArray();
      await posters.bulkPut(localPosters.map((poster) => ({ ...poster, filmId: joined.id })));
      await films.delete(localId);
    }
  });
  return matches.size;
}
