/**
 * Nothing fails silently: for each kind of action, a write that the database refuses (a full disk, a catalog
 * closed by another window, a record deleted meanwhile) ends in one message naming what did not happen, the
 * catalog is unchanged, and what was typed is still there to retry. Undo is one mechanism: the same toast,
 * Ctrl/Cmd+Z, and its own failure message.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addCopy, copiesOfFilm, lendCopy } from '../../renderer/src/db/copies';
import { addFilm, addTagToFilm, allTags, filmById } from '../../renderer/src/db/films';
import { entriesOfList, listById } from '../../renderer/src/db/lists';
import { addNote, notesOfFilm } from '../../renderer/src/db/notes';
import { SEED_FILM_ID } from '../../renderer/src/db/seed';
import { viewingsOfFilm } from '../../renderer/src/db/viewings';
import type { CopyFields } from '../../renderer/src/domain/copy';
import { localDateIso } from '../../renderer/src/domain/viewing';
import { FilmFlags } from '../../renderer/src/ui/film/FilmFlags';
import { LibraryPage } from '../../renderer/src/ui/library/LibraryPage';
import { FilmPage } from '../../renderer/src/ui/film/FilmPage';
import { ListPage } from '../../renderer/src/ui/lists/ListPage';
import { LoanedOutPage } from '../../renderer/src/ui/collection/LoanedOutPage';
import { TagsPage } from '../../renderer/src/ui/library/TagsPage';
import { filmFields } from '../fixtures/catalog';
import { allowWrites, failWritesTo } from '../fixtures/failing-writes';
import { rankedListOfThree } from './list-fixtures';
import { freshCatalog, renderInApp } from './render';

beforeEach(async () => {
  await freshCatalog();
  // Each refused write is also logged for developers; the messages on screen are what these tests check.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

const DISK_FULL = ': the disk is full. Free some disk space (or remove large posters), then try again.';
const RED_HOT = '“Red Hot (1993)”';

/** Waits for an announced message (an error toast or a form's alert) that contains `text`. */
async function announced(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const alert = screen.getAllByRole('alert').find((element) => element.textContent?.includes(text));
    if (!alert) throw new Error(`No alert says “${text}”; alerts: ${screen.queryAllByRole('alert').map((a) => a.textContent).join(' | ')}`);
    return alert;
  });
}

const bluRay: CopyFields = {
  format: 'Blu-ray', edition: '', region: '', barcode: '', location: '', condition: '', purchasedOn: null, price: null,
};

async function openRedHot() {
  const view = renderInApp(<FilmPage id={SEED_FILM_ID} />, `/films/${SEED_FILM_ID}`);
  await screen.findByRole('heading', { level: 1, name: 'Red Hot (1993)' });
  return view;
}

