/** Page model for copies and loans: adding a copy on a film's page, lending it, and the Loaned out view. */
import type { Locator, Page } from 'playwright-core';

export interface NewCopy {
  format: string;
  edition?: string;
  location?: string;
  price?: string;
}

export interface NewLoan {
  borrower: string;
  lentOn: string;
  dueOn?: string;
}

/** A local YYYY-MM-DD `days` from today (negative for the past), as the app's date inputs take it. */
export function dayFromToday(days: number): string {
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

export class LoansPages {
  constructor(readonly page: Page) {}

  copiesPanel(): Locator {
    return this.page.getByRole('region', { name: 'Copies' });
  }

  /** A copy on the open film's page, by its accessible name ("Blu-ray", "DVD · Special Edition"). */
  copy(name: string | RegExp): Locator {
    return this.page.getByRole('list', { name: 'Copies' }).getByRole('listitem', { name });
  }

  async addCopy(copy: NewCopy): Promise<void> {
    const panel = this.copiesPanel();
    await panel.getByRole('button', { name: 'Add copy' }).click();
    const form = panel.getByRole('form', { name: 'Add a copy' });
    await form.getByLabel(/^Format/).selectOption(copy.format);
    if (copy.edition !== undefined) await form.getByLabel('Edition').fill(copy.edition);
    if (copy.location !== undefined) await form.getByLabel('Location').fill(copy.location);
    if (copy.price !== undefined) await form.getByLabel('Price paid').fill(copy.price);
    await form.getByRole('button', { name: 'Add copy' }).click();
    await form.waitFor({ state: 'detached' });
  }

  async lend(copyName: string, loan: NewLoan): Promise<void> {
    const copy = this.copy(copyName);
    await copy.getByRole('button', { name: /^Lend…/ }).click();
    const form = copy.getByRole('form', { name: /^Lend / });
    await form.getByLabel(/^Borrower/).fill(loan.borrower);
    await form.getByLabel(/^Lent on/).fill(loan.lentOn);
    if (loan.dueOn !== undefined) await form.getByLabel('Due back').fill(loan.dueOn);
    await form.getByRole('button', { name: 'Lend', exact: true }).click();
    await copy.getByText(`Lent to ${loan.borrower} since`).waitFor();
  }

  async openLoanedOut(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Loaned out' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Loaned out' }).waitFor();
  }

  /** Closes every toast, so a screenshot shows the page and not the messages of the steps before it. */
  async dismissToasts(): Promise<void> {
    const close = this.page.getByRole('button', { name: 'Dismiss' });
    while ((await close.count()) > 0) await close.first().click();
  }

  loanRows(): Locator {
    return this.page.getByRole('table', { name: 'Loaned out' }).locator('tbody tr');
  }
}
