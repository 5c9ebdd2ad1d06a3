/** The Library's two layouts: a poster grid and a compact table. Both take the keyboard props of each film. */
import type { KeyboardEvent } from 'react';
import { Link } from 'wouter';
import { runtimeLabel, type Film } from '../../domain/film';
import { ratingGlyphs, ratingLabel } from '../../domain/rating';
import { FlagBadges } from './FilmFlags';
import { Poster } from './Poster';

export interface LibraryViewProps {
  films: Film[];
  selected: ReadonlySet<string>;
  onToggleSelected: (filmId: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  itemProps: (filmId: string) => { 'data-film-id': string; tabIndex: number; onFocus: () => void };
  describedBy: string;
}

function RatingBadge({ film }: { film: Film }) {
  if (film.rating === null) return null;
  return (
    <span className="rating-badge" role="img" aria-label={ratingLabel(film.rating)}>
      {ratingGlyphs(film.rating)}
    </span>
  );
}

function SelectBox({ film, selected, onToggle }: { film: Film; selected: boolean; onToggle: () => void }) {
  // Not a tab stop: Space selects the focused film; the box is for the mouse and for screen-reader browsing.
  return (
    <input
      type="checkbox"
      className="select-box"
      tabIndex={-1}
      aria-label={`Select ${film.title}`}
      checked={selected}
      onChange={onToggle}
    />
  );
}

export function LibraryGrid({ films, selected, onToggleSelected, onKeyDown, itemProps, describedBy }: LibraryViewProps) {
  return (
    <ul
      className={`library-grid ${selected.size > 0 ? 'is-selecting' : ''}`}
      aria-label="Films"
      aria-describedby={describedBy}
      data-layout="grid"
      onKeyDown={onKeyDown}
    >
      {films.map((film) => (
        <li key={film.id} className={selected.has(film.id) ? 'is-selected' : undefined}>
          <SelectBox film={film} selected={selected.has(film.id)} onToggle={() => onToggleSelected(film.id)} />
          <Link href={`/films/${film.id}`} className="library-card" {...itemProps(film.id)}>
            <Poster film={film} size="small" decorative />
            <span className="library-card-title">{film.title}</span>
            <span className="library-card-meta">
              {film.year ?? '—'} <RatingBadge film={film} /> <FlagBadges film={film} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function LibraryTable({ films, selected, onToggleSelected, onKeyDown, itemProps, describedBy }: LibraryViewProps) {
  return (
    <table className="library-table" aria-label="Films" aria-describedby={describedBy} data-layout="table" onKeyDown={onKeyDown}>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Selected</span>
          </th>
          <th scope="col">Title</th>
          <th scope="col">Year</th>
          <th scope="col">Director</th>
          <th scope="col">Runtime</th>
          <th scope="col">Rating</th>
          <th scope="col">Flags</th>
        </tr>
      </thead>
      <tbody>
        {films.map((film) => (
          <tr key={film.id} className={selected.has(film.id) ? 'is-selected' : undefined}>
            <td>
              <SelectBox film={film} selected={selected.has(film.id)} onToggle={() => onToggleSelected(film.id)} />
            </td>
            <td>
              <Link href={`/films/${film.id}`} {...itemProps(film.id)}>
                {film.title}
              </Link>
            </td>
            <td>{film.year ?? '—'}</td>
            <td>{film.directors.join(', ') || '—'}</td>
            <td>{runtimeLabel(film.runtimeMinutes) ?? '—'}</td>
            <td>
              <RatingBadge film={film} />
            </td>
            <td>
              <FlagBadges film={film} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
