/** A page model of Cinefile for the end-to-end specs: what a person sees and does, by role and label. */
import type { Locator, Page } from 'playwright-core';

export interface NewFilm {
  title: string;
  year?: string;
  directors?: string;
  runtime?: string;
  cast?: { name: string; role: string }[];
}

export class CatalogApp {
  constructor(readonly page: Page) {}

  libraryCards(): Locator {
    return this.page.getByRole('list', { name: 'Films' }).getByRole('listitem');
  }

  async libraryTitles(): Promise<string[]> {
    await this.page.getByRole('toolbar', { name: 'Library view' }).waitFor();
    // The count appears when the Library has read its films (a restart's first read can take a moment).
    await this.page.locator('.toolbar-count').filter({ hasText: /\d/ }).waitFor();
    return this.page.locator('.library-card-title, .library-table tbody td:nth-child(2)').allTextContents();
  }

  async goToLibrary(): Promise<void> {
    await this.page.getByRole('link', { name: 'Cinefile, go to the Library' }).click();
    await this.page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
  }

  async openFilm(title: string): Promise<void> {
    await this.page.getByRole('link', { name: new RegExp(`^${title}\\b`) }).first().click();
    await this.page.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor();
  }

  async addFilm(film: NewFilm): Promise<void> {
    await this.page.getByRole('link', { name: 'Add film' }).first().click();
    await this.fillFilmForm(film);
    await this.page.getByRole('button', { name: 'Save film' }).click();
    await this.page.getByRole('heading', { level: 1, name: new RegExp(film.title) }).waitFor();
  }

  async fillFilmForm(film: NewFilm): Promise<void> {
    const form = this.page;
    await form.getByRole('textbox', { name: 'Title', exact: true }).fill(film.title);
    if (film.year !== undefined) await form.getByLabel('Year').fill(film.year);
    if (film.directors !== undefined) await form.getByLabel('Director(s)').fill(film.directors);
    if (film.runtime !== undefined) await form.getByLabel('Runtime (minutes)').fill(film.runtime);
    for (const [index, member] of (film.cast ?? []).entries()) {
      await form.getByRole('button', { name: 'Add cast member' }).click();
      await form.getByLabel(`Cast member ${index + 1} name`).fill(member.name);
      await form.getByLabel(`Cast member ${index + 1} role`).fill(member.role);
    }
  }

  rating(): Locator {
    return this.page.getByRole('radiogroup', { name: 'Rating' });
  }

  async checkedRating(): Promise<string | null> {
    return this.rating()
      .getByRole('radio')
      .evaluateAll((radios) => radios.find((radio) => (radio as HTMLInputElement).checked)?.getAttribute('aria-label') ?? null);
  }

  async addNote(text: string): Promise<void> {
    await this.page.getByLabel('New note').fill(text);
    await this.page.getByRole('button', { name: 'Add note' }).click();
  }

  notes(): Locator {
    return this.page.getByRole('list', { name: 'Notes' }).getByRole('listitem');
  }

  castMembers(): Locator {
    return this.page.getByRole('list', { name: 'Cast' }).getByRole('listitem');
  }
}
