/** Watchlist and favourite: one press each, shown as pressed toggle buttons. */
import type { Film } from '../../domain/film';
import { setFilmFlag } from '../../db/tags';

export function FilmFlags({ film }: { film: Pick<Film, 'id' | 'watchlist' | 'favourite'> }) {
  return (
    <div className="film-flags" role="group" aria-label="Flags">
      <button
        type="button"
        className="flag-toggle"
        aria-pressed={film.watchlist}
        onClick={() => void setFilmFlag(film.id, 'watchlist', !film.watchlist)}
      >
        <span aria-hidden="true">{film.watchlist ? '◉' : '○'}</span> Watchlist
      </button>
      <button
        type="button"
        className="flag-toggle"
        aria-pressed={film.favourite}
        onClick={() => void setFilmFlag(film.id, 'favourite', !film.favourite)}
      >
        <span aria-hidden="true">{film.favourite ? '♥' : '♡'}</span> Favourite
      </button>
    </div>
  );
}

/** Small badges for a film's flags in the Library; nothing when neither is set. */
export function FlagBadges({ film }: { film: Pick<Film, 'watchlist' | 'favourite'> }) {
  if (!film.watchlist && !film.favourite) return null;
  return (
    <span className="flag-badges">
      {film.watchlist && (
        <span className="badge badge-watchlist" title="On your watchlist">
          Watchlist
        </span>
      )}
      {film.favourite && (
        <span className="badge badge-favourite" title="Favourite">
          <span aria-hidden="true">♥</span>
          <span className="visually-hidden">Favourite</span>
        </span>
      )}
    </span>
  );
}
