/**
 * Ratings are stored as whole half-stars (1 = ½ star … 10 = 5 stars) so they are never floats compared for
 * equality; they are shown as 0.5–5 stars.
 */
export type HalfStars = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export const HALF_STAR_VALUES: readonly HalfStars[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** True for an integer 1–10, the only ratings Cinefile stores. */
export function isHalfStars(value: unknown): value is HalfStars {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10;
}

/** Stars (0.5–5 in half steps) to stored half-stars; throws a message naming the bad value otherwise. */
export function halfStarsFromStars(stars: number): HalfStars {
  const halfStars = stars * 2;
  if (!isHalfStars(halfStars)) {
    throw new RangeError(`A rating must be 0.5 to 5 stars in half-star steps; got ${String(stars)}.`);
  }
  return halfStars;
}

/** Stored half-stars to stars, e.g. 9 → 4.5. */
export function starsFromHalfStars(halfStars: HalfStars): number {
  return halfStars / 2;
}

/** Accessible name of a rating, e.g. "4.5 stars", "1 star", "0.5 stars". */
export function ratingLabel(halfStars: HalfStars): string {
  const stars = starsFromHalfStars(halfStars);
  return `${stars} ${stars === 1 ? 'star' : 'stars'}`;
}

/** Compact glyph form for lists and grids, e.g. "★★★★½". */
export function ratingGlyphs(halfStars: HalfStars): string {
  return '★'.repeat(Math.floor(halfStars / 2)) + (halfStars % 2 === 1 ? '½' : '');
}

/** Half-stars for a rating key in the Library: 1 = ½ star … 9 = 4½ stars, 0 = 5 stars. */
export function halfStarsFromDigitKey(key: string): HalfStars | null {
  if (!/^[0-9]$/.test(key)) return null;
  return (key === '0' ? 10 : Number(key)) as HalfStars;
}
