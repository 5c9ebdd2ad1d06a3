/**
 * Settings › Sync: the user's own CouchDB server (address, database, user name, password), "Test connection" naming
 * exactly what is wrong, creating a missing database, turning sync on and off, and — while it runs — its status with
 * Pause, Resume and Sync now. The password goes to the OS keychain through the platform (or stays for the session),
 * never into the catalog, a backup or a log.
 */
import { useId, useState, type FormEvent } from 'react';
import type { SyncSecretSaved } from '../../../../electron/ipc';
import { errorMessage } from '../../domain/errors';
import { connectionMessage } from '../../domain/sync-server';
import { platform } from '../../platform';
import {
  createSyncDatabase,
  pauseSync,
  readSyncSettings,
  resumeSync,
  saveSyncSettings,
  startSync,
  stopSync,
  syncAccount,
  syncNow,
  syncTarget,
  testSyncConnection,
  type SyncSettings,
} from '../../workers/sync-client';
import { Field } from '../common/Field';
import { syncStatusText } from './sync-words';
import { useSync } from './useSync';

function keptText(saved: SyncSecretSaved): string {
  switch (saved.kept) {
    case 'keychain':
      return 'The password is kept in the system keychain.';
    case 'browser-storage':
      return 'The password is kept in this browser’s storage, unencrypted.';
    case 'session':
      return saved.reason ?? 'The password is kept until Cinefile closes.';
    case 'not-kept':
      return saved.reason ?? 'The password could not be kept; enter it again next time.';
  }
}

