/**
 * The Library's two layouts: a poster grid and a compact table. Both are virtualised (only the rows on screen
 * are in the DOM), so a catalog of tens of thousands of films paints and re-sorts as fast as a small one.
 */
import { useRef, type KeyboardEvent } from 'react';
import { Link } from 'wouter';
import { runtimeLabel } from '../../domain/film';
import type { FilmSummary } from '../../domain/film-summary';
import { ratingGlyphs, ratingLabel } from '../../domain/rating';
import type { LibraryLayoutFacts } from './useLibraryKeyboard';
import { columnsForWidth, useElementWidth, useVirtualRows } from './useVirtualRows';
import { FlagBadges } from '../film/FilmFlags';
import { Poster } from '../common/Poster';
import { Highlighted } from '../common/Highlighted';

export interface LibraryViewProps {
  films: readonly FilmSummary[];
  /** The search these films answer ('' for none): on the list as data-search, for tests and the benchmark. */
  search: string;
  /** Folded query words to highlight. */
  words: readonly string[];
  selected: ReadonlySet<string>;
  onToggleSelected: (filmId: string) => void;
  handleKey: (event: KeyboardEvent<HTMLElement>, layout: LibraryLayoutFacts) => void;
  itemProps: (filmId: string) => { 'data-film-id': string; tabIndex: number; onFocus: () => void };
  describedBy: string;
}

/** Matches .library-grid-row in styles.css: cards at least 150 px wide, 18 px apart, rows 24 px apart. */
const CARD_MIN_WIDTH = 150;
const CARD_GAP = 18;
/** Below a poster, at the 15 px base font: 6 margin + 37.5 title (two lines) + 24 meta + 2 × 4 gaps + 24 row gap. */
const CARD_TEXT_HEIGHT = 99.5;
const TABLE_ROW_HEIGHT = 41;

function RatingBadge({ film }: { film: FilmSummary }) {
  if (film.rating === null) return null;
  return (
    <span className="rating-badge" role="img" aria-label={ratingLabel(film.rating)}>
      {ratingGlyphs(film.rating)}
    </span>
  );
}

function SelectBox({ film, selected, onToggle }: { film: FilmSummary; selected: boolean; onToggle: () => void }) {
  // Not a tab stop: Space selects the focused film; the box is for the mouse and for screen-reader browsing.
  return (
    <input
      type="checkbox"
      className="select-box"
      tabIndex={-1}
      aria-label={`Select ${film.title}`}
      checked={selected}
      onChange={onToggle}
    />
  );
}

export function LibraryGrid({ films, search, words, selected, onToggleSelected, handleKey, itemProps, describedBy }: LibraryViewProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(listRef);
  const columns = columnsForWidth(width, CARD_MIN_WIDTH, CARD_GAP);
  const cardWidth = width > 0 ? (width - CARD_GAP * (columns - 1)) / columns : CARD_MIN_WIDTH;
  const { virtualizer, scrollMargin, focusFilm } = useVirtualRows({
    rowCount: Math.ceil(films.length / columns),
    columns,
    estimateRowHeight: cardWidth * 1.5 + CARD_TEXT_HEIGHT,
    listRef,
  });

  return (
    <div
      ref={listRef}
      role="list"
      aria-label="Films"
      aria-describedby={describedBy}
      data-search={search}
      className={`library-grid ${selected.size > 0 ? 'is-selecting' : ''}`}
      style={{ height: virtualizer.getTotalSize() }}
      onKeyDown={(event) => handleKey(event, { columns, focusFilm })}
    >
      {virtualizer.getVirtualItems().map((row) => (
        <div
          key={row.key}
          role="none"
          className="library-grid-row"
          data-index={row.index}
          ref={virtualizer.measureElement}
          style={{ transform: `translateY(${row.start - scrollMargin}px)`, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
        >
          {films.slice(row.index * columns, (row.index + 1) * columns).map((film, column) => {
            const index = row.index * columns + column;
            return (
              <div
                key={film.id}
                role="listitem"
                aria-setsize={films.length}
                aria-posinset={index + 1}
                className={`library-item ${selected.has(film.id) ? 'is-selected' : ''}`}
              >
                <SelectBox film={film} selected={selected.has(film.id)} onToggle={() => onToggleSelected(film.id)} />
                <Link href={`/films/${film.id}`} className="library-card" data-film-index={index} {...itemProps(film.id)}>
                  <Poster film={film} size="small" decorative />
                  <span className="library-card-text">
                    <span className="library-card-title">
                      <Highlighted text={film.title} words={words} />
                    </span>
                    <span className="library-card-meta">
                      {film.year ?? '—'} <RatingBadge film={film} /> <FlagBadges film={film} />
                    </span>
                  </span>
                </Link>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

export function LibraryTable({ films, search, words, selected, onToggleSelected, handleKey, itemProps, describedBy }: LibraryViewProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const { virtualizer, scrollMargin, focusFilm } = useVirtualRows({
    rowCount: films.length,
    columns: 1,
    estimateRowHeight: TABLE_ROW_HEIGHT,
    listRef: bodyRef,
  });
  const rows = virtualizer.getVirtualItems();
  // Spacer rows stand in for the rows above and below the screen, so the scrollbar matches the whole catalog.
  const spaceAbove = rows.length > 0 ? rows[0]!.start - scrollMargin : 0;
  const spaceBelow = rows.length > 0 ? virtualizer.getTotalSize() - (rows.at(-1)!.end - scrollMargin) : 0;

  return (
    <table
      className="library-table"
      aria-label="Films"
      aria-describedby={describedBy}
      data-search={search}
      aria-rowcount={films.length + 1}
      onKeyDown={(event) => handleKey(event, { columns: 1, focusFilm })}
    >
      <thead>
        <tr aria-rowindex={1}>
          <th scope="col">
            <span className="visually-hidden">Selected</span>
          </th>
          <th scope="col">Title</th>
          <th scope="col">Year</th>
          <th scope="col">Director</th>
          <th scope="col">Runtime</th>
          <th scope="col">Rating</th>
          <th scope="col">Flags</th>
        </tr>
      </thead>
      <tbody ref={bodyRef}>
        {spaceAbove > 0 && (
          <tr aria-hidden="true" className="table-spacer" style={{ height: spaceAbove }}>
            <td colSpan={7} />
          </tr>
        )}
        {rows.map((row) => {
          const film = films[row.index]!;
          return (
            <tr
              key={film.id}
              ref={virtualizer.measureElement}
              data-index={row.index}
              aria-rowindex={row.index + 2}
              className={selected.has(film.id) ? 'is-selected' : undefined}
            >
              <td>
                <SelectBox film={film} selected={selected.has(film.id)} onToggle={() => onToggleSelected(film.id)} />
              </td>
              <td>
                <Link href={`/films/${film.id}`} data-film-index={row.index} {...itemProps(film.id)}>
                  <Highlighted text={film.title} words={words} />
                </Link>
              </td>
              <td>{film.year ?? '—'}</td>
              <td>{film.directors.length > 0 ? <Highlighted text={film.directors.join(', ')} words={words} /> : '—'}</td>
              <td>{runtimeLabel(film.runtimeMinutes) ?? '—'}</td>
              <td>
                <RatingBadge film={film} />
              </td>
              <td>
                <FlagBadges film={film} />
              </td>
            </tr>
          );
        })}
        {spaceBelow > 0 && (
          <tr aria-hidden="true" className="table-spacer" style={{ height: spaceBelow }}>
            <td colSpan={7} />
          </tr>
        )}
      </tbody>
    </table>
  );
}
