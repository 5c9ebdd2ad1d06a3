/**
 * Half-star rating: a radiogroup of ten native radios ("0.5 stars" … "5 stars"), so arrow keys, Tab and screen
 * readers work as they do for any radio group. Each star is drawn as two clickable halves. Delete, Backspace or
 * the Clear button removes the rating.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { HALF_STAR_VALUES, ratingLabel, type HalfStars } from '../../domain/rating';

interface RatingControlProps {
  value: HalfStars | null;
  onChange: (value: HalfStars | null) => void;
  label?: string;
}

export function RatingControl({ value, onChange, label = 'Rating' }: RatingControlProps) {
  const name = useId();
  const [preview, setPreview] = useState<HalfStars | null>(null);
  const shown = preview ?? value;

  const clearOnDelete = (event: KeyboardEvent) => {
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onChange(null);
    }
  };

  return (
    <div className="rating">
      <div
        role="radiogroup"
        aria-label={label}
        className="rating-stars"
        onMouseLeave={() => setPreview(null)}
        onKeyDown={clearOnDelete}
      >
        {HALF_STAR_VALUES.map((halfStars) => (
          <label
            key={halfStars}
            className={`rating-half ${halfStars % 2 === 1 ? 'rating-half-left' : 'rating-half-right'} ${
              shown !== null && halfStars <= shown ? 'is-lit' : ''
            }`}
            onMouseEnter={() => setPreview(halfStars)}
          >
            <input
              type="radio"
              name={name}
              value={halfStars}
              aria-label={ratingLabel(halfStars)}
              checked={value === halfStars}
              onChange={() => onChange(halfStars)}
            />
            <span className="rating-glyph" aria-hidden="true" />
          </label>
        ))}
      </div>
      <span className="rating-text" aria-hidden="true">
        {shown === null ? 'Not rated' : ratingLabel(shown)}
      </span>
      {value !== null && (
        <button type="button" className="button-quiet" onClick={() => onChange(null)}>
          Clear rating
        </button>
      )}
    </div>
  );
}
