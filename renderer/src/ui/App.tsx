/** The app: open the catalog, then the shell with its routes; a clear screen for anything that goes wrong. */
import { useCallback, useEffect, useState } from 'react';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { useHashPathLocation } from './common/hash-location';
import { SearchBox } from './common/SearchBox';
import { SmartListPage } from './lists/SmartListPage';
import { describeOpenFailure, openCatalog, requestPersistentStorage, watchForClosingElsewhere, type CatalogOpenFailure } from '../db/open';
import { platform } from '../platform';
import { CatalogProblem } from './common/CatalogProblem';
import { ErrorBoundary } from './common/ErrorBoundary';
import { ToastProvider, useToast } from './common/Toasts';
import { failureMessage } from '../domain/errors';
import { DiaryPage } from './diary/DiaryPage';
import { FilmPage } from './film/FilmPage';
import { AddFilmPage, EditFilmPage } from './film/FilmFormPages';
import { LibraryPage } from './library/LibraryPage';
import { ListPage } from './lists/ListPage';
import { ListsPage } from './lists/ListsPage';
import { LoanedOutPage } from './collection/LoanedOutPage';
import { TagsPage } from './library/TagsPage';
import { ImportPage } from './exchange/ImportPage';
import { requestBackupAction, requestImportDialog } from './exchange/import-requests';
import { dailyBackupDue, runAutoBackup } from './exchange/auto-backups';
import { SettingsPage } from './settings/SettingsPage';
import { StatsPage } from './stats/StatsPage';
import { YearInReviewPage } from './stats/YearInReviewPage';
import { ConflictsPage } from './sync/ConflictsPage';
import { SyncStartup } from './sync/SyncStartup';
import { SyncStatusLine } from './sync/SyncStatusLine';
import './styles/sync.css';

type CatalogState = { status: 'opening' } | { status: 'open' } | { status: 'failed'; failure: CatalogOpenFailure };

