/**
 * Which catalog film a planned film is: by external id first (an IMDb id, a Letterboxd address), then by title keys
 * and year. Two films with the same title and year but different IMDb ids are different films.
 */
import { filmTitleKeys, type Film } from '../film';
import type { ImportedFilm } from './import-plan';

const kindOf = (id: string) => id.slice(0, id.indexOf(':'));

/** Finds the catalog film a planned film is, or undefined for a new one. */
export class FilmMatcher {
  private readonly byExternalId = new Map<string, Film>();
  private readonly byTitleKey = new Map<string, Film[]>();

  constructor(films: readonly Film[]) {
    // Oldest first, so that of two equally good candidates the one catalogued first wins, every time.
    for (const film of [...films].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))) this.add(film);
  }

  add(film: Film): void {
    this.addIds(film, film.externalIds);
    this.addTitleKeys(film);
  }

  /** Indexes the film under its title keys (again after an original title was filled in). */
  addTitleKeys(film: Film): void {
    for (const key of film.titleKeys) {
      const films = this.byTitleKey.get(key) ?? [];
      if (!films.includes(film)) this.byTitleKey.set(key, [...films, film]);
    }
  }

  /** Ids a film gains during this import find it too, so a later planned film with the same id is the same film. */
  addIds(film: Film, ids: readonly string[]): void {
    for (const id of ids) if (!this.byExternalId.has(id)) this.byExternalId.set(id, film);
  }

  /** The catalog film `planned` is: a planned film of an import, or a film of another catalog being joined. */
  match(planned: Pick<ImportedFilm, 'externalIds'> & { fields: Pick<ImportedFilm['fields'], 'title' | 'originalTitle' | 'year'> }): Film | undefined {
    for (const id of planned.externalIds) {
      const film = this.byExternalId.get(id);
      if (film) return film;
    }
    // Two films with the same title and year but different IMDb ids are different films.
    const imdb = planned.externalIds.filter((id) => kindOf(id) === 'imdb');
    const compatible = (film: Film) =>
      imdb.length === 0 || !film.externalIds.some((id) => kindOf(id) === 'imdb' && !imdb.includes(id));
    const candidates = [...new Set(filmTitleKeys(planned.fields).flatMap((key) => this.byTitleKey.get(key) ?? []))].filter(compatible);
    // A known year must agree (or the catalog's film has none); an export without a year takes the film of that
    // title catalogued first — the one it took last time too, so importing again finds the same film.
    const year = planned.fields.year;
    if (year === null) return candidates[0];
    return candidates.find((film) => film.year === year) ?? candidates.find((film) => film.year === null);
  }
}
