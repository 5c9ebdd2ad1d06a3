/**
 * Tags are free words a person puts on films ("criterion", "rainy sunday"). They are kept as spelt, unique per
 * film regardless of case or accents, so "Noir" and "noir" never both appear on one film.
 */
import { foldText } from './text-fold';

export const MAX_TAG_LENGTH = 50;
export const MAX_TAGS_PER_FILM = 100;

export type TagResult = { ok: true; tag: string } | { ok: false; error: string };

/** The comparison key of a tag: case- and accent-blind, spaces collapsed. */
export function tagKey(tag: string): string {
  return foldText(tag.trim().replace(/\s+/g, ' '));
}

/** Cleans a typed tag (trims, collapses spaces) and checks it. */
export function parseTag(text: string): TagResult {
  const tag = text.trim().replace(/\s+/g, ' ');
  if (tag === '') return { ok: false, error: 'A tag cannot be empty.' };
  if (tag.length > MAX_TAG_LENGTH) {
    return { ok: false, error: `A tag can be up to ${MAX_TAG_LENGTH} characters; this one has ${tag.length}.` };
  }
  if (tag.includes(',')) return { ok: false, error: 'A tag cannot contain a comma; add each tag on its own.' };
  return { ok: true, tag };
}

/** The film's tags with `tag` added, unless an equal tag (ignoring case and accents) is already there. */
export function withTag(tags: readonly string[], tag: string): string[] {
  return tags.some((existing) => tagKey(existing) === tagKey(tag)) ? [...tags] : [...tags, tag];
}

/** The film's tags without `tag` (compared ignoring case and accents). */
export function withoutTag(tags: readonly string[], tag: string): string[] {
  return tags.filter((existing) => tagKey(existing) !== tagKey(tag));
}

/**
 * The film's tags with `from` renamed to `to`, in place; when the film already has `to`, the two merge into one.
 */
export function withTagRenamed(tags: readonly string[], from: string, to: string): string[] {
  const renamed: string[] = [];
  for (const tag of tags) {
    const next = tagKey(tag) === tagKey(from) ? to : tag;
    if (!renamed.some((existing) => tagKey(existing) === tagKey(next))) renamed.push(next);
  }
  return renamed;
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Counts tag uses from the tags index's keys (one key per film and tag), alphabetically. */
export function countTags(indexKeys: readonly string[]): TagCount[] {
  const counts = new Map<string, number>();
  for (const tag of indexKeys) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => collator.compare(a.tag, b.tag));
}

/** Tags that start with (then contain) what is typed, for autocomplete; excludes ones the film has. */
export function suggestTags(allTags: readonly string[], typed: string, filmTags: readonly string[], limit = 8): string[] {
  const key = tagKey(typed);
  const have = new Set(filmTags.map(tagKey));
  const candidates = allTags.filter((tag) => !have.has(tagKey(tag)));
  if (key === '') return candidates.slice(0, limit);
  const starts = candidates.filter((tag) => tagKey(tag).startsWith(key));
  const contains = candidates.filter((tag) => !tagKey(tag).startsWith(key) && tagKey(tag).includes(key));
  return [...starts, ...contains].slice(0, limit);
}
