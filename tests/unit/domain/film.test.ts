import { describe, expect, it } from 'vitest';
import { filmDisplayTitle, filmMatchKey, filmSortKey, filmTitleKeys, runtimeLabel } from '../../../renderer/src/domain/film';
import { foldText } from '../../../renderer/src/domain/text-fold';

describe('filmSortKey', () => {
  it('ignores a leading The, A or An', () => {
    expect(filmSortKey('The Godfather')).toBe('godfather');
    expect(filmSortKey('A Man Escaped')).toBe('man escaped');
    expect(filmSortKey('An American in Paris')).toBe('american in paris');
  });

  it('keeps an article that is the whole title or part of a word', () => {
    expect(filmSortKey('A')).toBe('a');
    expect(filmSortKey('Theodora Goes Wild')).toBe('theodora goes wild');
    expect(filmSortKey('Anatomy of a Murder')).toBe('anatomy of a murder');
  });

  it('is blind to case, accents and leading punctuation', () => {
    expect(filmSortKey('"Élite" Squad')).toBe('elite" squad');
    expect(filmSortKey('Ōkami')).toBe('okami');
  });
});

describe('foldText', () => {
  it('folds letters that Unicode decomposition leaves alone', () => {
    expect(foldText('Żuławski')).toBe('zulawski');
    expect(foldText('Søren Kierkegaard')).toBe('soren kierkegaard');
    expect(foldText('Straße, Æon, Œuvre, Đorđe')).toBe('strasse, aeon, oeuvre, dorde');
  });
});

describe('film labels', () => {
  it('shows the year in brackets only when known', () => {
    expect(filmDisplayTitle({ title: 'Red Hot', year: 1993 })).toBe('Red Hot (1993)');
    expect(filmDisplayTitle({ title: 'Untitled', year: null })).toBe('Untitled');
  });

  it('writes runtimes in hours and minutes', () => {
    expect(runtimeLabel(107)).toBe('1 h 47 min');
    expect(runtimeLabel(52)).toBe('52 min');
    expect(runtimeLabel(120)).toBe('2 h');
    expect(runtimeLabel(null)).toBeNull();
  });
});

describe('filmMatchKey: two spellings of one title meet, different titles do not', () => {
  it.each([
    ['Amélie', 'AMELIE'],
    ['The Red Hot', 'Red-Hot'],
    ['Na srebrnym globie', 'Na Srebrnym Globie!'],
    ["L'Atalante", 'Atalante'],
    ['Le Samouraï', 'Samourai'],
    ['Das Boot', 'Boot'],
    ['8½', '8 ½'],
    ['Żuławski’s Possession', "zulawski's possession"],
  ])('%s matches %s', (a, b) => {
    expect(filmMatchKey(a)).toBe(filmMatchKey(b));
  });

  it.each([
    ['Amélie', 'Amelia'],
    ['Alien', 'Aliens'],
    ['8½', '8'],
    ['A', 'An'],
  ])('%s does not match %s', (a, b) => {
    expect(filmMatchKey(a)).not.toBe(filmMatchKey(b));
  });

  it('keeps a title that is only an article, and keys the original title too', () => {
    expect(filmMatchKey('The')).toBe('the');
    expect(filmTitleKeys({ title: 'Amélie', originalTitle: 'Le Fabuleux Destin d’Amélie Poulain' })).toEqual(['amelie', 'fabuleuxdestindameliepoulain']);
    expect(filmTitleKeys({ title: 'Heat', originalTitle: 'HEAT' })).toEqual(['heat']);
  });
});
