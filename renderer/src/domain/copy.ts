/**
 * Copies a person owns of a film, and the loans of those copies: the records, the checks on their forms (each
 * wrong field gets its own message), and how a loan's status reads and sorts on the Loaned out view.
 */
import { localDateIso } from './viewing';

export const copyFormats = ['4K UHD', 'Blu-ray', 'DVD', 'VHS', 'LaserDisc', 'Digital file', 'Digital store'] as const;
export type CopyFormat = (typeof copyFormats)[number];

export interface Copy {
  id: string;
  filmId: string;
  format: CopyFormat;
  edition: string;
  region: string;
  barcode: string;
  /** Where it lives: a shelf, a box, a drive. */
  location: string;
  condition: string;
  /** YYYY-MM-DD, or null when unknown. */
  purchasedOn: string | null;
  /** Price paid in minor units (cents), with its ISO 4217 currency; null when unknown. */
  price: { amountMinor: number; currency: string } | null;
  createdAt: string;
  updatedAt: string;
  /** The import that created it, so Undo import can remove exactly what it added. */
  importId?: string;
}

export interface Loan {
  id: string;
  copyId: string;
  filmId: string;
  borrower: string;
  /** YYYY-MM-DD. */
  lentOn: string;
  dueOn: string | null;
  /** Set when the copy comes back; the loan is kept as history. */
  returnedOn: string | null;
  /** The import that created it, so Undo import can remove exactly what it added. */
  importId?: string;
  /** When it was lent, returned or un-returned (ISO): sync keeps the later of two devices' changes. */
  updatedAt: string;
}

export type CopyPrice = NonNullable<Copy['price']>;
export type CopyFields = Omit<Copy, 'id' | 'filmId' | 'createdAt' | 'updatedAt' | 'importId'>;
export type LoanFields = Pick<Loan, 'borrower' | 'lentOn' | 'dueOn'>;

/** The copy form's text, as typed. */
export interface CopyDraft {
  format: string;
  edition: string;
  region: string;
  barcode: string;
  location: string;
  condition: string;
  purchasedOn: string;
  price: string;
  currency: string;
}
export type CopyDraftErrors = Partial<Record<keyof CopyDraft, string>>;
export type CopyDraftResult = { ok: true; fields: CopyFields } | { ok: false; errors: CopyDraftErrors };

export interface LoanDraft {
  borrower: string;
  lentOn: string;
  dueOn: string;
}
export type LoanDraftErrors = Partial<Record<keyof LoanDraft, string>>;
export type LoanDraftResult = { ok: true; fields: LoanFields } | { ok: false; errors: LoanDraftErrors };

export const COPY_TEXT_LIMITS = { edition: 200, region: 60, location: 200, condition: 200, borrower: 200 } as const;
export const DEFAULT_CURRENCY = 'EUR';
/** A million in major units: above it a price is a typo. */
export const MAX_PRICE_MAJOR = 1_000_000;

export const emptyCopyDraft: CopyDraft = {
  format: '', edition: '', region: '', barcode: '', location: '', condition: '', purchasedOn: '', price: '', currency: DEFAULT_CURRENCY,
};

