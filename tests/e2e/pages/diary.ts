/** Page model for viewings and the Diary: logging a viewing on a film's page, and reading the Diary back. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A viewing to log: exactly one way of giving its date; the rest optional, as a person would leave it. */
export interface ViewingToLog {
  day?: string;
  month?: { month: string; year: string };
  year?: string;
  unknownDate?: boolean;
  /** Accessible name of the star to click, e.g. "4.5 stars". */
  rating?: string;
  medium?: string;
  note?: string;
}

/** A local YYYY-MM-DD `days` before today, as the app's date input takes it. */
export function dayBeforeToday(days: number): string {
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** The Diary heading a YYYY-MM-DD day falls under, e.g. "November 2026". */
export function monthHeading(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(y, m - 1, 1).toLocaleDateString('en-GB', { month: 'long', year: 'numeric' });
}

/** A YYYY-MM-DD day as the app says it, e.g. "3 October 2026". */
export function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export class DiaryPages {
  constructor(readonly page: Page) {}

  logForm(): Locator {
    return this.page.getByRole('form', { name: 'Log a viewing' });
  }

  rewatchBox(): Locator {
    return this.logForm().getByRole('checkbox', { name: 'Rewatch' });
  }

  /** The open film's viewings, newest first. */
  filmViewings(): Locator {
    return this.page.getByRole('list', { name: 'Viewings', exact: true }).getByRole('listitem');
  }

  /** Fills the log form on the open film's page and logs the viewing, waiting until it is listed. */
  async logViewing(viewing: ViewingToLog): Promise<void> {
    const form = this.logForm();
    // The form appears together with the film's list of viewings, so the count below is the real one.
    await form.waitFor();
    const before = await this.filmViewings().count();
    const precision = form.getByRole('combobox', { name: 'Date precision' });
    if (viewing.day !== undefined) await form.getByLabel('Date watched').fill(viewing.day);
    if (viewing.month !== undefined) {
      await precision.selectOption('Month only');
      await form.getByLabel('Month watched').selectOption(viewing.month.month);
      await form.getByLabel('Year watched').fill(viewing.month.year);
    }
    if (viewing.year !== undefined) {
      await precision.selectOption('Year only');
      await form.getByLabel('Year watched').fill(viewing.year);
    }
    if (viewing.unknownDate) await precision.selectOption('Unknown');
    if (viewing.rating !== undefined || viewing.medium !== undefined || viewing.note !== undefined) {
      const details = form.getByRole('button', { name: 'Add rating, where, note…' });
      if (await details.isVisible()) await details.click();
      if (viewing.rating !== undefined) {
        await form.getByRole('radiogroup', { name: 'Rating this time' }).getByRole('radio', { name: viewing.rating, exact: true }).click();
      }
      if (viewing.medium !== undefined) await form.getByLabel('Where or how').selectOption(viewing.medium);
      if (viewing.note !== undefined) await form.getByRole('textbox', { name: 'Note', exact: true }).fill(viewing.note);
    }
    await form.getByRole('button', { name: 'Log viewing' }).click();
    await expect.poll(() => this.filmViewings().count()).toBe(before + 1);
  }

  async openDiary(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diary' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Diary' }).waitFor();
  }

  async monthHeadings(): Promise<string[]> {
    return this.page.locator('.diary-month').getByRole('heading', { level: 2 }).allTextContents();
  }

  /** The Diary's rows under one month heading, newest first. */
  rowsUnder(month: string): Locator {
    return this.page.getByRole('list', { name: month, exact: true }).getByRole('listitem');
  }
}