function useCatalogOpening(): [CatalogState, () => void] {
  const [state, setState] = useState<CatalogState>({ status: 'opening' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    const report = (next: CatalogState) => {
      if (current) setState(next);
    };
    openCatalog((blocked) => report({ status: 'failed', failure: blocked })).then(
      (failure) => report(failure ? { status: 'failed', failure } : { status: 'open' }),
      (error: unknown) => report({ status: 'failed', failure: describeOpenFailure(error) }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);
  useEffect(() => watchForClosingElsewhere((failure) => setState({ status: 'failed', failure })), []);
  useEffect(() => {
    // Best effort: the browser may say no, and the catalog works either way.
    requestPersistentStorage().catch((error: unknown) => console.warn('Persistent storage was not granted', error));
  }, []);
  const retry = useCallback(() => {
    setState({ status: 'opening' });
    setAttempt((count) => count + 1);
  }, []);
  return [state, retry];
}

/** A file dropped outside a drop zone must not make the window open the file and leave Cinefile. */
function useNoStrayFileDrops(): void {
  useEffect(() => {
    const keep = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);
}

/** Follows the native menu's commands (Electron only). */
function MenuCommands() {
  const [, navigate] = useLocation();
  useEffect(
    () =>
      platform.onMenuCommand((command) => {
        if (command === 'add-film') navigate('/films/new');
        if (command === 'show-library') navigate('/');
        if (command === 'import') {
          requestImportDialog();
          navigate('/import');
        }
        if (command === 'backup' || command === 'restore') {
          requestBackupAction(command);
          navigate('/settings');
        }
        if (command === 'backup-before-quit') {
          runAutoBackup(platform, 'quit').then(
            () => platform.quitBackupReady({ ok: true }),
            (error: unknown) => {
              console.warn('The backup on quitting was not made', error);
              return platform.quitBackupReady({ ok: false });
            },
          ).catch((error: unknown) => console.warn('Main was not told the backup was done', error));
        }
      }),
    [navigate],
  );
  return null;
}

/** The desktop app's daily automatic backup: at most one a day, a little after the catalog opens; a failure is said. */
function DailyBackup() {
  const toast = useToast();
  useEffect(() => {
    if (platform.kind !== 'electron') return;
    const timer = setTimeout(() => {
      dailyBackupDue(platform)
        .then((due) => (due ? runAutoBackup(platform, 'daily') : null))
        .catch((error: unknown) => {
          console.warn('The daily backup was not made', error);
          toast({ message: failureMessage('Today’s automatic backup was not made', error), tone: 'error' });
        });
    }, 10_000);
    return () => clearTimeout(timer);
  }, [toast]);
  return null;
}

const mainNavigation: [href: string, label: string][] = [
  ['/', 'Library'],
  ['/diary', 'Diary'],
  ['/stats', 'Stats'],
  ['/lists', 'Lists'],
  ['/loans', 'Loaned out'],
  ['/tags', 'Tags'],
  ['/import', 'Import'],
  ['/settings', 'Settings'],
];

function Shell() {
  useNoStrayFileDrops();
  return (
    <div className="shell">
      <header className="topbar">
        <Link href="/" className="brand" aria-label="Cinefile, go to the Library">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          Cinefile
        </Link>
        <nav aria-label="Main">
          {mainNavigation.map(([href, label]) => (
            <Link key={href} href={href} className={(active: boolean) => (active ? 'nav-link is-active' : 'nav-link')}>
              {label}
            </Link>
          ))}
        </nav>
        <SearchBox />
        <SyncStatusLine />
        <Link href="/films/new" className="button-primary topbar-add">
          Add film
        </Link>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <Switch>
          <Route path="/">{() => <LibraryPage />}</Route>
          <Route path="/films/new">{() => <AddFilmPage />}</Route>
          <Route path="/films/:id/edit">{(params) => <EditFilmPage id={params.id} />}</Route>
          <Route path="/films/:id">{(params) => <FilmPage key={params.id} id={params.id} />}</Route>
          <Route path="/diary">{() => <DiaryPage />}</Route>
          <Route path="/stats">{() => <StatsPage />}</Route>
          <Route path="/stats/year/:year">{(params) => <YearInReviewPage key={params.year} year={Number(params.year)} />}</Route>
          <Route path="/lists">{() => <ListsPage />}</Route>
          <Route path="/lists/:id">{(params) => <ListPage key={params.id} id={params.id} />}</Route>
          <Route path="/loans">{() => <LoanedOutPage />}</Route>
          <Route path="/tags">{() => <TagsPage />}</Route>
          <Route path="/import">{() => <ImportPage />}</Route>
          <Route path="/settings">{() => <SettingsPage />}</Route>
          <Route path="/conflicts">{() => <ConflictsPage />}</Route>
          <Route path="/smart-lists/:id">{(params) => <SmartListPage key={params.id} id={params.id} />}</Route>
          <Route>
            <section className="page empty-state">
              <h1>Nothing here</h1>
              <Link href="/">Back to the Library</Link>
            </section>
          </Route>
        </Switch>
      </main>
      <MenuCommands />
      <DailyBackup />
      <SyncStartup />
    </div>
  );
}

export function App() {
  const [catalog, retry] = useCatalogOpening();
  if (catalog.status === 'failed') {
    // A catalog closed for another window is opened again by a fresh start of this one.
    const closed = catalog.failure.problem === 'closed-elsewhere';
    return <CatalogProblem failure={catalog.failure} onRetry={closed ? () => window.location.reload() : retry} retryLabel={closed ? 'Reload' : 'Try again'} />;
  }
  if (catalog.status === 'opening') {
    return (
      <p className="opening" aria-busy="true">
        Opening your catalog…
      </p>
    );
  }
  return (
    <ErrorBoundary>
      <ToastProvider>
        <Router hook={useHashPathLocation}>
          <Shell />
        </Router>
      </ToastProvider>
    </ErrorBoundary>
  );
}
