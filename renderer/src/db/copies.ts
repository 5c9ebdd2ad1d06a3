/** Copies of films a person owns, and their loans: a returned loan stays as the copy's history. */
import { MissingRecordError } from '../domain/errors';
import { compareLoansForLoanedOut, copyLabel, formatShortDate, type Copy, type CopyFields, type Loan, type LoanFields } from '../domain/copy';
import type { Film } from '../domain/film';
import { db, newId } from './index';

/** One copy with the loan it is out on (if any) and its returned loans, most recent first. */
export interface CopyWithLoans {
  copy: Copy;
  openLoan: Loan | null;
  pastLoans: Loan[];
}

/** An open loan with what the Loaned out view shows beside it. */
export interface OpenLoanRow {
  loan: Loan;
  film: Pick<Film, 'id' | 'title' | 'year'>;
  copy: Pick<Copy, 'id' | 'format' | 'edition'>;
}

/** A copy removed with its loans, kept so the removal can be undone exactly. */
export interface DeletedCopy {
  copy: Copy;
  loans: Loan[];
}

const newestLoanFirst = (a: Loan, b: Loan) =>
  (b.returnedOn ?? '').localeCompare(a.returnedOn ?? '') || b.lentOn.localeCompare(a.lentOn);

/** A film's copies in the order they were added, each with its open loan and loan history. */
export async function copiesOfFilm(filmId: string): Promise<CopyWithLoans[]> {
  const [copies, loans] = await Promise.all([
    db.copies.where('filmId').equals(filmId).toArray(),
    db.loans.where('filmId').equals(filmId).toArray(),
  ]);
  copies.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return copies.map((copy) => {
    const own = loans.filter((loan) => loan.copyId === copy.id);
    return {
      copy,
      openLoan: own.find((loan) => loan.returnedOn === null) ?? null,
      pastLoans: own.filter((loan) => loan.returnedOn !== null).sort(newestLoanFirst),
    };
  });
}

/** Adds a copy of a film from validated fields and returns its id. */
export async function addCopy(filmId: string, fields: CopyFields, now: Date = new Date()): Promise<string> {
  return db.transaction('rw', [db.films, db.copies], async () => {
    if (!(await db.films.get(filmId))) throw new MissingRecordError('film');
    const timestamp = now.toISOString();
    const copy: Copy = { ...fields, id: newId(), filmId, createdAt: timestamp, updatedAt: timestamp };
    await db.copies.add(copy);
    return copy.id;
  });
}

/** Replaces a copy's details, keeping its film and loans. */
export async function updateCopy(id: string, fields: CopyFields, now: Date = new Date()): Promise<void> {
  const changed = await db.copies.update(id, { ...fields, updatedAt: now.toISOString() });
  if (changed === 0) throw new MissingRecordError('copy');
}

/** Deletes a copy and its loans (open and past); returns them so the deletion can be undone. */
export function deleteCopy(id: string): Promise<DeletedCopy | undefined> {
  return db.transaction('rw', [db.copies, db.loans], async () => {
    const copy = await db.copies.get(id);
    if (!copy) return undefined;
    const loans = await db.loans.where('copyId').equals(id).toArray();
    await db.loans.where('copyId').equals(id).delete();
    await db.copies.delete(id);
    return { copy, loans };
  });
}

/** Puts back a deleted copy with its loans. */
export function restoreCopy(deleted: DeletedCopy): Promise<void> {
  return db.transaction('rw', [db.copies, db.loans], async () => {
    await db.copies.put(deleted.copy);
    await db.loans.bulkPut(deleted.loans);
  });
}

/** Lends a copy; refuses when it is already out or when the new loan would start before its last one ended. */
export function lendCopy(copyId: string, fields: LoanFields, now: Date = new Date()): Promise<string> {
  return db.transaction('rw', [db.copies, db.loans], async () => {
    const copy = await db.copies.get(copyId);
    if (!copy) throw new MissingRecordError('copy');
    const loans = await db.loans.where('copyId').equals(copyId).toArray();
    const open = loans.find((loan) => loan.returnedOn === null);
    if (open) {
      throw new Error(`This ${copyLabel(copy)} copy is already lent to ${open.borrower}; mark it returned before lending it again.`);
    }
    const lastReturn = loans.reduce((latest, loan) => ((loan.returnedOn ?? '') > latest ? (loan.returnedOn ?? '') : latest), '');
    if (fields.lentOn < lastReturn) {
      throw new Error(`This copy came back on ${formatShortDate(lastReturn)}; a new loan cannot start before that.`);
    }
    const loan: Loan = { ...fields, id: newId(), copyId, filmId: copy.filmId, returnedOn: null, updatedAt: now.toISOString() };
    await db.loans.add(loan);
    return loan.id;
  });
}

/** Marks a loan returned on a YYYY-MM-DD day, keeping it as history; returns the loan as it was, for undo. */
export function returnLoan(loanId: string, returnedOn: string, now: Date = new Date()): Promise<Loan> {
  return db.transaction('rw', db.loans, async () => {
    const loan = await db.loans.get(loanId);
    if (!loan) throw new MissingRecordError('loan');
    if (loan.returnedOn !== null) throw new Error(`This loan was already returned on ${formatShortDate(loan.returnedOn)}.`);
    if (returnedOn < loan.lentOn) throw new Error(`It cannot come back before it was lent, on ${formatShortDate(loan.lentOn)}.`);
    await db.loans.update(loanId, { returnedOn, updatedAt: now.toISOString() });
    return loan;
  });
}

/** Undoes "Mark returned": the loan is open again, unless the copy has been lent out since. */
export function undoReturn(loan: Loan, now: Date = new Date()): Promise<void> {
  return db.transaction('rw', db.loans, async () => {
    const others = await db.loans.where('copyId').equals(loan.copyId).toArray();
    const lentSince = others.find((other) => other.id !== loan.id && other.returnedOn === null);
    if (lentSince) throw new Error(`The copy has been lent to ${lentSince.borrower} since; it cannot be out twice.`);
    const changed = await db.loans.update(loan.id, { returnedOn: null, updatedAt: now.toISOString() });
    if (changed === 0) throw new MissingRecordError('loan');
  });
}

/**
 * Every loan still out, with its film and copy, in Loaned out order for `today` (local YYYY-MM-DD). Open loans are
 * few, and `returnedOn` is not indexed (null cannot be), so this reads the loans table once and filters.
 */
export async function openLoans(today: string): Promise<OpenLoanRow[]> {
  return db.transaction('r', [db.loans, db.films, db.copies], async () => {
    const loans = (await db.loans.filter((loan) => loan.returnedOn === null).toArray()).sort(compareLoansForLoanedOut(today));
    const [films, copies] = await Promise.all([
      db.films.bulkGet(loans.map((loan) => loan.filmId)),
      db.copies.bulkGet(loans.map((loan) => loan.copyId)),
    ]);
    const rows: OpenLoanRow[] = [];
    loans.forEach((loan, index) => {
      const film = films[index];
      const copy = copies[index];
      // A loan whose film or copy is gone is an orphan of an interrupted deletion: nothing to show or return.
      if (!film || !copy) return;
      rows.push({
        loan,
        film: { id: film.id, title: film.title, year: film.year },
        copy: { id: copy.id, format: copy.format, edition: copy.edition },
      });
    });
    return rows;
  });
}
