/**
 * The Conflicts view's records, kept by the sync worker: each merged document with conflicts, named for a person
 * ("Red Hot (1993)", "A note on Alien"), updated as documents arrive or are settled. The ids are kept in the mirror
 * (a local document, never replicated), so the view is whole again when the app starts, without reading every
 * document.
 */
import { SYNCED_TABLES, type SyncedTable } from '../../domain/deletion';
import { filmDisplayTitle, type Film } from '../../domain/film';
import { recordLabel, syncDocId, type FilmTitles } from '../../domain/sync-catalog';
import { docConflicts } from '../../domain/sync/conflicts';
import { winner } from '../../domain/sync/register';
import type { SyncDoc } from '../../domain/sync/sync-doc';
import type { CinefileDb } from '../../db/schema';
import type { ConflictedRecord } from '../sync-protocol';
import type { MirrorDb } from './bridge';

const CONFLICTS_DOC = '_local/cinefile-conflicts';

const shownFields = (doc: SyncDoc) => Object.fromEntries(Object.entries(doc.fields).map(([field, register]) => [field, winner(register)?.value ?? null]));

export class ConflictIndex {
  private readonly records = new Map<string, ConflictedRecord>();

  constructor(
    private readonly catalog: CinefileDb,
    private readonly publish: (records: ConflictedRecord[]) => void,
  ) {}

  private async filmTitles(filmIds: readonly string[]): Promise<FilmTitles> {
    const films = await this.catalog.films.bulkGet([...new Set(filmIds)]);
    return new Map(films.flatMap((film: Film | undefined) => (film ? [[film.id, filmDisplayTitle(film)] as const] : [])));
  }

  /** Takes in documents as merged: those with conflicts are listed, those without leave the list. */
  async note(mirror: MirrorDb, docs: readonly { table: SyncedTable; doc: SyncDoc }[]): Promise<void> {
    const withConflicts = docs.filter(({ doc }) => docConflicts(doc).length > 0);
    const titles = await this.filmTitles(
      withConflicts.flatMap(({ doc }) => {
        const filmId = shownFields(doc).filmId;
        return typeof filmId === 'string' ? [filmId] : [];
      }),
    );
    let changed = false;
    for (const { table, doc } of docs) {
      const docId = syncDocId(table, doc.id);
      const conflicts = docConflicts(doc);
      if (conflicts.length === 0) {
        changed = this.records.delete(docId) || changed;
        continue;
      }
      this.records.set(docId, { docId, table, id: doc.id, label: recordLabel(table, shownFields(doc), titles), conflicts });
      changed = true;
    }
    if (!changed) return;
    this.publish([...this.records.values()]);
    await this.save(mirror);
  }

  private async save(mirror: MirrorDb): Promise<void> {
    let rev: string | undefined;
    try {
      rev = (await mirror.get(CONFLICTS_DOC))._rev;
    } catch {
      rev = undefined;
    }
    await mirror.put({ _id: CONFLICTS_DOC, ...(rev ? { _rev: rev } : {}), ids: [...this.records.keys()] });
  }

  /** The list when a session starts, from the ids the last one left. */
  async load(mirror: MirrorDb): Promise<void> {
    this.records.clear();
    let ids: string[];
    try {
      ids = ((await mirror.get(CONFLICTS_DOC)) as unknown as { ids: string[] }).ids;
    } catch {
      ids = [];
    }
    const { rows } = await mirror.allDocs({ keys: ids, include_docs: true });
    const docs = rows.flatMap((row) => {
      const table = SYNCED_TABLES.find((name) => row.id.startsWith(`${name}:`));
      return row.doc && table ? [{ table, doc: row.doc }] : [];
    });
    await this.note(mirror, docs);
    this.publish([...this.records.values()]);
  }
}
