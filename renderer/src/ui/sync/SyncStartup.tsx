/**
 * Starts sync by itself when the app opens, if the person turned it on: the password comes from where Settings › Sync
 * kept it (the OS keychain in the desktop app). Without one (it was kept only for a session), the status line says
 * to enter it again.
 */
import { useEffect } from 'react';
import { errorMessage } from '../../domain/errors';
import { platform } from '../../platform';
import { readSyncSettings, reportSyncProblem, startSync, syncAccount, syncTarget } from '../../workers/sync-client';

export function SyncStartup() {
  useEffect(() => {
    const settings = readSyncSettings();
    if (!settings.enabled) return;
    const checked = syncTarget(settings, '');
    if ('error' in checked) {
      reportSyncProblem(checked.error);
      return;
    }
    const account = syncAccount({ ...settings, databaseUrl: checked.target.databaseUrl });
    platform.readSyncSecret({ account }).then(
      (secret) => {
        if (secret === null && settings.username.trim() !== '') {
          reportSyncProblem('Enter the password again in Settings › Sync (it was kept only until Cinefile closed).');
          return;
        }
        startSync({ ...checked.target, password: secret?.password ?? '' }, checked.origin, false, true);
      },
      (error: unknown) => reportSyncProblem(`The kept password could not be read: ${errorMessage(error)}`),
    );
  }, []);
  return null;
}
