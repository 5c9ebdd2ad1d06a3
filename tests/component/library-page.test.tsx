import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addFilm, deleteFilm, rateFilm } from '../../renderer/src/db/films';
import { SEED_FILM_ID } from '../../renderer/src/db/seed';
import { LibraryPage } from '../../renderer/src/ui/library/LibraryPage';
import { filmFields } from '../fixtures/catalog';
import { freshCatalog, renderInApp } from './render';

const film = (title: string, year: number) => filmFields(title, { year });

beforeEach(freshCatalog);

const cardTitles = () =>
  within(screen.getByRole('list', { name: 'Films' }))
    .getAllByRole('link')
    .map((link) => link.querySelector('.library-card-title')?.textContent);

describe('LibraryPage', () => {
  it('shows Red Hot as the first entry of a new catalog, with its poster', async () => {
    renderInApp(<LibraryPage />);
    const list = await screen.findByRole('list', { name: 'Films' });
    expect(cardTitles()).toEqual(['Red Hot']);
    expect(within(list).getByRole('link')).toHaveAttribute('href', `/films/${SEED_FILM_ID}`);
    // Vite inlines the small SVG poster as a data URL, or links the file when it grows.
    expect(list.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/svg\+xml|red-hot.*\.svg$/);
    expect(screen.getByText('1 film')).toBeInTheDocument();
  });

  it('orders by title ignoring leading articles, then by the sort the person picks', async () => {
    await addFilm(film('The Apartment', 1960));
    await addFilm(film('Zodiac', 2007));
    await rateFilm(SEED_FILM_ID, 8);
    renderInApp(<LibraryPage />);
    await screen.findByRole('list', { name: 'Films' });
    expect(cardTitles()).toEqual(['The Apartment', 'Red Hot', 'Zodiac']);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'year');
    await waitForOrder(['The Apartment', 'Red Hot', 'Zodiac']);
    await userEvent.click(screen.getByRole('button', { name: /switch to descending/ }));
    await waitForOrder(['Zodiac', 'Red Hot', 'The Apartment']);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'rating');
    await waitForOrder(['Red Hot', 'The Apartment', 'Zodiac']);
  });

  it('switches to the compact list and remembers it next time', async () => {
    const first = renderInApp(<LibraryPage />);
    await screen.findByRole('list', { name: 'Films' });
    await userEvent.click(screen.getByRole('button', { name: 'List' }));
    const table = await screen.findByRole('table', { name: 'Films' });
    expect(within(table).getByRole('cell', { name: 'Paul Haggis' })).toBeInTheDocument();
    first.unmount();

    renderInApp(<LibraryPage />);
    expect(await screen.findByRole('table', { name: 'Films' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'List' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('says the library is empty and offers to add a film', async () => {
    await deleteFilm(SEED_FILM_ID);
    renderInApp(<LibraryPage />);
    expect(await screen.findByRole('heading', { name: 'Your library is empty' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add film' })).toHaveAttribute('href', '/films/new');
  });
});

async function waitForOrder(expected: string[]): Promise<void> {
  await vi.waitFor(() => expect(cardTitles()).toEqual(expected));
}
