/** Lists for component tests: a ranked "Best of the 90s" holding Red Hot, Alien and Heat, with Heat watched. */
import { addFilm } from '../../renderer/src/db/films';
import { addFilmsToList, createList } from '../../renderer/src/db/lists';
import { SEED_FILM_ID } from '../../renderer/src/db/seed';
import { logViewing } from '../../renderer/src/db/viewings';
import type { FilmFields } from '../../renderer/src/domain/film';

export function filmFields(title: string, year: number): FilmFields {
  return {
    title, year, originalTitle: null, directors: [], cast: [], genres: [], runtimeMinutes: null, country: null, language: null, overview: null,
  };
}

export async function rankedListOfThree(): Promise<{ listId: string; alien: string; heat: string }> {
  const alien = await addFilm(filmFields('Alien', 1979));
  const heat = await addFilm(filmFields('Heat', 1995));
  const listId = await createList({ name: 'Best of the 90s', description: 'Mostly.', ranked: true });
  await addFilmsToList(listId, [SEED_FILM_ID, alien, heat]);
  await logViewing(heat, '2026-01-10');
  return { listId, alien, heat };
}
