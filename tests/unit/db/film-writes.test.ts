/**
 * One write path for films: every change to an existing film — fields, rating, flags, tags, poster — goes through
 * db/films' changeFilm/changeFilms, so each stamps updatedAt and refuses a film that is gone, writing nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addFilm,
  addTagToFilm,
  changeFilms,
  deleteFilm,
  filmById,
  removeFilmPoster,
  removeTagFromFilm,
  rateFilm,
  renameTag,
  restoreTags,
  setFilmFlag,
  setFilmPoster,
  setFlagOnFilms,
  toggleFilmFlag,
  undoPosterChange,
  updateFilm,
  type PosterImageMeta,
} from '../../../renderer/src/db/films';
import { db } from '../../../renderer/src/db/index';
import { MissingRecordError } from '../../../renderer/src/domain/errors';
import { filmFields, freshCatalog } from '../../fixtures/catalog';

beforeEach(freshCatalog);

const added = new Date('2024-01-01T00:00:00Z');
const later = new Date('2024-06-01T12:00:00Z');
const meta: PosterImageMeta = { mimeType: 'image/png', width: 200, height: 300 };
const blob = (text: string) => new Blob([text], { type: 'image/png' });

/** A film added at `added`, already tagged and with an image poster (both also at `added`). */
async function preparedFilm(title = 'Alien'): Promise<string> {
  const id = await addFilm(filmFields(title), added);
  await addTagToFilm(id, 'Space', added);
  await setFilmPoster(id, blob('first'), blob('first thumb'), meta, added);
  return id;
}

/** Each single-film change, run at `now`. */
const changes: Record<string, (id: string, now: Date) => Promise<unknown>> = {
  'editing its fields': (id, now) => updateFilm(id, filmFields('Aliens', { year: 1986 }), now),
  'rating it': (id, now) => rateFilm(id, 8, now),
  'clearing its rating': (id, now) => rateFilm(id, null, now),
  'setting a flag': (id, now) => setFilmFlag(id, 'favourite', true, now),
  'toggling a flag': (id, now) => toggleFilmFlag(id, 'watchlist', now),
  'adding a tag': (id, now) => addTagToFilm(id, 'Horror', now),
  'removing a tag': (id, now) => removeTagFromFilm(id, 'Space', now),
  'setting its poster': (id, now) => setFilmPoster(id, blob('second'), blob('second thumb'), meta, now),
  'removing its poster': (id, now) => removeFilmPoster(id, now),
};

describe('every change to a film', () => {
  it.each(Object.entries(changes))('%s stamps updatedAt and keeps createdAt', async (_, change) => {
    const id = await preparedFilm();
    await change(id, later);
    expect(await filmById(id)).toMatchObject({ createdAt: added.toISOString(), updatedAt: later.toISOString() });
  });

  it.each(Object.entries(changes))('%s refuses a film that is gone, writing nothing', async (_, change) => {
    const id = await preparedFilm();
    await deleteFilm(id);
    const posters = await db.posters.count();
    await expect(change(id, later)).rejects.toBeInstanceOf(MissingRecordError);
    expect(await filmById(id)).toBeUndefined();
    expect(await db.posters.count()).toBe(posters);
  });

  it('undoing a poster change stamps updatedAt, and refuses a film that is gone', async () => {
    const id = await preparedFilm();
    const change = await setFilmPoster(id, blob('second'), blob('second thumb'), meta, added);
    await undoPosterChange(change, later);
    expect((await filmById(id))?.updatedAt).toBe(later.toISOString());

    const again = await setFilmPoster(id, blob('third'), blob('third thumb'), meta, added);
    await deleteFilm(id);
    await expect(undoPosterChange(again, later)).rejects.toBeInstanceOf(MissingRecordError);
  });

  it('renaming a tag stamps every film it changes, and only those', async () => {
    const alien = await preparedFilm('Alien');
    const zodiac = await addFilm(filmFields('Zodiac'), added);
    await renameTag('space', 'Outer space', later);
    expect(await filmById(alien)).toMatchObject({ tags: ['Outer space'], updatedAt: later.toISOString() });
    expect((await filmById(zodiac))?.updatedAt).toBe(added.toISOString());
  });

  it('putting tags back after a rename stamps updatedAt too', async () => {
    const alien = await preparedFilm('Alien');
    const before = await renameTag('Space', 'Outer space', added);
    await restoreTags(before, later);
    expect(await filmById(alien)).toMatchObject({ tags: ['Space'], updatedAt: later.toISOString() });
  });
});

