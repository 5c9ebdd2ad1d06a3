import { describe, expect, it } from 'vitest';
import type { Film } from '../../../renderer/src/domain/film';
import { emptyFilmDraft, filmDraftFromFilm, parseFilmDraft, type FilmDraft } from '../../../renderer/src/domain/film-draft';
import { seedFilm } from '../../../renderer/src/db/seed';

const NOW = new Date(2026, 10, 25);
const draft = (patch: Partial<FilmDraft>): FilmDraft => ({ ...emptyFilmDraft, title: 'Alien', ...patch });

describe('parseFilmDraft', () => {
  it('turns the form into trimmed fields, splitting comma lists and dropping empty cast rows', () => {
    const result = parseFilmDraft(
      draft({
        title: '  Alien ',
        year: '1979',
        directors: 'Ridley Scott, ',
        genres: 'Horror, Science Fiction',
        runtimeMinutes: '117',
        cast: [{ name: 'Sigourney Weaver', role: 'Ripley' }, { name: ' ', role: '' }],
        country: 'United Kingdom',
      }),
      NOW,
    );
    expect(result).toEqual({
      ok: true,
      fields: {
        title: 'Alien',
        originalTitle: null,
        year: 1979,
        directors: ['Ridley Scott'],
        cast: [{ name: 'Sigourney Weaver', role: 'Ripley' }],
        genres: ['Horror', 'Science Fiction'],
        runtimeMinutes: 117,
        country: 'United Kingdom',
        language: null,
        overview: null,
      },
    });
  });

  it('requires a title', () => {
    expect(parseFilmDraft(draft({ title: '   ' }), NOW)).toEqual({ ok: false, errors: { title: 'Title is required.' } });
  });

  it('refuses a 10,000-character title with its length and the limit', () => {
    const result = parseFilmDraft(draft({ title: 'x'.repeat(10_000) }), NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.title).toBe('Title is 10,000 characters long; the limit is 500.');
  });

  it('accepts years 1870 to ten years ahead, and nothing outside', () => {
    expect(parseFilmDraft(draft({ year: '1870' }), NOW).ok).toBe(true);
    expect(parseFilmDraft(draft({ year: '2036' }), NOW).ok).toBe(true);
    for (const year of ['1869', '2037', '-5']) {
      const result = parseFilmDraft(draft({ year }), NOW);
      expect(result.ok ? null : result.errors.year).toBe('Year must be between 1870 and 2036.');
    }
    const words = parseFilmDraft(draft({ year: 'nineteen' }), NOW);
    expect(words.ok ? null : words.errors.year).toBe('Year must be a whole number, like 1993.');
  });

  it('refuses negative, zero and fractional runtimes', () => {
    const messages = ['-5', '0', '90.5'].map((runtimeMinutes) => {
      const result = parseFilmDraft(draft({ runtimeMinutes }), NOW);
      return result.ok ? null : result.errors.runtimeMinutes;
    });
    expect(messages).toEqual([
      'Runtime cannot be negative.',
      'Runtime must be at least 1 minute, or left empty.',
      'Runtime must be a whole number of minutes.',
    ]);
  });

  it('names the cast row that has a role but no name', () => {
    const result = parseFilmDraft(draft({ cast: [{ name: 'A', role: '' }, { name: '', role: 'Ripley' }] }), NOW);
    expect(result.ok ? null : result.errors.cast).toBe('Cast member 2 has a role but no name.');
  });

  it('reports every field that needs fixing at once', () => {
    const result = parseFilmDraft(
      draft({ title: '', year: '1700', runtimeMinutes: '-1', overview: 'o'.repeat(20_001) }),
      NOW,
    );
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(['overview', 'runtimeMinutes', 'title', 'year']);
  });

  it('round-trips an existing film through the form unchanged, every field', () => {
    // Red Hot leaves the original title, runtime, country and language empty; Solaris fills them all, so a field
    // the form dropped or mangled cannot hide behind null.
    const solaris: Film = {
      ...seedFilm(NOW),
      title: 'Solaris',
      originalTitle: 'Солярис',
      year: 1972,
      directors: ['Andrei Tarkovsky'],
      cast: [{ name: 'Natalya Bondarchuk', role: 'Hari' }, { name: 'Donatas Banionis', role: 'Kris Kelvin' }],
      genres: ['Drama', 'Science Fiction'],
      runtimeMinutes: 167,
      country: 'Soviet Union',
      language: 'Russian',
      overview: 'A psychologist is sent to a space station orbiting an ocean planet.\n\nThe crew are not alone.',
    };
    for (const film of [seedFilm(NOW), solaris]) {
      const { title, originalTitle, year, directors, cast, genres, runtimeMinutes, country, language, overview } = film;
      expect(parseFilmDraft(filmDraftFromFilm(film), NOW), film.title).toEqual({
        ok: true,
        fields: { title, originalTitle, year, directors, cast, genres, runtimeMinutes, country, language, overview },
      });
    }
  });
});
