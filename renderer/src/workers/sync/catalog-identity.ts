/**
 * Which catalog a server's database holds, and which device this mirror is. The database keeps a small document
 * naming its catalog; a device whose catalog is another (and not a fresh one holding only Red Hot) is asked before
 * the two are merged. A mirror's device name is made with the mirror and never reused: version vectors count each
 * device's writes, so a device that lost its mirror must not start counting again under its old name.
 */
import { SEED_FILM_ID } from '../../db/seed';
import type { CinefileDb } from '../../db/schema';
import type { MirrorDb } from './bridge';
import type { SyncTarget } from './connection';
import type { PouchError } from './pouch-types';

const CATALOG_DOC = 'cinefile-catalog';

/** A short stable name for the mirror of one catalog, server database and user (FNV-1a, hex). */
export function mirrorName(catalogName: string, target: SyncTarget): string {
  let hash = 0x811c9dc5;
  for (const char of `${target.databaseUrl}#${target.username}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${catalogName}-sync-${hash.toString(16).padStart(8, '0')}`;
}

const DEVICE_DOC = '_local/cinefile-device';

export async function deviceOf(mirror: MirrorDb, newId: () => string): Promise<string> {
  try {
    return ((await mirror.get(DEVICE_DOC)) as unknown as { device: string }).device;
  } catch {
    const device = newId();
    await mirror.put({ _id: DEVICE_DOC, device });
    return device;
  }
}

/** A catalog as a first start leaves it: Red Hot untouched and nothing else. */
async function isFreshCatalog(catalog: CinefileDb): Promise<boolean> {
  const films = await catalog.films.toArray();
  if (films.length > 1 || (films.length === 1 && (films[0]?.id !== SEED_FILM_ID || films[0].fieldChangedAt !== undefined))) return false;
  const others = await Promise.all(
    (['viewings', 'notes', 'lists', 'listEntries', 'copies', 'loans', 'smartLists'] as const).map((table) => catalog.table(table).count()),
  );
  return others.every((count) => count === 0);
}

export type CatalogMatch = { same: true } | { same: false; remoteRecords: number };

/**
 * Whether the database holds this catalog (or none yet: it is claimed; or this device is new: it joins). With
 * `mergeConfirmed`, a different catalog is adopted and the two merge.
 */
export async function matchCatalog(catalog: CinefileDb, remote: MirrorDb, mergeConfirmed: boolean, newId: () => string, now: Date): Promise<CatalogMatch> {
  const metaValue = async (key: string) => (await catalog.meta.get(key))?.value as string | undefined;
  let catalogId = await metaValue('catalogId');
  if (!catalogId) {
    catalogId = newId();
    await catalog.meta.put({ key: 'catalogId', value: catalogId });
  }
  let remoteId: string;
  try {
    remoteId = ((await remote.get(CATALOG_DOC)) as unknown as { catalogId: string }).catalogId;
  } catch (error) {
    if ((error as PouchError).status !== 404) throw error;
    await remote.put({ _id: CATALOG_DOC, catalogId, createdAt: now.toISOString() });
    remoteId = catalogId;
  }
  if (remoteId === catalogId || remoteId === (await metaValue('syncedCatalogId'))) return { same: true };
  if (!mergeConfirmed && !(await isFreshCatalog(catalog))) return { same: false, remoteRecords: (await remote.info()).doc_count };
  await catalog.meta.put({ key: 'syncedCatalogId', value: remoteId });
  return { same: true };
}
