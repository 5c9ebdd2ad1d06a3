import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addFilm, addTagToFilm, filmById } from '../../renderer/src/db/films';
import { SEED_FILM_ID } from '../../renderer/src/db/seed';
import { TagEditor } from '../../renderer/src/ui/film/TagEditor';
import { FilmFlags } from '../../renderer/src/ui/film/FilmFlags';
import { TagsPage } from '../../renderer/src/ui/library/TagsPage';
import { filmFields } from '../fixtures/catalog';
import { freshCatalog, renderInApp } from './render';

beforeEach(freshCatalog);

describe('TagEditor', () => {
  it('adds a tag, suggests tags in use, and removes one', async () => {
    const other = await addFilm(filmFields('Alien'));
    await addTagToFilm(other, 'Cold War');
    const { rerender } = renderInApp(<TagEditor filmId={SEED_FILM_ID} tags={[]} />);
    const input = screen.getByRole('combobox', { name: 'Add a tag' });
    await userEvent.type(input, 'co');
    await vi.waitFor(() => expect(document.querySelector('datalist option')?.getAttribute('value')).toBe('Cold War'));
    await userEvent.clear(input);
    await userEvent.type(input, 'Music{Enter}');
    await vi.waitFor(async () => expect((await filmById(SEED_FILM_ID))?.tags).toEqual(['Music']));
    await vi.waitFor(() => expect(input).toHaveValue(''));

    await addTagToFilm(SEED_FILM_ID, 'Soviet');
    rerender(<TagEditor filmId={SEED_FILM_ID} tags={['Music', 'Soviet']} />);
    await userEvent.click(screen.getByRole('button', { name: 'Remove tag Music' }));
    await vi.waitFor(async () => expect((await filmById(SEED_FILM_ID))?.tags).toEqual(['Soviet']));
    // Undo puts it back where it was, not at the end.
    await userEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await vi.waitFor(async () => expect((await filmById(SEED_FILM_ID))?.tags).toEqual(['Music', 'Soviet']));
  });

  it('refuses a bad tag with its reason', async () => {
    renderInApp(<TagEditor filmId={SEED_FILM_ID} tags={[]} />);
    await userEvent.type(screen.getByRole('combobox', { name: 'Add a tag' }), 'noir, heist{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('A tag cannot contain a comma');
    expect((await filmById(SEED_FILM_ID))?.tags).toEqual([]);
  });
});

describe('FilmFlags', () => {
  it('toggles watchlist and favourite as pressed buttons', async () => {
    renderInApp(<FilmFlags film={{ id: SEED_FILM_ID, title: 'Red Hot', year: 1993, watchlist: false, favourite: true }} />);
    expect(screen.getByRole('button', { name: /Favourite/ })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: /Watchlist/ }));
    await vi.waitFor(async () => expect((await filmById(SEED_FILM_ID))?.watchlist).toBe(true));
  });
});

describe('TagsPage', () => {
  it('renames a tag on every film, merges into an existing tag, and Undo puts it back', async () => {
    const alien = await addFilm(filmFields('Alien'));
    await addTagToFilm(SEED_FILM_ID, 'scifi');
    await addTagToFilm(alien, 'scifi');
    await addTagToFilm(alien, 'Science fiction');
    renderInApp(<TagsPage />);
    const list = await screen.findByRole('list', { name: 'All tags' });
    expect(within(list).getByText('scifi').closest('li')).toHaveTextContent('2 films');

    await userEvent.click(within(list).getByRole('button', { name: 'Rename scifi' }));
    const input = screen.getByRole('textbox', { name: 'New name for scifi' });
    await userEvent.clear(input);
    await userEvent.type(input, 'science FICTION');
    await userEvent.click(screen.getByRole('button', { name: 'Merge into “Science fiction”' }));
    expect(await screen.findByText('Merged “scifi” into “Science fiction” (2 films).')).toBeInTheDocument();
    await vi.waitFor(async () => expect((await filmById(SEED_FILM_ID))?.tags).toEqual(['Science fiction']));

    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await vi.waitFor(async () => expect((await filmById(SEED_FILM_ID))?.tags).toEqual(['scifi']));
  });

  it('explains tags when there are none', async () => {
    renderInApp(<TagsPage />);
    expect(await screen.findByRole('heading', { name: 'No tags yet' })).toBeInTheDocument();
  });
});
