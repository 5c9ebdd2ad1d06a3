// A year in review over the real statistics service (in-process stand-in worker) on a small catalog worked out by
// hand: counted by viewing date, first time against rewatched, the year's highest rated by that year's ratings (not
// the film's rating now), new directors, the longest film, lists made that year; other years; and the export as a
// self-contained web page. jsdom has no canvas: Chart.js is a fake and the canvas gives a fixed PNG.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addFilm, rateFilm } from '../../renderer/src/db/films';
import { createList } from '../../renderer/src/db/lists';
import { logViewing } from '../../renderer/src/db/viewings';
import { YearInReviewPage } from '../../renderer/src/ui/stats/YearInReviewPage';
import { resetStats } from '../../renderer/src/workers/stats-client';
import { filmFields } from '../fixtures/catalog';
import { InProcessStatsWorker } from '../fixtures/stats-worker';
import { freshCatalog, renderInApp } from './render';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

const FakeChart = vi.hoisted(
  () =>
    class {
      constructor(readonly canvas: HTMLCanvasElement) {}
      update(): void {}
      resize(): void {}
      destroy(): void {}
    },
);
vi.mock('../../renderer/src/ui/stats/chart-setup', () => ({ Chart: FakeChart }));
const saveFile = vi.hoisted(() => vi.fn((_request: { suggestedName: string; data: string }) => Promise.resolve({ savedTo: '/home/ann/2024.html' })));
vi.mock('../../renderer/src/platform', () => ({ platform: { kind: 'browser', saveFile, savePdf: vi.fn(), onMenuCommand: () => () => undefined } }));

/**
 * 2024: Alien (rated 3 now, 4.5 when watched on 2024-05-12), Heat (seen first in 2023, again 2024-05-13 rated 3.5),
 * Fargo (2024-06, no rating), Thief (2024 only by year). So 4 viewings, 4 films, 3 first time, 1 rewatched; highest
 * rated Alien then Heat; new directors Joel Coen and Ridley Scott (Michael Mann, Thief's director too, was seen in
 * 2023); longest Heat (170 min); busiest month May (2); a list made in 2024 and one in 2023.
 */
async function knownCatalog() {
  const alien = await addFilm(filmFields('Alien', { year: 1979, directors: ['Ridley Scott'], runtimeMinutes: 117 }));
  const heat = await addFilm(filmFields('Heat', { year: 1995, directors: ['Michael Mann'], runtimeMinutes: 170 }));
  const fargo = await addFilm(filmFields('Fargo', { year: 1996, directors: ['Joel Coen'], runtimeMinutes: 98 }));
  const thief = await addFilm(filmFields('Thief', { year: 1981, directors: ['Michael Mann'] }));
  await rateFilm(alien, 6);
  await logViewing(heat, '2023-11-02', { rating: 6 });
  await logViewing(alien, '2024-05-12', { rating: 9 });
  await logViewing(heat, '2024-05-13', { rating: 7 });
  await logViewing(fargo, '2024-06');
  await logViewing(thief, '2024');
  await createList({ name: 'Mann season', description: '', ranked: false }, new Date('2024-03-01T12:00:00Z'));
  await createList({ name: 'Older list', description: '', ranked: false }, new Date('2023-03-01T12:00:00Z'));
  return { alien, heat, fargo, thief };
}

const figure = (label: string) =>
  [...screen.getByText(label, { selector: 'dt' }).parentElement!.querySelectorAll('dd')].map((dd) => dd.textContent).join(' | ');

beforeEach(async () => {
  resetStats(() => new InProcessStatsWorker());
  saveFile.mockClear();
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(PNG);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({ fillRect: vi.fn(), fillStyle: '' } as unknown as CanvasRenderingContext2D);
  await freshCatalog();
});

afterEach(() => {
  resetStats();
  vi.restoreAllMocks();
});

describe('YearInReviewPage', () => {
  it("counts the year's viewings by date and ranks its films by the ratings given that year", async () => {
    const { alien, heat } = await knownCatalog();
    renderInApp(<YearInReviewPage year={2024} />, '/stats/year/2024');
    expect(await screen.findByRole('heading', { level: 1, name: '2024 in review' })).toBeInTheDocument();
    await screen.findByText('Films seen', { selector: 'dt' });
    expect(figure('Viewings')).toBe('4 | 1 known only by year');
    expect(figure('Films seen')).toBe('4');
    expect(figure('First time')).toBe('3 | 1 film rewatched');
    expect(figure('Time watching')).toBe('6 h 25 min | (1 viewing without a runtime)');
    expect(figure('Busiest month')).toBe('May | 2 viewings');

    const top = within(screen.getByRole('region', { name: 'Highest rated' })).getAllByRole('listitem');
    expect(top.map((item) => item.textContent)).toEqual(['Alien (1979) 4.5 ★', 'Heat (1995) 3.5 ★']);
    expect(within(top[0]!).getByRole('link', { name: 'Alien' })).toHaveAttribute('href', `/films/${alien}`);

    const directors = within(screen.getByRole('region', { name: 'New directors' })).getAllByRole('listitem');
    expect(directors.map((item) => item.textContent)).toEqual(['Joel Coen with Fargo', 'Ridley Scott with Alien']);
    const longest = screen.getByRole('region', { name: 'Longest film' });
    expect(within(longest).getByRole('link', { name: 'Heat' })).toHaveAttribute('href', `/films/${heat}`);
    expect(longest).toHaveTextContent('2 h 50 min');
    expect(within(screen.getByRole('region', { name: 'Lists made' })).getAllByRole('link').map((link) => link.textContent)).toEqual(['Mann season']);
  });

  it('moves between years with viewings and says so for a year without any', async () => {
    await knownCatalog();
    const { unmount } = renderInApp(<YearInReviewPage year={2024} />, '/stats/year/2024');
    const steps = await screen.findByRole('navigation', { name: 'Other years' });
    await waitFor(() => expect(within(steps).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['/stats/year/2023', '/stats']));
    unmount();
    renderInApp(<YearInReviewPage year={2019} />, '/stats/year/2019');
    expect(await screen.findByText('No viewings are dated in 2019.')).toBeInTheDocument();
  });

  it('refuses an address that is not a year', () => {
    renderInApp(<YearInReviewPage year={Number('abc')} />, '/stats/year/abc');
    expect(screen.getByText(/That is not a year/)).toBeInTheDocument();
  });

  it('exports the year as one web page with the charts as images, and says where it went', async () => {
    await knownCatalog();
    renderInApp(<YearInReviewPage year={2024} />, '/stats/year/2024');
    await userEvent.click(await screen.findByRole('button', { name: 'Export as web page…' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    const request = saveFile.mock.calls[0]![0];
    expect(request.suggestedName).toBe('cinefile-2024-in-review.html');
    const page = new DOMParser().parseFromString(request.data, 'text/html');
    expect(page.title).toBe('2024 in review');
    expect([...page.querySelectorAll('ol li')].map((item) => item.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Alien (1979) ★★★★½', 'Heat (1995) ★★★½']);
    expect([...page.querySelectorAll('figure img')].map((image) => image.getAttribute('src'))).toEqual([PNG, PNG]);
    expect(await screen.findByText('Exported 2024 in review to “/home/ann/2024.html”.')).toBeInTheDocument();
  });
});
