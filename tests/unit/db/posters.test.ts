import { beforeEach, describe, expect, it } from 'vitest';
import { addFilm, deleteFilm, filmById, type PosterImageMeta, removeFilmPoster, restoreDeletedFilm, setFilmPoster, undoPosterChange } from '../../../renderer/src/db/films';
import { posterImage, posterThumbnail } from '../../../renderer/src/db/posters';
import { db } from '../../../renderer/src/db/index';
import { SEED_FILM_ID } from '../../../renderer/src/db/seed';
import { filmFields, freshCatalog } from '../../fixtures/catalog';

const alien = filmFields('Alien', { year: 1979 });
const meta: PosterImageMeta = { mimeType: 'image/png', width: 200, height: 300 };
const blob = (text: string, type = 'image/png') => new Blob([text], { type });
const posterIdOf = async (filmId: string) => {
  const poster = (await filmById(filmId))?.poster;
  return poster?.kind === 'image' ? poster.posterId : null;
};

beforeEach(freshCatalog);

describe('setting a poster image', () => {
  it('stores the image and its thumbnail and points the film at them, surviving a reopen', async () => {
    const filmId = await addFilm(alien);
    const change = await setFilmPoster(filmId, blob('full image'), blob('thumbnail', 'image/webp'), meta, new Date('2024-05-01T10:00:00Z'));
    const posterId = await posterIdOf(filmId);
    expect(posterId).not.toBeNull();
    expect(change).toMatchObject({ filmId, previous: null, previousImage: null, poster: { kind: 'image', posterId } });

    db.close();
    await db.open();
    expect(await (await posterImage(posterId!))?.text()).toBe('full image');
    const thumbnail = await posterThumbnail(posterId!);
    expect([await thumbnail?.text(), thumbnail?.type]).toEqual(['thumbnail', 'image/webp']);
    expect(await db.posters.get(posterId!)).toMatchObject({ filmId, width: 200, height: 300, mimeType: 'image/png', createdAt: '2024-05-01T10:00:00.000Z' });
  });

  it('replaces the previous image, keeping one record per film, and Undo brings the previous one back', async () => {
    const filmId = await addFilm(alien);
    await setFilmPoster(filmId, blob('first'), blob('first small'), meta);
    const firstId = await posterIdOf(filmId);
    const change = await setFilmPoster(filmId, blob('second'), blob('second small'), { ...meta, mimeType: 'image/jpeg' });
    const secondId = await posterIdOf(filmId);

    expect(secondId).not.toBe(firstId);
    expect(await db.posters.where('filmId').equals(filmId).primaryKeys()).toEqual([secondId]);
    expect(change.previousImage?.id).toBe(firstId);

    await undoPosterChange(change);
    expect(await posterIdOf(filmId)).toBe(firstId);
    expect(await (await posterImage(firstId!))?.text()).toBe('first');
    expect(await db.posters.where('filmId').equals(filmId).primaryKeys()).toEqual([firstId]);
  });

  it("replaces Red Hot's bundled poster, and Undo puts the bundled one back", async () => {
    const change = await setFilmPoster(SEED_FILM_ID, blob('mine'), blob('mine small'), meta);
    expect(change.previous).toEqual({ kind: 'bundled', name: 'red-hot' });
    expect(change.previousImage).toBeNull();

    await undoPosterChange(change);
    expect((await filmById(SEED_FILM_ID))?.poster).toEqual({ kind: 'bundled', name: 'red-hot' });
    expect(await db.posters.count()).toBe(0);
  });

  it('refuses a film that no longer exists and stores nothing', async () => {
    await expect(setFilmPoster('no-such-film', blob('x'), blob('y'), meta)).rejects.toThrow('This film no longer exists');
    expect(await db.posters.count()).toBe(0);
  });
});

describe('removing a poster image', () => {
  it('deletes the image, shows the film without a poster, and Undo restores it', async () => {
    const filmId = await addFilm(alien);
    await setFilmPoster(filmId, blob('image'), blob('small'), meta);
    const posterId = await posterIdOf(filmId);

    const change = await removeFilmPoster(filmId);
    expect((await filmById(filmId))?.poster).toBeNull();
    expect(await posterImage(posterId!)).toBeUndefined();

    await undoPosterChange(change!);
    expect(await posterIdOf(filmId)).toBe(posterId);
    expect(await (await posterThumbnail(posterId!))?.text()).toBe('small');
  });

  it('leaves a bundled poster or no poster alone', async () => {
    expect(await removeFilmPoster(SEED_FILM_ID)).toBeNull();
    expect((await filmById(SEED_FILM_ID))?.poster).toEqual({ kind: 'bundled', name: 'red-hot' });
    expect(await removeFilmPoster(await addFilm(alien))).toBeNull();
  });
});

describe('undoing a poster change', () => {
  it('refuses once the poster has changed again, keeping the newer poster', async () => {
    const filmId = await addFilm(alien);
    const first = await setFilmPoster(filmId, blob('first'), blob('first small'), meta);
    await setFilmPoster(filmId, blob('second'), blob('second small'), meta);
    const secondId = await posterIdOf(filmId);

    await expect(undoPosterChange(first)).rejects.toThrow('The poster has changed again since');
    expect(await posterIdOf(filmId)).toBe(secondId);
    expect(await db.posters.count()).toBe(1);
  });
});

describe('a film deleted with its poster', () => {
  it('takes its poster image with it, and Undo of the deletion brings it back', async () => {
    const filmId = await addFilm(alien);
    await setFilmPoster(filmId, blob('image'), blob('small'), meta);
    const posterId = await posterIdOf(filmId);

    const deleted = await deleteFilm(filmId);
    expect(await posterImage(posterId!)).toBeUndefined();
    await restoreDeletedFilm(deleted);
    expect(await (await posterImage(posterId!))?.text()).toBe('image');
  });
});
