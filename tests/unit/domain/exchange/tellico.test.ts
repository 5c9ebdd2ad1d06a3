// @vitest-environment jsdom
// Tellico video collections (tellico.xml and the images/ beside it, as a .tc zip holds them) through
// planTellicoImport: films, ratings on the file's own scale, seen, copies and loans, posters, and what is skipped.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportedImage, ImportPlan } from '../../../../renderer/src/domain/exchange/import-plan';
import { planTellicoImport } from '../../../../renderer/src/domain/exchange/tellico';
import { copyFormatOf } from '../../../../renderer/src/domain/exchange/tellico-fields';
import { refusal } from '../../../fixtures/import-checks';

/** 20 November 2026: "now" for every plan below. */
const now = new Date(2026, 10, 20, 12, 0);
// A path, not a file: URL: under jsdom, URL is jsdom's, which node:fs does not take.
const fixturePath = (path: string) => join(import.meta.dirname, '../../../fixtures/tellico', path);
const COVER = 'images/4f8e2d1c9a7b6e5f4d3c2b1a0f9e8d7c.png';

const parse = (text: string) => new DOMParser().parseFromString(text, 'application/xml');

/** The images/ entries of a fixture collection, keyed as the .tc zip keys them. */
function imagesOf(folder: string): Record<string, ImportedImage> {
  const images: Record<string, ImportedImage> = {};
  const folderPath = fixturePath(`${folder}/images`);
  if (!existsSync(folderPath)) return images;
  for (const name of readdirSync(folderPath)) {
    images[`images/${name}`] = { bytes: new Uint8Array(readFileSync(fixturePath(`${folder}/images/${name}`))), mimeType: 'image/png' };
  }
  return images;
}

function planOf(folder: string): ImportPlan {
  const document = parse(readFileSync(fixturePath(`${folder}/tellico.xml`), 'utf8'));
  return planTellicoImport(document, imagesOf(folder), `${folder}.tc`, 'tellico.xml', now);
}

/** A one-collection file around `body` (entries, borrowers), with an optional rating field declaration. */
const tellicoXml = (body: string, ratingField = '', type = '3') => `<?xml version="1.0" encoding="UTF-8"?>
<tellico xmlns="http://periapsis.org/tellico/" syntaxVersion="11"><collection title="Test" type="${type}">
<fields><field name="title" type="1"/>${ratingField}</fields>${body}</collection></tellico>`;
const planOfXml = (text: string) => planTellicoImport(parse(text), {}, 'test.tc', 'tellico.xml', now);

const film = (plan: ImportPlan, title: string) => {
  const found = plan.films.find((candidate) => candidate.fields.title === title);
  if (!found) throw new Error(`no film “${title}” in the plan`);
  return found;
};

