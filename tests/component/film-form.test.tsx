import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { emptyFilmDraft } from '../../renderer/src/domain/film-draft';
import { FilmForm } from '../../renderer/src/ui/film/FilmForm';

function renderForm(onSubmit = vi.fn().mockResolvedValue(undefined)) {
  render(<FilmForm initial={emptyFilmDraft} submitLabel="Save film" onSubmit={onSubmit} onCancel={() => undefined} />);
  return onSubmit;
}

describe('FilmForm', () => {
  it('has a labelled field for every part of a film', () => {
    renderForm();
    for (const label of ['Title', 'Original title', 'Year', 'Director(s)', 'Genres', 'Runtime (minutes)', 'Country', 'Language', 'Overview']) {
      expect(screen.getByRole('textbox', { name: label })).toBeInTheDocument();
    }
    expect(screen.getByRole('group', { name: 'Cast' })).toBeInTheDocument();
  });

  it('shows a message beside each bad field, focuses the first, and saves nothing', async () => {
    const onSubmit = renderForm();
    await userEvent.type(screen.getByRole('textbox', { name: 'Year' }), '1869');
    await userEvent.type(screen.getByRole('textbox', { name: 'Runtime (minutes)' }), '-20');
    await userEvent.click(screen.getByRole('button', { name: 'Save film' }));

    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription('Title is required.');
    expect(screen.getByRole('textbox', { name: 'Year' })).toHaveAccessibleDescription(/Year must be between 1870 and \d{4}\./);
    expect(screen.getByRole('textbox', { name: 'Runtime (minutes)' })).toHaveAccessibleDescription('Runtime cannot be negative.');
    expect(screen.getByRole('alert')).toHaveTextContent('3 fields need attention.');
    await vi.waitFor(() => expect(screen.getByRole('textbox', { name: 'Title' })).toHaveFocus());
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses an over-long title with its length', async () => {
    const onSubmit = renderForm();
    const title = screen.getByRole('textbox', { name: 'Title' });
    await userEvent.click(title);
    await userEvent.paste('x'.repeat(10_000));
    await userEvent.click(screen.getByRole('button', { name: 'Save film' }));
    expect(title).toHaveAccessibleDescription('Title is 10,000 characters long; the limit is 500.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits clean fields, with cast rows in order', async () => {
    const onSubmit = renderForm();
    await userEvent.type(screen.getByRole('textbox', { name: 'Title' }), 'Alien');
    await userEvent.type(screen.getByRole('textbox', { name: 'Year' }), '1979');
    await userEvent.type(screen.getByRole('textbox', { name: 'Director(s)' }), 'Ridley Scott');
    const cast = screen.getByRole('group', { name: 'Cast' });
    await userEvent.click(within(cast).getByRole('button', { name: 'Add cast member' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Cast member 1 name' }), 'Sigourney Weaver');
    await userEvent.type(screen.getByRole('textbox', { name: 'Cast member 1 role' }), 'Ripley');
    await userEvent.click(screen.getByRole('button', { name: 'Save film' }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Alien', year: 1979, directors: ['Ridley Scott'], cast: [{ name: 'Sigourney Weaver', role: 'Ripley' }] }),
    );
  });

  it('keeps what was typed and says why when saving fails', async () => {
    renderForm(vi.fn().mockRejectedValue(new Error('This film no longer exists; it may have been deleted.')));
    await userEvent.type(screen.getByRole('textbox', { name: 'Title' }), 'Alien');
    await userEvent.click(screen.getByRole('button', { name: 'Save film' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not save: This film no longer exists');
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Alien');
  });
});
