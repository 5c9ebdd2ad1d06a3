import { beforeEach, describe, expect, it } from 'vitest';
import { addFilm, deleteFilm } from '../../../renderer/src/db/films';
import { db } from '../../../renderer/src/db/index';
import { SEED_FILM_ID } from '../../../renderer/src/db/seed';
import {
  deleteViewing,
  diaryEntries,
  logViewing,
  restoreViewing,
  updateViewing,
  viewingsOfFilm,
} from '../../../renderer/src/db/viewings';
import { filmFields, freshCatalog } from '../../fixtures/catalog';

const NOW = new Date(2026, 10, 25, 12, 0);
const at = (iso: string) => new Date(iso);

const alien = filmFields('Alien', { year: 1979, directors: ['Ridley Scott'], runtimeMinutes: 117 });

beforeEach(freshCatalog);

describe('logging viewings', () => {
  it('stores every detail of a viewing, with the rating as a snapshot separate from the film', async () => {
    const id = await logViewing(SEED_FILM_ID, '2026-11-20', { rating: 8, medium: 'cinema', note: '  Odeon, row F ' }, NOW);
    const [saved] = await viewingsOfFilm(SEED_FILM_ID);
    expect(saved).toEqual({
      id, filmId: SEED_FILM_ID, watchedOn: '2026-11-20', rewatch: false, rating: 8, medium: 'cinema', note: 'Odeon, row F',
      createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
    });
    expect((await db.films.get(SEED_FILM_ID))?.rating).toBeNull();
  });

  it('marks a rewatch from earlier viewings, but not a viewing back-dated before all of them', async () => {
    await logViewing(SEED_FILM_ID, '2020-03-01', {}, NOW);
    await logViewing(SEED_FILM_ID, '2026-11-20', {}, NOW);
    await logViewing(SEED_FILM_ID, '1999', {}, NOW);
    const byDate = Object.fromEntries((await viewingsOfFilm(SEED_FILM_ID)).map((v) => [v.watchedOn, v.rewatch]));
    expect(byDate).toEqual({ '2026-11-20': true, '2020-03-01': false, '1999': false });
  });

  it('counts an undated viewing as seen before, and lets the person overrule the guess', async () => {
    await logViewing(SEED_FILM_ID, null, {}, NOW);
    const guessed = await logViewing(SEED_FILM_ID, '2010', {}, NOW);
    const overruled = await logViewing(SEED_FILM_ID, '2011-05', { rewatch: false }, NOW);
    const viewings = await viewingsOfFilm(SEED_FILM_ID);
    expect(viewings.find((v) => v.id === guessed)?.rewatch).toBe(true);
    expect(viewings.find((v) => v.id === overruled)?.rewatch).toBe(false);
  });

  it('refuses bad fields with the reason and stores nothing', async () => {
    await expect(logViewing(SEED_FILM_ID, '2026-12', {}, NOW)).rejects.toThrow('A viewing cannot be in the future.');
    await expect(logViewing(SEED_FILM_ID, '2026-11-20', { rating: 11 as never }, NOW)).rejects.toThrow('0.5 to 5 stars; got 11');
    await expect(logViewing(SEED_FILM_ID, '2026-11-20', { medium: 'laserdisc' as never }, NOW)).rejects.toThrow('“laserdisc”');
    await expect(logViewing(SEED_FILM_ID, '2026-11-20', { note: 'x'.repeat(1_001) }, NOW)).rejects.toThrow('up to 1,000');
    expect(await db.viewings.count()).toBe(0);
  });
});

