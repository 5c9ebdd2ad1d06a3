import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { filmById, librarySummaries } from '../../renderer/src/db/films';
import { SEED_FILM_ID } from '../../renderer/src/db/seed';
import { AddFilmPage, EditFilmPage } from '../../renderer/src/ui/film/FilmFormPages';
import { freshCatalog, renderInApp } from './render';

beforeEach(freshCatalog);

describe('Add film', () => {
  it('saves the film and opens its own page', async () => {
    const { history } = renderInApp(<AddFilmPage />, '/films/new');
    await userEvent.type(screen.getByRole('textbox', { name: 'Title' }), 'The Apartment');
    await userEvent.type(screen.getByRole('textbox', { name: 'Year' }), '1960');
    await userEvent.click(screen.getByRole('button', { name: 'Save film' }));
    await vi.waitFor(() => expect(history.at(-1)).toMatch(/^\/films\/[0-9a-f-]{36}$/));
    const id = history.at(-1)!.split('/').pop()!;
    expect(await filmById(id)).toMatchObject({ title: 'The Apartment', year: 1960, sortTitle: 'apartment' });
    expect(screen.getByRole('status')).toHaveTextContent('Added “The Apartment (1960)”.');
  });

  it('Cancel leaves without adding anything', async () => {
    const { history } = renderInApp(<AddFilmPage />, '/films/new');
    await userEvent.type(screen.getByRole('textbox', { name: 'Title' }), 'Half-typed');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(history.at(-1)).toBe('/');
    expect(await librarySummaries()).toHaveLength(1);
  });
});

describe('Edit film', () => {
  it("starts from the film's fields and saves the changes", async () => {
    const { history } = renderInApp(<EditFilmPage id={SEED_FILM_ID} />, `/films/${SEED_FILM_ID}/edit`);
    const title = await screen.findByRole('textbox', { name: 'Title' });
    expect(title).toHaveValue('Red Hot');
    expect(screen.getByRole('textbox', { name: 'Director(s)' })).toHaveValue('Paul Haggis');
    expect(screen.getByRole('textbox', { name: 'Cast member 11 role' })).toHaveValue('Mrs. Kirov');

    await userEvent.type(screen.getByRole('textbox', { name: 'Runtime (minutes)' }), '95');
    await userEvent.type(screen.getByRole('textbox', { name: 'Language' }), 'English');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await vi.waitFor(() => expect(history.at(-1)).toBe(`/films/${SEED_FILM_ID}`));
    const film = await filmById(SEED_FILM_ID);
    expect(film).toMatchObject({ title: 'Red Hot', runtimeMinutes: 95, language: 'English' });
    expect(film?.cast).toHaveLength(11);
    expect(film?.sections).toHaveLength(5);
  });
});
