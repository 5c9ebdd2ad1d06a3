/**
 * Which profile folder (userData: the catalog's IndexedDB, window state, automatic backups, and the key of the
 * single-instance lock) this run uses. A development run (`npm start`, `npm run dev`: not packaged) gets its own, so
 * it can never upgrade the installed Cinefile's catalog to a schema that app cannot read, nor be swallowed by the
 * installed app's single-instance lock. Tests name their own fresh folder.
 */
import { join } from 'node:path';

export const DEVELOPMENT_PROFILE = 'Cinefile Development';

interface ProfileContext {
  /** CINEFILE_USER_DATA: a folder the end-to-end tests ask for. */
  override: string | undefined;
  isPackaged: boolean;
  /** app.getPath('appData'): where every app's profile folder lives. */
  appData: string;
}

/** The folder to set as userData, or null to keep Electron's default (the installed app's "Cinefile"). */
export function profileFolder({ override, isPackaged, appData }: ProfileContext): string | null {
  if (override) return override;
  return isPackaged ? null : join(appData, DEVELOPMENT_PROFILE);
}
