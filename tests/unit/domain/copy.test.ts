import { describe, expect, it } from 'vitest';
import {
  copyDraftFromCopy, emptyCopyDraft, formatPrice, parseCopyDraft, parsePrice, type Copy, type CopyDraft,
} from '../../../renderer/src/domain/copy';

/** 20 November 2026, local time: "today" for every check below. */
const now = new Date(2026, 10, 20, 15, 30);

const draft = (changes: Partial<CopyDraft>): CopyDraft => ({ ...emptyCopyDraft, format: 'Blu-ray', ...changes });

function errorsOf(changes: Partial<CopyDraft>) {
  const result = parseCopyDraft(draft(changes), now);
  if (result.ok) throw new Error('expected the draft to be refused');
  return result.errors;
}

describe('parseCopyDraft', () => {
  it('turns a filled-in form into a copy, trimming text and reading the price into cents', () => {
    const result = parseCopyDraft(
      draft({
        format: '4K UHD',
        edition: '  Criterion Collection ',
        region: 'B',
        barcode: '5 051892-123456',
        location: 'Shelf 3, left',
        condition: 'Like new',
        purchasedOn: '2026-11-03',
        price: '24.99',
        currency: 'gbp',
      }),
      now,
    );
    expect(result).toEqual({
      ok: true,
      fields: {
        format: '4K UHD',
        edition: 'Criterion Collection',
        region: 'B',
        barcode: '5051892123456',
        location: 'Shelf 3, left',
        condition: 'Like new',
        purchasedOn: '2026-11-03',
        price: { amountMinor: 2499, currency: 'GBP' },
      },
    });
  });

  it('needs only a format; everything else may stay unknown', () => {
    expect(parseCopyDraft(draft({}), now)).toEqual({
      ok: true,
      fields: { format: 'Blu-ray', edition: '', region: '', barcode: '', location: '', condition: '', purchasedOn: null, price: null },
    });
    expect(errorsOf({ format: '' })).toEqual({ format: 'Choose a format.' });
    expect(errorsOf({ format: 'Betamax' }).format).toBe('“Betamax” is not a format; choose one from the list.');
  });

  it('accepts EAN and UPC barcodes of 8 to 14 digits and refuses anything else', () => {
    expect(parseCopyDraft(draft({ barcode: '12345678' }), now).ok).toBe(true);
    expect(parseCopyDraft(draft({ barcode: '12345678901234' }), now).ok).toBe(true);
    const message = 'Barcode must be 8 to 14 digits (EAN or UPC), or left empty.';
    expect(errorsOf({ barcode: '1234567' }).barcode).toBe(message);
    expect(errorsOf({ barcode: '123456789012345' }).barcode).toBe(message);
    expect(errorsOf({ barcode: 'ABC12345678' }).barcode).toBe(message);
  });

  it('refuses a purchase date in the future or one that does not exist', () => {
    expect(parseCopyDraft(draft({ purchasedOn: '2026-11-20' }), now).ok).toBe(true);
    expect(errorsOf({ purchasedOn: '2026-11-21' }).purchasedOn).toBe('Purchase date cannot be in the future.');
    expect(errorsOf({ purchasedOn: '2026-02-30' }).purchasedOn).toBe('Purchase date 2026-02-30 is not a real date.');
    expect(errorsOf({ purchasedOn: 'last week' }).purchasedOn).toBe('Purchase date must be a date like 2026-11-03.');
  });

  it('limits the length of text fields, naming the field and the limit', () => {
    expect(errorsOf({ edition: 'x'.repeat(201) }).edition).toBe('Edition is 201 characters long; the limit is 200.');
    expect(errorsOf({ region: 'x'.repeat(61) }).region).toBe('Region is 61 characters long; the limit is 60.');
    expect(Object.keys(errorsOf({ location: 'x'.repeat(201), condition: 'x'.repeat(201) }))).toEqual(['location', 'condition']);
  });
});

