import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addCopy, lendCopy, openLoans } from '../../renderer/src/db/copies';
import { addFilm } from '../../renderer/src/db/films';
import { SEED_FILM_ID } from '../../renderer/src/db/seed';
import type { CopyFields } from '../../renderer/src/domain/copy';
import { localDateIso } from '../../renderer/src/domain/viewing';
import { LoanedOutPage } from '../../renderer/src/ui/collection/LoanedOutPage';
import { freshCatalog, renderInApp } from './render';

beforeEach(freshCatalog);

function dayFromToday(days: number): string {
  const now = new Date();
  return localDateIso(new Date(now.getFullYear(), now.getMonth(), now.getDate() + days));
}

const copy = (format: CopyFields['format']): CopyFields => ({
  format, edition: '', region: '', barcode: '', location: '', condition: '', purchasedOn: null, price: null,
});

/** Red Hot's Blu-ray lent to Ana (3 days overdue), Alien's DVD lent to Ben (due in 5 days), a VHS lent to Cy with no due date. */
async function threeLoans(): Promise<string> {
  const alien = await addFilm({
    title: 'Alien', originalTitle: null, year: 1979, directors: [], cast: [], genres: [], runtimeMinutes: null,
    country: null, language: null, overview: null,
  });
  await lendCopy(await addCopy(alien, copy('DVD')), { borrower: 'Ben', lentOn: dayFromToday(-1), dueOn: dayFromToday(5) });
  await lendCopy(await addCopy(SEED_FILM_ID, copy('VHS')), { borrower: 'Cy', lentOn: dayFromToday(-30), dueOn: null });
  await lendCopy(await addCopy(SEED_FILM_ID, copy('Blu-ray')), { borrower: 'Ana', lentOn: dayFromToday(-14), dueOn: dayFromToday(-3) });
  return alien;
}

const bodyRows = () => within(screen.getByRole('table', { name: 'Loaned out' })).getAllByRole('row').slice(1);

describe('LoanedOutPage', () => {
  it('says nothing is out, and how to lend, when there are no loans', async () => {
    renderInApp(<LoanedOutPage />, '/loans');
    expect(await screen.findByRole('heading', { name: 'Nothing is out on loan' })).toBeInTheDocument();
    expect(screen.getByText(/open a film, add the copy you own under Copies/)).toBeInTheDocument();
  });

  it('lists every open loan with the overdue one first, then by due date', async () => {
    const alien = await threeLoans();
    renderInApp(<LoanedOutPage />, '/loans');
    await screen.findByRole('table', { name: 'Loaned out' });
    const rows = bodyRows();
    expect(rows.map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual(['Ana', 'Ben', 'Cy']);
    expect(rows[0]).toHaveTextContent('Red Hot (1993)');
    expect(rows[0]).toHaveTextContent('Blu-ray');
    expect(rows[0]).toHaveTextContent('3 days overdue');
    expect(rows[0]).toHaveClass('is-overdue');
    expect(rows[1]).toHaveTextContent('Due in 5 days');
    expect(rows[1]).not.toHaveClass('is-overdue');
    expect(rows[2]).toHaveTextContent('No due date');
    expect(within(rows[1]!).getByRole('link', { name: 'Alien (1979)' })).toHaveAttribute('href', `/films/${alien}`);
    expect(screen.getByText(/3 copies are out/)).toHaveTextContent('3 copies are out, 1 overdue.');
  });

  it('marks a loan returned, and Undo puts it back on the list', async () => {
    await threeLoans();
    renderInApp(<LoanedOutPage />, '/loans');
    await screen.findByRole('table', { name: 'Loaned out' });
    await userEvent.click(screen.getByRole('button', { name: 'Mark returned: Red Hot (1993), lent to Ana' }));
    expect(await screen.findByText('Ana returned the Blu-ray of Red Hot (1993).')).toBeInTheDocument();
    await vi.waitFor(() => expect(bodyRows()).toHaveLength(2));
    expect(screen.getByRole('heading', { level: 1, name: 'Loaned out' })).toHaveFocus();
    expect((await openLoans(dayFromToday(0))).map((row) => row.loan.borrower)).toEqual(['Ben', 'Cy']);

    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await vi.waitFor(() => expect(bodyRows()).toHaveLength(3));
    expect(bodyRows()[0]).toHaveTextContent('Ana');
  });
});
