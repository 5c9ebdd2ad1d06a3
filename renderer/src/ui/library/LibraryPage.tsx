/**
 * The Library: every film (or the watchlist, favourites, or one tag's films) as a poster grid or a compact table,
 * in the order the person chose (remembered), with keyboard rating and flags, and multi-select.
 */
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { filmMatchesFilter, parseLibraryShow } from '../../domain/library-filter';
import { parseLibrarySort } from '../../domain/library-sort';
import { ratingLabel } from '../../domain/rating';
import { rateFilm } from '../../db/films';
import { toggleFilmFlag } from '../../db/tags';
import { LibraryGrid, LibraryTable } from './LibraryViews';
import { LibraryToolbar, type LibraryLayout } from './LibraryToolbar';
import { SelectionBar } from './SelectionBar';
import { flagChangeText } from '../film/FilmFlags';
import { useToast } from '../common/Toasts';
import { useCatalogActions } from '../common/useCatalogActions';
import { useLibraryFilms } from '../common/useCatalog';
import { useLibraryKeyboard, type LibraryKeyActions } from './useLibraryKeyboard';
import { useStoredPreference } from '../common/useStoredPreference';
import { filmsExportRows } from '../../db/exports';
import { libraryShowLabels } from '../../domain/library-filter';
import { librarySortLabels } from '../../domain/library-sort';
import { ExportMenu } from '../exchange/ExportMenu';
import '../styles/exchange.css';

const parseLayout = (raw: unknown): LibraryLayout => (raw === 'table' ? 'table' : 'grid');
const KEYS_HINT_ID = 'library-keys';

export function LibraryPage({ tag = null }: { tag?: string | null }) {
  const [sort, setSort] = useStoredPreference('library.sort', parseLibrarySort);
  const [layout, setLayout] = useStoredPreference('library.view', parseLayout);
  const [show, setShow] = useStoredPreference('library.show', parseLibraryShow);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toast = useToast();
  const library = useLibraryFilms(sort);
  const unfiltered = show === 'all' && tag === null;
  // Until every summary is read, only the unfiltered first screen can be shown truthfully.
  const films = useMemo(
    () => (library.complete || unfiltered ? library.films?.filter((film) => filmMatchesFilter(film, { show, tag })) : undefined),
    [library, unfiltered, show, tag],
  );
  const count = library.complete ? films?.length : unfiltered ? library.total : undefined;
  const filmIds = useMemo(() => films?.map((film) => film.id) ?? [], [films]);

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
        setSelected((current) => {
          const next = new Set(current);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
      selectAll: () => setSelected(new Set(filmIds)),
      clearSelection: () => setSelected(new Set()),
    };
  }, [films, filmIds, toast, write]);
  const { handleKey, itemProps } = useLibraryKeyboard(filmIds, actions);
  const selectedIds = filmIds.filter((id) => selected.has(id));
  const viewProps = { films: films ?? [], selected, onToggleSelected: actions.toggleSelected, handleKey, itemProps, describedBy: KEYS_HINT_ID };

  return (
    <section className="page" aria-labelledby="library-heading">
      <h1 id="library-heading" className="page-title">
        {tag === null ? 'Library' : `Tagged “${tag}”`}
      </h1>
      {tag !== null && (
        <p>
          <Link href="/">← All of the Library</Link>
        </p>
      )}
      <LibraryToolbar count={count} show={show} onShow={setShow} sort={sort} onSort={setSort} layout={layout} onLayout={setLayout}>
        <ExportMenu
          what="this view of the Library"
          document={async () => {
            const { rows, posters } = await filmsExportRows(filmIds);
            const title = `${tag === null ? 'Library' : `Tagged “${tag}”`} — ${libraryShowLabels[show]}, by ${librarySortLabels[sort.by].toLowerCase()}`;
            return { document: { kind: 'library', title, description: '', ranked: false, rows, exportedAt: new Date().toISOString() }, posters };
          }}
        />
      </LibraryToolbar>
      {selectedIds.length > 0 && <SelectionBar filmIds={selectedIds} onClear={actions.clearSelection} />}
      <p id={KEYS_HINT_ID} className="keys-hint">
        Arrow keys move · Enter opens · 1–0 rate (1 = ½ star, 0 = 5 stars) · W watchlist · F favourite · Space selects
      </p>
      {films === undefined ? (
        <p className="quiet" aria-busy="true">
          Loading your films…
        </p>
      ) : films.length === 0 ? (
        library.total === 0 ? (
          <div className="empty-state">
            <h2>Your library is empty</h2>
            <p>Add the first film you want to remember.</p>
            <Link href="/films/new" className="button-primary">
              Add film
            </Link>
          </div>
        ) : (
          <div className="empty-state">
            <h2>No films match</h2>
            <p>Nothing here is {show === 'watchlist' ? 'on your watchlist' : show === 'favourites' ? 'a favourite' : 'tagged so'} yet.</p>
            {show !== 'all' && (
              <button type="button" className="button-secondary" onClick={() => setShow('all')}>
                Show all films
              </button>
            )}
          </div>
        )
      ) : layout === 'grid' ? (
        <LibraryGrid {...viewProps} />
      ) : (
        <LibraryTable {...viewProps} />
      )}
    </section>
  );
}
