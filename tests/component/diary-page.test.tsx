import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { addFilm } from '../../renderer/src/db/films';
import { db } from '../../renderer/src/db/index';
import { SEED_FILM_ID } from '../../renderer/src/db/seed';
import { logViewing } from '../../renderer/src/db/viewings';
import type { Viewing } from '../../renderer/src/domain/viewing';
import { DiaryPage } from '../../renderer/src/ui/diary/DiaryPage';
import { freshCatalog, renderInApp } from './render';

beforeEach(freshCatalog);

const alien = {
  title: 'Alien', originalTitle: null, year: 1979, directors: [], cast: [], genres: [],
  runtimeMinutes: null, country: null, language: null, overview: null,
};

const monthHeadings = () => screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
const rowsUnder = (month: string) => within(screen.getByRole('list', { name: month })).getAllByRole('listitem');

describe('DiaryPage', () => {
  it('says how to start a diary when nothing has been logged', async () => {
    renderInApp(<DiaryPage />, '/diary');
    expect(await screen.findByRole('heading', { name: 'No viewings yet' })).toBeInTheDocument();
    expect(screen.getByText(/press Log viewing on its page/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the Library' })).toHaveAttribute('href', '/');
  });

  it('lists viewings newest first under month headings, each linking to its film', async () => {
    const alienId = await addFilm(alien);
    await logViewing(SEED_FILM_ID, '2026-10-03', { rating: 8, medium: 'cinema' });
    await logViewing(alienId, '2026-11-02', { medium: 'disc', note: 'Director’s cut' });
    await logViewing(SEED_FILM_ID, '2026-11-14', { rating: 9, medium: 'streaming' });
    await logViewing(alienId, '2025');
    await logViewing(alienId, null);
    renderInApp(<DiaryPage />, '/diary');

    await screen.findByRole('heading', { name: 'November 2026' });
    expect(screen.getByText('5 viewings of 2 films')).toBeInTheDocument();
    expect(monthHeadings()).toEqual(['November 2026', 'October 2026', '2025, month unknown', 'Date unknown']);

    const november = rowsUnder('November 2026');
    expect(november).toHaveLength(2);
    expect(november[0]).toHaveTextContent('14 November 2026');
    expect(november[0]).toHaveTextContent('Rated 4.5 stars');
    expect(november[0]).toHaveTextContent('Rewatch');
    expect(november[0]).toHaveTextContent('Streaming');
    expect(within(november[0]!).getByRole('link', { name: 'Red Hot' })).toHaveAttribute('href', `/films/${SEED_FILM_ID}`);
    expect(november[1]).toHaveTextContent('Director’s cut');
    expect(november[1]).not.toHaveTextContent('Rewatch');
    expect(within(november[1]!).getByRole('link', { name: 'Alien' })).toHaveAttribute('href', `/films/${alienId}`);

    expect(rowsUnder('October 2026')[0]).toHaveTextContent('3 October 2026');
    expect(rowsUnder('2025, month unknown')[0]).toHaveTextContent('2025');
    expect(rowsUnder('Date unknown')[0]).toHaveTextContent('Date unknown');
  });

  it('follows the catalog as viewings are logged elsewhere', async () => {
    await logViewing(SEED_FILM_ID, '2026-10-03');
    renderInApp(<DiaryPage />, '/diary');
    await screen.findByRole('heading', { name: 'October 2026' });
    await logViewing(SEED_FILM_ID, '2026-11-20');
    expect(await screen.findByRole('heading', { name: 'November 2026' })).toBeInTheDocument();
    expect(rowsUnder('November 2026')[0]).toHaveTextContent('Rewatch');
  });

  it('draws only the newest viewings of a long diary, and older ones on request', async () => {
    // Five viewings drawn two at a time (the app draws 200 at a time).
    const viewings: Viewing[] = [1, 2, 3, 4, 5].map((day) => ({
      id: `v${day}`, filmId: SEED_FILM_ID, watchedOn: `2026-0${day}-1${day}`, rewatch: day > 1, rating: null, medium: null,
      note: '', createdAt: '2026-11-20T00:00:00.000Z', updatedAt: '2026-11-20T00:00:00.000Z',
    }));
    await db.viewings.bulkAdd(viewings);
    renderInApp(<DiaryPage pageSize={2} />, '/diary');

    await screen.findByRole('heading', { name: 'May 2026' });
    expect(monthHeadings()).toEqual(['May 2026', 'April 2026']);
    expect(screen.getByText('5 viewings of 1 film')).toBeInTheDocument();
    expect(screen.getByText('2 viewings shown of 5')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show older viewings' }));
    await screen.findByRole('heading', { name: 'February 2026' });
    await userEvent.click(screen.getByRole('button', { name: 'Show older viewings' }));
    await screen.findByRole('heading', { name: 'January 2026' });
    expect(screen.getAllByRole('link', { name: 'Red Hot' })).toHaveLength(5);
    expect(screen.queryByRole('button', { name: 'Show older viewings' })).not.toBeInTheDocument();
  });
});

describe('DiaryPage for one period (linked from Stats)', () => {
  it('shows only the viewings dated in the year, at any precision, with a way back to the whole diary', async () => {
    const alienId = await addFilm(alien);
    await logViewing(SEED_FILM_ID, '2019-05-12');
    await logViewing(alienId, '2019');
    await logViewing(alienId, '2020-01-01');
    await logViewing(alienId, null);
    renderInApp(<DiaryPage />, '/diary?year=2019');
    expect(await screen.findByRole('heading', { level: 1, name: 'Diary: 2019' })).toBeInTheDocument();
    expect(await screen.findByText('2 viewings of 2 films')).toBeInTheDocument();
    expect(monthHeadings()).toEqual(['May 2019', '2019, month unknown']);
    expect(screen.getByRole('link', { name: 'Show the whole diary' })).toHaveAttribute('href', '/diary');
  });

  it('shows one month, and says so when nothing is dated in it', async () => {
    await logViewing(SEED_FILM_ID, '2019-05-12');
    await logViewing(SEED_FILM_ID, '2019-06');
    const { unmount } = renderInApp(<DiaryPage />, '/diary?month=2019-05');
    expect(await screen.findByRole('heading', { level: 1, name: 'Diary: May 2019' })).toBeInTheDocument();
    expect(await screen.findByText('1 viewing of 1 film')).toBeInTheDocument();
    unmount();
    renderInApp(<DiaryPage />, '/diary?month=2018-02');
    expect(await screen.findByText('No viewings are dated in February 2018.')).toBeInTheDocument();
  });
});
