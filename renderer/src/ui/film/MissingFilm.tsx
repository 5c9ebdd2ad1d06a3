/** Shown for a link to a film that no longer exists (deleted, or a stale address). */
import { Link } from 'wouter';

export function MissingFilm() {
  return (
    <section className="page empty-state">
      <h1>This film is not in your catalog</h1>
      <p>It may have been deleted.</p>
      <Link href="/" className="button-primary">
        Back to the Library
      </Link>
    </section>
  );
}
