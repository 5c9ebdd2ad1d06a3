/**
 * Settings: the catalog's safety — whether its storage is persistent, backups you make, backups Cinefile makes, and
 * restoring either.
 */
import { BackupPanel } from '../exchange/BackupPanel';
import { StoragePanel } from './StoragePanel';
import '../styles/exchange.css';

export function SettingsPage() {
  return (
    <section className="page settings-page" aria-labelledby="settings-heading">
      <h1 id="settings-heading" className="page-title">
        Settings
      </h1>
      <StoragePanel />
      <BackupPanel />
    </section>
  );
}
