// The Stats page over the real statistics service (run in-process by a stand-in worker) on a small catalog whose
// figures were worked out by hand: totals, the table alternatives of the charts and their links, the heatmap's cells,
// the year in review links, the loading, empty and failure states, and figures following a new viewing live.
// jsdom has no canvas: Chart.js (chart-setup) is replaced by a fake that records what each chart was given.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ActiveElement, ChartConfiguration, ChartEvent } from 'chart.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addCopy, lendCopy } from '../../renderer/src/db/copies';
import { addFilm, rateFilm } from '../../renderer/src/db/films';
import { db } from '../../renderer/src/db/index';
import { SEED_FILM_ID } from '../../renderer/src/db/seed';
import { logViewing } from '../../renderer/src/db/viewings';
import type { CopyFields } from '../../renderer/src/domain/copy';
import { StatsPage } from '../../renderer/src/ui/stats/StatsPage';
import { resetStats } from '../../renderer/src/workers/stats-client';
import type { StatsCatalog } from '../../renderer/src/workers/stats-service';
import { filmFields } from '../fixtures/catalog';
import { InProcessStatsWorker } from '../fixtures/stats-worker';
import { freshCatalog, renderInApp } from './render';

type BarConfig = ChartConfiguration<'bar', number[], string>;

const FakeChart = vi.hoisted(
  () =>
    class FakeChart {
      static made: FakeChart[] = [];
      updates = 0;
      destroyed = false;
      constructor(
        readonly canvas: HTMLCanvasElement,
        readonly config: BarConfig,
      ) {
        FakeChart.made.push(this);
      }
      get data() {
        return this.config.data;
      }
      update(): void {
        this.updates += 1;
      }
      destroy(): void {
        this.destroyed = true;
      }
    },
);
vi.mock('../../renderer/src/ui/stats/chart-setup', () => ({ Chart: FakeChart }));

/** The live chart whose canvas is named starting with `title`. */
function chartNamed(title: string) {
  const found = FakeChart.made.filter((chart) => !chart.destroyed && chart.canvas.getAttribute('aria-label')?.startsWith(title));
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** The figure named `label` in the totals, as its value and note: "12 | (1 viewing without a runtime)". */
const figure = (label: string) =>
  [...screen.getByText(label, { selector: 'dt' }).parentElement!.querySelectorAll('dd')].map((dd) => dd.textContent).join(' | ');

const dvd: CopyFields = { format: 'DVD', edition: '', region: '', barcode: '', location: '', condition: '', purchasedOn: null, price: null };

/**
 * Red Hot (seed: 1993, unrated, no runtime) and four films. Viewings: Alien and Goodfellas on 12 May 2024, Heat on
 * 13 May 2024 and in "2023", Fargo in "2024-06", Red Hot undated. So: 5 films, all watched, 6 viewings, 1 rewatch
 * (Heat's 2024 one); 117 + 145 + 170 × 2 + 98 = 700 minutes = 11.7 hours, 1 viewing without a runtime; ratings
 * 9, 8, 8, 10 → 35 / 4 half-stars = 4.375 → "4.4 ★"; one DVD, lent out; a 2-day streak.
 */
async function knownCatalog() {
  const alien = await addFilm(filmFields('Alien', { year: 1979, directors: ['Ridley Scott'], genres: ['Horror'], runtimeMinutes: 117 }));
  const heat = await addFilm(filmFields('Heat', { year: 1995, directors: ['Michael Mann'], genres: ['Crime'], runtimeMinutes: 170 }));
  const fargo = await addFilm(filmFields('Fargo', { year: 1996, directors: ['Joel Coen'], genres: ['Crime'], runtimeMinutes: 98 }));
  const goodfellas = await addFilm(filmFields('Goodfellas', { year: 1990, directors: ['Martin Scorsese'], genres: ['Crime'], runtimeMinutes: 145 }));
  await rateFilm(alien, 9);
  await rateFilm(heat, 8);
  await rateFilm(fargo, 8);
  await rateFilm(goodfellas, 10);
  await lendCopy(await addCopy(alien, dvd), { borrower: 'Ana', lentOn: '2024-06-01', dueOn: null });
  await logViewing(alien, '2024-05-12');
  await logViewing(goodfellas, '2024-05-12');
  await logViewing(heat, '2024-05-13');
  await logViewing(fargo, '2024-06');
  await logViewing(heat, '2023');
  await logViewing(SEED_FILM_ID, null);
  return { alien, heat, fargo, goodfellas };
}

/** Opens a chart's "Show as table" and gives its table. */
async function tableOf(title: string) {
  await userEvent.click(screen.getByText(`: ${title}`, { selector: 'summary span' }).closest('summary')!);
  return screen.getByRole('table', { name: title });
}

/** The body rows of a table, each as [its first cell's text, its link's href, its last cell's text] (a ranked table's
 * first cell is the rank). */
function rowsOf(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => {
      const cells = [...row.querySelectorAll('th, td')];
      return [cells[0]!.textContent, within(row).queryByRole('link')?.getAttribute('href') ?? null, cells[cells.length - 1]!.textContent];
    });
}

