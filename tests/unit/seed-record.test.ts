/**
 * The shipped seed record (resources/seed/red-hot.json) must say exactly what its source text
 * (resources/seed/source.txt, kept byte for byte as it was given) says: every heading, paragraph, cast name and
 * role, word for word and in order. The source lives in the repository, so this check runs everywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import record from '../../resources/seed/red-hot.json';

const sourcePath = resolve(__dirname, '../../resources/seed/source.txt');

/** The source text as lines; a missing source is a failure, never a reason to skip the check. */
function readSource(): string[] {
  if (!existsSync(sourcePath)) {
    throw new Error(
      `The seed source text ${sourcePath} is missing: restore resources/seed/source.txt from git. ` +
        'Without it the Red Hot record cannot be checked word for word.',
    );
  }
  return readFileSync(sourcePath, 'utf8').split('\n');
}

/** The lines under a heading, up to the next heading, as paragraphs. */
function paragraphsUnder(lines: string[], heading: string, next: string): string {
  const start = lines.indexOf(heading);
  const end = lines.indexOf(next);
  expect(start, `heading "${heading}" in the source`).toBeGreaterThan(-1);
  return lines.slice(start + 1, end).join('\n').trim();
}

describe('Red Hot seed record against resources/seed/source.txt', () => {
  const lines = readSource();

  it('has the title, year and tagline of the source', () => {
    expect(lines[0]?.replace(/\s+/g, ' ')).toBe(`${record.title} (${record.year})`);
    expect(lines).toContain(record.tagline);
    expect(record.tagline).toBe(
      "In 1959, a young Soviet musician risks everything to pursue his newfound love of American rock 'n' roll.",
    );
  });

  it('keeps the overview verbatim, including its own "Hugh O\'Brian"', () => {
    expect(record.overview).toBe(paragraphsUnder(lines, 'Overview', 'Plot'));
    expect(record.overview).toContain("Hugh O'Brian");
    expect(record.directors).toEqual(['Paul Haggis']);
    expect(record.overview).toContain('directed by Paul Haggis');
  });

  it('keeps every section under the source heading, verbatim and in order', () => {
    const headings = ['Plot', 'Dispute', 'Resolution', 'Crucial Reception', 'Conclusion', 'Top Cast'];
    expect(record.sections.map((section) => section.heading)).toEqual(headings.slice(0, -1));
    record.sections.forEach((section, index) => {
      expect(section.body).toBe(paragraphsUnder(lines, section.heading, headings[index + 1]!));
    });
    expect(record.sections[0]?.body).toContain('he falls for Christine');
  });

  it('lists the 11 cast members in the source order with their roles', () => {
    const castLines = lines.slice(lines.indexOf('Top Cast') + 1).map((line) => line.trim()).filter(Boolean);
    const expected: { name: string; role: string }[] = [];
    castLines.forEach((line, index) => {
      if (!line.startsWith('•')) return;
      const entry = line.slice(1).trim();
      // "• Name (small)" is followed by the name again, then the role; "• Name" by the role alone.
      if (entry.endsWith('(small)')) expected.push({ name: castLines[index + 1]!, role: castLines[index + 2]! });
      else expected.push({ name: entry, role: castLines[index + 1]! });
    });
    expect(expected).toHaveLength(11);
    expect(record.cast).toEqual(expected);
    expect(record.cast[0]).toEqual({ name: 'Balthazar Getty', role: 'Alexi' });
    expect(record.cast[10]).toEqual({ name: 'Diane Fletcher', role: 'Mrs. Kirov' });
  });

  it('invents nothing: every fact field is either in the source or empty', () => {
    const source = lines.join('\n');
    expect(source).toContain(`a ${record.year} ${record.genres[0]!.toLowerCase()}`);
    const allowedKeys = ['id', 'title', 'year', 'tagline', 'directors', 'genres', 'overview', 'sections', 'cast', 'poster'];
    expect(Object.keys(record).sort()).toEqual(allowedKeys.sort());
  });
});