describe('a Tellico video collection', () => {
  const plan = planOf('videos');
  const origin = { file: 'tellico.xml', line: null };

  it('fills every film field Tellico has: titles, year, directors, cast with roles, genres, countries, languages, runtime, plot', () => {
    expect(plan.format).toBe('tellico');
    expect(plan.films.map((candidate) => candidate.fields.title)).toEqual(['Amélie', '8½', 'Possession', 'La Jetée', 'Duel']);
    expect(film(plan, 'Amélie')).toEqual({
      ref: expect.any(String),
      fields: {
        title: 'Amélie',
        originalTitle: "Le fabuleux destin d'Amélie Poulain",
        year: 2001,
        directors: ['Jean-Pierre Jeunet'],
        cast: [
          { name: 'Audrey Tautou', role: 'Amélie Poulain' },
          { name: 'Mathieu Kassovitz', role: 'Nino Quincampoix' },
        ],
        genres: ['Comedy', 'Romance'],
        runtimeMinutes: 122,
        country: 'France, Germany',
        language: 'French',
        overview: 'A shy waitress in Montmartre decides to change the lives of those around her for the better.',
      },
      externalIds: ['tellico:My Videos#1', 'imdb:tt0211915'],
      rating: 10,
      tags: ['Paris', 'comfort film'],
      posterPath: COVER,
      origin,
    });
    expect(film(plan, '8½').fields).toMatchObject({ originalTitle: 'Otto e mezzo', language: 'Italian, French', country: 'Italy' });
    expect(film(plan, 'Possession').fields).toMatchObject({
      directors: ['Andrzej Żuławski'],
      country: 'France, West Germany',
      cast: [{ name: 'Isabelle Adjani', role: 'Anna / Helen' }, { name: 'Sam Neill', role: 'Mark' }],
    });
  });

  it('maps ratings from the declared 1–5 scale to half-stars: 5 → 5 stars, 4 → 4 stars, 3 → 3 stars; none stays unsaid', () => {
    expect(plan.films.map((candidate) => [candidate.fields.title, candidate.rating])).toEqual([
      ['Amélie', 10], ['8½', 6], ['Possession', 8], ['La Jetée', undefined], ['Duel', undefined],
    ]);
  });

  it('makes one undated first viewing for each film marked seen', () => {
    const titleOf = (ref: string) => plan.films.find((candidate) => candidate.ref === ref)?.fields.title;
    expect(plan.viewings.map((viewing) => ({ ...viewing, filmRef: titleOf(viewing.filmRef) }))).toEqual([
      { filmRef: 'Amélie', watchedOn: null, rewatch: false, rating: null, origin },
      { filmRef: 'Possession', watchedOn: null, rewatch: false, rating: null, origin },
      { filmRef: 'Duel', watchedOn: null, rewatch: false, rating: null, origin },
    ]);
  });

  it('makes a copy in the right format for each medium, lent to the borrower the file names', () => {
    const titleOf = (ref: string) => plan.films.find((candidate) => candidate.ref === ref)?.fields.title;
    expect(plan.copies.map((copy) => [titleOf(copy.filmRef), copy.format, copy.loan])).toEqual([
      ['Amélie', 'DVD', { borrower: 'Ann', lentOn: '2026-10-01', dueOn: '2026-11-01' }],
      ['8½', 'Blu-ray', null],
      ['La Jetée', 'VHS', { borrower: 'Bob', lentOn: '2026-09-12', dueOn: null }],
      ['Duel', 'Digital file', null],
    ]);
  });

  it('carries the cover images that exist, and lists a missing one without losing the film', () => {
    expect(Object.keys(plan.images)).toEqual([COVER]);
    expect(plan.images[COVER]?.bytes.slice(0, 4)).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    expect(film(plan, '8½').posterPath).toBeUndefined();
  });

  it('lists what it could not bring, by title and why', () => {
    expect(plan.skipped.map(({ title, reason }) => [title, reason])).toEqual([
      ['8½ (1963)', 'its cover image “0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e.jpeg” is missing from the file, so it has no poster'],
      ['Possession (1981)', 'its medium “HD DVD” is not a copy format Cinefile has, so no copy was added'],
      [null, 'Entry 5: Title is required.'],
    ]);
    expect(plan.skipped.every((record) => record.origin.file === 'tellico.xml' && record.origin.line === null)).toBe(true);
  });
});

describe('ratings on a declared scale', () => {
  const plan = planOf('scale-10');

  it('uses the file’s own 1–10 scale: 7 → 3.5 stars, 10 → 5 stars, 1 → half a star', () => {
    expect(plan.films.map((candidate) => [candidate.fields.title, candidate.rating])).toEqual([
      ['Amélie', 7], ['8½', 10], ['Possession', 1], ['Duel', undefined],
    ]);
    expect(plan.skipped.map(({ title, reason }) => [title, reason])).toEqual([
      ['Duel (1971)', 'its rating “12” is not on the file\'s 1–10 scale, so it was left out'],
    ]);
  });

  it('reads <original-title>, a 4K medium, and borrowers written inside the collection', () => {
    expect(film(plan, 'Amélie').fields.originalTitle).toBe("Le fabuleux destin d'Amélie Poulain");
    expect(plan.copies.map((copy) => [copy.format, copy.loan])).toEqual([
      ['4K UHD', null],
      ['Blu-ray', { borrower: 'Cleo', lentOn: '2026-11-02', dueOn: '2026-11-30' }],
    ]);
    expect(film(plan, '8½').externalIds).toEqual(['tellico:Ten-point films#11']);
  });

  it('takes Tellico’s 1–5 when the file declares no scale', () => {
    const ratings = ['1', '2', '3', '4', '5'].map((rating, index) => `<entry id="${index}"><title>F${index}</title><rating>${rating}</rating></entry>`);
    expect(planOfXml(tellicoXml(ratings.join(''))).films.map((candidate) => candidate.rating)).toEqual([2, 4, 6, 8, 10]);
  });

  it('rounds a scale that does not divide evenly (1–3): 1 → 3, 2 → 7, 3 → 10 half-stars', () => {
    const field = '<field name="rating" type="14"><prop name="minimum">1</prop><prop name="maximum">3</prop></field>';
    const ratings = ['1', '2', '3'].map((rating, index) => `<entry id="${index}"><title>F${index}</title><rating>${rating}</rating></entry>`);
    expect(planOfXml(tellicoXml(ratings.join(''), field)).films.map((candidate) => candidate.rating)).toEqual([3, 7, 10]);
  });
});

