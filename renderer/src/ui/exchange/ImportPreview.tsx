/**
 * What an import would do, before anything is written: films new, matched and conflicting, everything else it
 * adds, and every row it leaves out with its file, line and reason. Nothing new says so plainly.
 */
import { useEffect, useId, useRef } from 'react';
import type { ImportDiff, RatingChoice } from '../../domain/exchange/import-diff';
import { importFormatLabels, type ImportPlan, type SkippedRecord } from '../../domain/exchange/import-plan';
import { isEmptyImport } from '../../domain/exchange/import-record';
import { ratingLabel } from '../../domain/rating';

/** How many names a section lists before "and N more": enough to recognise an import, few enough to render at once. */
const NAMES_SHOWN = 200;

/** How each kind of change to a matched film reads in the preview. */
const changeWords: Readonly<Record<string, string>> = {
  rating: 'rating',
  watchlist: 'added to the watchlist',
  favourite: 'marked favourite',
  tags: 'tags',
  details: 'details filled in',
  poster: 'poster',
  link: 'linked to this export',
};

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function TitleList({ titles }: { titles: string[] }) {
  return (
    <ul className="import-titles">
      {titles.slice(0, NAMES_SHOWN).map((title, index) => (
        <li key={index}>{title}</li>
      ))}
      {titles.length > NAMES_SHOWN && <li className="quiet">and {(titles.length - NAMES_SHOWN).toLocaleString('en')} more</li>}
    </ul>
  );
}

function where(record: SkippedRecord): string {
  return record.origin.line === null ? record.origin.file : `${record.origin.file}, line ${record.origin.line}`;
}

function SkippedTable({ skipped }: { skipped: SkippedRecord[] }) {
  return (
    <table className="import-skipped">
      <thead>
        <tr>
          <th scope="col">Where</th>
          <th scope="col">What</th>
          <th scope="col">Why it was left out</th>
        </tr>
      </thead>
      <tbody>
        {skipped.slice(0, NAMES_SHOWN * 5).map((record, index) => (
          <tr key={index}>
            <td>{where(record)}</td>
            <td>{record.title ?? '—'}</td>
            <td>{record.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface ImportPreviewProps {
  plan: ImportPlan;
  preview: ImportDiff;
  ratingChoice: RatingChoice;
  notice: string | null;
  onRatingChoice: (choice: RatingChoice) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ImportPreview({ plan, preview, ratingChoice, notice, onRatingChoice, onConfirm, onCancel }: ImportPreviewProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the preview as it appears, not on a button that has gone.
  useEffect(() => heading.current?.focus(), []);
  const { counts, matches, skipped } = preview;
  const added = matches.filter((match) => match.status === 'new');
  const updated = matches.filter((match) => match.status === 'updated');
  const unchanged = matches.filter((match) => match.status === 'unchanged');
  const conflicts = matches.filter((match) => match.conflict !== null);
  const nothingNew = isEmptyImport(counts);
  const facts: [string, number, string, string][] = [
    ['new', counts.filmsAdded, 'new film', 'new films'],
    ['updated', counts.filmsUpdated, 'film updated', 'films updated'],
    ['matched', unchanged.length, 'film already up to date', 'films already up to date'],
    ['viewings', counts.viewings, 'viewing', 'viewings'],
    ['notes', counts.notes, 'review or note', 'reviews and notes'],
    ['lists', counts.lists, 'new list', 'new lists'],
    ['entries', counts.listEntries, 'list entry', 'list entries'],
    ['tags', counts.tags, 'tag', 'tags'],
    ['copies', counts.copies, 'copy', 'copies'],
    ['posters', counts.posters, 'poster', 'posters'],
  ];

  return (
    <section className="panel import-preview" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {importFormatLabels[plan.format]} export “{plan.sourceName}”
      </h2>
      {notice && <p role="status">{notice}</p>}
      {nothingNew ? (
        <p className="import-nothing-new" role="status">
          Nothing new: everything in “{plan.sourceName}” is already in your catalog
          {conflicts.length > 0 && ratingChoice === 'keep' ? ', apart from ratings you chose to keep' : ''}. Importing it
          would change nothing.
        </p>
      ) : (
        <p>Nothing has been written yet. Check what this import brings in, then import it — you can undo it afterwards.</p>
      )}
      <ul className="import-counts" aria-label="What this import brings in">
        {facts
          .filter(([, n]) => n > 0)
          .map(([key, n, one, many]) => (
            <li key={key} data-count={key}>
              <strong>{n.toLocaleString('en')}</strong> {n === 1 ? one : many}
            </li>
          ))}
        {skipped.length > 0 && (
          <li data-count="skipped" className="import-count-skipped">
            <strong>{skipped.length.toLocaleString('en')}</strong> {skipped.length === 1 ? 'row left out' : 'rows left out'}
          </li>
        )}
      </ul>

      {conflicts.length > 0 && (
        <fieldset className="import-conflicts">
          <legend>{count(conflicts.length, 'film is', 'films are')} rated differently in Cinefile and in this export</legend>
          <label>
            <input type="radio" name="rating-choice" checked={ratingChoice === 'keep'} onChange={() => onRatingChoice('keep')} /> Keep
            the ratings in Cinefile
          </label>
          <label>
            <input type="radio" name="rating-choice" checked={ratingChoice === 'replace'} onChange={() => onRatingChoice('replace')} />{' '}
            Use the export’s ratings
          </label>
          <ul className="import-titles">
            {conflicts.slice(0, NAMES_SHOWN).map((match) => (
              <li key={match.ref}>
                {match.title}: {ratingLabel(match.conflict!.catalog)} in Cinefile, {ratingLabel(match.conflict!.imported)} in the
                export
              </li>
            ))}
          </ul>
        </fieldset>
      )}

      {added.length > 0 && (
        <details>
          <summary>New films ({added.length.toLocaleString('en')})</summary>
          <TitleList titles={added.map((match) => match.title)} />
        </details>
      )}
      {updated.length > 0 && (
        <details>
          <summary>Films already in your catalog that this import updates ({updated.length.toLocaleString('en')})</summary>
          <TitleList titles={updated.map((match) => `${match.title} — ${match.changes.map((change) => changeWords[change] ?? change).join(', ')}`)} />
        </details>
      )}
      {skipped.length > 0 && (
        <details open={skipped.length <= 20}>
          <summary>Left out ({skipped.length.toLocaleString('en')})</summary>
          <SkippedTable skipped={skipped} />
        </details>
      )}

      <div className="form-actions">
        <button type="button" className="button-primary" onClick={onConfirm} disabled={nothingNew}>
          Import
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {nothingNew ? 'Done' : 'Cancel'}
        </button>
      </div>
    </section>
  );
}
