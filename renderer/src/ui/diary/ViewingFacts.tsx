/** The small facts of one viewing (rewatch, the rating given then, where or how), shown alike on film and diary. */
import { ratingGlyphs, ratingLabel } from '../../domain/rating';
import { viewingMediumLabels, type Viewing } from '../../domain/viewing';
import '../styles/diary.css';

export function RewatchBadge({ rewatch }: Pick<Viewing, 'rewatch'>) {
  if (!rewatch) return null;
  return (
    <span className="viewing-rewatch">
      <span aria-hidden="true">↻</span>Rewatch
    </span>
  );
}

/** The rating given that time, as stars, read out as "Rated 4.5 stars". */
export function ViewingRating({ rating }: Pick<Viewing, 'rating'>) {
  if (rating === null) return null;
  return (
    <span className="viewing-rating">
      <span aria-hidden="true">{ratingGlyphs(rating)}</span>
      <span className="visually-hidden">Rated {ratingLabel(rating)}</span>
    </span>
  );
}

export function ViewingMedium({ medium }: Pick<Viewing, 'medium'>) {
  if (medium === null) return null;
  return <span className="viewing-medium">{viewingMediumLabels[medium]}</span>;
}

/** Rewatch, rating and medium in one row, in that order; nothing when none was said. */
export function ViewingFacts({ viewing }: { viewing: Pick<Viewing, 'rewatch' | 'rating' | 'medium'> }) {
  if (!viewing.rewatch && viewing.rating === null && viewing.medium === null) return null;
  return (
    <span className="viewing-facts">
      <ViewingRating rating={viewing.rating} />
      <RewatchBadge rewatch={viewing.rewatch} />
      <ViewingMedium medium={viewing.medium} />
    </span>
  );
}
