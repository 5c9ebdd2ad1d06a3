import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addFilm, addTagToFilm, filmById, setFilmFlag } from '../../renderer/src/db/films';
import { SEED_FILM_ID } from '../../renderer/src/db/seed';
import { LibraryPage } from '../../renderer/src/ui/library/LibraryPage';
import { filmFields } from '../fixtures/catalog';
import { freshCatalog, renderInApp } from './render';

const film = (title: string, year: number) => filmFields(title, { year });

let alien: string;
beforeEach(async () => {
  await freshCatalog();
  alien = await addFilm(film('Alien', 1979));
});

const cards = () => within(screen.getByRole('list', { name: 'Films' })).getAllByRole('link');

describe('Library keyboard', () => {
  it('moves the focus with arrow keys, and only one film is a tab stop', async () => {
    renderInApp(<LibraryPage />);
    await screen.findByRole('list', { name: 'Films' });
    const [first, second] = cards();
    expect(cards().map((card) => card.tabIndex)).toEqual([0, -1]);
    first!.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(second).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(first).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(second).toHaveFocus();
    expect(cards().map((card) => card.tabIndex)).toEqual([-1, 0]);
  });

  it('rates the focused film with number keys: 9 is 4½ stars, 0 is 5 stars', async () => {
    renderInApp(<LibraryPage />);
    await screen.findByRole('list', { name: 'Films' });
    cards()[0]!.focus(); // Alien
    await userEvent.keyboard('9');
    await vi.waitFor(async () => expect((await filmById(alien))?.rating).toBe(9));
    expect(await screen.findByText('Rated “Alien” 4.5 stars.')).toBeInTheDocument();
    await userEvent.keyboard('0');
    await vi.waitFor(async () => expect((await filmById(alien))?.rating).toBe(10));
    await userEvent.keyboard('1');
    await vi.waitFor(async () => expect((await filmById(alien))?.rating).toBe(1));
  });

  it('toggles watchlist with W and favourite with F, shown as badges', async () => {
    renderInApp(<LibraryPage />);
    await screen.findByRole('list', { name: 'Films' });
    cards()[1]!.focus(); // Red Hot
    await userEvent.keyboard('w');
    await userEvent.keyboard('f');
    await vi.waitFor(async () => expect(await filmById(SEED_FILM_ID)).toMatchObject({ watchlist: true, favourite: true }));
    await vi.waitFor(() => {
      expect(within(cards()[1]!).getByText('Watchlist')).toBeInTheDocument();
      expect(within(cards()[1]!).getByText('Favourite')).toBeInTheDocument();
    });
    await userEvent.keyboard('w');
    await vi.waitFor(async () => expect((await filmById(SEED_FILM_ID))?.watchlist).toBe(false));
  });

  it('selects with Space and acts on the selection', async () => {
    renderInApp(<LibraryPage />);
    await screen.findByRole('list', { name: 'Films' });
    cards()[0]!.focus();
    await userEvent.keyboard(' ');
    await userEvent.keyboard('{ArrowRight} ');
    const bar = screen.getByRole('region', { name: 'Selection' });
    expect(bar).toHaveTextContent('2 selected');
    await userEvent.click(within(bar).getByRole('button', { name: 'Add to watchlist' }));
    await vi.waitFor(async () => expect((await filmById(alien))?.watchlist).toBe(true));
    expect((await filmById(SEED_FILM_ID))?.watchlist).toBe(true);
    // Escape clears the selection from the selection bar too, where the focus now is.
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Selection' })).not.toBeInTheDocument();
  });

  it('leaves Space on a selection box to the box, so it toggles once', async () => {
    renderInApp(<LibraryPage />);
    await screen.findByRole('list', { name: 'Films' });
    const box = screen.getByRole('checkbox', { name: 'Select Red Hot' }); // not the film the keyboard is on
    await userEvent.click(box);
    expect(screen.getByRole('region', { name: 'Selection' })).toHaveTextContent('1 selected');
    await userEvent.keyboard(' ');
    expect(box).not.toBeChecked();
    expect(screen.queryByRole('region', { name: 'Selection' })).not.toBeInTheDocument();
  });
});

describe('Library filters', () => {
  it('combines filters, counts what each would leave, and has a way back from an empty view', async () => {
    await setFilmFlag(alien, 'watchlist', true);
    renderInApp(<LibraryPage />);
    await screen.findByRole('list', { name: 'Films' });
    const filters = screen.getByRole('region', { name: 'Filters' });
    const watchlist = await within(filters).findByRole('checkbox', { name: /^Watchlist 1$/ });
    await userEvent.click(watchlist);
    await vi.waitFor(() => expect(cards().map((card) => card.querySelector('.library-card-title')?.textContent)).toEqual(['Alien']));
    expect(screen.getByText('1 film')).toBeInTheDocument();
    // Alien is not a favourite: ticking Favourite as well would leave none, and says so before the click.
    const favourite = within(filters).getByRole('checkbox', { name: /^Favourite 0$/ });
    await userEvent.click(favourite);
    expect(await screen.findByRole('heading', { name: 'No films match' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await vi.waitFor(() => expect(cards()).toHaveLength(2));
    expect(within(filters).getByRole('checkbox', { name: /^Watchlist 1$/ })).not.toBeChecked();
  });

  it('lists the films with one tag, from a link', async () => {
    await addTagToFilm(SEED_FILM_ID, 'Music');
    renderInApp(<LibraryPage />, '/?tag=music');
    await vi.waitFor(() => expect(cards()).toHaveLength(1));
    expect(cards()[0]).toHaveTextContent('Red Hot');
    expect(within(screen.getByRole('region', { name: 'Filters' })).getByRole('checkbox', { name: /^Music 1$/ })).toBeChecked();
  });
});
