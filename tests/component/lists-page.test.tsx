import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { allLists } from '../../renderer/src/db/lists';
import { ListsPage } from '../../renderer/src/ui/lists/ListsPage';
import { rankedListOfThree } from './list-fixtures';
import { freshCatalog, renderInApp } from './render';

beforeEach(freshCatalog);

describe('ListsPage', () => {
  it('says what to do when there are no lists', async () => {
    renderInApp(<ListsPage />, '/lists');
    expect(await screen.findByRole('heading', { name: 'No lists yet' })).toBeInTheDocument();
    expect(screen.getByText(/add films from a film’s page or from the Library/)).toBeInTheDocument();
  });

  it('creates a ranked list with a description and opens it', async () => {
    const { history } = renderInApp(<ListsPage />, '/lists');
    await userEvent.type(await screen.findByRole('textbox', { name: /List name/ }), 'Favourites of 1993');
    await userEvent.type(screen.getByRole('textbox', { name: 'Description' }), 'The year of Red Hot.');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Ranked' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create list' }));
    await vi.waitFor(async () => expect(await allLists()).toHaveLength(1));
    const [created] = await allLists();
    expect(created?.list).toMatchObject({ name: 'Favourites of 1993', description: 'The year of Red Hot.', ranked: true });
    await vi.waitFor(() => expect(history.at(-1)).toBe(`/lists/${created?.list.id}`));
  });

  it('refuses a list without a name, saying why, and creates nothing', async () => {
    renderInApp(<ListsPage />, '/lists');
    await userEvent.click(await screen.findByRole('button', { name: 'Create list' }));
    expect(await screen.findByText('A list needs a name.')).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.getByRole('textbox', { name: /List name/ })).toHaveFocus());
    expect(screen.getByRole('textbox', { name: /List name/ })).toHaveAttribute('aria-invalid', 'true');
    expect(await allLists()).toEqual([]);
  });

  it('shows each list with its film count and how many were seen', async () => {
    await rankedListOfThree();
    renderInApp(<ListsPage />, '/lists');
    const lists = await screen.findByRole('list', { name: 'Your lists' });
    const card = within(lists).getByRole('listitem');
    expect(within(card).getByRole('link', { name: 'Best of the 90s' })).toBeInTheDocument();
    expect(card).toHaveTextContent('Ranked');
    expect(card).toHaveTextContent('Mostly.');
    expect(card).toHaveTextContent('3 films · 1 of 3 seen');
  });
});
