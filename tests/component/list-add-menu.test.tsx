import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addFilm } from '../../renderer/src/db/films';
import { allLists, createList, entriesOfList } from '../../renderer/src/db/lists';
import { SEED_FILM_ID } from '../../renderer/src/db/seed';
import { AddToListMenu } from '../../renderer/src/ui/lists/AddToListMenu';
import { filmFields } from './list-fixtures';
import { freshCatalog, renderInApp } from './render';

beforeEach(freshCatalog);

async function threeFilms(): Promise<string[]> {
  return [SEED_FILM_ID, await addFilm(filmFields('Alien', 1979)), await addFilm(filmFields('Heat', 1995))];
}

describe('AddToListMenu', () => {
  it('adds the selected films to a chosen list, says how many, and returns focus to the button', async () => {
    const filmIds = await threeFilms();
    const listId = await createList({ name: 'Favourites of 1993', description: '', ranked: true });
    renderInApp(<AddToListMenu filmIds={filmIds} />);
    const trigger = screen.getByRole('button', { name: 'Add to list…' });
    await userEvent.click(trigger);
    const dialog = screen.getByRole('dialog', { name: 'Add 3 films to a list' });
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(await within(dialog).findByRole('button', { name: /^Favourites of 1993/ }));
    expect(await screen.findByText('Added 3 films to “Favourites of 1993”.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
    expect((await entriesOfList(listId)).map((row) => row.film.title)).toEqual(['Red Hot', 'Alien', 'Heat']);
  });

  it('reports films that were already in the list', async () => {
    const filmIds = await threeFilms();
    const listId = await createList({ name: 'Kids', description: '', ranked: false });
    renderInApp(<AddToListMenu filmIds={filmIds} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add to list…' }));
    await userEvent.click(await screen.findByRole('button', { name: /^Kids/ }));
    await screen.findByText('Added 3 films to “Kids”.');
    await userEvent.click(screen.getByRole('button', { name: 'Add to list…' }));
    await userEvent.click(await screen.findByRole('button', { name: /^Kids/ }));
    expect(await screen.findByText('All 3 films are already in “Kids”.')).toBeInTheDocument();
    expect(await entriesOfList(listId)).toHaveLength(3);
  });

  it('closes with Escape without adding anything', async () => {
    const filmIds = await threeFilms();
    await createList({ name: 'Kids', description: '', ranked: false });
    renderInApp(<AddToListMenu filmIds={filmIds} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add to list…' }));
    // Focus lands inside the dialog, on its first choice.
    await vi.waitFor(() => expect(screen.getByRole('dialog')).toContainElement(document.activeElement as HTMLElement));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add to list…' })).toHaveFocus();
    expect((await allLists())[0]?.filmCount).toBe(0);
  });

  it('makes a new list from the menu and adds the films to it', async () => {
    const filmIds = await threeFilms();
    renderInApp(<AddToListMenu filmIds={filmIds.slice(1)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add to list…' }));
    await userEvent.click(screen.getByRole('button', { name: 'New list…' }));
    await userEvent.type(screen.getByRole('textbox', { name: /List name/ }), 'Ridley and Mann');
    await userEvent.click(screen.getByRole('button', { name: 'Create list and add' }));
    expect(await screen.findByText('Added 2 films to “Ridley and Mann”.')).toBeInTheDocument();
    const [summary] = await allLists();
    expect(summary).toMatchObject({ list: { name: 'Ridley and Mann' }, filmCount: 2 });
  });

  it('cannot be opened with nothing selected', () => {
    renderInApp(<AddToListMenu filmIds={[]} />);
    expect(screen.getByRole('button', { name: 'Add to list…' })).toBeDisabled();
  });
});
