import { describe, expect, it } from 'vitest';
import { halfStarsFromStars, isHalfStars, ratingGlyphs, ratingLabel, starsFromHalfStars } from '../../../renderer/src/domain/rating';

describe('ratings in half stars', () => {
  it('stores 0.5–5 stars as whole half-stars 1–10 and back', () => {
    expect(halfStarsFromStars(0.5)).toBe(1);
    expect(halfStarsFromStars(4.5)).toBe(9);
    expect(halfStarsFromStars(5)).toBe(10);
    expect(starsFromHalfStars(9)).toBe(4.5);
  });

  it('refuses ratings outside 0.5–5 or between half steps, naming the value', () => {
    expect(() => halfStarsFromStars(0)).toThrow(/0\.5 to 5 stars.*got 0/);
    expect(() => halfStarsFromStars(5.5)).toThrow(/got 5\.5/);
    expect(() => halfStarsFromStars(3.3)).toThrow(/got 3\.3/);
    expect(isHalfStars(11)).toBe(false);
    expect(isHalfStars(2.5)).toBe(false);
    expect(isHalfStars('4')).toBe(false);
  });

  it('names ratings the way the rating control announces them', () => {
    expect(ratingLabel(9)).toBe('4.5 stars');
    expect(ratingLabel(2)).toBe('1 star');
    expect(ratingLabel(1)).toBe('0.5 stars');
    expect(ratingGlyphs(7)).toBe('★★★½');
  });
});