describe('parsePrice', () => {
  it('reads whole and decimal amounts with a point or a comma into minor units', () => {
    expect(parsePrice('12.99', 'EUR').price).toEqual({ amountMinor: 1299, currency: 'EUR' });
    expect(parsePrice('12,5', 'EUR').price).toEqual({ amountMinor: 1250, currency: 'EUR' });
    expect(parsePrice('7', 'USD').price).toEqual({ amountMinor: 700, currency: 'USD' });
    expect(parsePrice('0.10', 'EUR').price).toEqual({ amountMinor: 10, currency: 'EUR' });
    expect(parsePrice('1500', 'JPY').price).toEqual({ amountMinor: 1500, currency: 'JPY' });
  });

  it('leaves the price unknown when no amount is given', () => {
    expect(parsePrice('  ', 'EUR')).toEqual({ price: null, errors: {} });
  });

  it('refuses negatives, garbage, too many decimals and absurd sums', () => {
    expect(parsePrice('-3', 'EUR').errors).toEqual({ price: 'Price cannot be negative.' });
    expect(parsePrice('twelve', 'EUR').errors).toEqual({ price: 'Price must be a number, like 12.99.' });
    expect(parsePrice('€12', 'EUR').errors).toEqual({ price: 'Price must be a number, like 12.99.' });
    expect(parsePrice('1,299.00', 'EUR').errors).toEqual({ price: 'Price must be a number, like 12.99.' });
    expect(parsePrice('1.999', 'EUR').errors).toEqual({ price: 'EUR prices have at most 2 decimals.' });
    expect(parsePrice('15.5', 'JPY').errors).toEqual({ price: 'JPY prices have no decimals.' });
    expect(parsePrice('1000001', 'EUR').errors).toEqual({ price: 'Price must be at most 1,000,000.' });
  });

  it('refuses a currency that is not an ISO 4217 code', () => {
    expect(parsePrice('10', 'euro').errors).toEqual({ currency: 'Currency must be a 3-letter code, like EUR.' });
    expect(parsePrice('10', 'ABC').errors).toEqual({ currency: 'ABC is not a currency code; use one like EUR, USD or GBP.' });
  });
});

describe('copyDraftFromCopy', () => {
  const copy: Copy = {
    id: 'c1',
    filmId: 'f1',
    format: 'DVD',
    edition: 'Special Edition',
    region: '2',
    barcode: '5012345678900',
    location: 'Box 4',
    condition: 'Scratched',
    purchasedOn: '2019-05-01',
    price: { amountMinor: 905, currency: 'EUR' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };

  it('shows a stored copy as the text it was typed as, so saving unchanged keeps it the same', () => {
    const text = copyDraftFromCopy(copy);
    expect(text.price).toBe('9.05');
    expect(text.currency).toBe('EUR');
    const { id: _id, filmId: _filmId, createdAt: _c, updatedAt: _u, ...fields } = copy;
    expect(parseCopyDraft(text, now)).toEqual({ ok: true, fields });
  });

  it('handles a copy with no price and a currency without decimals', () => {
    expect(copyDraftFromCopy({ ...copy, price: null, purchasedOn: null })).toMatchObject({ price: '', currency: 'EUR', purchasedOn: '' });
    expect(copyDraftFromCopy({ ...copy, price: { amountMinor: 3000, currency: 'JPY' } }).price).toBe('3000');
    expect(copyDraftFromCopy({ ...copy, price: { amountMinor: 5, currency: 'EUR' } }).price).toBe('0.05');
  });
});

describe('formatPrice', () => {
  it('shows minor units as the currency is written', () => {
    expect(formatPrice({ amountMinor: 1299, currency: 'EUR' })).toBe('€12.99');
    expect(formatPrice({ amountMinor: 1250, currency: 'USD' })).toBe('US$12.50');
    expect(formatPrice({ amountMinor: 1500, currency: 'JPY' })).toBe('JP¥1,500');
  });
});