describe('media, loans and covers', () => {
  it.each([
    ['DVD', 'DVD'], ['Blu-ray', 'Blu-ray'], ['BluRay', 'Blu-ray'], ['VHS', 'VHS'], ['VCD', 'Digital file'], ['DivX', 'Digital file'],
    ['4K', '4K UHD'], ['Ultra HD Blu-ray', '4K UHD'], ['LaserDisc', 'LaserDisc'], ['HD DVD', null], ['Betamax', null],
  ])('reads medium “%s” as %s', (medium, format) => {
    expect(copyFormatOf(medium)).toBe(format);
  });

  it('keeps a loan without its due date when only the due date is wrong, and says so', () => {
    const xml = tellicoXml('<entry id="1"><title>Duel</title><medium>DVD</medium></entry>'
      + '<borrowers><borrower name="Ann"><loan entryRef="1" loanDate="2026-10-01" dueDate="2026-09-01"/></borrower></borrowers>');
    const plan = planOfXml(xml);
    expect(plan.copies[0]?.loan).toEqual({ borrower: 'Ann', lentOn: '2026-10-01', dueOn: null });
    expect(plan.skipped.map((record) => record.reason)).toEqual([
      'the due date of the loan to Ann was left out: Due date cannot be before the day it was lent.',
    ]);
  });

  it('lists loans it cannot place: no copy to lend, an unknown entry, a bad date, no borrower named', () => {
    const xml = tellicoXml('<entry id="1"><title>Duel</title></entry><entry id="2"><title>Jaws</title><medium>DVD</medium></entry>'
      + '<entry id="3"><title>Alien</title><medium>VHS</medium><loaned>true</loaned></entry>'
      + '<borrowers><borrower name="Ann"><loan entryRef="1" loanDate="2026-10-01"/><loan entryRef="9" loanDate="2026-10-01"/></borrower>'
      + '<borrower name="Bob"><loan entryRef="2" loanDate="next week"/></borrower></borrowers>');
    const plan = planOfXml(xml);
    expect(plan.copies.map((copy) => copy.loan)).toEqual([null, null]);
    expect(plan.skipped.map(({ title, reason }) => [title, reason])).toEqual([
      ['Duel', 'the loan to Ann was left out: there is no copy to lend'],
      ['Jaws', 'the loan to Bob was left out: Lent on must be a date like 2026-11-03.'],
      ['Alien', 'it is marked as loaned, but the file does not say to whom'],
      [null, 'A loan to Ann is for entry “9”, which is not in the file.'],
    ]);
  });

  it('finds a cover under any folder of the zip, or embedded as base64 in the XML', () => {
    const png = new Uint8Array(readFileSync(fixturePath('videos/images/4f8e2d1c9a7b6e5f4d3c2b1a0f9e8d7c.png')));
    const zipped = planTellicoImport(parse(tellicoXml('<entry id="1"><title>Duel</title><cover>a.png</cover></entry>')),
      { 'Duel/images/a.png': { bytes: png, mimeType: 'image/png' } }, 'duel.tc', 'tellico.xml', now);
    expect(zipped.films[0]?.posterPath).toBe('Duel/images/a.png');
    const base64 = btoa(String.fromCharCode(...png));
    const embedded = planOfXml(tellicoXml(`<entry id="1"><title>Duel</title><cover>b.png</cover></entry><images><image format="PNG" id="b.png">${base64}</image></images>`));
    expect(embedded.films[0]?.posterPath).toBe('images/b.png');
    expect(embedded.images['images/b.png']).toEqual({ bytes: png, mimeType: 'image/png' });
  });
});

describe('files that are not Tellico video collections', () => {
  it('refuses a book collection, saying what it is', () => {
    const error = refusal(() => planOf('books'));
    expect(error.message).toBe('“tellico.xml” is a Tellico book collection, not videos.');
    expect(error.origin).toEqual({ file: 'tellico.xml', line: null });
  });

  it('refuses damaged XML, naming the file', () => {
    const error = refusal(() => planOfXml('<tellico><collection type="3"><entry>'));
    expect(error.message).toMatch(/^“tellico\.xml” is damaged: it is not well-formed XML/);
  });

  it('refuses XML that is not Tellico’s, or has no collection', () => {
    expect(refusal(() => planOfXml('<rss><channel/></rss>')).message).toBe('“tellico.xml” is not a Tellico file.');
    expect(refusal(() => planOfXml('<tellico xmlns="http://periapsis.org/tellico/"/>')).message).toBe(
      '“tellico.xml” is a Tellico file with no collection in it.',
    );
  });
});
