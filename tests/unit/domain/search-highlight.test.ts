// Highlighting matched word beginnings in text as written: accents, letters whose fold is longer (ß, æ), hyphens,
// several query words, and the property that the parts always join back into the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightParts } from '../../../renderer/src/domain/search-highlight';

const marked = (text: string, words: string[]) =>
  highlightParts(text, words)
    .map((part) => (part.match ? `[${part.text}]` : part.text))
    .join('');

describe('highlightParts', () => {
  it('marks the beginning of each word that a query word is the prefix of, in the text as written', () => {
    expect(marked('Amélie', ['ame'])).toBe('[Amé]lie');
    expect(marked('Le Fabuleux Destin d’Amélie Poulain', ['amelie', 'pou'])).toBe('Le Fabuleux Destin d’[Amélie] [Pou]lain');
    expect(marked('Andrzej Żuławski', ['zulaw'])).toBe('Andrzej [Żuław]ski');
    expect(marked('Armin Mueller-Stahl', ['stahl', 'mue'])).toBe('Armin [Mue]ller-[Stahl]');
    expect(marked('The Godfather Part II', ['godf', 'par'])).toBe('The [Godf]ather [Par]t II');
    expect(marked('The Godfather', ['odf'])).toBe('The Godfather'); // prefixes only
  });

  it('marks a letter whose fold is longer whole, and combining accents with their letter', () => {
    expect(marked('Straße', ['stras'])).toBe('[Straß]e');
    expect(marked('Straße', ['strass'])).toBe('[Straß]e');
    expect(marked('Ærø', ['a'])).toBe('[Æ]rø');
    expect(marked('Ærø', ['aer'])).toBe('[Ær]ø');
    expect(marked('Ame\u0301lie', ['ame'])).toBe('[Ame\u0301]lie');
  });

  it('marks the longest beginning when several query words match, and folds the query words too', () => {
    expect(marked('Godfather', ['g', 'godf'])).toBe('[Godf]ather');
    expect(marked('Amélie', ['AMÉ'])).toBe('[Amé]lie');
    expect(highlightParts('Heat', [])).toEqual([{ text: 'Heat', match: false }]);
    expect(highlightParts('', ['a'])).toEqual([]);
    expect(highlightParts('Heat', ['heat'])).toEqual([{ text: 'Heat', match: true }]);
  });

  it('always cuts the text into parts that join back into it, never two of a kind side by side', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.array(fc.string({ unit: 'grapheme', maxLength: 4 }), { maxLength: 3 }), (text, words) => {
        const parts = highlightParts(text, words);
        expect(parts.map((part) => part.text).join('')).toBe(text);
        parts.forEach((part, index) => {
          expect(part.text).not.toBe('');
          if (index > 0) expect(part.match).not.toBe(parts[index - 1]?.match);
        });
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'ß', 'æ', 'é', 'e\u0301', 'Ł', '-', ' ', 'İ'), maxLength: 30 }), fc.constantFrom('a', 'ss', 'ae', 'e', 'l', 'i', 'sa'), (text, word) => {
        expect(highlightParts(text, [word]).map((part) => part.text).join('')).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