describe('a write that fails says so, and changes nothing', () => {
  it('rating: names the film and the full disk, with what to do', async () => {
    await openRedHot();
    failWritesTo('films');
    await userEvent.click(screen.getByRole('radio', { name: '4.5 stars' }));
    await announced(`Your rating of ${RED_HOT} was not saved${DISK_FULL}`);
    expect((await filmById(SEED_FILM_ID))?.rating).toBeNull();
  });

  it('watchlist flag', async () => {
    await openRedHot();
    failWritesTo('films');
    await userEvent.click(screen.getByRole('button', { name: /Watchlist/ }));
    await announced(`${RED_HOT} was not added to your watchlist${DISK_FULL}`);
    expect((await filmById(SEED_FILM_ID))?.watchlist).toBe(false);
  });

  it('adding a tag keeps the typed tag in its field', async () => {
    await openRedHot();
    failWritesTo('films');
    await userEvent.type(screen.getByRole('combobox', { name: 'Add a tag' }), 'Soviet rock');
    await userEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await announced(`The tag “Soviet rock” was not added${DISK_FULL}`);
    expect(screen.getByRole('combobox', { name: 'Add a tag' })).toHaveValue('Soviet rock');
    expect(await allTags()).toEqual([]);
  });

  it('a new note keeps its text to save again, and saves once the disk has room', async () => {
    await openRedHot();
    failWritesTo('notes');
    await userEvent.type(screen.getByRole('textbox', { name: 'New note' }), 'Saw it twice.');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await announced(`The note was not saved${DISK_FULL}`);
    expect(screen.getByRole('textbox', { name: 'New note' })).toHaveValue('Saw it twice.');
    expect(await notesOfFilm(SEED_FILM_ID)).toEqual([]);

    allowWrites();
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await vi.waitFor(async () => expect((await notesOfFilm(SEED_FILM_ID)).map((note) => note.body)).toEqual(['Saw it twice.']));
  });

  it('logging a viewing', async () => {
    await openRedHot();
    failWritesTo('viewings');
    await userEvent.click(await screen.findByRole('button', { name: 'Log viewing' }));
    await announced(`Could not save the viewing${DISK_FULL}`);
    expect(await viewingsOfFilm(SEED_FILM_ID)).toEqual([]);
  });

  it('deleting a film leaves it, and its page, in place', async () => {
    const { history } = await openRedHot();
    failWritesTo('films');
    await userEvent.click(screen.getByRole('button', { name: 'Delete film' }));
    await announced(`${RED_HOT} was not deleted${DISK_FULL}`);
    expect(await filmById(SEED_FILM_ID)).toBeDefined();
    expect(history.at(-1)).toBe(`/films/${SEED_FILM_ID}`);
  });

  it('a film deleted meanwhile: the flag says the film is gone', async () => {
    // A screen can still show a film another window has just deleted; pressing it must not vanish without a word.
    renderInApp(<FilmFlags film={{ id: 'deleted-meanwhile', title: 'Stalker', year: 1979, watchlist: false, favourite: false }} />);
    await userEvent.click(screen.getByRole('button', { name: /Favourite/ }));
    await announced('“Stalker (1979)” was not marked as a favourite: This film no longer exists; it may have been deleted.');
  });

  it('a catalog closed by another window', async () => {
    await openRedHot();
    failWritesTo('films', () => new Dexie.DatabaseClosedError('closed'));
    await userEvent.click(screen.getByRole('radio', { name: '3 stars' }));
    await announced(`Your rating of ${RED_HOT} was not saved: the catalog was closed because another Cinefile window changed it.`);
  });

  it('copies: adding keeps the form filled; deleting and lending say what did not happen', async () => {
    await openRedHot();
    failWritesTo('copies');
    await userEvent.click(screen.getByRole('button', { name: 'Add copy' }));
    const form = screen.getByRole('form', { name: 'Add a copy' });
    await userEvent.selectOptions(within(form).getByLabelText(/^Format/), 'Blu-ray');
    await userEvent.type(within(form).getByLabelText('Location'), 'Shelf 3');
    await userEvent.click(within(form).getByRole('button', { name: 'Add copy' }));
    await announced(`Could not save the copy${DISK_FULL}`);
    expect(within(form).getByLabelText('Location')).toHaveValue('Shelf 3');
    expect(await copiesOfFilm(SEED_FILM_ID)).toEqual([]);

    allowWrites();
    await addCopy(SEED_FILM_ID, bluRay);
    const item = await within(await screen.findByRole('list', { name: 'Copies' })).findByRole('listitem', { name: /Blu-ray/ });
    failWritesTo(['copies', 'loans']);
    await userEvent.click(within(item).getByRole('button', { name: 'Delete Blu-ray' }));
    await announced(`The Blu-ray was not deleted${DISK_FULL}`);
    await userEvent.click(within(item).getByRole('button', { name: 'Lend… Blu-ray' }));
    await userEvent.type(within(item).getByLabelText(/^Borrower/), 'Ana');
    await userEvent.click(within(item).getByRole('button', { name: 'Lend' }));
    await announced(`Could not lend it${DISK_FULL}`);
    expect(within(item).getByLabelText(/^Borrower/)).toHaveValue('Ana');
    expect((await copiesOfFilm(SEED_FILM_ID))[0]?.openLoan).toBeNull();
  });

  it('marking a loan returned, from Loaned out', async () => {
    const copyId = await addCopy(SEED_FILM_ID, bluRay);
    await lendCopy(copyId, { borrower: 'Ana', lentOn: localDateIso(new Date()), dueOn: null });
    renderInApp(<LoanedOutPage />);
    failWritesTo('loans');
    await userEvent.click(await screen.findByRole('button', { name: 'Mark returned: Red Hot (1993), lent to Ana' }));
    await announced(`Ana’s loan of the Blu-ray of Red Hot (1993) was not marked returned${DISK_FULL}`);
    expect((await copiesOfFilm(SEED_FILM_ID))[0]?.openLoan?.borrower).toBe('Ana');
  });

  it('lists: moving, removing a film, ranking and deleting the list', async () => {
    const { listId } = await rankedListOfThree();
    renderInApp(<ListPage id={listId} />, `/lists/${listId}`);
    await screen.findByRole('list', { name: 'Films in this list' });
    failWritesTo(['lists', 'listEntries']);
    const titles = () =>
      within(screen.getByRole('list', { name: 'Films in this list' }))
        .getAllByRole('listitem')
        .map((row) => row.querySelector('.list-entry-title')?.textContent);

    await userEvent.click(screen.getByRole('button', { name: 'Move Red Hot (1993) down' }));
    await announced(`${RED_HOT} was not moved${DISK_FULL}`);
    // The row goes back to where it is saved.
    await waitFor(() => expect(titles()).toEqual(['Red Hot (1993)', 'Alien (1979)', 'Heat (1995)']));

    await userEvent.click(screen.getByRole('button', { name: 'Remove Alien (1979) from this list' }));
    await announced(`“Alien (1979)” was not removed from “Best of the 90s”${DISK_FULL}`);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Ranked' }));
    await announced(`The list “Best of the 90s” was not made unranked${DISK_FULL}`);
    await userEvent.click(screen.getByRole('button', { name: 'Delete list' }));
    await announced(`The list “Best of the 90s” was not deleted${DISK_FULL}`);

    expect((await entriesOfList(listId)).map((row) => row.film.title)).toEqual(['Red Hot', 'Alien', 'Heat']);
    expect((await listById(listId))?.ranked).toBe(true);
  });

  it('adding a film to a list from its page keeps the choice', async () => {
    const { listId } = await rankedListOfThree();
    const heist = await addFilm(filmFields('Heist'));
    renderInApp(<FilmPage id={heist} />);
    const select = await screen.findByRole('combobox', { name: 'Add to list' });
    await screen.findByRole('option', { name: 'Best of the 90s' });
    await userEvent.selectOptions(select, listId);
    failWritesTo('listEntries');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    await announced(`“Heist” was not added to “Best of the 90s”${DISK_FULL}`);
    expect(select).toHaveValue(listId);
  });

  it('rating from the Library by keyboard', async () => {
    renderInApp(<LibraryPage />);
    const card = await screen.findByRole('link', { name: /Red Hot/ });
    failWritesTo('films');
    card.focus();
    fireEvent.keyDown(card, { key: '4' });
    await announced(`Your rating of “Red Hot” was not saved${DISK_FULL}`);
    expect((await filmById(SEED_FILM_ID))?.rating).toBeNull();
  });

  it('renaming a tag keeps the form open with the new name', async () => {
    await addTagToFilm(SEED_FILM_ID, 'rock');
    renderInApp(<TagsPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Rename rock' }));
    const field = screen.getByRole('textbox', { name: 'New name for rock' });
    await userEvent.clear(field);
    await userEvent.type(field, 'Soviet rock');
    failWritesTo('films');
    await userEvent.click(screen.getByRole('button', { name: 'Rename' }));
    await announced(`“rock” was not renamed${DISK_FULL}`);
    expect(screen.getByRole('textbox', { name: 'New name for rock' })).toHaveValue('Soviet rock');
    expect((await allTags()).map(({ tag }) => tag)).toEqual(['rock']);
  });
});

describe('Undo is one mechanism', () => {
  it('an Undo that fails says what was not restored, and the deletion stands', async () => {
    await addNote(SEED_FILM_ID, 'First impressions.');
    await openRedHot();
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Note deleted.')).toBeInTheDocument();
    failWritesTo('notes');
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await announced(`The note was not restored${DISK_FULL}`);
    expect(await notesOfFilm(SEED_FILM_ID)).toEqual([]);
  });

  it('Ctrl+Z runs the Undo on screen, but not while typing in a text field', async () => {
    await addNote(SEED_FILM_ID, 'First impressions.');
    await openRedHot();
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Note deleted.')).toBeInTheDocument();

    // In the note field, Ctrl+Z belongs to the field.
    await userEvent.click(screen.getByRole('textbox', { name: 'New note' }));
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(screen.getByText('Note deleted.')).toBeInTheDocument();
    expect(await notesOfFilm(SEED_FILM_ID)).toEqual([]);

    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard('{Control>}z{/Control}');
    await vi.waitFor(async () => expect((await notesOfFilm(SEED_FILM_ID)).map((note) => note.body)).toEqual(['First impressions.']));
    expect(screen.queryByText('Note deleted.')).not.toBeInTheDocument();
  });

  it('Cmd+Z undoes the newest action: deleting a film brings it back', async () => {
    const { history } = await openRedHot();
    await userEvent.click(screen.getByRole('button', { name: 'Delete film' }));
    await vi.waitFor(() => expect(history.at(-1)).toBe('/'));
    await userEvent.keyboard('{Meta>}z{/Meta}');
    expect(await screen.findByText(`Restored ${RED_HOT}.`)).toBeInTheDocument();
    expect(await filmById(SEED_FILM_ID)).toBeDefined();
  });
});