/** How many decimals a currency's prices have (2 for EUR, 0 for JPY). */
function currencyDecimals(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The form's starting text for an existing copy. */
export function copyDraftFromCopy(copy: Copy): CopyDraft {
  let price = '';
  if (copy.price) {
    const decimals = currencyDecimals(copy.price.currency);
    const digits = String(copy.price.amountMinor).padStart(decimals + 1, '0');
    price = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  }
  return {
    format: copy.format,
    edition: copy.edition,
    region: copy.region,
    barcode: copy.barcode,
    location: copy.location,
    condition: copy.condition,
    purchasedOn: copy.purchasedOn ?? '',
    price,
    currency: copy.price?.currency ?? DEFAULT_CURRENCY,
  };
}

function isCopyFormat(value: string): value is CopyFormat {
  return (copyFormats as readonly string[]).includes(value);
}

/** A YYYY-MM-DD that is a real calendar day; `label` starts the message ("Purchase date is not a real date."). */
function checkCalendarDate(value: string, label: string): { date: string } | { error: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return { error: `${label} must be a date like 2026-11-03.` };
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(y, m - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) {
    return { error: `${label} ${value} is not a real date.` };
  }
  return { date: value };
}

/** A date that may be empty but, when given, is real and not after today. */
function checkPastDate(value: string, label: string, today: string): { date: string | null; error?: string } {
  const trimmed = value.trim();
  if (trimmed === '') return { date: null };
  const checked = checkCalendarDate(trimmed, label);
  if ('error' in checked) return { date: null, error: checked.error };
  if (checked.date > today) return { date: null, error: `${label} cannot be in the future.` };
  return { date: checked.date };
}

/** Reads "12.99" (or "12,99") in a currency into minor units, refusing negatives, garbage and absurd sums. */
export function parsePrice(text: string, currencyText: string): { price: CopyPrice | null; errors: CopyDraftErrors } {
  const amount = text.trim();
  if (amount === '') return { price: null, errors: {} };
  const currency = currencyText.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) return { price: null, errors: { currency: 'Currency must be a 3-letter code, like EUR.' } };
  if (!Intl.supportedValuesOf('currency').includes(currency)) {
    return { price: null, errors: { currency: `${currency} is not a currency code; use one like EUR, USD or GBP.` } };
  }
  if (/^-/.test(amount)) return { price: null, errors: { price: 'Price cannot be negative.' } };
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(amount);
  if (!match) return { price: null, errors: { price: 'Price must be a number, like 12.99.' } };
  const [, whole = '0', fraction = ''] = match;
  const decimals = currencyDecimals(currency);
  if (fraction.length > decimals) {
    const allowed = decimals === 0 ? 'no decimals' : `at most ${decimals} decimals`;
    return { price: null, errors: { price: `${currency} prices have ${allowed}.` } };
  }
  if (Number(whole) > MAX_PRICE_MAJOR) {
    return { price: null, errors: { price: `Price must be at most ${MAX_PRICE_MAJOR.toLocaleString('en')}.` } };
  }
  return { price: { amountMinor: Number(whole + fraction.padEnd(decimals, '0')), currency }, errors: {} };
}

function tooLong(label: string, limit: number, length: number): string {
  return `${label} is ${length.toLocaleString('en')} characters long; the limit is ${limit}.`;
}

/** Validates the copy form; returns the copy's fields, or a message per field that needs fixing. */
export function parseCopyDraft(draft: CopyDraft, now: Date = new Date()): CopyDraftResult {
  const errors: CopyDraftErrors = {};
  const format = draft.format.trim();
  if (format === '') errors.format = 'Choose a format.';
  else if (!isCopyFormat(format)) errors.format = `“${format}” is not a format; choose one from the list.`;

  const text = {} as Record<'edition' | 'region' | 'location' | 'condition', string>;
  const labels = { edition: 'Edition', region: 'Region', location: 'Location', condition: 'Condition' } as const;
  for (const name of ['edition', 'region', 'location', 'condition'] as const) {
    text[name] = draft[name].trim();
    const limit = COPY_TEXT_LIMITS[name];
    if (text[name].length > limit) errors[name] = tooLong(labels[name], limit, text[name].length);
  }

  // People copy barcodes with spaces or dashes ("5 051892 123456"); only the digits matter.
  const barcode = draft.barcode.replace(/[\s-]/g, '');
  if (barcode !== '' && !/^\d{8,14}$/.test(barcode)) {
    errors.barcode = 'Barcode must be 8 to 14 digits (EAN or UPC), or left empty.';
  }

  const purchased = checkPastDate(draft.purchasedOn, 'Purchase date', localDateIso(now));
  if (purchased.error) errors.purchasedOn = purchased.error;

  const { price, errors: priceErrors } = parsePrice(draft.price, draft.currency);
  Object.assign(errors, priceErrors);

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, fields: { format: format as CopyFormat, ...text, barcode, purchasedOn: purchased.date, price } };
}

/** The lend form's starting text: lent today, no due date. */
export function emptyLoanDraft(now: Date = new Date()): LoanDraft {
  return { borrower: '', lentOn: localDateIso(now), dueOn: '' };
}

