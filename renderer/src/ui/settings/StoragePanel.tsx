/**
 * Settings › Storage: whether the catalog's storage is persistent (kept when the disk runs low) and how much it
 * uses. The desktop app grants persistence to its own pages; a browser decides by itself, so it may say no.
 */
import { useCallback, useEffect, useState } from 'react';
import { readStorageStatus, requestPersistentStorage, type StorageStatus } from '../../db/open';

/** "12.3 MB": decimal units, as file managers show sizes. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${bytes.toLocaleString('en')} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function StoragePanel() {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [asked, setAsked] = useState(false);
  const refresh = useCallback(() => {
    readStorageStatus().then(setStatus, () => setStatus({ persistent: null, usedBytes: null }));
  }, []);
  useEffect(refresh, [refresh]);

  const askAgain = (): void => {
    setAsked(true);
    requestPersistentStorage().then(refresh, refresh);
  };

  return (
    <section className="panel storage-panel" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      {status === null ? (
        <p className="quiet">Checking storage…</p>
      ) : (
        <>
          <p data-testid="storage-persistence">
            {status.persistent === true && (
              <>
                <strong>Persistent.</strong> Your catalog is kept even when the disk runs low on space.
              </>
            )}
            {status.persistent === false && (
              <>
                <strong>Not persistent.</strong> If the disk runs very low on space, this browser may clear the catalog
                to make room. Keep backups (below).
              </>
            )}
            {status.persistent === null && (
              <>
                <strong>Unknown.</strong> This browser does not say whether it keeps the catalog when space runs low.
                Keep backups (below).
              </>
            )}
          </p>
          {status.usedBytes !== null && <p className="quiet">Using {formatBytes(status.usedBytes)} for the catalog and posters.</p>}
          {status.persistent === false && (
            <div className="form-actions">
              <button type="button" className="button-secondary" onClick={askAgain}>
                Ask to keep it
              </button>
              {asked && (
                <span className="quiet" role="status">
                  The browser still said no; it decides by how much you use Cinefile.
                </span>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
