import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { notesOfFilm } from '../../renderer/src/db/notes';
import { SEED_FILM_ID } from '../../renderer/src/db/seed';
import { NotesPanel } from '../../renderer/src/ui/film/NotesPanel';
import { freshCatalog, renderInApp } from './render';

beforeEach(freshCatalog);

async function addNote(text: string) {
  await userEvent.click(screen.getByRole('textbox', { name: 'New note' }));
  await userEvent.paste(text);
  await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
}

describe('NotesPanel', () => {
  it('renders Markdown and stamps when the note was written', async () => {
    renderInApp(<NotesPanel filmId={SEED_FILM_ID} />);
    await addNote('A **great** score.\n\n- Getty\n- Gugino');
    const list = await screen.findByRole('list', { name: 'Notes' });
    expect(within(list).getByText('great').tagName).toBe('STRONG');
    expect(within(list).getByText('Gugino').tagName).toBe('LI');
    expect(within(list).getByText(/^Written/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'New note' })).toHaveValue('');
  });

  it('shows HTML in a note as the text typed, and runs none of it', async () => {
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => undefined);
    renderInApp(<NotesPanel filmId={SEED_FILM_ID} />);
    await addNote('<img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3))');
    const list = await screen.findByRole('list', { name: 'Notes' });
    expect(list.querySelector('img, script')).toBeNull();
    expect(list).toHaveTextContent('<img src=x onerror=alert(1)> <script>alert(2)</script>');
    expect(within(list).getByText('x').closest('a')?.getAttribute('href')).toBeNull();
    expect(alert).not.toHaveBeenCalled();
  });

  it('refuses an empty note with a message', async () => {
    renderInApp(<NotesPanel filmId={SEED_FILM_ID} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(screen.getByRole('alert')).toHaveTextContent('A note cannot be empty.');
    expect(await notesOfFilm(SEED_FILM_ID)).toEqual([]);
  });

  it('edits a note, showing that it was edited', async () => {
    renderInApp(<NotesPanel filmId={SEED_FILM_ID} />);
    await addNote('First thought');
    const list = await screen.findByRole('list', { name: 'Notes' });
    await userEvent.click(within(list).getByRole('button', { name: 'Edit' }));
    const editor = screen.getByRole('textbox', { name: 'Edit note' });
    await userEvent.clear(editor);
    await userEvent.type(editor, 'Second thought');
    await userEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await vi.waitFor(() => expect(screen.queryByRole('textbox', { name: 'Edit note' })).not.toBeInTheDocument());
    expect(within(list).getByText('Second thought').tagName).toBe('P');
    expect(within(list).getByText(/edited/)).toBeInTheDocument();
  });

  it('deletes a note and brings it back with Undo', async () => {
    renderInApp(<NotesPanel filmId={SEED_FILM_ID} />);
    await addNote('Keep me');
    const list = await screen.findByRole('list', { name: 'Notes' });
    await userEvent.click(within(list).getByRole('button', { name: 'Delete' }));
    await vi.waitFor(() => expect(screen.queryByRole('list', { name: 'Notes' })).not.toBeInTheDocument());
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Keep me')).toBeInTheDocument();
  });
});
