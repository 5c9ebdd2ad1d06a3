import { describe, expect, it } from 'vitest';
import { countTags, parseTag, suggestTags, withoutTag, withTag, withTagRenamed } from '../../../renderer/src/domain/tags';

describe('tags', () => {
  it('cleans typed tags and refuses empty, long or comma-joined ones with a reason', () => {
    expect(parseTag('  rainy   sunday ')).toEqual({ ok: true, tag: 'rainy sunday' });
    expect(parseTag('   ')).toEqual({ ok: false, error: 'A tag cannot be empty.' });
    expect(parseTag('x'.repeat(51))).toEqual({ ok: false, error: 'A tag can be up to 50 characters; this one has 51.' });
    expect(parseTag('noir, heist').ok).toBe(false);
  });

  it('keeps one of each tag on a film, ignoring case and accents', () => {
    expect(withTag(['Noir'], 'noir')).toEqual(['Noir']);
    expect(withTag(['Noir'], 'Heist')).toEqual(['Noir', 'Heist']);
    expect(withTag(['Café'], 'cafe')).toEqual(['Café']);
    expect(withoutTag(['Noir', 'Heist'], 'NOIR')).toEqual(['Heist']);
  });

  it('renames in place, and merges when the film already has the new name', () => {
    expect(withTagRenamed(['scifi', 'Cult'], 'scifi', 'Science fiction')).toEqual(['Science fiction', 'Cult']);
    expect(withTagRenamed(['Science fiction', 'scifi'], 'scifi', 'Science fiction')).toEqual(['Science fiction']);
  });

  it('counts uses from index keys, alphabetically whatever the case', () => {
    // 'Heist' is capitalised so that a plain code-unit sort (capitals before lower case) would put it first.
    expect(countTags(['noir', 'cult', 'noir', 'Heist'])).toEqual([
      { tag: 'cult', count: 1 },
      { tag: 'Heist', count: 1 },
      { tag: 'noir', count: 2 },
    ]);
  });

  it('suggests tags that start with what is typed first, then ones containing it, minus the film’s own', () => {
    const all = ['Noir', 'Neo-noir', 'Nordic', 'Heist'];
    expect(suggestTags(all, 'no', [])).toEqual(['Noir', 'Nordic', 'Neo-noir']);
    expect(suggestTags(all, 'no', ['noir'])).toEqual(['Nordic', 'Neo-noir']);
  });
});
