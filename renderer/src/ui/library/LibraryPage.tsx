/**
 * The Library: every film, searched and filtered (with a count beside every filter value), as a poster grid or a
 * compact table, in the order chosen; keyboard rating and flags, multi-select. The view lives in the URL, so opening
 * a film and coming back (or Back) returns to the same search, filters and scroll position; a smart list is this
 * page with a saved view.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { failureMessage } from '../../domain/errors';
import { Link, useLocation, useSearch } from 'wouter';
import { filterLibrary, noFilters, viewIsFiltered, type LibraryView } from '../../domain/library-query';
import type { FilmSummary } from '../../domain/film-summary';
import { onSearchIndexReady, startSearchIndex } from '../../workers/search-client';
import { prewarmStats } from '../../workers/stats-client';
import { useFacetCounts } from './useFacetCounts';
import { ratingLabel } from '../../domain/rating';
import { rateFilm, toggleFilmFlag } from '../../db/films';
import { filmsExportRows } from '../../db/exports';
import { LibraryGrid, LibraryTable } from './LibraryViews';
import { LibraryToolbar, type LibraryLayout } from './LibraryToolbar';
import { FiltersPanel } from './FiltersPanel';
import { SelectionBar } from './SelectionBar';
import { SaveSmartList } from './SaveSmartList';
import { describeView } from './describe-view';
import { useLibraryView } from './useLibraryView';
import { useScrollRestoration } from './useScrollRestoration';
import { flagChangeText } from '../film/FilmFlags';
import { useToast } from '../common/Toasts';
import { useCatalogActions } from '../common/useCatalogActions';
import { useLibraryFilms } from '../common/useCatalog';
import { useFilmSearch } from '../common/useFilmSearch';
import { useLibraryKeyboard, type LibraryKeyActions } from './useLibraryKeyboard';
import { useStoredPreference } from '../common/useStoredPreference';
import { ExportMenu } from '../exchange/ExportMenu';
import '../styles/exchange.css';
import '../styles/library.css';

const parseLayout = (raw: unknown): LibraryLayout => (raw === 'table' ? 'table' : 'grid');
const parseOpen = (raw: unknown): boolean => raw !== false;
const KEYS_HINT_ID = 'library-keys';

/** What the page shows: the films for one search ('' for none) and the words to highlight. */
interface Shown {
  films: readonly FilmSummary[];
  search: string;
  words: readonly string[];
}

interface LibraryPageProps {
  /** The heading (a smart list's name); "Library" by default. */
  heading?: string;
  /** The view when the URL has none: a smart list's saved view. */
  savedView?: string;
  /** Controls for a smart list (rename, delete, save changes). */
  actions?: (view: LibraryView) => ReactNode;
}

