/**
 * A worker's own connection to the catalog (the search and statistics workers each have one). Opened once and never
 * re-opened by Dexie on a later read: when another window deletes or upgrades the catalog, this connection closes and
 * the worker's reads fail (its page says so) instead of quietly creating a new, empty catalog — and seeding it —
 * behind the window's back. Workers are started only after the main thread has opened the catalog, so one that is
 * not there was deleted meanwhile.
 */
import { Dexie } from 'dexie';
import { CinefileDb, DATABASE_NAME } from './schema';

export async function openCatalogInWorker(): Promise<CinefileDb> {
  if (!(await Dexie.exists(DATABASE_NAME))) throw new Error('The catalog is not there any more (deleted in another window?).');
  const catalog = new CinefileDb(DATABASE_NAME, { autoOpen: false });
  await catalog.open();
  return catalog;
}
