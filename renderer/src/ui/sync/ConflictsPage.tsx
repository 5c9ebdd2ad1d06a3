/**
 * Conflicts: what two devices changed at once, listed until the person settles it. For a field, the later change is
 * already shown everywhere; the other can be swapped back (or, for a note, both texts merged by hand). For a deletion
 * that met an edit, the record can be restored or left deleted. Settling writes one new change that every device
 * takes, so the conflict disappears from all of them.
 */
import { useId, useState } from 'react';
import { Link } from 'wouter';
import type { FieldConflict, SyncConflict } from '../../domain/sync/conflicts';
import { resolveConflict, type ConflictedRecord } from '../../workers/sync-client';
import { fieldName, fieldValueText } from './sync-words';
import { useSync } from './useSync';

/** Fields of free text two people may both have written in: offered for merging by hand. */
const TEXT_FIELDS = new Set(['body', 'note', 'overview', 'description', 'tagline']);

const changedWhen = (at: string) => new Date(at).toLocaleString();

function FieldChoice({ record, conflict }: { record: ConflictedRecord; conflict: FieldConflict }) {
  const name = fieldName(conflict.field);
  const mergeId = useId();
  const texts = [conflict.kept, ...conflict.others].map((version) => String(version.value ?? ''));
  const [merged, setMerged] = useState(texts.join('\n\n'));
  const mergeable = TEXT_FIELDS.has(conflict.field) && typeof conflict.kept.value === 'string';
  return (
    <li className="conflict">
      <p>
        <strong>{name}</strong> was changed on two devices at once.
      </p>
      <dl className="conflict-versions">
        <dt>Shown now (changed {changedWhen(conflict.kept.at)})</dt>
        <dd data-testid="conflict-kept">{fieldValueText(conflict.field, conflict.kept.value)}</dd>
        {conflict.others.map((other) => (
          <div key={`${other.device}-${other.counter}`}>
            <dt>The other change (changed {changedWhen(other.at)})</dt>
            <dd data-testid="conflict-other">{fieldValueText(conflict.field, other.value)}</dd>
          </div>
        ))}
      </dl>
      <div className="form-actions">
        <button type="button" onClick={() => resolveConflict(record.docId, { kind: 'field', field: conflict.field, value: conflict.kept.value })}>
          Keep what is shown
        </button>
        {conflict.others.map((other) => (
          <button
            key={`${other.device}-${other.counter}`}
            type="button"
            onClick={() => resolveConflict(record.docId, { kind: 'field', field: conflict.field, value: other.value })}
          >
            Use “{fieldValueText(conflict.field, other.value).slice(0, 40)}” instead
          </button>
        ))}
      </div>
      {mergeable && (
        <div className="conflict-merge">
          <label htmlFor={mergeId}>Or merge the texts</label>
          <textarea id={mergeId} rows={6} value={merged} onChange={(event) => setMerged(event.target.value)} />
          <button type="button" onClick={() => resolveConflict(record.docId, { kind: 'field', field: conflict.field, value: merged })}>
            Save the merged text
          </button>
        </div>
      )}
    </li>
  );
}

function DeletionChoice({ record, conflict }: { record: ConflictedRecord; conflict: Exclude<SyncConflict, FieldConflict> }) {
  const deleted = conflict.kind === 'changed-while-deleted';
  return (
    <li className="conflict">
      <p>
        {deleted
          ? 'It was deleted on one device while it was changed on another; it is deleted now.'
          : 'It was deleted on one device while it was kept or changed on another; it is kept now.'}
      </p>
      <div className="form-actions">
        <button type="button" onClick={() => resolveConflict(record.docId, { kind: 'deletion', deleted: false })}>
          {deleted ? 'Restore it' : 'Keep it'}
        </button>
        <button type="button" onClick={() => resolveConflict(record.docId, { kind: 'deletion', deleted: true })}>
          {deleted ? 'Leave it deleted' : 'Delete it'}
        </button>
      </div>
    </li>
  );
}

export function ConflictsPage() {
  const { conflicts, status } = useSync();
  return (
    <section className="page conflicts-page" aria-labelledby="conflicts-heading">
      <h1 id="conflicts-heading" className="page-title">
        Conflicts
      </h1>
      {conflicts.length === 0 ? (
        <p className="empty-state">
          {status.state === 'off'
            ? 'Sync is off. Conflicts appear here when two devices change the same thing before they sync.'
            : 'Nothing to settle: every device agrees.'}
        </p>
      ) : (
        <>
          <p className="quiet">
            These were changed on two devices before they synced. The later change is shown everywhere; nothing is lost
            until you choose.
          </p>
          <ul className="conflict-records">
            {conflicts.map((record) => (
              <li key={record.docId} className="conflict-record">
                <h2>{record.table === 'films' ? <Link href={`/films/${record.id}`}>{record.label}</Link> : record.label}</h2>
                <ul>
                  {record.conflicts.map((conflict) =>
                    conflict.kind === 'field' ? (
                      <FieldChoice key={conflict.field} record={record} conflict={conflict} />
                    ) : (
                      <DeletionChoice key={conflict.kind} record={record} conflict={conflict} />
                    ),
                  )}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