describe('editing and removing viewings', () => {
  it('edits what was said about a viewing, stamping the edit and keeping when it was logged', async () => {
    const id = await logViewing(SEED_FILM_ID, '2026-11-20', {}, at('2026-11-20T20:00:00Z'));
    await updateViewing(id, { watchedOn: '2026-11', rewatch: true, rating: 3, medium: 'tv', note: ' dozed off ' }, at('2026-11-21T09:00:00Z'));
    expect((await viewingsOfFilm(SEED_FILM_ID))[0]).toMatchObject({
      watchedOn: '2026-11', rewatch: true, rating: 3, medium: 'tv', note: 'dozed off',
      createdAt: '2026-11-20T20:00:00.000Z', updatedAt: '2026-11-21T09:00:00.000Z',
    });
  });

  it('refuses an edit to a future date or a removed viewing, changing nothing', async () => {
    const id = await logViewing(SEED_FILM_ID, '2026-11-20', { note: 'kept' }, NOW);
    await expect(updateViewing(id, { watchedOn: '2030-01-01', note: 'changed' }, NOW)).rejects.toThrow('in the future');
    expect((await viewingsOfFilm(SEED_FILM_ID))[0]).toMatchObject({ watchedOn: '2026-11-20', note: 'kept' });
    await deleteViewing(id);
    await expect(updateViewing(id, { note: 'x' }, NOW)).rejects.toThrow('This viewing no longer exists');
  });

  it('removes a viewing and puts it back exactly', async () => {
    const id = await logViewing(SEED_FILM_ID, '2026-11', { rating: 6, note: 'again' }, NOW);
    const before = await viewingsOfFilm(SEED_FILM_ID);
    const removed = await deleteViewing(id);
    expect(await viewingsOfFilm(SEED_FILM_ID)).toEqual([]);
    await restoreViewing(removed!);
    expect(await viewingsOfFilm(SEED_FILM_ID)).toEqual(before);
  });
});

describe('the diary', () => {
  it('lists every viewing newest first, undated last, with the title, year and poster of its film', async () => {
    const alienId = await addFilm(alien);
    await logViewing(alienId, null, {}, at('2026-01-01T10:00:00Z'));
    await logViewing(SEED_FILM_ID, '2026-10-03', { rating: 8 }, NOW);
    await logViewing(alienId, '2026-11-02', { medium: 'disc' }, NOW);
    await logViewing(SEED_FILM_ID, '2026-11', {}, NOW);
    await logViewing(SEED_FILM_ID, '2026-11-02', {}, new Date(2026, 10, 25, 18, 0));

    const diary = await diaryEntries();
    expect(diary.total).toBe(5);
    expect(diary.filmCount).toBe(2);
    expect(diary.entries.map(({ viewing, film }) => [viewing.watchedOn, film.title])).toEqual([
      ['2026-11-02', 'Red Hot'], // logged after Alien's viewing that day
      ['2026-11-02', 'Alien'],
      ['2026-11', 'Red Hot'],
      ['2026-10-03', 'Red Hot'],
      [null, 'Alien'],
    ]);
    expect(diary.entries[1]?.film).toEqual({ id: alienId, title: 'Alien', year: 1979, poster: null });
    expect(diary.entries[3]?.film).toEqual({ id: SEED_FILM_ID, title: 'Red Hot', year: 1993, poster: { kind: 'bundled', name: 'red-hot' } });
  });

  it('returns only the newest entries asked for, still counting them all', async () => {
    for (let month = 1; month <= 9; month += 1) await logViewing(SEED_FILM_ID, `2026-0${month}-15`, {}, NOW);
    await logViewing(SEED_FILM_ID, null, {}, NOW);
    const diary = await diaryEntries(3);
    expect(diary.entries.map((entry) => entry.viewing.watchedOn)).toEqual(['2026-09-15', '2026-08-15', '2026-07-15']);
    expect(diary.total).toBe(10);
  });

  it('cuts a long diary between viewings of one day by when they were logged, not by their ids', async () => {
    const day = (id: string, hour: number) => ({
      id, filmId: SEED_FILM_ID, watchedOn: '2026-11-20', rewatch: false, rating: null, medium: null, note: '',
      createdAt: `2026-11-20T${hour}:00:00.000Z`, updatedAt: `2026-11-20T${hour}:00:00.000Z`,
    });
    // Ids run the opposite way to the logging times, as random UUIDs may.
    await db.viewings.bulkAdd([day('a', 12), day('b', 11), day('c', 10)]);
    await logViewing(SEED_FILM_ID, null, {}, NOW);
    expect((await diaryEntries(2)).entries.map((entry) => entry.viewing.id)).toEqual(['a', 'b']);
    expect((await diaryEntries(4)).entries.map((entry) => entry.viewing.watchedOn)).toEqual(['2026-11-20', '2026-11-20', '2026-11-20', null]);
  });

  it('is empty on a new catalog, and loses a film’s viewings when the film is deleted', async () => {
    expect(await diaryEntries()).toEqual({ entries: [], total: 0, filmCount: 0 });
    await logViewing(SEED_FILM_ID, '2026-11-20', {}, NOW);
    await deleteFilm(SEED_FILM_ID);
    expect((await diaryEntries()).total).toBe(0);
  });
});
