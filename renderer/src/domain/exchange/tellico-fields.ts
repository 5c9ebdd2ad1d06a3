/**
 * Reading one Tellico entry's fields: the element helpers (namespace-blind, since Tellico's namespace and its
 * predecessor Bookcase's differ), the film fields, the rating scale a file declares, the medium as a copy format,
 * and cover images, whether in the .tc zip or embedded in the XML as base64. tellico.ts puts these together.
 */
import type { CopyFormat } from '../copy';
import type { CastMember, FilmFields } from '../film';
import type { HalfStars } from '../rating';
import type { ImportedImage } from './import-plan';

/** Direct children named `name`, whatever their namespace. */
export function childrenNamed(parent: Element, name: string): Element[] {
  return Array.from(parent.children).filter((child) => child.localName === name);
}

/** Trimmed text of the first direct child with one of `names`, or ''. */
export function childText(parent: Element, ...names: string[]): string {
  for (const name of names) {
    const child = childrenNamed(parent, name)[0];
    if (child) return (child.textContent ?? '').trim();
  }
  return '';
}

/**
 * A multi-value field's values: Tellico writes `<genres><genre>…</genre></genres>` (it adds an "s", hence
 * "nationalitys"); older files write the bare `<genre>` with values joined by "; ".
 */
export function fieldValues(entry: Element, name: string): string[] {
  const elements = [...childrenNamed(entry, name), ...childrenNamed(entry, `${name}s`).flatMap((group) => childrenNamed(group, name))];
  return elements
    .flatMap((element) => (element.textContent ?? '').split(';'))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** The cast table: `<casts><cast><column>Actor</column><column>Role</column></cast></casts>`, or old "Actor::Role". */
function castOf(entry: Element): CastMember[] {
  const rows = [...childrenNamed(entry, 'cast'), ...childrenNamed(entry, 'casts').flatMap((group) => childrenNamed(group, 'cast'))];
  return rows.flatMap((row) => {
    const columns = childrenNamed(row, 'column').map((column) => (column.textContent ?? '').trim());
    const cells = columns.length > 0 ? [columns] : (row.textContent ?? '').split(';').map((part) => part.split('::').map((cell) => cell.trim()));
    return cells
      .map(([name = '', ...role]) => ({ name, role: role.join(' / ').trim() }))
      .filter((member) => member.name !== '');
  });
}

/** A whole number, null when empty, NaN for anything else (so the field check names the field). */
function wholeNumber(text: string): number | null {
  if (text === '') return null;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** The entry's film fields, unchecked: checkImportedFields decides whether they are fit to store. */
export function filmFieldsOf(entry: Element): FilmFields {
  const title = childText(entry, 'title');
  const originalTitle = childText(entry, 'origtitle', 'original-title', 'originaltitle');
  const countries = fieldValues(entry, 'nationality');
  const languages = fieldValues(entry, 'language');
  // Tellico's running time is a number of minutes; some hand-edited files add "min".
  const runtime = /^(\d+)\s*(?:min|mins|minutes)?\.?$/i.exec(childText(entry, 'running-time', 'runtime'));
  return {
    title,
    originalTitle: originalTitle === '' || originalTitle === title ? null : originalTitle,
    year: wholeNumber(childText(entry, 'year')),
    directors: fieldValues(entry, 'director'),
    cast: castOf(entry),
    genres: fieldValues(entry, 'genre'),
    runtimeMinutes: runtime ? Number(runtime[1]) : wholeNumber(childText(entry, 'running-time', 'runtime')),
    country: countries.length > 0 ? countries.join(', ') : childText(entry, 'country') || null,
    language: languages.length > 0 ? languages.join(', ') : null,
    overview: childText(entry, 'plot') || null,
  };
}

/** Tellico's Bool fields are written "true"; hand-made files say other things. */
export function isTrue(text: string): boolean {
  return /^(true|yes|1|x)$/i.test(text.trim());
}

export interface RatingScale {
  minimum: number;
  maximum: number;
}

/** Tellico's default for a rating field with no declared bounds. */
export const DEFAULT_RATING_SCALE: RatingScale = { minimum: 1, maximum: 5 };

/** The scale the file's own `<field name="rating">` declares in its minimum/maximum props; 1–5 when it does not. */
export function ratingScaleOf(collection: Element): RatingScale {
  const field = childrenNamed(collection, 'fields')
    .flatMap((fields) => childrenNamed(fields, 'field'))
    .find((element) => element.getAttribute('name') === 'rating');
  const prop = (name: string, fallback: number) => {
    const text = field ? (childrenNamed(field, 'prop').find((p) => p.getAttribute('name') === name)?.textContent ?? '') : '';
    return /^\s*\d+\s*$/.test(text) ? Number(text) : fallback;
  };
  const scale = { minimum: prop('minimum', DEFAULT_RATING_SCALE.minimum), maximum: prop('maximum', DEFAULT_RATING_SCALE.maximum) };
  return scale.maximum >= 1 && scale.maximum <= 100 && scale.minimum < scale.maximum ? scale : DEFAULT_RATING_SCALE;
}

/**
 * A rating on the file's scale as half-stars: value / maximum × 10, rounded (5 of 1–5 → 10, 3 → 6, 7 of 1–10 → 7).
 * Null for no rating (empty, or 0 on a scale from 0); an error message for a value the scale does not allow.
 */
export function halfStarsOf(text: string, scale: RatingScale): { rating: HalfStars | null } | { error: string } {
  if (text === '') return { rating: null };
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= scale.minimum && value <= scale.maximum)) {
    return { error: `its rating “${text}” is not on the file's ${scale.minimum}–${scale.maximum} scale, so it was left out` };
  }
  if (value === 0) return { rating: null };
  return { rating: Math.min(10, Math.max(1, Math.round((value / scale.maximum) * 10))) as HalfStars };
}

