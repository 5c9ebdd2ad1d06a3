/** Live views of lists for components: each re-renders when the lists, their entries or viewings change. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { FilmList } from '../../domain/list';
import {
  allLists,
  entriesOfList,
  listById,
  listsOfFilm,
  type FilmListPlace,
  type ListEntryRow,
  type ListSummary,
} from '../../db/lists';

/** Every list by name with its counts; undefined while loading. */
export function useAllLists(): ListSummary[] | undefined {
  return useLiveQuery(() => allLists(), []);
}

/** One list: undefined while loading, null when it does not exist. */
export function useList(id: string): FilmList | null | undefined {
  return useLiveQuery(async () => (await listById(id)) ?? null, [id]);
}

/** A list's films in order, with whether each has been seen. */
export function useListEntries(listId: string): ListEntryRow[] | undefined {
  return useLiveQuery(() => entriesOfList(listId), [listId]);
}

/** The lists a film is in, with its place in each. */
export function useListsOfFilm(filmId: string): FilmListPlace[] | undefined {
  return useLiveQuery(() => listsOfFilm(filmId), [filmId]);
}
