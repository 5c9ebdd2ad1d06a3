import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addCopy, copiesOfFilm, lendCopy } from '../../renderer/src/db/copies';
import { SEED_FILM_ID } from '../../renderer/src/db/seed';
import { formatShortDate, type CopyFields } from '../../renderer/src/domain/copy';
import { localDateIso } from '../../renderer/src/domain/viewing';
import { CopiesPanel } from '../../renderer/src/ui/collection/CopiesPanel';
import { freshCatalog, renderInApp } from './render';

beforeEach(freshCatalog);

/** A local YYYY-MM-DD `days` from today (negative for the past). */
function dayFromToday(days: number): string {
  const now = new Date();
  return localDateIso(new Date(now.getFullYear(), now.getMonth(), now.getDate() + days));
}

const bluRay: CopyFields = {
  format: 'Blu-ray', edition: '', region: '', barcode: '', location: '', condition: '', purchasedOn: null, price: null,
};

async function copyItem(name: RegExp | string) {
  return within(await screen.findByRole('list', { name: 'Copies' })).findByRole('listitem', { name });
}

describe('CopiesPanel', () => {
  it('says how to start when a film has no copies', async () => {
    renderInApp(<CopiesPanel filmId={SEED_FILM_ID} />);
    expect(await screen.findByText(/No copies yet/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Copies' })).toBeInTheDocument();
  });

  it('refuses a copy with no format or a bad price, saving nothing, then adds it once fixed', async () => {
    renderInApp(<CopiesPanel filmId={SEED_FILM_ID} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add copy' }));
    const form = screen.getByRole('form', { name: 'Add a copy' });
    await userEvent.type(within(form).getByLabelText('Price paid'), '12.999');
    await userEvent.type(within(form).getByLabelText('Barcode'), '123');
    await userEvent.click(within(form).getByRole('button', { name: 'Add copy' }));
    expect(within(form).getByText('Choose a format.')).toBeInTheDocument();
    expect(within(form).getByText('EUR prices have at most 2 decimals.')).toBeInTheDocument();
    expect(within(form).getByText('Barcode must be 8 to 14 digits (EAN or UPC), or left empty.')).toBeInTheDocument();
    expect(within(form).getByLabelText(/^Format/)).toHaveFocus();
    expect(await copiesOfFilm(SEED_FILM_ID)).toEqual([]);

    await userEvent.selectOptions(within(form).getByLabelText(/^Format/), 'Blu-ray');
    await userEvent.type(within(form).getByLabelText('Edition'), 'Collector’s Edition');
    await userEvent.clear(within(form).getByLabelText('Barcode'));
    await userEvent.clear(within(form).getByLabelText('Price paid'));
    await userEvent.type(within(form).getByLabelText('Price paid'), '12.99');
    await userEvent.type(within(form).getByLabelText('Location'), 'Shelf 3');
    fireEvent.change(within(form).getByLabelText('Purchase date'), { target: { value: '2025-03-14' } });
    await userEvent.click(within(form).getByRole('button', { name: 'Add copy' }));

    const item = await copyItem(/Blu-ray/);
    expect(item).toHaveTextContent('Collector’s Edition');
    expect(item).toHaveTextContent('€12.99');
    expect(item).toHaveTextContent('Shelf 3');
    expect(item).toHaveTextContent('14 March 2025');
    expect(screen.queryByRole('form', { name: 'Add a copy' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add copy' })).toHaveFocus();
  });

  it('edits a copy in place', async () => {
    await addCopy(SEED_FILM_ID, { ...bluRay, location: 'Shelf 1' });
    renderInApp(<CopiesPanel filmId={SEED_FILM_ID} />);
    await userEvent.click(within(await copyItem('Blu-ray')).getByRole('button', { name: 'Edit Blu-ray' }));
    const form = screen.getByRole('form', { name: 'Edit Blu-ray' });
    expect(within(form).getByLabelText('Location')).toHaveValue('Shelf 1');
    await userEvent.clear(within(form).getByLabelText('Location'));
    await userEvent.type(within(form).getByLabelText('Location'), 'Box 7');
    await userEvent.click(within(form).getByRole('button', { name: 'Save copy' }));
    await vi.waitFor(async () => expect((await copiesOfFilm(SEED_FILM_ID))[0]?.copy.location).toBe('Box 7'));
    const item = await copyItem('Blu-ray');
    expect(item).toHaveTextContent('Box 7');
    expect(within(item).getByRole('button', { name: 'Edit Blu-ray' })).toHaveFocus();
  });

  it('deletes a copy and brings it back, with its loan, through Undo', async () => {
    const copyId = await addCopy(SEED_FILM_ID, bluRay);
    await lendCopy(copyId, { borrower: 'Ana', lentOn: dayFromToday(-2), dueOn: null });
    renderInApp(<CopiesPanel filmId={SEED_FILM_ID} />);
    await userEvent.click(within(await copyItem('Blu-ray')).getByRole('button', { name: 'Delete Blu-ray' }));
    expect(await screen.findByText('Deleted the Blu-ray and its loan.')).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.queryByRole('list', { name: 'Copies' })).not.toBeInTheDocument());
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await copyItem('Blu-ray')).toHaveTextContent('Lent to Ana');
  });

  it('lends a copy, shows it overdue, and keeps the loan as history once returned', async () => {
    await addCopy(SEED_FILM_ID, bluRay);
    renderInApp(<CopiesPanel filmId={SEED_FILM_ID} />);
    const item = await copyItem('Blu-ray');
    await userEvent.click(within(item).getByRole('button', { name: 'Lend… Blu-ray' }));
    const form = within(item).getByRole('form', { name: 'Lend Blu-ray' });
    expect(within(form).getByLabelText(/^Lent on/)).toHaveValue(dayFromToday(0));
    expect(within(form).getByLabelText(/^Borrower/)).toHaveFocus();

    await userEvent.click(within(form).getByRole('button', { name: 'Lend' }));
    expect(within(form).getByText('Say who is borrowing it.')).toBeInTheDocument();

    await userEvent.type(within(form).getByLabelText(/^Borrower/), 'Ana');
    fireEvent.change(within(form).getByLabelText(/^Lent on/), { target: { value: dayFromToday(-10) } });
    fireEvent.change(within(form).getByLabelText('Due back'), { target: { value: dayFromToday(-3) } });
    await userEvent.click(within(form).getByRole('button', { name: 'Lend' }));

    const status = await within(item).findByText(`Lent to Ana since ${formatShortDate(dayFromToday(-10))}`, { exact: false });
    expect(status.closest('.loan-status')).toHaveClass('is-overdue');
    expect(within(item).getByText(/3 days overdue/)).toBeInTheDocument();
    expect(within(item).queryByRole('button', { name: 'Lend… Blu-ray' })).not.toBeInTheDocument();
    expect(within(item).getByRole('button', { name: 'Mark returned: Blu-ray' })).toHaveFocus();

    await userEvent.click(within(item).getByRole('button', { name: 'Mark returned: Blu-ray' }));
    expect(await within(item).findByRole('button', { name: 'Lend… Blu-ray' })).toHaveFocus();
    expect(within(item).getByText('Loan history (1)')).toBeInTheDocument();
    const history = within(item).getByRole('list', { name: 'Loan history', hidden: true });
    expect(history).toHaveTextContent(`Ana: ${formatShortDate(dayFromToday(-10))} – ${formatShortDate(dayFromToday(0))} (3 days late)`);

    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await within(item).findByText(/3 days overdue/)).toBeInTheDocument();
  });

  it('refuses a due date before the loan starts, lending nothing', async () => {
    await addCopy(SEED_FILM_ID, bluRay);
    renderInApp(<CopiesPanel filmId={SEED_FILM_ID} />);
    const item = await copyItem('Blu-ray');
    await userEvent.click(within(item).getByRole('button', { name: 'Lend… Blu-ray' }));
    await userEvent.type(within(item).getByLabelText(/^Borrower/), 'Ana');
    fireEvent.change(within(item).getByLabelText('Due back'), { target: { value: dayFromToday(-1) } });
    await userEvent.click(within(item).getByRole('button', { name: 'Lend' }));
    expect(within(item).getByText('Due date cannot be before the day it was lent.')).toBeInTheDocument();
    expect((await copiesOfFilm(SEED_FILM_ID))[0]?.openLoan).toBeNull();
  });
});