describe('changes to many films', () => {
  it('a flag on a selection, or tags put back, leave out a film deleted since and stamp the rest', async () => {
    const alien = await preparedFilm('Alien');
    const gone = await preparedFilm('Zodiac');
    const before = await renameTag('Space', 'Outer space', added);
    await deleteFilm(gone);

    await setFlagOnFilms([alien, gone], 'favourite', true, later);
    expect(await filmById(alien)).toMatchObject({ favourite: true, updatedAt: later.toISOString() });
    const evenLater = new Date('2024-07-01T00:00:00Z');
    await restoreTags(before, evenLater);
    expect(await filmById(alien)).toMatchObject({ tags: ['Space'], updatedAt: evenLater.toISOString() });
    expect(await filmById(gone)).toBeUndefined();
  });

  it('changeFilms refuses a film that is gone by default, writing none of the changes', async () => {
    const alien = await preparedFilm('Alien');
    await expect(
      changeFilms([{ id: alien, changes: { rating: 6 } }, { id: 'gone', changes: { rating: 6 } }], later),
    ).rejects.toBeInstanceOf(MissingRecordError);
    expect(await filmById(alien)).toMatchObject({ rating: null, updatedAt: added.toISOString() });

    expect(await changeFilms([{ id: alien, changes: { rating: 6 } }], later)).toBe(1);
    expect(await filmById(alien)).toMatchObject({ rating: 6, updatedAt: later.toISOString() });
  });
});

describe('the write path', () => {
  const sourceRoot = join(import.meta.dirname, '../../../renderer/src');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
    );

  // Schema upgrades (db/upgrades.ts) modify films inside the upgrade transaction, before the app can write at all.
  it('is one: only db/films/change.ts calls db.films.update or bulkUpdate', () => {
    const updating = sources(sourceRoot)
      .filter((file) => /\bfilms\.(update|bulkUpdate)\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(sourceRoot, file).split('\\').join('/'));
    expect(updating).toEqual(['db/films/change.ts']);
  });
});

describe('each field’s change time (what sync merges a film by)', () => {
  it('saving the whole form stamps only the fields that changed', async () => {
    const id = await addFilm(filmFields('Alien', { year: 1979, directors: ['Ridley Scott'] }), added);
    await updateFilm(id, filmFields('Alien', { year: 1986, directors: ['Ridley Scott'] }), later);
    expect((await filmById(id))?.fieldChangedAt).toEqual({ year: later.toISOString() });
  });

  it('a rating, a flag and a tag each stamp their own field, keeping the times of the others', async () => {
    const id = await addFilm(filmFields('Alien'), added);
    const t1 = new Date('2024-02-01T00:00:00Z');
    const t2 = new Date('2024-03-01T00:00:00Z');
    await rateFilm(id, 8, t1);
    await setFilmFlag(id, 'favourite', true, t2);
    await addTagToFilm(id, 'Space', later);
    expect((await filmById(id))?.fieldChangedAt).toEqual({ rating: t1.toISOString(), favourite: t2.toISOString(), tags: later.toISOString() });
  });

  it('rating a film the same again changes no field time, though it is saved', async () => {
    const id = await addFilm(filmFields('Alien'), added);
    await rateFilm(id, 8, added);
    await rateFilm(id, 8, later);
    expect(await filmById(id)).toMatchObject({ fieldChangedAt: { rating: added.toISOString() }, updatedAt: later.toISOString() });
  });

  it('changes to many films stamp each film’s changed fields', async () => {
    const alien = await addFilm(filmFields('Alien'), added);
    const heat = await addFilm(filmFields('Heat'), added);
    await setFlagOnFilms([alien, heat], 'watchlist', true, later);
    for (const id of [alien, heat]) expect((await filmById(id))?.fieldChangedAt).toEqual({ watchlist: later.toISOString() });
  });
});
