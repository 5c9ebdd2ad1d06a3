/**
 * Copies and loans end to end in Chromium: lend Red Hot's Blu-ray past its due date and another film's DVD not yet
 * due, see the overdue loan first on Loaned out, take it back, and find the loan in the copy's history.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { CatalogApp } from './pages/catalog-app';
import { dayFromToday, LoansPages } from './pages/loans';
import { appPerTest } from './session';
import { chromiumTarget } from './targets';

const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));
const target = chromiumTarget(inject('baseUrl'));

describe('Copies and loans in Chromium', () => {
  const session = appPerTest(target);
  let page: Page;

  beforeEach(() => {
    page = session.page;
  });

  it('lends copies, shows the overdue loan first, takes it back and keeps it as history', async () => {
    const app = new CatalogApp(page);
    const loans = new LoansPages(page);

    await app.addFilm({ title: 'The Apartment', year: '1960' });
    await loans.addCopy({ format: 'DVD', edition: 'Special Edition', location: 'Shelf 2' });
    await loans.lend('DVD · Special Edition', { borrower: 'Ben', lentOn: dayFromToday(-2), dueOn: dayFromToday(12) });

    await app.goToLibrary();
    await app.openFilm('Red Hot');
    await loans.addCopy({ format: 'VHS', location: 'Attic box' });
    await loans.lend('VHS', { borrower: 'Chloé', lentOn: dayFromToday(-20) });
    await loans.addCopy({ format: 'Blu-ray', location: 'Shelf 1', price: '12.99' });
    await expect.poll(() => loans.copy('Blu-ray').innerText()).toContain('€12.99');
    await loans.lend('Blu-ray', { borrower: 'Ana', lentOn: dayFromToday(-17), dueOn: dayFromToday(-3) });
    await loans.copy('Blu-ray').getByText('3 days overdue').waitFor();

    // Lending a copy that is out is not offered; the Loaned out view orders overdue first.
    expect(await loans.copy('Blu-ray').getByRole('button', { name: /^Lend…/ }).count()).toBe(0);
    await loans.openLoanedOut();
    await expect.poll(() => loans.loanRows().count()).toBe(3);
    const firstRow = await loans.loanRows().first().innerText();
    expect(firstRow).toContain('Red Hot (1993)');
    expect(firstRow).toContain('Ana');
    expect(firstRow).toContain('3 days overdue');
    expect(await loans.loanRows().nth(1).innerText()).toContain('The Apartment (1960)');
    expect(await loans.loanRows().nth(2).innerText()).toContain('No due date');
    await loans.dismissToasts();
    await page.screenshot({ path: `${screenshotDir}loans.png` });

    await page.getByRole('button', { name: 'Mark returned: Red Hot (1993), lent to Ana' }).click();
    await page.getByText('Ana returned the Blu-ray of Red Hot (1993).').waitFor();
    await expect.poll(() => loans.loanRows().count()).toBe(2);
    expect(await loans.loanRows().first().innerText()).toContain('The Apartment (1960)');

    // The film's page shows the copy back home, with the loan in its history, and so it stays after a reload.
    await loans.loanRows().filter({ hasText: 'Chloé' }).getByRole('link', { name: 'Red Hot (1993)' }).click();
    await page.getByRole('heading', { level: 1, name: /Red Hot/ }).waitFor();
    await page.reload();
    const bluRay = loans.copy('Blu-ray');
    await bluRay.getByRole('button', { name: /^Lend…/ }).waitFor();
    await bluRay.getByText('Loan history (1)').click();
    const history = await bluRay.getByRole('list', { name: 'Loan history' }).innerText();
    expect(history).toContain('Ana');
    expect(history).toContain('(3 days late)');
  });
});
