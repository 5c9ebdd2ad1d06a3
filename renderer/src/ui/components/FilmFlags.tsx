/** Watchlist and favourite: one press each, shown as pressed toggle buttons. */
import type { Film } from '../../domain/film';
import { setFilmFlag, type FilmFlag } from '../../db/tags';

/** Each flag's label and its glyph when on and off. */
const flagToggles: readonly { flag: FilmFlag; label: string; on: string; off: string }[] = [
  { flag: 'watchlist', label: 'Watchlist', on: '◉', off: '○' },
  { flag: 'favourite', label: 'Favourite', on: '♥', off: '♡' },
];

export function FilmFlags({ film }: { film: Pick<Film, 'id' | 'watchlist' | 'favourite'> }) {
  return (
    <div className="film-flags" role="group" aria-label="Flags">
      {flagToggles.map(({ flag, label, on, off }) => (
        <button
          key={flag}
          type="button"
          className="flag-toggle"
          aria-pressed={film[flag]}
          onClick={() => void setFilmFlag(film.id, flag, !film[flag])}
        >
          <span aria-hidden="true">{film[flag] ? on : off}</span> {label}
        </button>
      ))}
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
