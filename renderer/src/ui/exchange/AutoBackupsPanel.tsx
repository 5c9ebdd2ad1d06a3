/**
 * Settings › Automatic backups: in the desktop app, the last ten backups Cinefile made by itself (on quitting, and
 * once a day), each with Restore and Show in folder; in a browser, why there are none and what to do instead.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AutoBackup } from '../../../../electron/ipc';
import { fileSizeLabel } from '../../domain/poster';
import { filmCountLabel } from '../../domain/list';
import { errorMessage } from '../../domain/errors';
import { platform } from '../../platform';
import { useCatalogActions } from '../common/useCatalogActions';
import { formatDateTime } from '../../domain/viewing';


export function AutoBackupsPanel({ onRestore }: { onRestore: (name: string) => void }) {
  const [backups, setBackups] = useState<AutoBackup[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { write } = useCatalogActions();
  const refresh = useCallback(() => {
    if (platform.kind !== 'electron') return;
    platform.listBackups().then(setBackups, (error: unknown) => setProblem(`The automatic backups could not be listed: ${errorMessage(error)}`));
  }, []);
  useEffect(refresh, [refresh]);

  return (
    <section className="panel" aria-labelledby="auto-backups-heading">
      <h2 id="auto-backups-heading">Automatic backups</h2>
      {platform.kind !== 'electron' ? (
        <p>
          Automatic backups need the desktop app: it backs up when it quits and once a day, keeping the last ten in its own folder. Here, use{' '}
          <strong>Back up now…</strong> above to save one yourself.
        </p>
      ) : problem ? (
        <p role="alert">{problem}</p>
      ) : backups === null ? (
        <p className="quiet" aria-busy="true">Looking for backups…</p>
      ) : backups.length === 0 ? (
        <p>None yet. Cinefile makes one when it quits, and at most one a day, and keeps the last ten.</p>
      ) : (
        <table className="auto-backups">
          <caption className="quiet">Made when Cinefile quits and once a day; the last ten are kept.</caption>
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Films</th>
              <th scope="col">Size</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.name}>
                <td>{formatDateTime(backup.createdAt)}</td>
                <td>{backup.films === null ? '—' : filmCountLabel(backup.films)}</td>
                <td>{fileSizeLabel(backup.bytes)}</td>
                <td className="auto-backup-actions">
                  <button type="button" className="button-secondary" onClick={() => onRestore(backup.name)}>
                    Restore…
                  </button>
                  <button type="button" className="button-secondary" onClick={() => write('The backup was not shown in its folder', () => platform.revealBackup({ name: backup.name }))}>
                    Show in folder
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
