/**
 * Settings › Backups: back up the whole catalog to one .cinefile file, and restore one — with what it holds shown
 * first, then Replace (the catalog becomes the backup) or Merge (the backup's films join yours, as an import).
 */
import { useEffect, useRef, useState } from 'react';
import { BACKUP_EXTENSION } from '../../domain/exchange/backup';
import { platform } from '../../platform';
import { AutoBackupsPanel } from './AutoBackupsPanel';
import { backupFileFilters, type ReadBackup } from './backup-files';
import { consumeBackupRequest } from './import-requests';
import { useBackup } from './useBackup';
import { formatDateTime } from '../../domain/viewing';


function RestorePreview({ backup, onRestore, onCancel }: { backup: ReadBackup; onRestore: (mode: 'replace' | 'merge') => void; onCancel: () => void }) {
  const [mode, setMode] = useState<'replace' | 'merge'>('replace');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { manifest } = backup;
  const counts = manifest.counts;
  return (
    <div className="restore-preview" aria-labelledby="restore-heading" role="group">
      <h3 id="restore-heading" ref={heading} tabIndex={-1}>
        Backup of {formatDateTime(manifest.createdAt)}
      </h3>
      <p className="quiet">
        “{backup.fileName}”, made by Cinefile {manifest.appVersion} (catalog version {manifest.schemaVersion}).
      </p>
      <ul className="import-counts" aria-label="What this backup holds">
        <li><strong>{counts.films.toLocaleString('en')}</strong> {counts.films === 1 ? 'film' : 'films'}</li>
        <li><strong>{counts.viewings.toLocaleString('en')}</strong> viewings</li>
        <li><strong>{counts.notes.toLocaleString('en')}</strong> notes</li>
        <li><strong>{counts.lists.toLocaleString('en')}</strong> lists</li>
        <li><strong>{counts.copies.toLocaleString('en')}</strong> copies</li>
        <li><strong>{counts.posters.toLocaleString('en')}</strong> posters</li>
      </ul>
      <fieldset className="restore-modes">
        <legend>How to restore it</legend>
        <label>
          <input type="radio" name="restore-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> <strong>Replace</strong> your
          catalog with this backup: everything in Cinefile now is replaced by the backup, exactly (you can undo it straight after).
        </label>
        <label>
          <input type="radio" name="restore-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> <strong>Merge</strong> it into
          your catalog: its films join yours, matched as an import matches them; nothing of yours is removed.
        </label>
      </fieldset>
      <div className="form-actions">
        <button type="button" className="button-primary" onClick={() => onRestore(mode)}>
          {mode === 'replace' ? 'Replace my catalog' : 'Merge into my catalog'}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export function BackupPanel() {
  const { state, backUp, open, restore, cancel } = useBackup();
  const input = useRef<HTMLInputElement>(null);
  const chooseBackup = () => {
    if (platform.kind === 'electron') open(platform.openFile({ filters: backupFileFilters }));
    else input.current?.click();
  };
  // File › Back up… and File › Restore… in Electron land here and start at once.
  useEffect(() => {
    const request = consumeBackupRequest();
    if (request === 'backup') backUp();
    if (request === 'restore') chooseBackup();
    // Only on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <>
    <section className="panel backup-panel" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backups</h2>
      <p>
        A backup is one <code>.{BACKUP_EXTENSION}</code> file with everything: films, ratings, notes, the diary, lists, copies, loans and
        posters. Keep one somewhere other than this computer.
      </p>
      <input
        ref={input}
        type="file"
        accept={`.${BACKUP_EXTENSION}`}
        hidden
        aria-label="Backup file to restore"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) open(file.arrayBuffer().then((buffer) => ({ fileName: file.name, bytes: new Uint8Array(buffer) })));
        }}
      />
      {state.phase === 'working' ? (
        <div className="import-progress" aria-live="polite">
          <progress className="import-progress-bar" aria-label="Backup progress" value={state.total === null ? undefined : state.done} max={state.total ?? undefined} />
          <p>
            {state.what}
            {state.total !== null && `: ${state.done.toLocaleString('en')} of ${state.total.toLocaleString('en')}`}
          </p>
          <button type="button" className="button-secondary" onClick={cancel}>
            Cancel
          </button>
        </div>
      ) : state.phase === 'restore' ? (
        <RestorePreview backup={state.backup} onRestore={(mode) => restore(state.backup, mode)} onCancel={cancel} />
      ) : (
        <>
          {state.phase === 'failed' && (
            <p className="import-failure" role="alert">
              {state.message}
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="button-primary" onClick={backUp}>
              Back up now…
            </button>
            <button type="button" className="button-secondary" onClick={chooseBackup}>
              Restore from a backup…
            </button>
          </div>
        </>
      )}
    </section>
    <AutoBackupsPanel
      onRestore={(name) => open(platform.readBackup({ name }).then((bytes) => ({ fileName: name, bytes })))}
    />
    </>
  );
}
