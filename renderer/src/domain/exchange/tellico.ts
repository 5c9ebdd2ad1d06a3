/**
 * Reads a Tellico video collection (KDE's collection manager; a .tc file is a zip of tellico.xml and images/) into
 * an ImportPlan: each entry becomes a film, "seen" an undated viewing, the medium a copy, a borrower's loan that
 * copy's loan, and the cover a poster. Whatever an entry had that cannot come along (a medium Cinefile has no format
 * for, a missing cover image, a loan it cannot place) is listed as skipped, so nothing is lost silently.
 */
import { parseLoanDraft } from '../copy';
import { MAX_TAGS_PER_FILM, parseTag, withTag } from '../tags';
import {
  ImportError, checkImportedFields, emptyImportPlan, externalId, imdbIdFrom, type ImportedImage, type ImportedLoan,
  type ImportOrigin, type ImportPlan,
} from './import-plan';
import {
  childText, childrenNamed, copyFormatOf, coverImage, fieldValues, filmFieldsOf, halfStarsOf, isTrue, ratingScaleOf,
} from './tellico-fields';

/** Tellico's collection types (Collection::Type), as the refusal of a collection that is not videos names them. */
const COLLECTION_KINDS: Readonly<Record<string, string>> = {
  '1': 'custom', '2': 'book', '4': 'music', '5': 'bibliography', '6': 'comic book', '7': 'wine', '8': 'coin',
  '9': 'stamp', '10': 'card', '11': 'video game', '12': 'file catalog', '13': 'board game',
};
const VIDEO_COLLECTION = '3';

interface TellicoLoan {
  borrower: string;
  lentOn: string;
  dueOn: string;
}

/** The parser's own words for what is wrong, short: browsers and jsdom word (and nest) them differently. */
function parserMessage(error: Element): string {
  const detail = (error.getElementsByTagName('div')[0] ?? error).textContent ?? '';
  const line = detail.trim().split('\n')[0]?.trim() ?? '';
  return line === '' ? '' : ` (${line.slice(0, 160)})`;
}

/** The collection element, after refusing what is not a Tellico video collection. */
function videoCollectionOf(document: Document, path: string): Element {
  const origin: ImportOrigin = { file: path, line: null };
  const error = document.getElementsByTagNameNS('*', 'parsererror')[0];
  if (error) throw new ImportError(`“${path}” is damaged: it is not well-formed XML${parserMessage(error)}.`, origin);
  const root = document.documentElement;
  // Bookcase was Tellico's name before 2004; its files have the same shape.
  if (!root || (root.localName !== 'tellico' && root.localName !== 'bookcase')) {
    throw new ImportError(`“${path}” is not a Tellico file.`, origin);
  }
  const collection = childrenNamed(root, 'collection')[0];
  if (!collection) throw new ImportError(`“${path}” is a Tellico file with no collection in it.`, origin);
  const type = (collection.getAttribute('type') ?? '').trim();
  if (type !== VIDEO_COLLECTION) {
    const kind = COLLECTION_KINDS[type];
    const what = kind === undefined ? `collection of type “${type}”` : `${kind} collection`;
    throw new ImportError(`“${path}” is a Tellico ${what}, not videos.`, origin);
  }
  return collection;
}

/** Loans by the entry id they are for. Tellico writes `<borrowers>` beside the collection; some files put it inside. */
function loansByEntry(document: Document): Map<string, TellicoLoan[]> {
  const loans = new Map<string, TellicoLoan[]>();
  for (const borrower of Array.from(document.getElementsByTagNameNS('*', 'borrower'))) {
    for (const loan of childrenNamed(borrower, 'loan')) {
      const entryRef = (loan.getAttribute('entryRef') ?? '').trim();
      const found = loans.get(entryRef) ?? [];
      found.push({
        borrower: (borrower.getAttribute('name') ?? '').trim(),
        lentOn: (loan.getAttribute('loanDate') ?? '').trim(),
        dueOn: (loan.getAttribute('dueDate') ?? '').trim(),
      });
      loans.set(entryRef, found);
    }
  }
  return loans;
}

/**
 * Turns a parsed tellico.xml into a plan. `images` are the .tc zip's images/ entries by their path in the zip;
 * `path` names the XML file in messages. Throws ImportError for a document that failed to parse, is not Tellico, or
 * is a collection of something other than videos. An unknown medium gets no copy (a wrong format would be worse
 * than none) and is listed as skipped, as is a cover whose image the file lacks.
 */
