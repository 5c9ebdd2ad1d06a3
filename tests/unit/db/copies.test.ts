import { beforeEach, describe, expect, it } from 'vitest';
import {
  addCopy, copiesOfFilm, deleteCopy, lendCopy, openLoans, restoreCopy, returnLoan, undoReturn, updateCopy,
} from '../../../renderer/src/db/copies';
import { addFilm, deleteFilm, restoreDeletedFilm } from '../../../renderer/src/db/films';
import { db } from '../../../renderer/src/db/index';
import { SEED_FILM_ID } from '../../../renderer/src/db/seed';
import type { CopyFields } from '../../../renderer/src/domain/copy';
import { freshCatalog } from '../../fixtures/catalog';

const bluRay: CopyFields = {
  format: 'Blu-ray',
  edition: '',
  region: 'B',
  barcode: '5051892123456',
  location: 'Shelf 2',
  condition: 'Good',
  purchasedOn: '2026-10-01',
  price: { amountMinor: 1299, currency: 'EUR' },
};

const today = '2026-11-20';

beforeEach(freshCatalog);

async function alien(): Promise<string> {
  return addFilm({
    title: 'Alien', originalTitle: null, year: 1979, directors: [], cast: [], genres: [], runtimeMinutes: null,
    country: null, language: null, overview: null,
  });
}

