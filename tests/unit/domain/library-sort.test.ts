import { describe, expect, it } from 'vitest';
import { compareFilmsBy, defaultLibrarySort, parseLibrarySort, withFilmsReplaced } from '../../../renderer/src/domain/library-sort';
import { filmSortKey } from '../../../renderer/src/domain/film';
import type { HalfStars } from '../../../renderer/src/domain/rating';

const film = (title: string, year: number | null, rating: HalfStars | null, createdAt: string, runtimeMinutes: number | null = null, lastWatched: string | null = null) => ({
  id: title,
  title,
  sortTitle: filmSortKey(title),
  year,
  rating,
  createdAt,
  runtimeMinutes,
  lastWatched,
});

const films = [
  film('The Zone of Interest', 2023, 8, '2026-01-03T00:00:00Z'),
  film('Alien', 1979, null, '2026-01-01T00:00:00Z'),
  film('An Autumn Afternoon', 1962, 10, '2026-01-04T00:00:00Z'),
  film('Red Hot', 1993, 6, '2026-01-02T00:00:00Z'),
  film('Undated', null, 8, '2026-01-05T00:00:00Z'),
];
const titles = (sorted: typeof films) => sorted.map((f) => f.title);

describe('Library order', () => {
  it('sorts by last watched (partial dates in place) and by runtime, unknowns last both ways', () => {
    const seen = [
      film('May', 2000, null, '2026-01-01T00:00:00Z', 120, '1999-05'),
      film('Day', 2000, null, '2026-01-01T00:00:00Z', 90, '1999-05-12'),
      film('Year', 2000, null, '2026-01-01T00:00:00Z', null, '1999'),
      film('Never', 2000, null, '2026-01-01T00:00:00Z', 200, null),
      film('Later', 2000, null, '2026-01-01T00:00:00Z', 95, '2001-01-01'),
    ];
    expect(titles([...seen].sort(compareFilmsBy({ by: 'watched', direction: 'desc' })))).toEqual(['Later', 'Day', 'May', 'Year', 'Never']);
    expect(titles([...seen].sort(compareFilmsBy({ by: 'watched', direction: 'asc' })))).toEqual(['Year', 'May', 'Day', 'Later', 'Never']);
    expect(titles([...seen].sort(compareFilmsBy({ by: 'runtime', direction: 'asc' })))).toEqual(['Day', 'Later', 'May', 'Never', 'Year']);
    expect(titles([...seen].sort(compareFilmsBy({ by: 'runtime', direction: 'desc' })))).toEqual(['Never', 'May', 'Later', 'Day', 'Year']);
  });

  it('sorts by title ignoring leading articles', () => {
    expect(titles([...films].sort(compareFilmsBy({ by: 'title', direction: 'asc' })))).toEqual([
      'Alien', 'An Autumn Afternoon', 'Red Hot', 'Undated', 'The Zone of Interest',
    ]);
  });

  it('sorts by year with unknown years last in both directions', () => {
    expect(titles([...films].sort(compareFilmsBy({ by: 'year', direction: 'asc' })))).toEqual([
      'An Autumn Afternoon', 'Alien', 'Red Hot', 'The Zone of Interest', 'Undated',
    ]);
    // The whole order, not just the last film: a sort that ignored the direction would still end on Undated.
    expect(titles([...films].sort(compareFilmsBy({ by: 'year', direction: 'desc' })))).toEqual([
      'The Zone of Interest', 'Red Hot', 'Alien', 'An Autumn Afternoon', 'Undated',
    ]);
  });

  it('sorts by rating, best first when descending, ties by title, unrated last', () => {
    expect(titles([...films].sort(compareFilmsBy({ by: 'rating', direction: 'desc' })))).toEqual([
      'An Autumn Afternoon', 'Undated', 'The Zone of Interest', 'Red Hot', 'Alien',
    ]);
    // Ascending too: treating "unrated" as the lowest rating puts it last when descending, but first here.
    expect(titles([...films].sort(compareFilmsBy({ by: 'rating', direction: 'asc' })))).toEqual([
      'Red Hot', 'Undated', 'The Zone of Interest', 'An Autumn Afternoon', 'Alien',
    ]);
  });

  it('sorts by date added', () => {
    // This order matches no other key (the ids are the titles, so a sort by id would also start with Undated).
    expect(titles([...films].sort(compareFilmsBy({ by: 'added', direction: 'desc' })))).toEqual([
      'Undated', 'An Autumn Afternoon', 'The Zone of Interest', 'Red Hot', 'Alien',
    ]);
  });

  it('reads a stored sort back, and falls back to title order for anything unknown', () => {
    expect(parseLibrarySort({ by: 'year', direction: 'desc' })).toEqual({ by: 'year', direction: 'desc' });
    expect(parseLibrarySort({ by: 'colour', direction: 'asc' })).toEqual(defaultLibrarySort);
    expect(parseLibrarySort('nonsense')).toEqual(defaultLibrarySort);
    expect(parseLibrarySort(undefined)).toEqual(defaultLibrarySort);
  });
});

describe('withFilmsReplaced', () => {
  const byRating = compareFilmsBy({ by: 'rating', direction: 'desc' });
  it('moves a re-rated film into place, inserts a new one and drops a deleted one, as a full sort would', () => {
    const films = ['Alien', 'Heat', 'Ran', 'Up'].map((title, index) => film(title, 1980 + index, [9, 7, 5, 3][index] as HalfStars, '2026-01-01T00:00:00Z'));
    const sorted = [...films].sort(byRating);
    const changes = new Map<string, (typeof films)[number] | null>([
      [films[3]!.id, { ...films[3]!, rating: 10 as HalfStars }],
      [films[1]!.id, null],
      ['new', { ...film('Zelig', 1983, 6, '2026-01-01T00:00:00Z'), id: 'new' }],
    ]);
    const expected = [...films.filter((candidate) => !changes.has(candidate.id)), ...[...changes.values()].filter((candidate) => candidate !== null)].sort(byRating);
    expect(withFilmsReplaced(sorted, changes, byRating).map((candidate) => candidate.title)).toEqual(expected.map((candidate) => candidate.title));
    expect(withFilmsReplaced(sorted, changes, byRating).map((candidate) => candidate.title)).toEqual(['Up', 'Alien', 'Zelig', 'Ran']);
  });
});
