import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { filmById } from '../../renderer/src/db/films';
import { SEED_FILM_ID } from '../../renderer/src/db/seed';
import { FilmPage } from '../../renderer/src/ui/film/FilmPage';
import { freshCatalog, renderInApp } from './render';

beforeEach(freshCatalog);

describe('FilmPage', () => {
  it("shows Red Hot's tagline, director, sections and cast in the seed's order", async () => {
    renderInApp(<FilmPage id={SEED_FILM_ID} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Red Hot (1993)' })).toBeInTheDocument();
    expect(screen.getByText(/^In 1959, a young Soviet musician/)).toBeInTheDocument();
    expect(screen.getByText('Paul Haggis').closest('p')).toHaveTextContent('Directed by Paul Haggis');
    // The film's own text in the seed's order; the side panels (viewings, notes, lists, copies) follow it.
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent).slice(0, 7)).toEqual([
      'Overview', 'Plot', 'Dispute', 'Resolution', 'Crucial Reception', 'Conclusion', 'Cast',
    ]);
    const cast = within(screen.getByRole('list', { name: 'Cast' })).getAllByRole('listitem');
    expect(cast).toHaveLength(11);
    expect(cast[6]).toHaveTextContent('George de la PeñaGurevitch');
    expect(screen.getByRole('img', { name: 'Poster of Red Hot' })).toBeInTheDocument();
  });

  it('rates the film and stores it as half-stars', async () => {
    renderInApp(<FilmPage id={SEED_FILM_ID} />);
    await userEvent.click(await screen.findByRole('radio', { name: '4.5 stars' }));
    await vi.waitFor(async () => expect((await filmById(SEED_FILM_ID))?.rating).toBe(9));
  });

  it('logs a viewing dated today by default', async () => {
    renderInApp(<FilmPage id={SEED_FILM_ID} />);
    const date = (await screen.findByLabelText('Date watched')) as HTMLInputElement;
    const today = new Date();
    expect(date.value).toBe(
      `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Log viewing' }));
    const viewings = await screen.findByRole('list', { name: 'Viewings' });
    expect(within(viewings).getAllByRole('listitem')).toHaveLength(1);
  });

  it('refuses a viewing in the future', async () => {
    renderInApp(<FilmPage id={SEED_FILM_ID} />);
    const date = await screen.findByLabelText('Date watched');
    await userEvent.clear(date);
    await userEvent.type(date, '2999-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Log viewing' }));
    expect(screen.getByRole('alert')).toHaveTextContent('A viewing cannot be in the future.');
    expect(screen.queryByRole('list', { name: 'Viewings' })).not.toBeInTheDocument();
  });

  it('deletes the film, goes back to the Library, and Undo restores it', async () => {
    const { history } = renderInApp(<FilmPage id={SEED_FILM_ID} />, `/films/${SEED_FILM_ID}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete film' }));
    await vi.waitFor(() => expect(history.at(-1)).toBe('/'));
    expect(await filmById(SEED_FILM_ID)).toBeUndefined();
    expect(screen.getByRole('status')).toHaveTextContent('Deleted “Red Hot (1993)”.');
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await vi.waitFor(async () => expect(await filmById(SEED_FILM_ID)).toBeDefined());
  });

  it('explains when the film does not exist', async () => {
    renderInApp(<FilmPage id="no-such-film" />);
    expect(await screen.findByRole('heading', { name: 'This film is not in your catalog' })).toBeInTheDocument();
  });
});
