import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/src/db/index';
import { describeOpenFailure, installedSchemaVersion, openCatalog } from '../../../renderer/src/db/open';
import { DATABASE_NAME, SCHEMA_VERSION } from '../../../renderer/src/db/schema';

describe('when the catalog cannot be opened', () => {
  it('refuses a catalog written by a newer Cinefile without altering it, and says what to do', async () => {
    db.close();
    await db.delete();
    // A database at a higher version than this build knows, as a newer Cinefile would leave it.
    const newer = new Dexie(DATABASE_NAME);
    newer.version(SCHEMA_VERSION + 4).stores({ films: 'id', shelves: 'id' });
    await newer.open();
    await newer.table('films').put({ id: 'from-the-future' });
    newer.close();

    const failure = await openCatalog(() => undefined);
    expect(failure?.problem).toBe('newer-version');
    expect(failure?.title).toBe('This catalog was written by a newer Cinefile');
    expect(failure?.action).toMatch(/Install the latest Cinefile/);
    expect(db.isOpen()).toBe(false);

    // Untouched: same version, same tables, same record.
    expect(await installedSchemaVersion(DATABASE_NAME)).toBe(SCHEMA_VERSION + 4);
    const check = new Dexie(DATABASE_NAME);
    await check.open();
    expect(check.tables.map((table) => table.name).sort()).toEqual(['films', 'shelves']);
    expect(await check.table('films').toArray()).toEqual([{ id: 'from-the-future' }]);
    check.close();
    await Dexie.delete(DATABASE_NAME);
  });

  it('opens and seeds a brand-new catalog after probing for one', async () => {
    db.close();
    await db.delete();
    expect(await installedSchemaVersion(DATABASE_NAME)).toBeNull();
    expect(await openCatalog(() => undefined)).toBeNull();
    expect(await db.films.count()).toBe(1);
    expect(await installedSchemaVersion(DATABASE_NAME)).toBe(SCHEMA_VERSION);
  });

  it('names full storage, missing IndexedDB and blocked upgrades specifically', () => {
    expect(describeOpenFailure(new DOMException('full', 'QuotaExceededError')).problem).toBe('storage-full');
    expect(describeOpenFailure(new Dexie.MissingAPIError('no indexedDB')).problem).toBe('unavailable');
    expect(describeOpenFailure(new DOMException('blocked', 'BlockedError')).problem).toBe('blocked');
    const unknown = describeOpenFailure(new TypeError('boom'));
    expect(unknown.problem).toBe('unknown');
    expect(unknown.detail).toBe('TypeError: boom');
  });
});

describe('persistent storage', () => {
  it('asks the browser to keep the catalog, and copes when it cannot', async () => {
    const { requestPersistentStorage } = await import('../../../renderer/src/db/open');
    const persist = vi.fn().mockResolvedValue(true);
    vi.stubGlobal('navigator', { storage: { persist } });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
    vi.stubGlobal('navigator', { storage: { persist: vi.fn().mockRejectedValue(new Error('denied')) } });
    expect(await requestPersistentStorage()).toBe(false);
    vi.stubGlobal('navigator', {});
    expect(await requestPersistentStorage()).toBe(false);
    vi.unstubAllGlobals();
  });
});
