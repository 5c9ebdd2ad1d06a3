/**
 * The Library's filters: each group narrows the films (groups combine; values within a group are alternatives), and
 * every value shows how many films choosing it would leave — counted in memory with the films themselves
 * (domain/library-query), so a click answers within a frame even at 100,000 films.
 */
import { useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { copyFormats } from '../../domain/copy';
import { noFilters, ratingBoundCounts, type FacetCounts, type LibraryFilters, type WatchedFilter } from '../../domain/library-query';
import { HALF_STAR_VALUES, isHalfStars, ratingLabel, type HalfStars } from '../../domain/rating';
import { tagKey } from '../../domain/tags';
import { listNames } from '../../db/lists';

const number = new Intl.NumberFormat('en');
/** Values a group shows before "Show all". */
const FIRST_VALUES = 8;

interface FiltersPanelProps {
  filters: LibraryFilters;
  counts: FacetCounts | undefined;
  onChange: (filters: LibraryFilters) => void;
}

function Count({ count }: { count: number | undefined }) {
  return <span className="facet-count">{count === undefined ? '' : number.format(count)}</span>;
}

function Check({ label, checked, count, onChange }: { label: ReactNode; checked: boolean; count: number | undefined; onChange: (on: boolean) => void }) {
  return (
    <label className={`facet-value ${count === 0 && !checked ? 'is-empty' : ''}`}>
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span className="facet-label">{label}</span> <Count count={count} />
    </label>
  );
}

interface FacetValue {
  key: string;
  label: string;
  count: number;
}

/** A group of values to tick, most frequent first; the chosen ones always shown, so they can be unticked. */
function FacetGroup(props: { legend: string; values: FacetValue[]; chosen: readonly string[]; onChange: (chosen: string[]) => void; inOrderGiven?: boolean }) {
  const { legend, values, chosen, onChange, inOrderGiven = false } = props;
  const [all, setAll] = useState(false);
  if (values.length === 0) return null;
  const ordered = inOrderGiven ? values : [...values].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en'));
  const shown = all ? ordered : ordered.filter((value, index) => index < FIRST_VALUES || chosen.includes(value.key));
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      {shown.map((value) => (
        <Check
          key={value.key}
          label={value.label}
          checked={chosen.includes(value.key)}
          count={value.count}
          onChange={(on) => onChange(on ? [...chosen, value.key] : chosen.filter((key) => key !== value.key))}
        />
      ))}
      {ordered.length > FIRST_VALUES && (
        <button type="button" className="button-quiet facet-more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${ordered.length}`}
        </button>
      )}
    </fieldset>
  );
}

/** The values of a counted group plus any chosen value no film has now (still shown, at 0). */
function valuesOf(counts: Map<string, number> | undefined, chosen: readonly string[], label: (key: string) => string = (key) => key): FacetValue[] {
  const values = new Map<string, FacetValue>();
  for (const [key, count] of counts ?? []) values.set(key, { key, label: label(key), count });
  for (const key of chosen) if (!values.has(key)) values.set(key, { key, label: label(key), count: 0 });
  return [...values.values()];
}

function YearInput({ label, value, onChange }: { label: string; value: number | null; onChange: (year: number | null) => void }) {
  return (
    <label className="field-inline">
      {label}
      <input
        type="number"
        inputMode="numeric"
        min={1870}
        max={2100}
        // Re-mounted when the value changes from elsewhere (Clear, Back), so typing is never overwritten mid-word.
        key={value ?? 'none'}
        defaultValue={value ?? ''}
        onBlur={(event) => {
          const text = event.target.value.trim();
          const year = /^\d{4}$/.test(text) ? Number(text) : null;
          if (year !== value) onChange(year);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur();
        }}
      />
    </label>
  );
}

