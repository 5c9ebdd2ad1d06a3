/** Copies a person owns of a film, and the loans of those copies. */
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
}