describe('copies', () => {
  it('adds copies of a film and lists them in the order they were added, none out on loan', async () => {
    const first = await addCopy(SEED_FILM_ID, bluRay, new Date('2026-11-01T10:00:00Z'));
    const second = await addCopy(SEED_FILM_ID, { ...bluRay, format: 'VHS', price: null }, new Date('2026-11-02T10:00:00Z'));
    const copies = await copiesOfFilm(SEED_FILM_ID);
    expect(copies.map((entry) => [entry.copy.id, entry.copy.format])).toEqual([[first, 'Blu-ray'], [second, 'VHS']]);
    expect(copies[0]).toMatchObject({ copy: { ...bluRay, filmId: SEED_FILM_ID }, openLoan: null, pastLoans: [] });
    expect(await copiesOfFilm(await alien())).toEqual([]);
  });

  it('refuses a copy of a film that no longer exists', async () => {
    await expect(addCopy('gone', bluRay)).rejects.toThrow('This film no longer exists; it may have been deleted.');
    expect(await db.copies.count()).toBe(0);
  });

  it('edits a copy, keeping when it was added', async () => {
    const id = await addCopy(SEED_FILM_ID, bluRay, new Date('2026-11-01T10:00:00Z'));
    await updateCopy(id, { ...bluRay, format: 'DVD', edition: 'Special Edition' }, new Date('2026-11-05T10:00:00Z'));
    const [entry] = await copiesOfFilm(SEED_FILM_ID);
    expect(entry?.copy).toMatchObject({ format: 'DVD', edition: 'Special Edition', createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-05T10:00:00.000Z' });
    await expect(updateCopy('gone', bluRay)).rejects.toThrow('This copy no longer exists');
  });

  it('deletes a copy with its loans, and Undo brings back both', async () => {
    const id = await addCopy(SEED_FILM_ID, bluRay);
    const past = await lendCopy(id, { borrower: 'Ana', lentOn: '2026-11-01', dueOn: null });
    await returnLoan(past, '2026-11-05');
    await lendCopy(id, { borrower: 'Ben', lentOn: '2026-11-10', dueOn: '2026-11-17' });

    const deleted = await deleteCopy(id);
    expect(deleted?.loans).toHaveLength(2);
    expect(await copiesOfFilm(SEED_FILM_ID)).toEqual([]);
    expect(await openLoans(today)).toEqual([]);
    expect(await db.loans.count()).toBe(0);

    await restoreCopy(deleted!);
    const [entry] = await copiesOfFilm(SEED_FILM_ID);
    expect(entry?.openLoan?.borrower).toBe('Ben');
    expect(entry?.pastLoans.map((loan) => loan.borrower)).toEqual(['Ana']);
    expect(await deleteCopy('gone')).toBeUndefined();
  });
});

describe('loans', () => {
  it('lends a copy, and refuses to lend it again while it is out', async () => {
    const id = await addCopy(SEED_FILM_ID, bluRay);
    await lendCopy(id, { borrower: 'Ana', lentOn: '2026-11-03', dueOn: '2026-11-17' });
    const [entry] = await copiesOfFilm(SEED_FILM_ID);
    expect(entry?.openLoan).toMatchObject({ borrower: 'Ana', lentOn: '2026-11-03', dueOn: '2026-11-17', returnedOn: null, filmId: SEED_FILM_ID });

    await expect(lendCopy(id, { borrower: 'Ben', lentOn: '2026-11-04', dueOn: null })).rejects.toThrow(
      'This Blu-ray copy is already lent to Ana; mark it returned before lending it again.',
    );
    expect(await db.loans.count()).toBe(1);
    await expect(lendCopy('gone', { borrower: 'Ben', lentOn: '2026-11-04', dueOn: null })).rejects.toThrow('This copy no longer exists');
  });

  it('keeps a returned loan as history, newest first, and lets the copy go out again', async () => {
    const id = await addCopy(SEED_FILM_ID, bluRay);
    const first = await lendCopy(id, { borrower: 'Ana', lentOn: '2026-10-01', dueOn: '2026-10-10' });
    await returnLoan(first, '2026-10-12');
    const second = await lendCopy(id, { borrower: 'Ben', lentOn: '2026-10-12', dueOn: null });
    await returnLoan(second, '2026-11-01');

    const [entry] = await copiesOfFilm(SEED_FILM_ID);
    expect(entry?.openLoan).toBeNull();
    expect(entry?.pastLoans.map((loan) => [loan.borrower, loan.returnedOn])).toEqual([
      ['Ben', '2026-11-01'],
      ['Ana', '2026-10-12'],
    ]);
    await expect(lendCopy(id, { borrower: 'Cy', lentOn: '2026-10-20', dueOn: null })).rejects.toThrow(
      'This copy came back on 1 Nov 2026; a new loan cannot start before that.',
    );
  });

  it('refuses a return before the loan began, or a second return', async () => {
    const id = await addCopy(SEED_FILM_ID, bluRay);
    const loanId = await lendCopy(id, { borrower: 'Ana', lentOn: '2026-11-03', dueOn: null });
    await expect(returnLoan(loanId, '2026-11-02')).rejects.toThrow('It cannot come back before it was lent, on 3 Nov 2026.');
    await returnLoan(loanId, '2026-11-03');
    await expect(returnLoan(loanId, '2026-11-04')).rejects.toThrow('This loan was already returned on 3 Nov 2026.');
    expect((await db.loans.get(loanId))?.returnedOn).toBe('2026-11-03');
  });

  it('undoes a return, unless the copy has gone out again since', async () => {
    const id = await addCopy(SEED_FILM_ID, bluRay);
    const loanId = await lendCopy(id, { borrower: 'Ana', lentOn: '2026-11-03', dueOn: null });
    const before = await returnLoan(loanId, '2026-11-20');
    await undoReturn(before);
    expect((await openLoans(today)).map((row) => row.loan.id)).toEqual([loanId]);

    await returnLoan(loanId, '2026-11-20');
    await lendCopy(id, { borrower: 'Ben', lentOn: '2026-11-20', dueOn: null });
    await expect(undoReturn(before)).rejects.toThrow('The copy has been lent to Ben since; it cannot be out twice.');
    expect((await openLoans(today)).map((row) => row.loan.borrower)).toEqual(['Ben']);
  });
});

describe('openLoans', () => {
  it('lists every copy still out with its film and format, overdue first, and leaves out returned loans', async () => {
    const alienId = await alien();
    const redHotBluRay = await addCopy(SEED_FILM_ID, bluRay);
    const redHotDvd = await addCopy(SEED_FILM_ID, { ...bluRay, format: 'DVD', edition: 'Festival screener' });
    const alienVhs = await addCopy(alienId, { ...bluRay, format: 'VHS' });
    await lendCopy(alienVhs, { borrower: 'Cy', lentOn: '2026-11-15', dueOn: '2026-11-30' });
    await lendCopy(redHotBluRay, { borrower: 'Ana', lentOn: '2026-11-01', dueOn: '2026-11-17' });
    const returned = await lendCopy(redHotDvd, { borrower: 'Ben', lentOn: '2026-10-01', dueOn: '2026-10-05' });
    await returnLoan(returned, '2026-10-30');

    const rows = await openLoans(today);
    expect(rows.map((row) => [row.film.title, row.film.year, row.copy.format, row.loan.borrower])).toEqual([
      ['Red Hot', 1993, 'Blu-ray', 'Ana'],
      ['Alien', 1979, 'VHS', 'Cy'],
    ]);
  });

  it('drops a deleted film’s loans and brings them back when the film is restored', async () => {
    const copyId = await addCopy(SEED_FILM_ID, bluRay);
    await lendCopy(copyId, { borrower: 'Ana', lentOn: '2026-11-01', dueOn: null });
    const deleted = await deleteFilm(SEED_FILM_ID);
    expect(await openLoans(today)).toEqual([]);
    await restoreDeletedFilm(deleted);
    expect((await openLoans(today)).map((row) => row.loan.borrower)).toEqual(['Ana']);
  });
});
