/**
 * Films: the one way the UI, imports and tests read and change them. Every change to an existing film — fields,
 * rating, flags, tags, poster — goes through one helper (./change) that stamps updatedAt and refuses a film that is
 * gone; the files beside this one group the changes by what they touch.
 */
export { changedSummaryIds, filmById, firstLibrarySummaries, librarySummaries, summariesByIds } from './summaries';
export { addFilm, addFilmRecords, deleteFilm, deleteFilms, rateFilm, restoreDeletedFilm, updateFilm, type DeletedFilm } from './fields';
export {
  addTagToFilm,
  allTags,
  removeTagFromFilm,
  renameTag,
  restoreTags,
  setFilmFlag,
  setFlagOnFilms,
  toggleFilmFlag,
  type FilmFlag,
  type TagsBefore,
} from './flags-and-tags';
export { removeFilmPoster, setFilmPoster, undoPosterChange, type PosterChange, type PosterImageMeta } from './poster';
export { changeFilms, type FilmChanges, type FilmChangesOf } from './change';
