/** Watchlist and favourite: one press each, shown as pressed toggle buttons. */
import { filmDisplayTitle, type Film } from '../../domain/film';
import { setFilmFlag, type FilmFlag } from '../../db/films';
import { useCatalogActions } from '../common/useCatalogActions';

/** What turning a flag on or off did, and what it did not do when it failed ("“Alien” was not added to …"). */
export function flagChangeText(flag: FilmFlag, on: boolean, title: string): { done: string; notDone: string } {
  if (flag === 'watchlist') {
    return on
      ? { done: `Added ${title} to your watchlist.`, notDone: `${title} was not added to your watchlist` }
      : { done: `Removed ${title} from your watchlist.`, notDone: `${title} was not removed from your watchlist` };
  }
  return on
    ? { done: `Marked ${title} as a favourite.`, notDone: `${title} was not marked as a favourite` }
    : { done: `Unmarked ${title} as a favourite.`, notDone: `${title} was not unmarked as a favourite` };
}

/** Each flag's label and its glyph when on and off. */
const flagToggles: readonly { flag: FilmFlag; label: string; on: string; off: string }[] = [
  { flag: 'watchlist', label: 'Watchlist', on: '◉', off: '○' },
  { flag: 'favourite', label: 'Favourite', on: '♥', off: '♡' },
];

export function FilmFlags({ film }: { film: Pick<Film, 'id' | 'title' | 'year' | 'watchlist' | 'favourite'> }) {
  const { write } = useCatalogActions();
  const toggle = (flag: FilmFlag) => {
    const on = !film[flag];
    write(flagChangeText(flag, on, `“${filmDisplayTitle(film)}”`).notDone, () => setFilmFlag(film.id, flag, on));
  };
  return (
    <div className="film-flags" role="group" aria-label="Flags">
      {flagToggles.map(({ flag, label, on, off }) => (
        <button
          key={flag}
          type="button"
          className="flag-toggle"
          aria-pressed={film[flag]}
          onClick={() => toggle(flag)}
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