function RatingBound({ label, value, counts, onChange }: { label: string; value: HalfStars | null; counts: number[] | undefined; onChange: (value: HalfStars | null) => void }) {
  return (
    <label className="field-inline">
      {label}
      <select
        value={value ?? ''}
        onChange={(event) => {
          const chosen = Number(event.target.value);
          onChange(event.target.value !== '' && isHalfStars(chosen) ? chosen : null);
        }}
      >
        <option value="">Any</option>
        {HALF_STAR_VALUES.map((halfStars) => (
          <option key={halfStars} value={halfStars}>
            {ratingLabel(halfStars)}
            {counts ? ` (${number.format(counts[halfStars]!)})` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FiltersPanel({ filters, counts, onChange }: FiltersPanelProps) {
  const lists = useLiveQuery(() => listNames(), []);
  const listName = new Map(lists?.map((list) => [list.id, list.name]));
  const set = (changes: Partial<LibraryFilters>) => onChange({ ...filters, ...changes });
  const decades = new Map([...(counts?.decades ?? [])].map(([decade, count]) => [String(decade), count]));
  const tagCounts = new Map([...(counts?.tags ?? [])].map(([key, { count }]) => [key, count]));
  const tagSpelling = new Map([...(counts?.tags ?? [])].map(([key, { tag }]) => [key, tag]));
  const chosenTags = filters.tags.map(tagKey);
  const active = JSON.stringify(filters) !== JSON.stringify(noFilters);

  return (
    <section className="filters" aria-label="Filters">
      <div className="filters-head">
        <h2>Filters</h2>
        {active && (
          <button type="button" className="button-quiet" onClick={() => onChange(noFilters)}>
            Clear filters
          </button>
        )}
      </div>
      <fieldset className="facet">
        <legend>Collection</legend>
        <Check label="Watchlist" checked={filters.watchlist} count={counts?.watchlist} onChange={(watchlist) => set({ watchlist })} />
        <Check label="Favourite" checked={filters.favourite} count={counts?.favourite} onChange={(favourite) => set({ favourite })} />
        <Check label="Loaned out" checked={filters.loaned} count={counts?.loaned} onChange={(loaned) => set({ loaned })} />
      </fieldset>
      <fieldset className="facet">
        <legend>Watched</legend>
        {(
          [
            ['any', 'Any', undefined],
            ['watched', 'Watched', counts?.watched],
            ['unwatched', 'Not watched', counts?.unwatched],
          ] as [WatchedFilter, string, number | undefined][]
        ).map(([value, label, count]) => (
          <label key={value} className="facet-value">
            <input type="radio" name="watched" checked={filters.watched === value} onChange={() => set({ watched: value })} />
            <span className="facet-label">{label}</span> <Count count={count} />
          </label>
        ))}
      </fieldset>
      <fieldset className="facet">
        <legend>My rating</legend>
        <div className="facet-range">
          <RatingBound label="From" value={filters.ratingFrom} counts={counts && ratingBoundCounts(counts.ratings, filters, 'from')} onChange={(ratingFrom) => set({ ratingFrom })} />
          <RatingBound label="To" value={filters.ratingTo} counts={counts && ratingBoundCounts(counts.ratings, filters, 'to')} onChange={(ratingTo) => set({ ratingTo })} />
        </div>
        <Check label="Unrated" checked={filters.unrated} count={counts?.ratings[0]} onChange={(unrated) => set({ unrated })} />
      </fieldset>
      <fieldset className="facet">
        <legend>Year</legend>
        <div className="facet-range">
          <YearInput label="From" value={filters.yearFrom} onChange={(yearFrom) => set({ yearFrom })} />
          <YearInput label="To" value={filters.yearTo} onChange={(yearTo) => set({ yearTo })} />
        </div>
      </fieldset>
      <FacetGroup
        legend="Decade"
        values={valuesOf(decades, filters.decades.map(String), (decade) => `${decade}s`).sort((a, b) => Number(b.key) - Number(a.key))}
        chosen={filters.decades.map(String)}
        inOrderGiven
        onChange={(chosen) => set({ decades: chosen.map(Number) })}
      />
      <FacetGroup legend="Genre" values={valuesOf(counts?.genres, filters.genres)} chosen={filters.genres} onChange={(genres) => set({ genres })} />
      <FacetGroup legend="Country" values={valuesOf(counts?.countries, filters.countries)} chosen={filters.countries} onChange={(countries) => set({ countries })} />
      <FacetGroup legend="Language" values={valuesOf(counts?.languages, filters.languages)} chosen={filters.languages} onChange={(languages) => set({ languages })} />
      <FacetGroup
        legend="Tag"
        values={valuesOf(tagCounts, chosenTags, (key) => tagSpelling.get(key) ?? filters.tags.find((tag) => tagKey(tag) === key) ?? key)}
        chosen={chosenTags}
        onChange={(keys) => set({ tags: keys.map((key) => tagSpelling.get(key) ?? filters.tags.find((tag) => tagKey(tag) === key) ?? key) })}
      />
      <FacetGroup
        legend="List"
        values={valuesOf(counts?.lists, filters.lists, (id) => listName.get(id) ?? 'A deleted list')}
        chosen={filters.lists}
        onChange={(chosen) => set({ lists: chosen })}
      />
      <FacetGroup
        legend="Owned format"
        values={valuesOf(counts?.formats, filters.formats).sort((a, b) => copyFormats.indexOf(a.key as never) - copyFormats.indexOf(b.key as never))}
        chosen={filters.formats}
        inOrderGiven
        onChange={(formats) => set({ formats })}
      />
    </section>
  );
}
