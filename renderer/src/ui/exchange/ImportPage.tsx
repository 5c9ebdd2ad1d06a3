/**
 * The Import page: bring a Letterboxd, IMDb or Tellico export in. Pick a file (the native dialog in Electron, a
 * file input in a browser) or drop files or a folder anywhere on the page; then a preview, then one transaction.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { platform } from '../../platform';
import { consumeImportDialogRequest } from './import-requests';
import { sourcesFromDrop, sourcesFromFiles } from './dropped-files';
import { ImportHistory } from './ImportHistory';
import { ImportPreview } from './ImportPreview';
import { useImport, type ImportState } from './useImport';
import '../styles/exchange.css';

const ACCEPT = '.zip,.csv,.tc,.xml';
const importFileFilters = [{ name: 'Letterboxd, IMDb or Tellico export', extensions: ['zip', 'csv', 'tc', 'xml'] }];

function Progress({ state, onCancel }: { state: Extract<ImportState, { phase: 'reading' | 'writing' }>; onCancel: () => void }) {
  const [label, done, total] =
    state.phase === 'reading' ? [state.what, state.done, state.total] : ['Written to your catalog', state.written, state.total || null];
  return (
    <section className="panel import-progress" aria-live="polite">
      <h2>{state.phase === 'reading' ? 'Reading the export…' : `Importing “${state.plan.sourceName}”…`}</h2>
      <progress
        className="import-progress-bar"
        aria-label={state.phase === 'reading' ? 'Reading progress' : 'Import progress'}
        value={total === null ? undefined : done}
        max={total ?? undefined}
      />
      <p>
        {label}: {done.toLocaleString('en')}
        {total !== null && ` of ${total.toLocaleString('en')}`}
      </p>
      <button type="button" className="button-secondary" onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}

function FormatGuide() {
  return (
    <dl className="import-formats">
      <dt>Letterboxd</dt>
      <dd>
        The export zip (Letterboxd’s settings › Export your data), the unzipped folder, or single files from it: every
        diary entry becomes a viewing (rewatches and half stars kept), reviews become notes, ratings, watchlist, likes (as
        favourites), tags and lists come too. Deleted entries stay deleted.
      </dd>
      <dt>IMDb</dt>
      <dd>
        Your ratings, watchlist or a list exported as CSV: ratings (1–10 become half stars), IMDb ids, original titles, genres,
        runtimes and directors. Series, episodes and games are listed as left out.
      </dd>
      <dt>Tellico</dt>
      <dd>A video collection (.tc): titles, cast with roles, plot, ratings, copies and loans, and covers as posters.</dd>
    </dl>
  );
}

export function ImportPage() {
  const { state, start, cancel, chooseRatings, confirm } = useImport();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const busy = state.phase === 'reading' || state.phase === 'writing';
  const heading = useRef<HTMLHeadingElement>(null);
  // Back at the start (imported, cancelled, failed): focus returns to the page, not to a button that has gone.
  const atStart = state.phase === 'idle' || state.phase === 'failed';
  const wasBusy = useRef(false);
  useEffect(() => {
    if (atStart && wasBusy.current) heading.current?.focus();
    wasBusy.current = !atStart;
  }, [atStart]);

  const choose = () => {
    if (platform.kind === 'electron') {
      start(platform.openFile({ filters: importFileFilters }).then((file) => (file ? [{ path: file.fileName, bytes: file.bytes }] : [])));
    } else {
      input.current?.click();
    }
  };

  // File › Import… in Electron lands here and opens the dialog at once.
  useEffect(() => {
    if (consumeImportDialogRequest()) choose();
    // Only on arrival: `choose` is rebuilt every render but does the same thing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    start(sourcesFromDrop(event.dataTransfer));
  };

  return (
    <section
      className={dragging ? 'page import-page is-dragging' : 'page import-page'}
      aria-labelledby="import-heading"
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <h1 id="import-heading" className="page-title" ref={heading} tabIndex={-1}>
        Import
      </h1>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        aria-label="Export files to import"
        data-testid="import-file-input"
        onChange={(event) => {
          const files = event.currentTarget.files;
          if (files && files.length > 0) start(sourcesFromFiles([...files]));
          event.currentTarget.value = '';
        }}
      />

      {busy ? (
        <Progress state={state} onCancel={cancel} />
      ) : state.phase === 'preview' ? (
        <ImportPreview
          plan={state.plan}
          preview={state.preview}
          ratingChoice={state.ratingChoice}
          notice={state.notice}
          onRatingChoice={chooseRatings}
          onConfirm={confirm}
          onCancel={cancel}
        />
      ) : (
        <>
          {state.phase === 'failed' && (
            <div className="import-failure" role="alert">
              <p>{state.message}</p>
            </div>
          )}
          {state.phase === 'idle' && state.notice && <p role="status">{state.notice}</p>}
          <div className="panel import-drop-zone">
            <p>
              Drop a <strong>Letterboxd</strong> export (the .zip or its folder), an <strong>IMDb</strong> CSV or a{' '}
              <strong>Tellico</strong> .tc file anywhere here, or
            </p>
            <button type="button" className="button-primary" onClick={choose}>
              {state.phase === 'failed' ? 'Choose another file…' : 'Choose a file…'}
            </button>
            <p className="quiet">Nothing is written until you have seen a preview and confirmed it.</p>
          </div>
          <FormatGuide />
        </>
      )}
      <ImportHistory />
    </section>
  );
}
