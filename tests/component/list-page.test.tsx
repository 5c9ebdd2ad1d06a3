import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { entriesOfList, listById } from '../../renderer/src/db/lists';
import { ListPage } from '../../renderer/src/ui/lists/ListPage';
import { rankedListOfThree } from './list-fixtures';
import { freshCatalog, renderInApp } from './render';

beforeEach(freshCatalog);

const rows = () => within(screen.getByRole('list', { name: 'Films in this list' })).getAllByRole('listitem');
const rowTexts = () => rows().map((row) => row.querySelector('.list-entry-title')?.textContent);
const savedTitles = async (listId: string) => (await entriesOfList(listId)).map((row) => row.film.title);

async function openList() {
  const { listId } = await rankedListOfThree();
  const view = renderInApp(<ListPage id={listId} />, `/lists/${listId}`);
  await screen.findByRole('list', { name: 'Films in this list' });
  return { listId, ...view };
}

describe('ListPage', () => {
  it('shows the films in order with their ranks, posters, what was seen and "N of M seen"', async () => {
    await openList();
    expect(screen.getByRole('heading', { level: 1, name: 'Best of the 90s' })).toBeInTheDocument();
    expect(screen.getByText('Mostly.')).toBeInTheDocument();
    expect(screen.getByText('1 of 3 seen')).toBeInTheDocument();
    expect(rowTexts()).toEqual(['Red Hot (1993)', 'Alien (1979)', 'Heat (1995)']);
    expect(rows().map((row) => row.querySelector('.list-entry-rank')?.textContent)).toEqual(['1', '2', '3']);
    expect(rows()[2]).toHaveTextContent('✓ Seen');
    expect(rows()[0]).toHaveTextContent('Not seen yet');
    // The poster is decoration beside the title link, so it adds no second name.
    expect(rows()[0]?.querySelector('img')).toHaveAttribute('alt', '');
    expect(within(rows()[0]!).getByRole('link', { name: 'Red Hot (1993)' })).toHaveAttribute('href', expect.stringContaining('/films/'));
  });

  it('moves a film with the Move buttons, saves the order, announces it and keeps focus on the button', async () => {
    const { listId } = await openList();
    const ranksBefore = new Map((await entriesOfList(listId)).map((row) => [row.film.title, row.entry.rank]));
    const down = screen.getByRole('button', { name: 'Move Red Hot (1993) down' });
    await userEvent.click(down);
    await vi.waitFor(async () => expect(await savedTitles(listId)).toEqual(['Alien', 'Red Hot', 'Heat']));
    // Only the moved film's entry changed: it took a rank between Alien's and Heat's.
    const ranksAfter = new Map((await entriesOfList(listId)).map((row) => [row.film.title, row.entry.rank]));
    expect([ranksAfter.get('Alien'), ranksAfter.get('Heat')]).toEqual([ranksBefore.get('Alien'), ranksBefore.get('Heat')]);
    expect(ranksAfter.get('Red Hot')! > ranksAfter.get('Alien')! && ranksAfter.get('Red Hot')! < ranksAfter.get('Heat')!).toBe(true);
    expect(rowTexts()).toEqual(['Alien (1979)', 'Red Hot (1993)', 'Heat (1995)']);
    expect(screen.getByText('Red Hot (1993) moved to position 2 of 3.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Move Red Hot (1993) down' })).toHaveFocus();

    await userEvent.keyboard('{Enter}');
    await vi.waitFor(async () => expect(await savedTitles(listId)).toEqual(['Alien', 'Heat', 'Red Hot']));
    // At the bottom the button stays focusable but does nothing more.
    expect(screen.getByRole('button', { name: 'Move Red Hot (1993) down' })).toHaveAttribute('aria-disabled', 'true');
    await userEvent.keyboard('{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Move Alien (1979) up' }));
    expect(await savedTitles(listId)).toEqual(['Alien', 'Heat', 'Red Hot']);
  });

  it('writes a note on an entry, and refuses one that is too long', async () => {
    const { listId } = await openList();
    await userEvent.click(screen.getByRole('button', { name: 'Add note on Alien (1979)' }));
    const note = screen.getByRole('textbox', { name: 'Note on Alien (1979)' });
    await userEvent.click(note);
    await userEvent.paste('x'.repeat(2001));
    await userEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(screen.getByRole('alert')).toHaveTextContent('This note is 2,001 characters long; the limit is 2,000.');
    await userEvent.clear(note);
    await userEvent.type(note, 'Still the scariest.');
    await userEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByRole('button', { name: 'Edit note on Alien (1979)' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Note on Alien (1979)' })).not.toBeInTheDocument();
    expect(rows()[1]?.querySelector('.list-entry-note-text')).toHaveTextContent('Still the scariest.');
    expect((await entriesOfList(listId))[1]?.entry.note).toBe('Still the scariest.');
  });

  it('removes a film from the list and Undo puts it back in its place', async () => {
    const { listId } = await openList();
    await userEvent.click(screen.getByRole('button', { name: 'Remove Alien (1979) from this list' }));
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.getByText('1 of 2 seen')).toBeInTheDocument();
    expect(screen.getByText('Removed “Alien (1979)” from “Best of the 90s”.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await vi.waitFor(() => expect(rowTexts()).toEqual(['Red Hot (1993)', 'Alien (1979)', 'Heat (1995)']));
    expect(await savedTitles(listId)).toEqual(['Red Hot', 'Alien', 'Heat']);
  });

  it('renames and describes the list, refusing an empty name without changing it', async () => {
    const { listId } = await openList();
    await userEvent.click(screen.getByRole('button', { name: 'Rename or describe' }));
    const name = screen.getByRole('textbox', { name: /List name/ });
    await userEvent.clear(name);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('A list needs a name.')).toBeInTheDocument();
    expect((await listById(listId))?.name).toBe('Best of the 90s');

    await userEvent.type(name, 'Favourites of 1993');
    const description = screen.getByRole('textbox', { name: 'Description' });
    await userEvent.clear(description);
    await userEvent.type(description, 'The year of Red Hot.');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Favourites of 1993' })).toBeVisible();
    expect(screen.getByText('The year of Red Hot.')).toBeInTheDocument();
    expect(await listById(listId)).toMatchObject({ name: 'Favourites of 1993', description: 'The year of Red Hot.' });
  });

  it('drops the rank numbers when the list is made unranked, keeping the order', async () => {
    const { listId } = await openList();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Ranked' }));
    await vi.waitFor(() => expect(document.querySelector('.list-entry-rank')).toBeNull());
    expect(rowTexts()).toEqual(['Red Hot (1993)', 'Alien (1979)', 'Heat (1995)']);
    expect((await listById(listId))?.ranked).toBe(false);
  });

  it('deletes the list, goes to all lists, and Undo brings it back with its films', async () => {
    const { listId, history } = await openList();
    await userEvent.click(screen.getByRole('button', { name: 'Delete list' }));
    await vi.waitFor(() => expect(history.at(-1)).toBe('/lists'));
    expect(await listById(listId)).toBeUndefined();
    expect(screen.getByText('Deleted the list “Best of the 90s”.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await vi.waitFor(async () => expect(await savedTitles(listId)).toEqual(['Red Hot', 'Alien', 'Heat']));
  });

  it('says so when the list does not exist', async () => {
    renderInApp(<ListPage id="no-such-list" />);
    expect(await screen.findByRole('heading', { name: 'This list does not exist' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All lists' })).toBeInTheDocument();
  });
});
