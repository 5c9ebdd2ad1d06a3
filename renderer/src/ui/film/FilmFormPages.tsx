/** "Add film" and "Edit film": the same form, starting empty or from the film. */
import { useLocation } from 'wouter';
import { emptyFilmDraft, filmDraftFromFilm } from '../../domain/film-draft';
import { filmDisplayTitle } from '../../domain/film';
import { addFilm, updateFilm } from '../../db/films';
import { FilmForm } from './FilmForm';
import { useToast } from '../common/Toasts';
import { useFilm } from '../common/useCatalog';
import { MissingFilm } from './MissingFilm';

export function AddFilmPage() {
  const [, navigate] = useLocation();
  const toast = useToast();
  return (
    <section className="page page-narrow" aria-labelledby="add-heading">
      <h1 id="add-heading" className="page-title">
        Add film
      </h1>
      <FilmForm
        initial={emptyFilmDraft}
        submitLabel="Save film"
        onCancel={() => navigate('/')}
        onSubmit={async (fields) => {
          const id = await addFilm(fields);
          toast({ message: `Added “${filmDisplayTitle(fields)}”.` });
          navigate(`/films/${id}`);
        }}
      />
    </section>
  );
}

export function EditFilmPage({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const film = useFilm(id);
  if (film === undefined) return <p className="page quiet">Loading…</p>;
  if (film === null) return <MissingFilm />;
  return (
    <section className="page page-narrow" aria-labelledby="edit-heading">
      <h1 id="edit-heading" className="page-title">
        Edit “{film.title}”
      </h1>
      <FilmForm
        initial={filmDraftFromFilm(film)}
        submitLabel="Save changes"
        onCancel={() => navigate(`/films/${id}`)}
        onSubmit={async (fields) => {
          await updateFilm(id, fields);
          navigate(`/films/${id}`);
        }}
      />
    </section>
  );
}
