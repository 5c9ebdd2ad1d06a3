/** A film's own page: everything known about it, its rating, viewings and notes. */
import { Link, useLocation } from 'wouter';
import { filmDisplayTitle, runtimeLabel, type Film } from '../../domain/film';
import type { HalfStars } from '../../domain/rating';
import { deleteFilm, rateFilm, restoreDeletedFilm } from '../../db/films';
import { CopiesPanel } from '../collection/CopiesPanel';
import { FilmFlags } from './FilmFlags';
import { ListsPanel } from '../lists/ListsPanel';
import { NotesPanel } from './NotesPanel';
import { PosterPicker } from './PosterPicker';
import { RatingControl } from '../common/RatingControl';
import { TagEditor } from './TagEditor';
import { useCatalogActions } from '../common/useCatalogActions';
import { ViewingsPanel } from '../diary/ViewingsPanel';
import { useFilm } from '../common/useCatalog';
import { MissingFilm } from './MissingFilm';

function FilmFacts({ film }: { film: Film }) {
  const facts: [string, string][] = [];
  if (film.originalTitle) facts.push(['Original title', film.originalTitle]);
  if (film.genres.length > 0) facts.push(['Genres', film.genres.join(', ')]);
  const runtime = runtimeLabel(film.runtimeMinutes);
  if (runtime) facts.push(['Runtime', runtime]);
  if (film.country) facts.push(['Country', film.country]);
  if (film.language) facts.push(['Language', film.language]);
  if (facts.length === 0) return null;
  return (
    <dl className="film-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function FilmText({ film }: { film: Film }) {
  return (
    <>
      {film.overview && (
        <section className="film-section" aria-labelledby="overview-heading">
          <h2 id="overview-heading">Overview</h2>
          <p>{film.overview}</p>
        </section>
      )}
      {film.sections.map((section, index) => (
        <section key={section.heading} className="film-section" aria-labelledby={`section-${index}`}>
          <h2 id={`section-${index}`}>{section.heading}</h2>
          {section.body.split(/\n{2,}/).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </section>
      ))}
      {film.cast.length > 0 && (
        <section className="film-section" aria-labelledby="cast-heading">
          <h2 id="cast-heading">Cast</h2>
          <ol className="cast-list" aria-labelledby="cast-heading">
            {film.cast.map((member, index) => (
              <li key={index}>
                <span className="cast-name">{member.name}</span>
                {member.role && <span className="cast-role">{member.role}</span>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

export function FilmPage({ id }: { id: string }) {
  const film = useFilm(id);
  const [, navigate] = useLocation();
  const { write, undoable } = useCatalogActions();
  if (film === undefined) return <p className="page quiet">Loading…</p>;
  if (film === null) return <MissingFilm />;

  const title = `“${filmDisplayTitle(film)}”`;
  const remove = () =>
    undoable({
      run: () => deleteFilm(film.id),
      notDone: `${title} was not deleted`,
      then: () => navigate('/'),
      done: () => `Deleted ${title}.`,
      undo: restoreDeletedFilm,
      notUndone: `${title} was not restored`,
      undone: () => `Restored ${title}.`,
    });
  const rate = (rating: HalfStars | null) =>
    write(`Your rating of ${title} was not saved`, () => rateFilm(film.id, rating));

  return (
    <article className="page film-page" aria-labelledby="film-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/">← Library</Link>
      </nav>
      <header className="film-hero">
        <PosterPicker film={film} />
        <div className="film-hero-text">
          <h1 id="film-title" className="film-title">
            {film.title} {film.year !== null && <span className="film-year">({film.year})</span>}
          </h1>
          {film.tagline && <p className="film-tagline">{film.tagline}</p>}
          {film.directors.length > 0 && (
            <p className="film-directors">
              Directed by <strong>{film.directors.join(', ')}</strong>
            </p>
          )}
          <FilmFacts film={film} />
          <RatingControl value={film.rating} onChange={rate} />
          <FilmFlags film={film} />
          <TagEditor filmId={film.id} tags={film.tags} />
          <div className="film-actions">
            <Link href={`/films/${film.id}/edit`} className="button-secondary">
              Edit film
            </Link>
            <button type="button" className="button-danger" onClick={remove}>
              Delete film
            </button>
          </div>
        </div>
      </header>
      <div className="film-body">
        <div className="film-main">
          <FilmText film={film} />
        </div>
        <aside className="film-side">
          <ViewingsPanel filmId={film.id} />
          <NotesPanel filmId={film.id} />
          <ListsPanel filmId={film.id} />
          <CopiesPanel filmId={film.id} />
        </aside>
      </div>
    </article>
  );
}
