// Properties of the search index against a plain reference: for random films (accented letters, ł ß æ, hyphens,
// shared words), random edits and removals, and queries made from prefixes of a film's words, the index finds
// exactly the films where every query word is the prefix of one of their words, with the reference's ranks, in the
// documented order; and the fast tokenizer agrees with folding the whole text and splitting it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filmSortKey } from '../../../renderer/src/domain/film';
import { SearchIndex, type SearchableFilm } from '../../../renderer/src/domain/search-index';
import { foldForSearch, queryWords, tokenize } from '../../../renderer/src/domain/search-words';

const syllables = ['ka', 'lo', 'mé', 'ła', 'ße', 'æn', 'ro', 'ÉL', 'Zu', 'o', 'ñ', '8', 'ri'];
const word = fc.array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));
const text = (max: number) =>
  fc.array(fc.tuple(word, fc.constantFrom(' ', '-', ', ', '’', ' — ')), { minLength: 1, maxLength: max }).map((pairs) => pairs.map(([w, gap]) => w + gap).join('').trim());

const filmArb: fc.Arbitrary<SearchableFilm> = fc.record({
  title: text(4),
  originalTitle: fc.option(text(3), { nil: null }),
  directors: fc.array(text(2), { maxLength: 2 }),
  cast: fc.array(fc.record({ name: text(2), role: text(2) }), { maxLength: 3 }),
  tags: fc.array(word, { maxLength: 2 }),
  notes: fc.array(text(8), { maxLength: 2 }),
});

/** Each field class's words: 0 titles, 1 directors/cast/tags, 2 notes. */
function wordsByRank(film: SearchableFilm): string[][] {
  return [
    [film.title, film.originalTitle ?? ''].flatMap(tokenize),
    [...film.directors, ...film.cast.flatMap((member) => [member.name, member.role]), ...film.tags].flatMap(tokenize),
    film.notes.flatMap(tokenize),
  ];
}

/** The reference: matches, rank (worst word's best field) and title hits, or null when a word matches nothing. */
function reference(film: SearchableFilm, words: string[]): { rank: number; titleHits: number } | null {
  const fields = wordsByRank(film);
  let rank = 0;
  let titleHits = 0;
  for (const query of words) {
    const best = fields.findIndex((field) => field.some((token) => token.startsWith(query)));
    if (best < 0) return null;
    rank = Math.max(rank, best);
    if (best === 0) titleHits += 1;
  }
  return { rank, titleHits };
}

const operation = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), film: fc.nat(11), fields: filmArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), film: fc.nat(11) }) },
);

describe('SearchIndex properties', () => {
  it('finds exactly the films where every query word starts a word, ranked and ordered as documented', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 40 }), fc.constantFrom(4, 64, 65_536), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.nat(), (operations, mergeAt, picks, lengthSeed) => {
        const index = new SearchIndex({ mergeAt });
        const films = new Map<string, SearchableFilm>();
        for (const step of operations) {
          const id = `film-${step.film}`;
          if (step.kind === 'set') {
            index.set(id, step.fields);
            films.set(id, step.fields);
          } else {
            index.remove(id);
            films.delete(id);
          }
        }
        expect(index.size).toBe(films.size);
        if (films.size === 0) return;
        // A query made of prefixes of words of one film.
        const chosen = [...films.values()][lengthSeed % films.size] as SearchableFilm;
        const its = wordsByRank(chosen).flat();
        const query = picks.map((pick, at) => {
          const token = its[pick % its.length] as string;
          return token.slice(0, 1 + ((lengthSeed + at) % token.length));
        });
        const results = index.query(query.join(' '));
        const words = queryWords(query.join(' '));

        const expected = [...films]
          .map(([id, film]) => ({ id, film, match: reference(film, words) }))
          .filter((entry) => entry.match !== null);
        expect(results.map((hit) => hit.id).sort()).toEqual(expected.map((entry) => entry.id).sort());
        expect(results.some((hit) => films.get(hit.id) === chosen)).toBe(true);
        const byId = new Map(expected.map((entry) => [entry.id, entry]));
        for (const hit of results) expect(hit.rank).toBe(byId.get(hit.id)?.match?.rank);
        // Ordered by rank, then more title hits, then title sort key.
        const keys = results.map((hit) => {
          const entry = byId.get(hit.id) as (typeof expected)[number];
          return [entry.match?.rank ?? 0, -(entry.match?.titleHits ?? 0), filmSortKey(entry.film.title)] as const;
        });
        for (let i = 1; i < keys.length; i++) {
          const [a, b] = [keys[i - 1], keys[i]] as [(typeof keys)[number], (typeof keys)[number]];
          const inOrder = a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2])));
          expect(inOrder).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds a film by the beginning of any of its words as written, accents and capitals included', () => {
    fc.assert(
      fc.property(fc.array(filmArb, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), (films, pick, cut) => {
        const index = new SearchIndex();
        films.forEach((film, at) => index.set(`film-${at}`, film));
        const target = films[pick % films.length] as SearchableFilm;
        const written = [target.title, target.originalTitle ?? '', ...target.directors, ...target.cast.flatMap((member) => [member.name, member.role]), ...target.tags, ...target.notes]
          .join(' ')
          .match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
        const word = [...(written[cut % written.length] as string)];
        const typed = word.slice(0, 1 + (cut % word.length)).join('');
        expect(index.query(typed).map((hit) => hit.id)).toContain(`film-${pick % films.length}`);
      }),
      { numRuns: 300 },
    );
  });

  it('orders many results (a pass over title order) as it orders few (a sort)', () => {
    const index = new SearchIndex({ mergeAt: 64 }); // so that removing 200 films merges, leaving 6 in title order
    const titles = ['Kalo Ri', 'Ri Kalo', 'Mé Kalo', 'Kalo', 'Ło Ri', 'Zu'];
    titles.forEach((title, i) => index.set(`t${i}`, { title, originalTitle: null, directors: [], cast: [{ name: 'Kalo Person', role: '' }], tags: [], notes: [] }));
    for (let i = 0; i < 200; i++) index.set(`other${i}`, { title: `Other ${i}`, originalTitle: null, directors: [], cast: [], tags: [], notes: [] });
    const few = index.query('kalo').map((hit) => hit.id); // 6 of 206 films: sorted
    for (let i = 0; i < 200; i++) index.remove(`other${i}`);
    index.flush();
    const many = index.query('kalo').map((hit) => hit.id); // 6 of 6: dealt in title order
    expect(many).toEqual(few);
    expect(few).toEqual(['t3', 't0', 't2', 't1', 't4', 't5']);
  });

  it('tokenizes as folding the whole text and splitting it on anything not a letter, digit or mark', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), (graphemes, binary) => {
        for (const value of [graphemes, binary, `${graphemes} Mueller-Stahl Żuławski ß`]) {
          expect(tokenize(value)).toEqual(foldForSearch(value).match(/[\p{L}\p{N}\p{M}]+/gu) ?? []);
        }
      }),
      { numRuns: 500 },
    );
  });
});
