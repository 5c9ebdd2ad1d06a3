/**
 * Settings: the catalog's safety — whether its storage is persistent, sync with the person's own CouchDB server,
 * backups you make, backups Cinefile makes, and restoring either.
 */
import { BackupPanel } from '../exchange/BackupPanel';
import { StoragePanel } from './StoragePanel';
import { SyncPanel } from '../sync/SyncPanel';
import '../styles/exchange.css';

export function SettingsPage() {
  return (
    <section className="page settings-page" aria-labelledby="settings-heading">
      <h1 id="settings-heading" className="page-title">
        Settings
      </h1>
      <StoragePanel />
      <SyncPanel />
      <BackupPanel />
    </section>
  );
}
