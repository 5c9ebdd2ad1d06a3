/** Settings: for now, the catalog's safety — backups you make, backups Cinefile makes, and restoring either. */
import { BackupPanel } from '../exchange/BackupPanel';
import '../styles/exchange.css';

export function SettingsPage() {
  return (
    <section className="page settings-page" aria-labelledby="settings-heading">
      <h1 id="settings-heading" className="page-title">
        Settings
      </h1>
      <BackupPanel />
    </section>
  );
}
