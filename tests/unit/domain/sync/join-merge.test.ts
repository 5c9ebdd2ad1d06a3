/**
 * Joining a catalog that holds films this device also has under other ids: which films are the same (as an import
 * finds them), what the joined film takes from this device's copy, and which records move or are dropped as doubles.
 */
import { describe, expect, it } from 'vitest';
import { newFilmRecord, type Film } from '../../../../renderer/src/domain/film';
import { joinedFilmChanges, joiningMatches, movedRecords } from '../../../../renderer/src/domain/sync/join-merge';
import type { Viewing } from '../../../../renderer/src/domain/viewing';
import { filmFields } from '../../../fixtures/catalog';

const at = new Date('2026-11-02T10:00:00Z');
const film = (id: string, title: string, year: number | null, extras: Parameters<typeof newFilmRecord>[1] = {}): Film =>
  newFilmRecord(filmFields(title, { year }), extras, id, at);
const viewing = (id: string, filmId: string, watchedOn: string | null, rating: Viewing['rating']): Viewing => ({
  id, filmId, watchedOn, rewatch: false, rating, medium: null, note: '', createdAt: at.toISOString(), updatedAt: at.toISOString(),
});

describe('which films of this device the joined catalog already has', () => {
  it('finds them by external id first, then by title and year, each joined film taken once', () => {
    const joined = [film('j-alien', 'Alien', 1979, { externalIds: ['imdb:tt0078748'] }), film('j-heat', 'Heat', 1995)];
    const local = [
      film('l-alien', 'Alien (Director’s Cut)', 2003, { externalIds: ['imdb:tt0078748'] }),
      film('l-heat', 'Heat', 1995),
      film('l-heat-again', 'Heat', 1995),
      film('l-heat-1972', 'Heat', 1972),
    ];
    const matches = joiningMatches(local, joined);
    expect(Object.fromEntries([...matches].map(([id, match]) => [id, match.id]))).toEqual({ 'l-alien': 'j-alien', 'l-heat': 'j-heat' });
  });

  it('leaves a film alone that already has the joined film’s id, or matches nothing', () => {
    expect(joiningMatches([film('same', 'Alien', 1979)], [film('same', 'Alien', 1979)]).size).toBe(0);
    expect(joiningMatches([film('l', 'Thief', 1981)], [film('j', 'Alien', 1979)]).size).toBe(0);
  });
});

describe('what the joined film takes from this device’s copy', () => {
  it('a rating it lacks, either device’s flags, every tag and external id once', () => {
    const joined = film('j', 'Alien', 1979, { tags: ['Space'], externalIds: ['imdb:tt0078748'] });
    const local = film('l', 'Alien', 1979, { rating: 8, watchlist: true, tags: ['space', 'Horror'], externalIds: ['letterboxd:https://boxd.it/2b0A'] });
    expect(joinedFilmChanges(local, joined)).toEqual({
      rating: 8, watchlist: true, tags: ['Space', 'Horror'], externalIds: ['imdb:tt0078748', 'letterboxd:https://boxd.it/2b0A'],
    });
    expect(joinedFilmChanges(local, { ...joined, rating: 6 })).not.toHaveProperty('rating');
  });
});

describe('this device’s records of a joined film', () => {
  it('move to the joined film, except a viewing or a note it already has', () => {
    const local = {
      viewings: [viewing('v1', 'l', '2024-05-01', 8), viewing('v2', 'l', '2025-01-01', null)],
      notes: [{ id: 'n1', filmId: 'l', body: 'Seen at the Electric. ', createdAt: at.toISOString(), updatedAt: at.toISOString() }],
      listEntries: [],
      copies: [],
      loans: [],
    };
    const joined = {
      viewings: [viewing('jv', 'j', '2024-05-01', 8)],
      notes: [{ id: 'jn', filmId: 'j', body: 'Seen at the Electric.', createdAt: at.toISOString(), updatedAt: at.toISOString() }],
      listEntries: [],
    };
    const { moved, dropped } = movedRecords(local, joined, 'j');
    expect(moved.viewings).toEqual([{ ...local.viewings[1], filmId: 'j' }]);
    expect(dropped.viewings.map((v) => v.id)).toEqual(['v1']);
    expect(moved.notes).toEqual([]);
    expect(dropped.notes.map((n) => n.id)).toEqual(['n1']);
  });
});
