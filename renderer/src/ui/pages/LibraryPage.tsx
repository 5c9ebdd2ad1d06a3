/** The Library: every film as a poster grid or a compact table, in the order the person chose (remembered). */
import { Link } from 'wouter';
import { runtimeLabel, type Film } from '../../domain/film';
import {
  librarySortKeys,
  librarySortLabels,
  parseLibrarySort,
  type LibrarySort,
  type LibrarySortKey,
} from '../../domain/library-sort';
import { ratingGlyphs, ratingLabel } from '../../domain/rating';
import { Poster } from '../components/Poster';
import { useLibraryFilms } from '../hooks/useCatalog';
import { useStoredPreference } from '../hooks/useStoredPreference';

type LibraryView = 'grid' | 'table';
const parseView = (raw: unknown): LibraryView => (raw === 'table' ? 'table' : 'grid');

function RatingBadge({ film }: { film: Film }) {
  if (film.rating === null) return null;
  return (
    <span className="rating-badge" aria-label={ratingLabel(film.rating)}>
      {ratingGlyphs(film.rating)}
    </span>
  );
}

function LibraryGrid({ films }: { films: Film[] }) {
  return (
    <ul className="library-grid" aria-label="Films">
      {films.map((film) => (
        <li key={film.id}>
          <Link href={`/films/${film.id}`} className="library-card">
            <Poster film={film} size="small" decorative />
            <span className="library-card-title">{film.title}</span>
            <span className="library-card-meta">
              {film.year ?? '—'} <RatingBadge film={film} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function LibraryTable({ films }: { films: Film[] }) {
  return (
    <table className="library-table" aria-label="Films">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Year</th>
          <th scope="col">Director</th>
          <th scope="col">Runtime</th>
          <th scope="col">Rating</th>
        </tr>
      </thead>
      <tbody>
        {films.map((film) => (
          <tr key={film.id}>
            <td>
              <Link href={`/films/${film.id}`}>{film.title}</Link>
            </td>
            <td>{film.year ?? '—'}</td>
            <td>{film.directors.join(', ') || '—'}</td>
            <td>{runtimeLabel(film.runtimeMinutes) ?? '—'}</td>
            <td>
              <RatingBadge film={film} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LibraryToolbar(props: {
  count: number | undefined;
  sort: LibrarySort;
  onSort: (sort: LibrarySort) => void;
  view: LibraryView;
  onView: (view: LibraryView) => void;
}) {
  const { count, sort, onSort, view, onView } = props;
  return (
    <div className="toolbar" role="toolbar" aria-label="Library view">
      <p className="toolbar-count">{count === undefined ? '' : `${count} ${count === 1 ? 'film' : 'films'}`}</p>
      <label className="field-inline">
        Sort by
        <select
          value={sort.by}
          onChange={(event) => onSort({ ...sort, by: event.target.value as LibrarySortKey })}
        >
          {librarySortKeys.map((key) => (
            <option key={key} value={key}>
              {librarySortLabels[key]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button-quiet"
        aria-label={sort.direction === 'asc' ? 'Ascending order; switch to descending' : 'Descending order; switch to ascending'}
        onClick={() => onSort({ ...sort, direction: sort.direction === 'asc' ? 'desc' : 'asc' })}
      >
        {sort.direction === 'asc' ? '↑ Ascending' : '↓ Descending'}
      </button>
      <div className="segmented" role="group" aria-label="Layout">
        <button type="button" aria-pressed={view === 'grid'} onClick={() => onView('grid')}>
          Grid
        </button>
        <button type="button" aria-pressed={view === 'table'} onClick={() => onView('table')}>
          List
        </button>
      </div>
    </div>
  );
}

export function LibraryPage() {
  const [sort, setSort] = useStoredPreference('library.sort', parseLibrarySort);
  const [view, setView] = useStoredPreference('library.view', parseView);
  const films = useLibraryFilms(sort);

  return (
    <section className="page" aria-labelledby="library-heading">
      <h1 id="library-heading" className="page-title">
        Library
      </h1>
      <LibraryToolbar count={films?.length} sort={sort} onSort={setSort} view={view} onView={setView} />
      {films === undefined ? (
        <p className="quiet" aria-busy="true">
          Loading your films…
        </p>
      ) : films.length === 0 ? (
        <div className="empty-state">
          <h2>Your library is empty</h2>
          <p>Add the first film you want to remember.</p>
          <Link href="/films/new" className="button-primary">
            Add film
          </Link>
        </div>
      ) : view === 'grid' ? (
        <LibraryGrid films={films} />
      ) : (
        <LibraryTable films={films} />
      )}
    </section>
  );
}