beforeEach(async () => {
  resetStats(() => new InProcessStatsWorker());
  FakeChart.made = [];
  await freshCatalog();
});

afterEach(() => {
  resetStats();
});

describe('StatsPage', () => {
  it('says it is counting, then shows the totals', async () => {
    await knownCatalog();
    renderInApp(<StatsPage />, '/stats');
    expect(screen.getByText('Counting…')).toHaveAttribute('role', 'status');

    // The calendar comes a moment after the figures: the latest year with viewings is known from the first answer.
    await screen.findByRole('group', { name: 'Viewings in 2024 by day' });
    expect(screen.queryByText('Counting…')).not.toBeInTheDocument();
    expect(figure('Films in the catalog')).toBe('5');
    expect(figure('Films watched')).toBe('5');
    expect(figure('Viewings')).toBe('6');
    expect(figure('Rewatches')).toBe('1');
    expect(figure('Hours watched')).toBe('12 | (1 viewing without a runtime)');
    expect(figure('Average rating')).toBe('4.4 ★ | from 4 rated films');
    expect(figure('Loans out')).toBe('1');
    expect(figure('Longest streak')).toBe('2 days | 12 May 2024 – 13 May 2024');
    expect(screen.getByRole('link', { name: '5 films watched' })).toHaveAttribute('href', '/?watched=yes');
    expect(screen.getByRole('link', { name: '1 loan out' })).toHaveAttribute('href', '/?loaned=1');
  });

  it('has a table of every chart, whose rows link into the Library filtered to them', async () => {
    await knownCatalog();
    renderInApp(<StatsPage />, '/stats');
    await screen.findByText('Films in the catalog');

    expect(rowsOf(await tableOf('Films by decade'))).toEqual([
      ['1970s', '/?decade=1970', '1'],
      ['1980s', '/?decade=1980', '0'],
      ['1990s', '/?decade=1990', '4'],
    ]);

    const ratings = rowsOf(await tableOf('Rating distribution'));
    expect(ratings).toHaveLength(11);
    expect(ratings[0]).toEqual(['0.5 stars', '/?rmin=1&rmax=1', '0']);
    expect(ratings[7]).toEqual(['4 stars', '/?rmin=8&rmax=8', '2']);
    expect(ratings[8]).toEqual(['4.5 stars', '/?rmin=9&rmax=9', '1']);
    expect(ratings[9]).toEqual(['5 stars', '/?rmin=10&rmax=10', '1']);
    expect(ratings[10]).toEqual(['Unrated', '/?unrated=1', '1']);

    expect(rowsOf(await tableOf('Films owned by format'))).toEqual([['DVD', '/?format=DVD', '1']]);
    expect(rowsOf(await tableOf('Films by year of release'))).toContainEqual(['1995', '/?from=1995&to=1995', '1']);
    expect(rowsOf(await tableOf('Viewings per year'))).toEqual([
      ['2023', '/diary?year=2023', '1'],
      ['2024', '/diary?year=2024', '4'],
    ]);
    expect(rowsOf(await tableOf('Viewings per month'))).toEqual([
      ['May 2024', '/diary?month=2024-05', '3'],
      ['June 2024', '/diary?month=2024-06', '1'],
    ]);
    expect(screen.getByText('1 viewing is known only by year, in no month.')).toBeInTheDocument();
    expect(screen.getByText('1 viewing has no date and is in no year.')).toBeInTheDocument();
  });

  it('draws each chart with its numbers, summarised for screen readers, and a click on a bar follows its link', async () => {
    await knownCatalog();
    const { history } = renderInApp(<StatsPage />, '/stats');
    await waitFor(() => expect(FakeChart.made.length).toBeGreaterThanOrEqual(6));

    const decades = chartNamed('Films by decade');
    expect(decades.canvas).toHaveAttribute('role', 'img');
    expect(decades.canvas).toHaveAccessibleName('Films by decade, 1970s to 1990s. Most: 1990s, 4 films.');
    expect(decades.data.labels).toEqual(['1970s', '1980s', '1990s']);
    expect(decades.data.datasets[0]!.data).toEqual([1, 0, 4]);

    const onClick = decades.config.options!.onClick as (event: ChartEvent, elements: ActiveElement[]) => void;
    act(() => onClick({} as ChartEvent, [{ index: 2 } as ActiveElement]));
    expect(history.at(-1)).toBe('/?decade=1990');

    expect(chartNamed('Rating distribution').data.datasets[0]!.data).toEqual([0, 0, 0, 0, 0, 0, 0, 2, 1, 1, 1]);
  });

  it('shows the latest year’s calendar, each day labelled and shaded, days with viewings linking to their month', async () => {
    await knownCatalog();
    renderInApp(<StatsPage />, '/stats');

    const busiest = await screen.findByRole('link', { name: '12 May 2024: 2 viewings' });
    expect(busiest).toHaveClass('heat-cell', 'heat-4');
    expect(busiest).toHaveAttribute('title', '12 May 2024: 2 viewings');
    expect(busiest).toHaveAttribute('href', '/diary?month=2024-05');
    expect(screen.getByRole('link', { name: '13 May 2024: 1 viewing' })).toHaveClass('heat-2');
    expect(screen.getByTitle('14 May 2024: no viewings')).toHaveClass('heat-0');
    expect(screen.getByRole('group', { name: 'Viewings in 2024 by day' }).querySelectorAll('[title$="2024: no viewings"]')).toHaveLength(364);
    expect(screen.getByText('1 viewing known only by month or year is not on the calendar.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Year' })).toHaveValue('2024');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Year' }), '2023');
    const grid2023 = await screen.findByRole('group', { name: 'Viewings in 2023 by day' });
    expect(within(grid2023).queryAllByRole('link')).toEqual([]);
    expect(screen.getByTitle('1 January 2023: no viewings')).toHaveClass('heat-0');
  });

  it('ranks directors and genres, names linking into the Library, and says what highest rated needs', async () => {
    await knownCatalog();
    renderInApp(<StatsPage />, '/stats');
    const directors = await screen.findByRole('table', { name: 'Most watched directors' });
    expect(rowsOf(directors).map(([, href, films]) => [href, films])).toEqual([
      ['/?q=Michael+Mann', '1'],
      ['/?q=Joel+Coen', '1'],
      ['/?q=Martin+Scorsese', '1'],
      ['/?q=Paul+Haggis', '1'],
      ['/?q=Ridley+Scott', '1'],
    ]);
    expect(within(directors).getAllByRole('row')[1]).toHaveTextContent('1Michael Mann21');
    expect(screen.getByText(/Highest rated needs at least 3 rated films/)).toBeInTheDocument();
    expect(rowsOf(screen.getByRole('table', { name: 'Highest rated genres' }))).toEqual([['1', '/?genre=Crime', '3']]);
    expect(screen.getByRole('table', { name: 'Highest rated genres' })).toHaveTextContent('4.3 ★');
    expect(screen.queryByRole('table', { name: 'Highest rated directors' })).not.toBeInTheDocument();
  });

  it('links to a year in review for each year with viewings', async () => {
    await knownCatalog();
    renderInApp(<StatsPage />, '/stats');
    expect(await screen.findByRole('link', { name: '2024 in review' })).toHaveAttribute('href', '/stats/year/2024');
    expect(screen.getByRole('link', { name: '2023 in review' })).toHaveAttribute('href', '/stats/year/2023');
  });

  it('follows the catalog live: a new viewing updates the figures, the calendar and the same charts', async () => {
    const { fargo } = await knownCatalog();
    renderInApp(<StatsPage />, '/stats');
    await screen.findByRole('link', { name: '13 May 2024: 1 viewing' });
    await waitFor(() => expect(chartNamed('Viewings per year').data.datasets[0]!.data).toEqual([1, 4]));
    const perYear = chartNamed('Viewings per year');
    const updatesBefore = perYear.updates;

    await logViewing(fargo, '2024-05-14');
    expect(await screen.findByRole('link', { name: '14 May 2024: 1 viewing' })).toHaveClass('heat-2');
    expect(figure('Viewings')).toBe('7');
    expect(figure('Longest streak')).toBe('3 days | 12 May 2024 – 14 May 2024');
    expect(chartNamed('Viewings per year')).toBe(perYear);
    expect(perYear.data.datasets[0]!.data).toEqual([1, 5]);
    expect(perYear.updates).toBeGreaterThan(updatesBefore);
  });

  it('destroys its charts when it goes', async () => {
    await knownCatalog();
    const { unmount } = renderInApp(<StatsPage />, '/stats');
    await waitFor(() => expect(FakeChart.made.length).toBeGreaterThanOrEqual(6));
    unmount();
    expect(FakeChart.made.every((chart) => chart.destroyed)).toBe(true);
  });

  it('without viewings, shows the figures that exist and says how to start instead of the viewing charts', async () => {
    renderInApp(<StatsPage />, '/stats');
    await screen.findByText('Films in the catalog');
    expect(figure('Films in the catalog')).toBe('1');
    expect(figure('Viewings')).toBe('0');
    expect(figure('Average rating')).toBe('– | No film rated yet');
    expect(figure('Longest streak')).toBe('None yet');
    expect(screen.getByText(/No viewings logged yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the Library' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('img', { name: /^Viewings per year/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: /by day/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /in review$/ })).not.toBeInTheDocument();
    expect(rowsOf(await tableOf('Films by decade'))).toEqual([['1990s', '/?decade=1990', '1']]);
    expect(screen.getByText('No copies recorded yet: add them on a film’s page.')).toBeInTheDocument();
  });

  it('says so when no viewing has a date, instead of an empty calendar', async () => {
    await logViewing(SEED_FILM_ID, null);
    renderInApp(<StatsPage />, '/stats');
    expect(await screen.findByText('No viewing has a date yet, so the calendar is empty.')).toBeInTheDocument();
    expect(screen.getByText('No viewing has a date yet.')).toBeInTheDocument();
    expect(figure('Viewings')).toBe('1');
    expect(screen.getByRole('link', { name: '1 viewing' })).toHaveAttribute('href', '/diary');
    expect(screen.queryByText('Counting…')).not.toBeInTheDocument();
  });

  it('says why when the catalog cannot be read for statistics', async () => {
    const failing = { toArray: () => Promise.reject(new Error('disk on fire')), bulkGet: () => Promise.reject(new Error('disk on fire')) };
    const broken = { filmSummaries: failing, filmCast: db.filmCast, viewings: db.viewings, lists: db.lists, transaction: db.transaction.bind(db) };
    resetStats(() => new InProcessStatsWorker(broken as unknown as StatsCatalog));
    renderInApp(<StatsPage />, '/stats');
    expect(await screen.findByRole('alert')).toHaveTextContent('The catalog could not be read for statistics (disk on fire).');
    expect(screen.queryByText('Counting…')).not.toBeInTheDocument();
    expect(screen.queryByText('Films in the catalog')).not.toBeInTheDocument();
  });
});
