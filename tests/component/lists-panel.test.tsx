import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { allLists, createList, listsOfFilm } from '../../renderer/src/db/lists';
import { SEED_FILM_ID } from '../../renderer/src/db/seed';
import { ListsPanel } from '../../renderer/src/ui/lists/ListsPanel';
import { rankedListOfThree } from './list-fixtures';
import { freshCatalog, renderInApp } from './render';

beforeEach(freshCatalog);

describe('ListsPanel', () => {
  it('links to the lists a film is in, with its rank in ranked ones', async () => {
    const { heat } = await rankedListOfThree();
    renderInApp(<ListsPanel filmId={heat} />);
    const places = await screen.findByRole('list', { name: 'Lists with this film' });
    expect(within(places).getByRole('link', { name: 'Best of the 90s' })).toBeInTheDocument();
    expect(places).toHaveTextContent('No. 3');
  });

  it('adds the film to a chosen list, which then leaves the choices', async () => {
    await createList({ name: 'To show the kids', description: '', ranked: false });
    renderInApp(<ListsPanel filmId={SEED_FILM_ID} />);
    expect(await screen.findByText('Not in any list yet.')).toBeInTheDocument();
    const select = screen.getByRole('combobox', { name: 'Add to list' });
    await vi.waitFor(() => expect(within(select).getByRole('option', { name: 'To show the kids' })).toBeInTheDocument());
    await userEvent.selectOptions(select, 'To show the kids');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Added “Red Hot (1993)” to “To show the kids”.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'To show the kids' })).toBeInTheDocument();
    expect(within(select).queryByRole('option', { name: 'To show the kids' })).not.toBeInTheDocument();
    expect((await listsOfFilm(SEED_FILM_ID)).map((place) => place.list.name)).toEqual(['To show the kids']);
  });

  it('asks for a choice when Add is pressed with no list chosen', async () => {
    renderInApp(<ListsPanel filmId={SEED_FILM_ID} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose a list to add this film to, or “New list…” to start one.');
    expect(await listsOfFilm(SEED_FILM_ID)).toEqual([]);
  });

  it('creates a new ranked list inline and adds the film to it', async () => {
    renderInApp(<ListsPanel filmId={SEED_FILM_ID} />);
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Add to list' }), 'New list…');
    const name = screen.getByRole('textbox', { name: /List name/ });
    expect(name).toHaveFocus();
    await userEvent.type(name, 'Soviet rock');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Ranked' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create list and add' }));
    expect(await screen.findByRole('link', { name: 'Soviet rock' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /List name/ })).not.toBeInTheDocument();
    const [list] = await allLists();
    expect(list).toMatchObject({ list: { name: 'Soviet rock', ranked: true }, filmCount: 1 });
  });
});
