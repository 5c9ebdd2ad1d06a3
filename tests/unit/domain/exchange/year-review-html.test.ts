// @vitest-environment jsdom
/**
 * The exported year in review: a page that shows the year's figures, highest rated (by that year's ratings), new
 * directors, longest film and lists, embeds only PNG chart images, and stays inert whatever the catalog's text is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlReadableText } from '../../../../renderer/src/domain/exchange/list-export-html';
import { exportYearReviewHtml, hoursAndMinutes, type YearReviewDocument } from '../../../../renderer/src/domain/exchange/year-review-html';
import type { HalfStars } from '../../../../renderer/src/domain/rating';
import type { YearInReview } from '../../../../renderer/src/domain/stats';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function review(patch: Partial<YearInReview> = {}): YearInReview {
  return {
    year: 2024, viewings: 14, filmsSeen: 11, firstSeen: 8, rewatched: 3, minutesWatched: 1_460, viewingsWithoutRuntime: 2,
    topRated: [
      { filmId: 'f1', title: 'Heat', year: 1995, rating: 10 as HalfStars },
      { filmId: 'f2', title: 'Alien', year: 1979, rating: 9 as HalfStars },
    ],
    busiestMonth: { month: 5, viewings: 4 }, busiestWeekday: { weekday: 4, viewings: 5 },
    newDirectors: [{ name: 'Michael Mann', filmId: 'f1', title: 'Heat' }],
    longestFilm: { filmId: 'f1', title: 'Heat', runtimeMinutes: 170 },
    lists: [{ id: 'l1', name: 'Best of 2024' }],
    perMonth: [1, 0, 2, 1, 4, 0, 0, 1, 2, 1, 0, 1], monthless: 1,
    ...patch,
  };
}

const page = (document: YearReviewDocument) => new DOMParser().parseFromString(exportYearReviewHtml(document), 'text/html');
const texts = (root: Document, selector: string) => [...root.querySelectorAll(selector)].map((node) => node.textContent?.replace(/\s+/g, ' ').trim());

describe('exportYearReviewHtml', () => {
  it("shows the year's figures, highest rated in order, new directors, the longest film and the lists", () => {
    const html = page({ review: review(), charts: [{ title: 'Viewings per month', png: PNG, description: 'May was the busiest month' }], exportedAt: '2026-11-29T12:00:00Z' });
    expect(html.title).toBe('2024 in review');
    expect(texts(html, '.figures div')).toEqual([
      'Viewings14', 'Films seen11', 'First time8', 'Rewatched3', 'Time watching24 h 20 min', 'Busiest monthMay (4)', 'Busiest weekdayFriday (5)',
    ]);
    expect(texts(html, 'ol li')).toEqual(['Heat (1995) ★★★★★', 'Alien (1979) ★★★★½']);
    expect(html.body.textContent).toContain('Michael Mann with Heat');
    expect(html.body.textContent).toContain('Heat 2 h 50 min');
    expect(html.body.textContent).toContain('Best of 2024');
    expect(html.body.textContent).toContain('(2 viewings without a runtime)');
    const image = html.querySelector('figure img');
    expect(image?.getAttribute('src')).toBe(PNG);
    expect(image?.getAttribute('alt')).toBe('May was the busiest month');
    expect(html.querySelector('footer')?.textContent).toMatch(/^Exported from Cinefile on \d+ November 2026$/);
  });

  it('says what is missing instead of leaving empty sections', () => {
    const html = page({ review: review({ topRated: [], newDirectors: [], longestFilm: null, lists: [], busiestMonth: null, busiestWeekday: null }), charts: [], exportedAt: 'x' });
    for (const sentence of ['No viewing that year was rated.', 'No director was new that year.', 'No film seen that year has a runtime.', 'No list was made that year.']) {
      expect(html.body.textContent).toContain(sentence);
    }
    expect(texts(html, '.figures dt')).not.toContain('Busiest month');
  });

  it('embeds only PNG data URLs: any other image address is left out', () => {
    const charts = ['https://example.com/chart.png', 'data:image/svg+xml;base64,PHN2Zz4=', 'data:image/png;base64,not base64!', 'javascript:alert(1)']
      .map((png) => ({ title: 'Bad', png, description: 'bad' }));
    const html = page({ review: review(), charts, exportedAt: 'x' });
    expect(html.querySelectorAll('img')).toHaveLength(0);
  });

  it('formats durations as hours and minutes', () => {
    expect([0, 55, 60, 170, 6_000].map(hoursAndMinutes)).toEqual(['0 min', '55 min', '1 h', '2 h 50 min', '100 h']);
  });

  it('shows any title, name or list name as itself, and nothing in the page can run or load', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (title, name, listName) => {
        const html = page({
          review: review({
            topRated: [{ filmId: 'f', title, year: null, rating: 6 as HalfStars }],
            newDirectors: [{ name, filmId: 'f', title }],
            lists: [{ id: 'l', name: listName }],
          }),
          charts: [{ title, png: PNG, description: name }],
          exportedAt: 'x',
        });
        const collapse = (text: string) => htmlReadableText(text).replace(/\s+/g, ' ').trim();
        expect(collapse(html.querySelector('ol li')?.textContent ?? '')).toBe(collapse(`${title} ★★★`));
        expect(html.querySelector('ul li')?.textContent).toBe(`${htmlReadableText(name)} with ${htmlReadableText(title)}`);
        expect(html.querySelector('figure img')?.getAttribute('alt')).toBe(htmlReadableText(name));
        expect(html.querySelectorAll('script, iframe, object, embed, link, base, meta[http-equiv="refresh"]')).toHaveLength(0);
        expect([...html.querySelectorAll('[src]')].map((node) => node.getAttribute('src'))).toEqual([PNG]);
        const attributes = [...html.querySelectorAll('*')].flatMap((node) => [...node.attributes].map((attribute) => attribute.name));
        expect(attributes.filter((attribute) => attribute.startsWith('on'))).toEqual([]);
      }),
    );
  });
});
