// Another window deletes or upgrades the catalog: this one lets go at once, says so, and never recreates it.
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { rateFilm } from '../../../renderer/src/db/films';
import { db } from '../../../renderer/src/db/index';
import { watchForClosingElsewhere, type CatalogOpenFailure } from '../../../renderer/src/db/open';
import { SEED_FILM_ID } from '../../../renderer/src/db/seed';
import { DATABASE_NAME } from '../../../renderer/src/db/schema';
import { failureMessage } from '../../../renderer/src/domain/errors';
import { freshCatalog } from '../../fixtures/catalog';

beforeEach(freshCatalog);

describe('watchForClosingElsewhere', () => {
  it('closes this connection when another one deletes the catalog, and a later write fails with a clear reason', async () => {
    const closed: CatalogOpenFailure[] = [];
    const stop = watchForClosingElsewhere((failure) => closed.push(failure));
    // Another window deletes the catalog; without our handler Dexie would reopen on the next write and seed anew.
    await Dexie.delete(DATABASE_NAME);
    expect(closed.map((failure) => failure.problem)).toEqual(['closed-elsewhere']);
    expect(closed[0]?.action).toBe('Reload this window to open the catalog as it is now.');
    expect(closed[0]?.detail).toMatch(/deleted/);
    expect(db.isOpen()).toBe(false);

    const error = await rateFilm(SEED_FILM_ID, 8).then(() => null, (refused: unknown) => refused);
    expect(failureMessage('Your rating was not saved', error)).toBe(
      'Your rating was not saved: the catalog was closed because another Cinefile window changed it.',
    );
    // Nothing was recreated behind the person's back.
    expect(await Dexie.exists(DATABASE_NAME)).toBe(false);
    stop();
  });

  it('lets another window upgrade the catalog instead of blocking it', async () => {
    const closed: CatalogOpenFailure[] = [];
    const stop = watchForClosingElsewhere((failure) => closed.push(failure));
    const newer = new Dexie(DATABASE_NAME);
    newer.version(db.verno + 1).stores({ films: 'id', shelves: 'id' });
    await newer.open();
    expect(newer.isOpen()).toBe(true);
    newer.close();
    expect(closed[0]?.detail).toMatch(/upgraded/);
    expect(db.isOpen()).toBe(false);
    stop();
  });
});
