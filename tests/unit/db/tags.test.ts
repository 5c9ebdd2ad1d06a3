import { beforeEach, describe, expect, it } from 'vitest';
import { addFilm, addTagToFilm, allTags, filmById, removeTagFromFilm, renameTag, restoreTags, setFlagOnFilms, toggleFilmFlag } from '../../../renderer/src/db/films';
import { SEED_FILM_ID } from '../../../renderer/src/db/seed';
import { filmFields, freshCatalog } from '../../fixtures/catalog';

beforeEach(freshCatalog);


describe('flags', () => {
  it('toggles watchlist and favourite, one at a time', async () => {
    expect(await toggleFilmFlag(SEED_FILM_ID, 'watchlist')).toBe(true);
    expect(await filmById(SEED_FILM_ID)).toMatchObject({ watchlist: true, favourite: false });
    expect(await toggleFilmFlag(SEED_FILM_ID, 'watchlist')).toBe(false);
    await expect(toggleFilmFlag('gone', 'favourite')).rejects.toThrow('no longer exists');
  });

  it('sets a flag on many films at once', async () => {
    const alien = await addFilm(filmFields('Alien'));
    await setFlagOnFilms([SEED_FILM_ID, alien], 'favourite', true);
    expect((await filmById(alien))?.favourite).toBe(true);
    expect((await filmById(SEED_FILM_ID))?.favourite).toBe(true);
  });
});

describe('tags', () => {
  it('adds and removes tags, counted across films', async () => {
    const alien = await addFilm(filmFields('Alien'));
    await addTagToFilm(SEED_FILM_ID, 'Music');
    await addTagToFilm(SEED_FILM_ID, 'music');
    await addTagToFilm(alien, 'Space');
    await addTagToFilm(alien, 'Music');
    expect((await filmById(SEED_FILM_ID))?.tags).toEqual(['Music']);
    expect(await allTags()).toEqual([
      { tag: 'Music', count: 2 },
      { tag: 'Space', count: 1 },
    ]);
    await removeTagFromFilm(alien, 'MUSIC');
    expect(await allTags()).toEqual([
      { tag: 'Music', count: 1 },
      { tag: 'Space', count: 1 },
    ]);
  });

  it('renames a tag across all films, merges into an existing one, and Undo restores every film', async () => {
    const alien = await addFilm(filmFields('Alien'));
    const zodiac = await addFilm(filmFields('Zodiac'));
    await addTagToFilm(SEED_FILM_ID, 'scifi');
    await addTagToFilm(alien, 'scifi');
    await addTagToFilm(alien, 'Science fiction');
    await addTagToFilm(zodiac, 'Thriller');

    const before = await renameTag('scifi', 'Science fiction');
    expect(await allTags()).toEqual([
      { tag: 'Science fiction', count: 2 },
      { tag: 'Thriller', count: 1 },
    ]);
    expect((await filmById(alien))?.tags).toEqual(['Science fiction']);
    expect(before.map((film) => film.id).sort()).toEqual([SEED_FILM_ID, alien].sort());

    await restoreTags(before);
    expect((await filmById(alien))?.tags).toEqual(['scifi', 'Science fiction']);
    expect((await filmById(SEED_FILM_ID))?.tags).toEqual(['scifi']);
  });
});
