/**
 * Automatic backups (desktop app only): one when Cinefile quits and at most one a day, written by main into the
 * app's data folder (main keeps the newest 10). The renderer makes the bytes, as for a manual backup.
 */
import type { Platform } from '../../platform';
import { makeBackup } from './backup-files';
import { writeInSlices } from './file-saving';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Makes one automatic backup; answers where main put it. */
export async function runAutoBackup(platform: Platform, reason: 'quit' | 'daily'): Promise<string | null> {
  const { bytes, films } = await makeBackup();
  const { token } = await platform.autoBackupBegin({ reason, films });
  return writeInSlices(platform, token, bytes);
}

/** True when the newest automatic backup is more than a day old, or there is none. */
export async function dailyBackupDue(platform: Platform, now: Date = new Date()): Promise<boolean> {
  const backups = await platform.listBackups();
  const newest = backups[0];
  return newest === undefined || now.getTime() - new Date(newest.createdAt).getTime() >= DAY_MS;
}