export function LibraryPage({ heading = 'Library', savedView = '', actions: pageActions }: LibraryPageProps) {
  const [view, setView] = useLibraryView(savedView);
  const [location] = useLocation();
  const search = useSearch();
  const [layout, setLayout] = useStoredPreference('library.view', parseLayout);
  const [filtersOpen, setFiltersOpen] = useStoredPreference('library.filters', parseOpen);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toast = useToast();
  const library = useLibraryFilms(view.sort);
  const searching = view.search.trim() !== '';
  // A search that cannot be answered (the worker failed to start or to read the catalog) says so, not "Searching…".
  const [searchFailure, setSearchFailure] = useState<{ search: string; message: string } | null>(null);
  const onSearchFailure = useCallback((error: unknown) => setSearchFailure({ search: view.search, message: failureMessage('The search could not be run', error) }), [view.search]);
  const hits = useFilmSearch(view.search, onSearchFailure);
  const rank = searching ? (hits?.rankOf ?? null) : null;
  const filtered = viewIsFiltered(view);

  const current = useMemo<Shown | undefined>(() => {
    if (!library.films) return undefined;
    if (!library.complete) {
      // Until every summary is read, only the unfiltered first screen can be shown truthfully.
      return filtered ? undefined : { films: library.films, search: '', words: [] };
    }
    if (searching && !hits) return undefined;
    return { films: filterLibrary(library.films, view.filters, rank), search: hits?.query ?? '', words: hits?.words ?? [] };
  }, [library, filtered, searching, hits, rank, view.filters]);
  // While the next answer is worked out, the last one stays on screen rather than a "Loading" flash.
  const [last, setLast] = useState<Shown | undefined>(undefined);
  if (current && current !== last) setLast(current);
  const shown = current ?? (library.complete ? last : undefined);
  const films = shown?.films;
  const counts = useFacetCounts(library.complete ? library.films : undefined, view.filters, searching ? rank : null);
  const count = library.complete ? films?.length : filtered ? undefined : library.total;
  useEffect(() => {
    // The search index is built once the Library has what it needs to paint: the build reads every film. Then, with
    // the machine free again, the statistics worker reads and counts, so Stats opens on figures already counted.
    if (!library.complete) return;
    startSearchIndex();
    return onSearchIndexReady(prewarmStats);
  }, [library.complete]);
  const filmIds = useMemo(() => films?.map((film) => film.id) ?? [], [films]);
  useScrollRestoration(`${location}?${search}`, films !== undefined && library.complete);

  const { write } = useCatalogActions();
  const actions = useMemo<LibraryKeyActions>(() => {
    const titleOf = (id: string) => `“${films?.find((film) => film.id === id)?.title ?? 'this film'}”`;
    return {
      rate: (id, halfStars) =>
        write(`Your rating of ${titleOf(id)} was not saved`, () => rateFilm(id, halfStars), () =>
          toast({ message: `Rated ${titleOf(id)} ${ratingLabel(halfStars)}.` }),
        ),
      toggleFlag: (id, flag) => {
        const film = films?.find((candidate) => candidate.id === id);
        write(flagChangeText(flag, !film?.[flag], titleOf(id)).notDone, () => toggleFilmFlag(id, flag), (on) =>
          toast({ message: flagChangeText(flag, on, titleOf(id)).done }),
        );
      },
      toggleSelected: (id) =>
        setSelected((previous) => {
          const next = new Set(previous);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
      selectAll: () => setSelected(new Set(filmIds)),
      clearSelection: () => setSelected(new Set()),
    };
  }, [films, filmIds, toast, write]);
  const { handleKey, itemProps } = useLibraryKeyboard(filmIds, actions);
  const selectedIds = filmIds.filter((id) => selected.has(id));
  const viewProps = {
    films: films ?? [],
    search: shown?.search ?? '',
    words: shown?.words ?? [],
    selected,
    onToggleSelected: actions.toggleSelected,
    handleKey,
    itemProps,
    describedBy: KEYS_HINT_ID,
  };
  const clearAll = () => setView({ ...view, search: '', filters: noFilters });

  return (
    <section className="page library-page" aria-labelledby="library-heading">
      <h1 id="library-heading" className="page-title">
        {heading}
      </h1>
      <LibraryToolbar
        count={count}
        sort={view.sort}
        onSort={(sort) => setView({ ...view, sort })}
        layout={layout}
        onLayout={setLayout}
        filtersOpen={filtersOpen}
        onFiltersOpen={setFiltersOpen}
      >
        {pageActions ? pageActions(view) : filtered && <SaveSmartList view={view} />}
        <ExportMenu
          what="this view of the Library"
          document={async () => {
            const { rows, posters } = await filmsExportRows(filmIds);
            const title = `${heading} — ${describeView(view)}`;
            return { document: { kind: 'library', title, description: '', ranked: false, rows, exportedAt: new Date().toISOString() }, posters };
          }}
        />
      </LibraryToolbar>
      <div className={`library-layout ${filtersOpen ? 'has-filters' : ''}`}>
        {filtersOpen && <FiltersPanel filters={view.filters} counts={counts} onChange={(next) => setView({ ...view, filters: next })} />}
        <div className="library-results">
          {selectedIds.length > 0 && <SelectionBar filmIds={selectedIds} onClear={actions.clearSelection} />}
          <p id={KEYS_HINT_ID} className="keys-hint">
            / or Ctrl+K searches · Arrow keys move · Enter opens · 1–0 rate (1 = ½ star, 0 = 5 stars) · W watchlist · F favourite · Space selects
          </p>
          {searchFailure?.search === view.search && searching && !hits ? (
            <p className="field-error" role="alert">
              {searchFailure.message}
            </p>
          ) : films === undefined ? (
            <p className="quiet" aria-busy="true">
              {searching && library.complete ? 'Searching…' : 'Loading your films…'}
            </p>

          ) : films.length === 0 ? (
            library.total === 0 ? (
              <div className="empty-state">
                <h2>Your library is empty</h2>
                <p>Add the first film you want to remember, or bring your history in from Letterboxd, IMDb or Tellico.</p>
                <p className="button-row">
                  <Link href="/films/new" className="button-primary">
                    Add film
                  </Link>
                  <Link href="/import" className="button-secondary">
                    Import
                  </Link>
                </p>
              </div>
            ) : (
              <div className="empty-state" data-search={shown?.search ?? ''}>
                <h2>No films match</h2>
                <p>{searching ? `Nothing in your catalog matches “${view.search.trim()}”${viewIsFiltered({ search: '', filters: view.filters }) ? ' with these filters' : ''}.` : 'No film passes all of these filters.'}</p>
                <button type="button" className="button-secondary" onClick={clearAll}>
                  Clear search and filters
                </button>
              </div>
            )
          ) : layout === 'grid' ? (
            <LibraryGrid {...viewProps} />
          ) : (
            <LibraryTable {...viewProps} />
          )}
        </div>
      </div>
    </section>
  );
}

