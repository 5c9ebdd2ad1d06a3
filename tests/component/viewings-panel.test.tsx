import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { filmById } from '../../renderer/src/db/films';
import { SEED_FILM_ID } from '../../renderer/src/db/seed';
import { logViewing, viewingsOfFilm } from '../../renderer/src/db/viewings';
import { ViewingsPanel } from '../../renderer/src/ui/diary/ViewingsPanel';
import { freshCatalog, renderInApp } from './render';

beforeEach(freshCatalog);

const logForm = () => screen.getByRole('form', { name: 'Log a viewing' });
const history = () => screen.getByRole('list', { name: 'Viewings' });

async function openPanel() {
  renderInApp(<ViewingsPanel filmId={SEED_FILM_ID} />);
  await screen.findByRole('form', { name: 'Log a viewing' });
}

describe('ViewingsPanel', () => {
  it('logs a viewing known only by month, with the rating that time, where, and a note', async () => {
    await openPanel();
    const form = logForm();
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Date precision' }), 'Month only');
    await userEvent.selectOptions(within(form).getByLabelText('Month watched'), 'March');
    await userEvent.clear(within(form).getByLabelText('Year watched'));
    await userEvent.type(within(form).getByLabelText('Year watched'), '2024');
    await userEvent.click(within(form).getByRole('button', { name: 'Add rating, where, note…' }));
    await userEvent.click(within(within(form).getByRole('radiogroup', { name: 'Rating this time' })).getByRole('radio', { name: '4 stars' }));
    await userEvent.selectOptions(within(form).getByLabelText('Where or how'), 'Cinema');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Note' }), 'Prince Charles, 35mm');
    await userEvent.click(within(form).getByRole('button', { name: 'Log viewing' }));

    const item = within(await screen.findByRole('list', { name: 'Viewings' })).getByRole('listitem');
    expect(item).toHaveTextContent('March 2024');
    expect(item).toHaveTextContent('Rated 4 stars');
    expect(item).toHaveTextContent('Cinema');
    expect(item).toHaveTextContent('Prince Charles, 35mm');
    expect(screen.getByRole('status')).toHaveTextContent('Logged a viewing in March 2024.');
    // The snapshot is the viewing's own; the film keeps its current rating (none).
    expect((await filmById(SEED_FILM_ID))?.rating).toBeNull();
    // The form is ready for the next viewing: today, nothing else said.
    expect(within(form).getByLabelText('Date watched')).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Note' })).toHaveValue('');
  });

  it('ticks Rewatch when the film was seen before, unless the new viewing is dated earlier', async () => {
    await logViewing(SEED_FILM_ID, '2020-05-01');
    await openPanel();
    const rewatch = within(logForm()).getByRole('checkbox', { name: 'Rewatch' });
    expect(rewatch).toBeChecked();
    const date = within(logForm()).getByLabelText('Date watched');
    await userEvent.clear(date);
    await userEvent.type(date, '2019-12-31');
    expect(rewatch).not.toBeChecked();
    await userEvent.clear(date);
    await userEvent.type(date, '2021-01-01');
    await userEvent.click(within(logForm()).getByRole('button', { name: 'Log viewing' }));
    await vi.waitFor(() => expect(within(history()).getAllByRole('listitem')).toHaveLength(2));
    expect(within(history()).getAllByRole('listitem')[0]).toHaveTextContent(/1 January 2021.*Rewatch/);
  });

  it('keeps the person’s own choice of Rewatch over the guess', async () => {
    await logViewing(SEED_FILM_ID, '2020-05-01');
    await openPanel();
    await userEvent.click(within(logForm()).getByRole('checkbox', { name: 'Rewatch' }));
    await userEvent.click(within(logForm()).getByRole('button', { name: 'Log viewing' }));
    await vi.waitFor(async () => expect(await viewingsOfFilm(SEED_FILM_ID)).toHaveLength(2));
    expect((await viewingsOfFilm(SEED_FILM_ID))[0]?.rewatch).toBe(false);
  });

  it('logs a viewing with no date under Date unknown', async () => {
    await openPanel();
    await userEvent.selectOptions(within(logForm()).getByRole('combobox', { name: 'Date precision' }), 'Unknown');
    await userEvent.click(within(logForm()).getByRole('button', { name: 'Log viewing' }));
    expect(within(await screen.findByRole('list', { name: 'Viewings' })).getByRole('listitem')).toHaveTextContent('Date unknown');
    expect((await viewingsOfFilm(SEED_FILM_ID))[0]?.watchedOn).toBeNull();
  });

  it('says what is missing from a month-only date, puts focus on it, and logs nothing', async () => {
    await openPanel();
    await userEvent.selectOptions(within(logForm()).getByRole('combobox', { name: 'Date precision' }), 'Month only');
    await userEvent.selectOptions(within(logForm()).getByLabelText('Month watched'), 'Choose…');
    await userEvent.click(within(logForm()).getByRole('button', { name: 'Log viewing' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose the month you watched it.');
    await vi.waitFor(() => expect(within(logForm()).getByLabelText('Month watched')).toHaveFocus());
    expect(await viewingsOfFilm(SEED_FILM_ID)).toEqual([]);
  });

  it('refuses a note over 1,000 characters, showing the note even if its section was hidden', async () => {
    await openPanel();
    const form = logForm();
    await userEvent.click(within(form).getByRole('button', { name: 'Add rating, where, note…' }));
    await userEvent.click(within(form).getByRole('textbox', { name: 'Note' }));
    await userEvent.paste('x'.repeat(1_001));
    await userEvent.click(within(form).getByRole('button', { name: 'Hide rating, where and note' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Log viewing' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent("a viewing's note can be up to 1,000");
    expect(within(form).getByRole('textbox', { name: 'Note' })).toHaveAttribute('aria-invalid', 'true');
    expect(await viewingsOfFilm(SEED_FILM_ID)).toEqual([]);
  });

  it('edits a viewing in place and returns focus to its Edit button', async () => {
    await logViewing(SEED_FILM_ID, '2026-11-01');
    await openPanel();
    await userEvent.click(await screen.findByRole('button', { name: 'Edit viewing of 1 November 2026' }));
    const editor = screen.getByRole('form', { name: 'Edit viewing of 1 November 2026' });
    expect(within(editor).getByLabelText('Date watched')).toHaveFocus();
    await userEvent.click(within(editor).getByRole('radio', { name: '2.5 stars' }));
    await userEvent.selectOptions(within(editor).getByLabelText('Where or how'), 'Streaming');
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Note' }), 'Fell asleep');
    await userEvent.click(within(editor).getByRole('button', { name: 'Save viewing' }));

    await vi.waitFor(() => expect(screen.queryByRole('form', { name: /^Edit viewing/ })).not.toBeInTheDocument());
    // The list catches up with the saved edit on the next live-query round.
    await vi.waitFor(() => expect(within(history()).getByRole('listitem')).toHaveTextContent('Rated 2.5 stars'));
    const item = within(history()).getByRole('listitem');
    expect(item).toHaveTextContent('Streaming');
    expect(item).toHaveTextContent('Fell asleep');
    expect(screen.getByRole('button', { name: 'Edit viewing of 1 November 2026' })).toHaveFocus();
  });

  it('removes a viewing and brings it back with Undo', async () => {
    await logViewing(SEED_FILM_ID, '2026-11-01', { note: 'keep me' });
    await openPanel();
    await userEvent.click(await screen.findByRole('button', { name: 'Remove viewing of 1 November 2026' }));
    expect(await screen.findByText('Not watched yet.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Removed the viewing on 1 November 2026.');
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('keep me')).toBeInTheDocument();
  });
});
