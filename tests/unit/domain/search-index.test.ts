// The search index: folding (accents, ł ø ß æ, hyphens), word-prefix matching with every query word, ranking
// (title, then directors/cast/tags, then notes), replacing and removing films, and purging what they leave behind.
import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchableFilm } from '../../../renderer/src/domain/search-index';
import { tokenize } from '../../../renderer/src/domain/search-words';

function film(title: string, patch: Partial<SearchableFilm> = {}): SearchableFilm {
  return { title, originalTitle: null, directors: [], cast: [], tags: [], notes: [], ...patch };
}

function indexOf(films: Record<string, SearchableFilm>): SearchIndex {
  const index = new SearchIndex();
  for (const [id, fields] of Object.entries(films)) index.set(id, fields);
  return index;
}

const ids = (index: SearchIndex, query: string) => index.query(query).map((entry) => entry.id);

describe('tokenize', () => {
  it('folds case, accents and the letters without decomposition, and splits on anything not a letter or digit', () => {
    expect(tokenize('Amélie')).toEqual(['amelie']);
    expect(tokenize('Andrzej Żuławski')).toEqual(['andrzej', 'zulawski']);
    expect(tokenize('Armin Mueller-Stahl')).toEqual(['armin', 'mueller', 'stahl']);
    expect(tokenize('Straße, Ærø & Œuvre: 8½ (1963)!')).toEqual(['strasse', 'aero', 'oeuvre', '8½', '1963']);
    expect(tokenize("L'Atalante — Đorđe")).toEqual(['l', 'atalante', 'dorde']);
    expect(tokenize('  ...  ')).toEqual([]);
  });
});

