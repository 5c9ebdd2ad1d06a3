/**
 * Runtime schemas of the records the catalog stores, checked at every edge where records arrive from outside the
 * app's own forms (imports now; restores and sync later). TypeScript types stop mistakes in our code; these stop
 * a damaged or hostile file from storing a 20-half-star rating or a viewing in the year 3000.
 */
import * as v from 'valibot';
import { copyFormats } from '../domain/copy';
import { importFormats } from '../domain/exchange/import-plan';
import { posterMimeTypes } from '../domain/poster';
import { FILM_TEXT_LIMITS } from '../domain/film-draft';
import { MAX_NOTE_LENGTH } from '../domain/annotation';
import { LIST_TEXT_LIMITS, MAX_RANK_LENGTH, RANK_PATTERN } from '../domain/list';
import { MAX_TAG_LENGTH, MAX_TAGS_PER_FILM } from '../domain/tags';
import { SMART_LIST_LIMITS } from '../domain/smart-list';
import { MAX_VIEWING_NOTE_LENGTH, viewingMedia } from '../domain/viewing';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const isoTimestamp = v.pipe(v.string(), v.isoTimestamp());
const isoDate = v.pipe(v.string(), v.isoDate());
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const optionalText = (max: number) => v.nullable(text(max));
const halfStars = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10));
const importId = v.optional(id);
/** A viewing date as precisely as known: a day, a month or a year. */
const partialDate = v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date like 2026, 2026-11 or 2026-11-25'));

const posterRef = v.nullable(
  v.variant('kind', [v.object({ kind: v.literal('bundled'), name: id }), v.object({ kind: v.literal('image'), posterId: id })]),
);

export const filmSchema = v.object({
  id,
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(FILM_TEXT_LIMITS.title)),
  originalTitle: optionalText(FILM_TEXT_LIMITS.originalTitle),
  year: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1870), v.maxValue(9999))),
  directors: v.array(text(FILM_TEXT_LIMITS.name)),
  cast: v.array(v.object({ name: text(FILM_TEXT_LIMITS.name), role: text(FILM_TEXT_LIMITS.role) })),
  genres: v.array(text(FILM_TEXT_LIMITS.genre)),
  runtimeMinutes: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000))),
  country: optionalText(FILM_TEXT_LIMITS.country),
  language: optionalText(FILM_TEXT_LIMITS.language),
  overview: optionalText(FILM_TEXT_LIMITS.overview),
  tagline: optionalText(FILM_TEXT_LIMITS.overview),
  sections: v.array(v.object({ heading: text(500), body: text(100_000) })),
  poster: posterRef,
  rating: v.nullable(halfStars),
  watchlist: v.boolean(),
  favourite: v.boolean(),
  tags: v.pipe(v.array(text(MAX_TAG_LENGTH)), v.maxLength(MAX_TAGS_PER_FILM)),
  sortTitle: v.string(),
  titleKeys: v.array(v.string()),
  externalIds: v.pipe(v.array(text(500)), v.maxLength(50)),
  importId,
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  fieldChangedAt: v.optional(v.pipe(v.record(v.pipe(v.string(), v.maxLength(40)), isoTimestamp), v.maxEntries(40))),
});

export const viewingSchema = v.object({
  id,
  filmId: id,
  watchedOn: v.nullable(partialDate),
  rewatch: v.boolean(),
  rating: v.nullable(halfStars),
  medium: v.nullable(v.picklist(viewingMedia)),
  note: text(MAX_VIEWING_NOTE_LENGTH),
  importId,
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const annotationSchema = v.object({
  id,
  filmId: id,
  body: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_NOTE_LENGTH)),
  importId,
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const listSchema = v.object({
  id,
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(LIST_TEXT_LIMITS.name)),
  description: text(LIST_TEXT_LIMITS.description),
  ranked: v.boolean(),
  importId,
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const listEntrySchema = v.object({
  id,
  listId: id,
  filmId: id,
  /** A fractional index; any base-62 text keeps the order decidable (lists re-rank around one they cannot build on). */
  rank: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_RANK_LENGTH), v.regex(RANK_PATTERN, 'a rank of base-62 digits')),
  note: text(LIST_TEXT_LIMITS.note),
  importId,
  addedAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const copySchema = v.object({
  id,
  filmId: id,
  format: v.picklist(copyFormats),
  edition: text(200),
  region: text(60),
  barcode: text(60),
  location: text(200),
  condition: text(200),
  purchasedOn: v.nullable(isoDate),
  price: v.nullable(v.object({ amountMinor: v.pipe(v.number(), v.integer(), v.minValue(0)), currency: v.pipe(v.string(), v.length(3)) })),
  importId,
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const loanSchema = v.object({
  id,
  copyId: id,
  filmId: id,
  borrower: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  lentOn: isoDate,
  dueOn: v.nullable(isoDate),
  returnedOn: v.nullable(isoDate),
  importId,
  updatedAt: isoTimestamp,
});

/** A saved Library view: the query is kept as text and read by the Library, which ignores what it does not know. */
export const smartListSchema = v.object({
  id,
  name: v.pipe(v.string(), v.check((name) => name.trim() === name, 'a name without spaces around it'), v.minLength(1), v.maxLength(SMART_LIST_LIMITS.name)),
  query: text(SMART_LIST_LIMITS.query),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const importRecordSchema = v.object({
  id,
  format: v.picklist(importFormats),
  sourceName: text(500),
  importedAt: isoTimestamp,
  counts: v.record(v.string(), count),
  filmChanges: v.array(v.object({ filmId: id, before: v.record(v.string(), v.unknown()), after: v.record(v.string(), v.unknown()) })),
  undoneAt: v.nullable(isoTimestamp),
  updatedAt: isoTimestamp,
});

export const metaSchema = v.object({ key: v.pipe(v.string(), v.minLength(1), v.maxLength(200)), value: v.unknown() });

const imageBytes = v.pipe(v.instance(Uint8Array), v.check((bytes) => bytes.byteLength > 0, 'an image with no bytes'));

/** A poster as a backup carries it: the record with its image and thumbnail as bytes. */
export const posterSchema = v.object({
  id,
  filmId: id,
  mimeType: v.picklist(posterMimeTypes),
  width: v.pipe(v.number(), v.integer(), v.minValue(1)),
  height: v.pipe(v.number(), v.integer(), v.minValue(1)),
  image: imageBytes,
  thumbnail: imageBytes,
  thumbnailType: v.pipe(v.string(), v.regex(/^image\/[a-z0-9.+-]+$/)),
  importId,
  createdAt: isoTimestamp,
});

/** Thrown when a record about to be stored fails its schema: says which record and what is wrong with it. */
export class InvalidRecordError extends Error {
  constructor(what: string, issues: readonly v.BaseIssue<unknown>[]) {
    const issue = issues[0];
    const path = issue?.path?.map((item) => String(item.key)).join('.') ?? '';
    super(`${what} is not valid${path === '' ? '' : ` (${path})`}: ${issue?.message ?? 'unknown problem'}.`);
    this.name = 'InvalidRecordError';
  }
}

/** Checks every record against its schema; throws InvalidRecordError naming the first bad one (by `describe`). */
export function checkRecords<T>(schema: v.GenericSchema, records: readonly T[], describe: (record: T) => string): void {
  for (const record of records) {
    const result = v.safeParse(schema, record);
    if (!result.success) throw new InvalidRecordError(describe(record), result.issues);
  }
}