export function planTellicoImport(
  document: Document,
  images: Record<string, ImportedImage>,
  sourceName: string,
  path: string,
  now: Date = new Date(),
): ImportPlan {
  const collection = videoCollectionOf(document, path);
  const plan = emptyImportPlan('tellico', sourceName);
  const origin: ImportOrigin = { file: path, line: null };
  const collectionTitle = (collection.getAttribute('title') ?? '').trim();
  const scale = ratingScaleOf(collection);
  const loans = loansByEntry(document);
  const entryIds = new Set<string>();

  for (const [index, entry] of childrenNamed(collection, 'entry').entries()) {
    const entryId = (entry.getAttribute('id') ?? '').trim() || childText(entry, 'id') || String(index + 1);
    entryIds.add(entryId);
    const unchecked = filmFieldsOf(entry);
    const title = unchecked.title.slice(0, 500);
    const named = title === '' ? null : unchecked.year === null || Number.isNaN(unchecked.year) ? title : `${title} (${unchecked.year})`;
    const report = (reason: string) => plan.skipped.push({ origin, title: named, reason });
    const checked = checkImportedFields(unchecked, now);
    if (!checked.ok) {
      report(`Entry ${entryId}: ${checked.reason}`);
      continue;
    }
    const ref = `tellico-${index + 1}`;
    const imdbId = imdbIdFrom(childText(entry, 'imdb'));
    const rated = halfStarsOf(childText(entry, 'rating'), scale);
    if ('error' in rated) report(rated.error);

    let tags: string[] = [];
    for (const keyword of fieldValues(entry, 'keyword')) {
      const tag = parseTag(keyword);
      if (!tag.ok) report(`its keyword “${keyword.slice(0, 60)}” was left out: ${tag.error}`);
      else if (tags.length >= MAX_TAGS_PER_FILM) report(`its keyword “${tag.tag}” was left out: a film has at most ${MAX_TAGS_PER_FILM} tags`);
      else tags = withTag(tags, tag.tag);
    }

    const cover = childText(entry, 'cover');
    const poster = cover === '' ? null : coverImage(cover, images, collection);
    if (poster) plan.images[poster.key] = poster.image;
    else if (cover !== '') report(`its cover image “${cover.slice(0, 200)}” is missing from the file, so it has no poster`);

    plan.films.push({
      ref,
      fields: checked.fields,
      externalIds: [externalId('tellico', `${collectionTitle}#${entryId}`), ...(imdbId === null ? [] : [externalId('imdb', imdbId)])],
      ...('rating' in rated && rated.rating !== null ? { rating: rated.rating } : {}),
      tags,
      ...(poster ? { posterPath: poster.key } : {}),
      origin,
    });
    // Tellico's "seen" says only that it was watched, not when.
    if (isTrue(childText(entry, 'seen'))) plan.viewings.push({ filmRef: ref, watchedOn: null, rewatch: false, rating: null, origin });

    const entryLoans = loans.get(entryId) ?? [];
    const medium = childText(entry, 'medium');
    const format = medium === '' ? null : copyFormatOf(medium);
    if (format === null) {
      if (medium !== '') report(`its medium “${medium.slice(0, 60)}” is not a copy format Cinefile has, so no copy was added`);
      for (const loan of entryLoans) report(`the loan to ${loan.borrower.slice(0, 200) || 'someone'} was left out: there is no copy to lend`);
      continue;
    }
    let loan: ImportedLoan | null = null;
    for (const candidate of entryLoans) {
      const who = candidate.borrower.slice(0, 200) || 'someone';
      if (loan !== null) {
        report(`the loan to ${who} was left out: the copy is already lent to ${loan.borrower}`);
        continue;
      }
      let checkedLoan = parseLoanDraft(candidate, now);
      // A due date Cinefile cannot read should not cost the loan itself.
      if (!checkedLoan.ok && Object.keys(checkedLoan.errors).join() === 'dueOn') {
        report(`the due date of the loan to ${who} was left out: ${checkedLoan.errors.dueOn ?? ''}`);
        checkedLoan = parseLoanDraft({ ...candidate, dueOn: '' }, now);
      }
      if (checkedLoan.ok) loan = checkedLoan.fields;
      else report(`the loan to ${who} was left out: ${Object.values(checkedLoan.errors).join(' ')}`);
    }
    if (entryLoans.length === 0 && isTrue(childText(entry, 'loaned'))) report('it is marked as loaned, but the file does not say to whom');
    plan.copies.push({ filmRef: ref, format, loan, origin });
  }

  for (const [entryRef, orphans] of loans) {
    if (entryIds.has(entryRef)) continue;
    for (const loan of orphans) {
      plan.skipped.push({ origin, title: null, reason: `A loan to ${loan.borrower.slice(0, 200) || 'someone'} is for entry “${entryRef}”, which is not in the file.` });
    }
  }
  return plan;
}