describe('SearchIndex', () => {
  const index = indexOf({
    amelie: film('Le Fabuleux Destin d’Amélie Poulain', { originalTitle: 'Amélie', directors: ['Jean-Pierre Jeunet'], cast: [{ name: 'Audrey Tautou', role: 'Amélie Poulain' }] }),
    possession: film('Possession', { directors: ['Andrzej Żuławski'], cast: [{ name: 'Isabelle Adjani', role: 'Anna / Helen' }] }),
    godfather2: film('The Godfather Part II', { directors: ['Francis Ford Coppola'], cast: [{ name: 'Al Pacino', role: 'Michael Corleone' }] }),
    godfather: film('The Godfather', { directors: ['Francis Ford Coppola'], cast: [{ name: 'Marlon Brando', role: 'Don Vito Corleone' }] }),
    shine: film('Shine', { cast: [{ name: 'Armin Mueller-Stahl', role: 'Peter Helfgott' }], tags: ['Piano'] }),
    heat: film('Heat', { notes: ['Watched it for Pacino, stayed for the bank robbery and the score.'], tags: ['crime'] }),
  });

  it('is case- and diacritics-insensitive, including ł, ø, ß, æ and hyphenated names', () => {
    expect(ids(index, 'amelie')).toEqual(['amelie']);
    expect(ids(index, 'AMÉLIE')).toEqual(['amelie']);
    expect(ids(index, 'zulawski')).toEqual(['possession']);
    expect(ids(index, 'Żuławski')).toEqual(['possession']);
    expect(ids(index, 'mueller')).toEqual(['shine']);
    expect(ids(index, 'stahl')).toEqual(['shine']);
    expect(ids(index, 'mueller-stahl')).toEqual(['shine']);
    const german = indexOf({ a: film('Straße der Ærø', { cast: [{ name: 'Bjørn Łoś', role: '' }] }) });
    expect(ids(german, 'strasse aero')).toEqual(['a']);
    expect(ids(german, 'bjorn los')).toEqual(['a']);
    expect(ids(german, 'stras')).toEqual(['a']);
  });

  it('needs every query word to be the prefix of some word of the film', () => {
    expect(ids(index, 'godf par')).toEqual(['godfather2']);
    expect(ids(index, 'godf')).toEqual(['godfather', 'godfather2']);
    expect(ids(index, 'godf brando')).toEqual(['godfather']);
    expect(ids(index, 'odfather')).toEqual([]); // prefixes only, not infixes
    expect(ids(index, 'godf zzz')).toEqual([]);
    expect(ids(index, '')).toEqual([]);
    expect(ids(index, ' - ')).toEqual([]);
  });

  it('finds directors, cast names and roles, tags and notes', () => {
    expect(ids(index, 'jeunet')).toEqual(['amelie']);
    expect(ids(index, 'pierre')).toEqual(['amelie']);
    expect(ids(index, 'corleone')).toEqual(['godfather', 'godfather2']);
    expect(ids(index, 'vito')).toEqual(['godfather']);
    expect(ids(index, 'piano')).toEqual(['shine']);
    expect(ids(index, 'robbery')).toEqual(['heat']);
  });

  it('ranks title matches above directors/cast/tags, and those above notes', () => {
    expect(index.query('pacino')).toEqual([
      { id: 'godfather2', rank: 1 },
      { id: 'heat', rank: 2 },
    ]);
    const ranked = indexOf({
      note: film('Zebra', { notes: ['a film about a heist'] }),
      cast: film('Yak', { cast: [{ name: 'Heist Person', role: '' }] }),
      title: film('Xylophone Heist'),
    });
    expect(ranked.query('heist')).toEqual([
      { id: 'title', rank: 0 },
      { id: 'cast', rank: 1 },
      { id: 'note', rank: 2 },
    ]);
    // A film's rank is its worst query word's: title + cast is rank 1, ahead of cast + note (rank 2).
    expect(ranked.query('heist pers')).toEqual([{ id: 'cast', rank: 1 }]);
  });

  it('breaks ties by how many query words are in the title, then by title', () => {
    const films = indexOf({
      one: film('Night Train', { cast: [{ name: 'Bo Lisbon', role: '' }] }),
      two: film('Lisbon Night'),
      three: film('A Night in Lisbon'),
      four: film('Morning', { cast: [{ name: 'Night Lisbon', role: '' }] }),
    });
    // Titles sort as in the Library: "A Night in Lisbon" under N, after "Lisbon Night".
    expect(films.query('night lisb')).toEqual([
      { id: 'two', rank: 0 },
      { id: 'three', rank: 0 },
      { id: 'one', rank: 1 },
      { id: 'four', rank: 1 },
    ]);
  });

  it('replaces a film’s entry and removes films', () => {
    const films = indexOf({ a: film('Alien', { cast: [{ name: 'Sigourney Weaver', role: 'Ripley' }] }), b: film('Aliens') });
    expect(ids(films, 'alien')).toEqual(['a', 'b']);
    films.set('a', film('Blade Runner'));
    expect(ids(films, 'alien')).toEqual(['b']);
    expect(ids(films, 'ripley')).toEqual([]);
    expect(ids(films, 'blade')).toEqual(['a']);
    films.remove('b');
    films.remove('never-there');
    expect(ids(films, 'alien')).toEqual([]);
    expect(films.size).toBe(1);
    expect(films.has('b')).toBe(false);
  });

  it('stays right across many replacements (dead postings purged) and new words arriving one by one', () => {
    const films = new SearchIndex();
    for (let round = 0; round < 30; round++) {
      for (let i = 0; i < 100; i++) films.set(`f${i}`, film(`Film ${i} round${round}`, { tags: [`tag${(i + round) % 7}`] }));
      expect(films.query('film').length).toBe(100);
    }
    expect(ids(films, 'round29')).toHaveLength(100);
    expect(ids(films, 'round28')).toEqual([]);
    expect(ids(films, 'film 42')).toEqual(['f42']);
    films.set('new', film('Zzyzx Road'));
    expect(ids(films, 'zzy')).toEqual(['new']);
  });
});