export function SyncPanel() {
  const sync = useSync();
  const [settings, setSettings] = useState<SyncSettings>(readSyncSettings);
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(true);
  const [problem, setProblem] = useState<{ field: 'address' | 'database' | 'password' | null; text: string } | null>(null);
  const [kept, setKept] = useState<string | null>(null);
  const rememberId = useId();
  const lanId = useId();
  const on = settings.enabled;
  const running = sync.status.state !== 'off';

  const change = (patch: Partial<SyncSettings>) => {
    setSettings((current) => ({ ...current, ...patch }));
    setProblem(null);
  };

  /** The checked target, or null after saying what is wrong. */
  function checkedTarget() {
    const made = syncTarget(settings, password);
    if ('error' in made) {
      setProblem({ field: made.error.includes('database') ? 'database' : 'address', text: made.error });
      return null;
    }
    if (settings.username.trim() !== '' && password === '') {
      setProblem({ field: 'password', text: 'Enter the password of this user.' });
      return null;
    }
    return made;
  }

  const test = () => {
    const made = checkedTarget();
    if (made) testSyncConnection(made.target, made.origin);
  };

  const create = () => {
    const made = checkedTarget();
    if (made) createSyncDatabase(made.target, made.origin);
  };

  const turnOn = async (event: FormEvent) => {
    event.preventDefault();
    const made = checkedTarget();
    if (!made) return;
    try {
      if (password !== '') setKept(keptText(await platform.saveSyncSecret({ account: syncAccount({ ...settings, databaseUrl: made.target.databaseUrl }), password, remember })));
    } catch (error) {
      setProblem({ field: 'password', text: `The password could not be kept: ${errorMessage(error)}` });
      return;
    }
    const enabled = { ...settings, enabled: true };
    saveSyncSettings(enabled);
    setSettings(enabled);
    startSync(made.target, made.origin);
  };

  const merge = () => {
    const made = checkedTarget();
    if (made) startSync(made.target, made.origin, true);
  };

  const turnOff = async () => {
    const disabled = { ...settings, enabled: false };
    saveSyncSettings(disabled);
    setSettings(disabled);
    stopSync();
    setKept(null);
    try {
      await platform.forgetSyncSecret({});
    } catch (error) {
      setProblem({ field: null, text: `Sync is off, but the kept password could not be removed: ${errorMessage(error)}` });
    }
  };

  return (
    <section className="panel sync-panel" id="sync" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <p className="quiet">
        Keep this catalog the same on your devices through a CouchDB server you run (at home, on a NAS, or a hosted
        CouchDB). Cinefile stays fully usable offline; changes catch up when the server is reachable.
      </p>
      <form className="sync-form" onSubmit={(event) => {
        turnOn(event).catch(() => undefined);
      }} noValidate>
        <Field label="Server address" error={problem?.field === 'address' ? problem.text : undefined} hint="For example https://couch.example.net or http://127.0.0.1:5984.">
          {(control) => (
            <input {...control} type="url" value={settings.address} disabled={on} autoComplete="url" onChange={(event) => change({ address: event.target.value })} />
          )}
        </Field>
        <Field label="Database" error={problem?.field === 'database' ? problem.text : undefined}>
          {(control) => <input {...control} value={settings.database} disabled={on} onChange={(event) => change({ database: event.target.value })} />}
        </Field>
        <Field label="User name">
          {(control) => <input {...control} value={settings.username} disabled={on} autoComplete="username" onChange={(event) => change({ username: event.target.value })} />}
        </Field>
        <Field label="Password" error={problem?.field === 'password' ? problem.text : undefined}>
          {(control) => (
            <input {...control} type="password" value={password} disabled={on} autoComplete="current-password" onChange={(event) => { setPassword(event.target.value); setProblem(null); }} />
          )}
        </Field>
        <p className="check-field">
          <input id={rememberId} type="checkbox" checked={remember} disabled={on} onChange={(event) => setRemember(event.target.checked)} />
          <label htmlFor={rememberId}>
            {platform.kind === 'electron' ? 'Remember the password in the system keychain' : 'Remember the password in this browser (unencrypted)'}
          </label>
        </p>
        <p className="check-field">
          <input id={lanId} type="checkbox" checked={settings.allowPlainHttpOnLan} disabled={on} onChange={(event) => change({ allowPlainHttpOnLan: event.target.checked })} />
          <label htmlFor={lanId}>Allow plain http to a server on my local network</label>
        </p>
        {problem?.field === null && <p className="field-error" role="alert">{problem.text}</p>}
        <div className="form-actions">
          {!on && (
            <>
              <button type="button" onClick={test}>
                Test connection
              </button>
              <button type="submit" className="button-primary">
                Turn sync on
              </button>
            </>
          )}
          {on && (
            <button type="button" onClick={() => {
              turnOff().catch(() => undefined);
            }}>
              Turn sync off
            </button>
          )}
        </div>
      </form>
      {sync.verdict && (
        <div className={`sync-verdict ${sync.verdict.state === 'ok' ? 'is-ok' : 'is-problem'}`} role="status" data-testid="sync-verdict">
          <p>{connectionMessage(sync.verdict, settings)}</p>
          {sync.verdict.state === 'database-missing' && !on && (
            <button type="button" onClick={create}>
              Create the database
            </button>
          )}
        </div>
      )}
      {sync.failure && (
        <p className="field-error" role="alert">
          {sync.failure}
        </p>
      )}
      {kept && <p className="quiet" data-testid="sync-password-kept">{kept}</p>}
      {sync.confirmMerge && (
        <div className="sync-confirm" role="alertdialog" aria-labelledby="sync-merge-heading">
          <h3 id="sync-merge-heading">This database holds another catalog</h3>
          <p>
            “{settings.database}” already holds {sync.confirmMerge.records.toLocaleString('en')} records of a catalog made on another
            device. Merging adds this catalog’s films, diary and lists to it, on every device that syncs with it.
          </p>
          <div className="form-actions">
            <button type="button" className="button-primary" onClick={merge}>
              Merge the catalogs
            </button>
            <button type="button" onClick={() => {
              turnOff().catch(() => undefined);
            }}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {on && (
        <div className="sync-running">
          <p data-testid="sync-status-text">{syncStatusText(sync.status)}</p>
          {sync.status.progress && (
            <progress
              className="sync-progress"
              value={sync.status.progress.done}
              max={Math.max(1, sync.status.progress.total)}
              aria-label="Bringing in the catalog from the server"
            />
          )}
          {sync.status.lastSyncedAt && <p className="quiet">Last in step {new Date(sync.status.lastSyncedAt).toLocaleString()}</p>}
          {running && (
            <div className="form-actions">
              {sync.status.state === 'paused' ? (
                <button type="button" onClick={resumeSync}>
                  Resume
                </button>
              ) : (
                <button type="button" onClick={pauseSync}>
                  Pause
                </button>
              )}
              <button type="button" onClick={syncNow} disabled={sync.status.state === 'paused'}>
                Sync now
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