/** Validates the lend form: someone to lend to, a lent date not in the future, a due date not before it. */
export function parseLoanDraft(draft: LoanDraft, now: Date = new Date()): LoanDraftResult {
  const errors: LoanDraftErrors = {};
  const borrower = draft.borrower.trim();
  if (borrower === '') errors.borrower = 'Say who is borrowing it.';
  else if (borrower.length > COPY_TEXT_LIMITS.borrower) errors.borrower = tooLong('Borrower', COPY_TEXT_LIMITS.borrower, borrower.length);

  const lent = checkPastDate(draft.lentOn, 'Lent on', localDateIso(now));
  if (lent.error) errors.lentOn = lent.error;
  else if (lent.date === null) errors.lentOn = 'Enter the day it was lent.';

  let dueOn: string | null = null;
  if (draft.dueOn.trim() !== '') {
    const due = checkCalendarDate(draft.dueOn.trim(), 'Due date');
    if ('error' in due) errors.dueOn = due.error;
    else if (lent.date !== null && due.date < lent.date) errors.dueOn = 'Due date cannot be before the day it was lent.';
    else dueOn = due.date;
  }

  if (Object.keys(errors).length > 0 || lent.date === null) return { ok: false, errors };
  return { ok: true, fields: { borrower, lentOn: lent.date, dueOn } };
}

/** Whole calendar days from one YYYY-MM-DD to another (negative when `to` is earlier), free of DST drift. */
export function daysBetween(from: string, to: string): number {
  const utc = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** Still out after its due date (`today` is a local YYYY-MM-DD). */
export function isOverdue(loan: Pick<Loan, 'dueOn' | 'returnedOn'>, today: string): boolean {
  return loan.returnedOn === null && loan.dueOn !== null && loan.dueOn < today;
}

/** How many days past its due date an open loan is; 0 when it is not overdue. */
export function daysOverdue(loan: Pick<Loan, 'dueOn' | 'returnedOn'>, today: string): number {
  return isOverdue(loan, today) && loan.dueOn !== null ? daysBetween(loan.dueOn, today) : 0;
}

/** Loaned out order: overdue first (most overdue first), then by due date (none last), then longest out first. */
export function compareLoansForLoanedOut(today: string): (a: Loan, b: Loan) => number {
  return (a, b) =>
    daysOverdue(b, today) - daysOverdue(a, today) ||
    (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31') ||
    a.lentOn.localeCompare(b.lentOn) ||
    a.borrower.localeCompare(b.borrower);
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "3 days overdue", "Due today", "Due tomorrow", "Due in 5 days" or "No due date" for an open loan. */
export function loanDueLabel(loan: Pick<Loan, 'dueOn' | 'returnedOn'>, today: string): string {
  if (loan.dueOn === null) return 'No due date';
  const overdue = daysOverdue(loan, today);
  if (overdue > 0) return `${plural(overdue, 'day')} overdue`;
  const left = daysBetween(today, loan.dueOn);
  if (left === 0) return 'Due today';
  return left === 1 ? 'Due tomorrow' : `Due in ${left} days`;
}

/** "3 Nov 2026", or "3 Nov" without the year. */
export function formatShortDate(isoDate: string, withYear = true): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) };
  return new Date(y, m - 1, d).toLocaleDateString('en-GB', options);
}

/** "Lent to Ana since 3 Nov 2026, due 17 Nov" (the due date's year only when it differs). */
export function loanSummary(loan: Pick<Loan, 'borrower' | 'lentOn' | 'dueOn'>): string {
  const since = `Lent to ${loan.borrower} since ${formatShortDate(loan.lentOn)}`;
  if (loan.dueOn === null) return since;
  return `${since}, due ${formatShortDate(loan.dueOn, loan.dueOn.slice(0, 4) !== loan.lentOn.slice(0, 4))}`;
}

/** "€12.99" for a price in minor units. */
export function formatPrice(price: CopyPrice, locale = 'en-GB'): string {
  const decimals = currencyDecimals(price.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: price.currency }).format(price.amountMinor / 10 ** decimals);
}

/** "Blu-ray", or "Blu-ray, Criterion Collection" when the copy has an edition: how a copy is named in the UI. */
export function copyLabel(copy: Pick<Copy, 'format' | 'edition'>): string {
  return copy.edition === '' ? copy.format : `${copy.format}, ${copy.edition}`;
}
