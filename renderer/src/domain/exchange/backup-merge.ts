/**
 * Merging a backup into the catalog instead of replacing it: the backup becomes an ImportPlan, so it is matched,
 * previewed, written in one transaction and undone exactly as an import is. What a plan cannot carry stays out of a
 * merge (a film's seed sections and tagline, returned loans, list entries' dates): Replace restores everything.
 */
import { filmDisplayTitle } from '../film';
import { compareListEntries } from '../list';
import type { CatalogSnapshot } from './backup';
import { emptyImportPlan, type ImportPlan } from './import-plan';

export function planFromBackup(snapshot: CatalogSnapshot, sourceName: string): ImportPlan {
  const plan = emptyImportPlan('cinefile', sourceName);
  const origin = (table: string) => ({ file: `tables/${table}.json`, line: null });
  const posterOf = new Map(snapshot.posters.map((poster) => [poster.id, poster]));
  for (const film of snapshot.films) {
    const { title, originalTitle, year, directors, cast, genres, runtimeMinutes, country, language, overview } = film;
    const poster = film.poster?.kind === 'image' ? posterOf.get(film.poster.posterId) : undefined;
    if (poster) plan.images[poster.id] = { bytes: poster.image, mimeType: poster.mimeType };
    plan.films.push({
      ref: film.id,
      fields: { title, originalTitle, year, directors, cast, genres, runtimeMinutes, country, language, overview },
      externalIds: film.externalIds,
      rating: film.rating,
      watchlist: film.watchlist,
      favourite: film.favourite,
      tags: film.tags,
      ...(poster ? { posterPath: poster.id } : {}),
      origin: origin('films'),
    });
  }
  for (const viewing of snapshot.viewings) {
    const { filmId, watchedOn, rewatch, rating, medium, note } = viewing;
    plan.viewings.push({ filmRef: filmId, watchedOn, rewatch, rating, medium, note, origin: origin('viewings') });
  }
  for (const note of snapshot.notes) {
    plan.notes.push({ filmRef: note.filmId, body: note.body, writtenOn: note.createdAt.slice(0, 10), origin: origin('notes') });
  }
  for (const list of snapshot.lists) {
    const entries = snapshot.listEntries.filter((entry) => entry.listId === list.id).sort(compareListEntries);
    plan.lists.push({
      name: list.name,
      description: list.description,
      ranked: list.ranked,
      entries: entries.map((entry) => ({ filmRef: entry.filmId, note: entry.note })),
      origin: origin('lists'),
    });
  }
  for (const copy of snapshot.copies) {
    const { id, filmId, format, createdAt: _created, updatedAt: _updated, importId: _import, ...details } = copy;
    const loan = snapshot.loans.find((candidate) => candidate.copyId === id && candidate.returnedOn === null);
    plan.copies.push({
      filmRef: filmId,
      format,
      details,
      loan: loan ? { borrower: loan.borrower, lentOn: loan.lentOn, dueOn: loan.dueOn } : null,
      origin: origin('copies'),
    });
  }
  const returned = snapshot.loans.filter((loan) => loan.returnedOn !== null);
  if (returned.length > 0) {
    const titleOf = new Map(snapshot.films.map((film) => [film.id, filmDisplayTitle(film)]));
    for (const loan of returned) {
      plan.skipped.push({
        origin: origin('loans'),
        title: titleOf.get(loan.filmId) ?? null,
        reason: `A past loan (to ${loan.borrower}, returned ${loan.returnedOn}) is history a merge does not bring in; Replace restores it.`,
      });
    }
  }
  return plan;
}
