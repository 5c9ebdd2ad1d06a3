/** A page model of Cinefile's lists for the end-to-end specs: what a person sees and does, by role and label. */
import type { Locator, Page } from 'playwright-core';

export interface NewList {
  name: string;
  description?: string;
  ranked?: boolean;
}

export class ListsModel {
  constructor(readonly page: Page) {}

  async goToLists(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lists' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Lists' }).waitFor();
  }

  /** Creates a list from the Lists page; lands on the new list's page. */
  async createList(list: NewList): Promise<void> {
    await this.goToLists();
    await this.page.getByRole('textbox', { name: /List name/ }).fill(list.name);
    if (list.description !== undefined) await this.page.getByRole('textbox', { name: 'Description' }).fill(list.description);
    if (list.ranked) await this.page.getByRole('checkbox', { name: 'Ranked' }).check();
    await this.page.getByRole('button', { name: 'Create list' }).click();
    await this.page.getByRole('heading', { level: 1, name: list.name }).waitFor();
  }

  /** On a film's page: adds the film to a list through the Lists panel. */
  async addOpenFilmTo(listName: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Add to list' }).selectOption({ label: listName });
    await this.page.getByRole('button', { name: 'Add', exact: true }).click();
    await this.page.getByRole('list', { name: 'Lists with this film' }).getByRole('link', { name: listName }).waitFor();
  }

  async openList(name: string): Promise<void> {
    await this.goToLists();
    await this.page.getByRole('list', { name: 'Your lists' }).getByRole('link', { name }).click();
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
  }

  entries(): Locator {
    return this.page.getByRole('list', { name: 'Films in this list' }).getByRole('listitem');
  }

  /** The films of the open list, top to bottom, as "Title (Year)". */
  async entryTitles(): Promise<string[]> {
    return this.page.locator('.list-entries .list-entry-title').allTextContents();
  }

  async ranks(): Promise<string[]> {
    return this.page.locator('.list-entries .list-entry-rank').allTextContents();
  }

  handle(filmTitle: string): Locator {
    return this.page.getByRole('button', { name: `Reorder ${filmTitle}` });
  }

  /** dnd-kit's keyboard reordering: Space picks the film up, arrows move it, Space drops it. */
  async moveByKeyboard(filmTitle: string, key: 'ArrowUp' | 'ArrowDown', times: number): Promise<void> {
    await this.handle(filmTitle).focus();
    await this.page.keyboard.press('Space');
    // dnd-kit marks the handle pressed while the film is held.
    await this.handle(filmTitle).and(this.page.locator('[aria-pressed="true"]')).waitFor();
    for (let step = 0; step < times; step += 1) {
      await this.page.keyboard.press(key);
      // Let dnd-kit measure the new place before the next step.
      await this.page.waitForTimeout(150);
    }
    await this.page.keyboard.press('Space');
    await this.announced(`${filmTitle} dropped at`);
  }

  /**
   * Drags a film's handle onto another film's row with the mouse. dnd-kit's pointer sensor starts only after the
   * pointer has travelled a few pixels, and follows pointermove events, so the move is made in small steps.
   */
  async dragOnto(filmTitle: string, targetTitle: string): Promise<void> {
    const from = await this.handle(filmTitle).boundingBox();
    const to = await this.entries().filter({ hasText: targetTitle }).boundingBox();
    if (!from || !to) throw new Error(`Cannot find ${filmTitle} or ${targetTitle} on screen`);
    const startX = from.x + from.width / 2;
    const startY = from.y + from.height / 2;
    const endY = to.y + to.height / 2 + (to.y > from.y ? 10 : -10);
    await this.page.mouse.move(startX, startY);
    await this.page.mouse.down();
    await this.page.mouse.move(startX, startY + (endY > startY ? 12 : -12), { steps: 4 });
    await this.page.mouse.move(startX, endY, { steps: 20 });
    await this.page.waitForTimeout(200);
    await this.page.mouse.up();
    await this.announced(`${filmTitle} dropped at`);
  }

  /** Waits for a screen-reader announcement from the list (dnd-kit's live region, or the Move buttons'). */
  async announced(text: string): Promise<void> {
    await this.page.locator('[aria-live]').filter({ hasText: text }).first().waitFor({ state: 'attached' });
  }
}
