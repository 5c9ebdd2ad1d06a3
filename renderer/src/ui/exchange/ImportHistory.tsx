/**
 * Every import so far, newest first, each with what it brought in and — until it is undone — Undo import, which
 * asks once before removing what the import added.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { recentImports, undoImport } from '../../db/imports';
import { importFormatLabels } from '../../domain/exchange/import-plan';
import { importCountsSummary, type ImportRecord } from '../../domain/exchange/import-record';
import { useCatalogActions } from '../common/useCatalogActions';
import { formatDateTime } from '../../domain/viewing';

function ImportItem({ record }: { record: ImportRecord }) {
  const [confirming, setConfirming] = useState(false);
  const { write } = useCatalogActions();
  const summary = importCountsSummary(record.counts);
  return (
    <li className="import-history-item">
      <div>
        <strong>{record.sourceName}</strong> <span className="quiet">({importFormatLabels[record.format]})</span>
        <div className="quiet">
          {formatDateTime(record.importedAt)} · {summary}
          {record.undoneAt !== null && ` · undone ${formatDateTime(record.undoneAt)}`}
        </div>
      </div>
      {record.undoneAt === null &&
        (confirming ? (
          <div className="import-undo-confirm" role="group" aria-label={`Undo the import of ${record.sourceName}`}>
            <span>Remove what it brought in ({summary}) and put back what it changed?</span>
            <button
              type="button"
              className="button-danger"
              onClick={() => write(`The import of “${record.sourceName}” was not undone`, () => undoImport(record.id), () => setConfirming(false))}
            >
              Undo import
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)} autoFocus>
              Keep it
            </button>
          </div>
        ) : (
          <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
            Undo import…
          </button>
        ))}
    </li>
  );
}

export function ImportHistory() {
  const imports = useLiveQuery(recentImports, []);
  if (imports === undefined || imports.length === 0) return null;
  return (
    <section className="panel import-history" aria-labelledby="import-history-heading">
      <h2 id="import-history-heading">Past imports</h2>
      <ul>
        {imports.map((record) => (
          <ImportItem key={record.id} record={record} />
        ))}
      </ul>
    </section>
  );
}