/** Medium values (case, spaces, hyphens and dots removed) and the copy format each is. */
const MEDIUM_FORMATS: Readonly<Record<string, CopyFormat>> = {
  '4k': '4K UHD', '4kuhd': '4K UHD', uhd: '4K UHD', ultrahd: '4K UHD', '4kultrahd': '4K UHD', uhdbluray: '4K UHD',
  '4kbluray': '4K UHD', '4kuhdbluray': '4K UHD', ultrahdbluray: '4K UHD',
  bluray: 'Blu-ray', bd: 'Blu-ray', bluraydisc: 'Blu-ray',
  dvd: 'DVD', dvdvideo: 'DVD',
  vhs: 'VHS', svhs: 'VHS',
  laserdisc: 'LaserDisc', ld: 'LaserDisc',
  // A VCD or DivX disc holds video files, so these are kept as files rather than guessed as discs.
  vcd: 'Digital file', svcd: 'Digital file', divx: 'Digital file', xvid: 'Digital file', file: 'Digital file',
  digital: 'Digital file', digitalfile: 'Digital file', avi: 'Digital file', mkv: 'Digital file', mp4: 'Digital file',
  digitalstore: 'Digital store', digitalcopy: 'Digital store', download: 'Digital store', streaming: 'Digital store',
};

/** The copy format of a Tellico medium ("Blu-ray", "DivX"); null for one Cinefile has no format for ("HD DVD"). */
export function copyFormatOf(medium: string): CopyFormat | null {
  return MEDIUM_FORMATS[medium.toLowerCase().replace(/[\s.-]+/g, '')] ?? null;
}

function sniffedMimeType(bytes: Uint8Array): ImportedImage['mimeType'] | null {
  const starts = (...values: number[]) => values.every((value, index) => bytes[index] === value);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  const text = String.fromCharCode(...bytes.subarray(0, 12));
  return text.startsWith('RIFF') && text.endsWith('WEBP') ? 'image/webp' : null;
}

/** A cover embedded as base64 in the XML's `<images>` (Tellico's "include images" XML export), or null. */
function embeddedImage(collection: Element, id: string): ImportedImage | null {
  const element = childrenNamed(collection, 'images')
    .flatMap((images) => childrenNamed(images, 'image'))
    .find((image) => image.getAttribute('id') === id);
  const text = (element?.textContent ?? '').replace(/\s+/g, '');
  if (text === '') return null;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  const mimeType = sniffedMimeType(bytes);
  return mimeType === null ? null : { bytes, mimeType };
}

/**
 * The cover image named by an entry's `<cover>` (an image id such as "abc123.jpeg"): from the .tc zip's images/
 * (under "images/<id>", or any key ending with "/<id>"), else embedded in the XML. Null when the file lacks it.
 */
export function coverImage(
  cover: string,
  images: Readonly<Record<string, ImportedImage>>,
  collection: Element,
): { key: string; image: ImportedImage } | null {
  const keys = Object.keys(images);
  const key = [cover, `images/${cover}`].find((candidate) => Object.hasOwn(images, candidate)) ?? keys.find((candidate) => candidate.endsWith(`/${cover}`));
  const image = key === undefined ? undefined : images[key];
  if (key !== undefined && image !== undefined) return { key, image };
  const embedded = embeddedImage(collection, cover);
  return embedded === null ? null : { key: `images/${cover}`, image: embedded };
}
