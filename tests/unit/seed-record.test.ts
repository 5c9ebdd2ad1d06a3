/**
 * The shipped seed record (resources/seed/red-hot.json) must say exactly what the source text in
 * ../shared/seed/ says: every heading, paragraph, cast name and role, word for word and in order.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import record from '../../resources/seed/red-hot.json';

const seedDir = resolve(__dirname, '../../../shared/seed');
const haveSource = existsSync(seedDir);
if (!haveSource) console.warn(`Seed source ${seedDir} is not on this machine: the word-for-word check cannot run.`);

function readSource(): string[] {
  const file = readdirSync(seedDir).find((name) => name.endsWith('.txt'));
  if (!file) throw new Error(`No .txt seed in ${seedDir}`);
  return readFileSync(join(seedDir, file), 'utf8').split('\n');
}

/** The lines under a heading, up to the next heading, as paragraphs. */
function paragraphsUnder(lines: string[], heading: string, next: string): string {
  const start = lines.indexOf(heading);
  const end = lines.indexOf(next);
  expect(start, `heading "${heading}" in the source`).toBeGreaterThan(-1);
  return lines.slice(start + 1, end).join('\n').trim();
}

describe.runIf(haveSource)('Red Hot seed record against ../shared/seed', () => {
  const lines = haveSource ? readSource() : [];

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
