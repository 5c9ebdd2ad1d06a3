/**
 * A Library view in words ("“godf” · Drama · 1990s · by year, newest first"): the title of an export of the view,
 * the line under a smart list's name, and the name a new smart list is offered.
 */
import { noFilters, type LibraryView } from '../../domain/library-query';
import { librarySortLabels } from '../../domain/library-sort';
import { ratingLabel } from '../../domain/rating';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The search and filters of a view ("" when it has none). */
export function describeFilters(view: Pick<LibraryView, 'search' | 'filters'>): string {
  const { filters } = view;
  const parts: string[] = [];
  if (view.search.trim() !== '') parts.push(`“${view.search.trim()}”`);
  if (filters.watchlist) parts.push('watchlist');
  if (filters.favourite) parts.push('favourites');
  if (filters.loaned) parts.push('loaned out');
  if (filters.watched !== 'any') parts.push(filters.watched === 'watched' ? 'watched' : 'not watched');
  if (filters.ratingFrom !== null || filters.ratingTo !== null) {
    const from = filters.ratingFrom === null ? null : ratingLabel(filters.ratingFrom);
    const to = filters.ratingTo === null ? null : ratingLabel(filters.ratingTo);
    parts.push(from && to ? `rated ${from} to ${to}` : from ? `rated ${from} or more` : `rated ${to ?? ''} or less`);
  }
  if (filters.unrated) parts.push('unrated');
  if (filters.yearFrom !== null || filters.yearTo !== null) parts.push(`${filters.yearFrom ?? '…'}–${filters.yearTo ?? '…'}`);
  if (filters.decades.length > 0) parts.push(filters.decades.map((decade) => `${decade}s`).join(' or '));
  for (const values of [filters.genres, filters.countries, filters.languages, filters.formats]) if (values.length > 0) parts.push(values.join(' or '));
  if (filters.tags.length > 0) parts.push(`tagged ${filters.tags.join(' or ')}`);
  if (filters.lists.length > 0) parts.push(`on ${plural(filters.lists.length, 'chosen list', 'chosen lists')}`);
  return parts.join(' · ');
}

/** The whole view, order included. */
export function describeView(view: LibraryView): string {
  const order = `by ${librarySortLabels[view.sort.by].toLowerCase()}${view.sort.direction === 'desc' ? ', descending' : ''}`;
  const filters = describeFilters(view);
  return filters === '' ? `All films, ${order}` : `${filters}, ${order}`;
}

export const isUnfiltered = (view: LibraryView) => view.search === '' && JSON.stringify(view.filters) === JSON.stringify(noFilters);
