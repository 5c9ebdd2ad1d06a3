/** What can be done with the films selected in the Library. */
import { setFlagOnFilms } from '../../db/films';
import { AddToListMenu } from '../lists/AddToListMenu';
import { useToast } from '../common/Toasts';
import { useCatalogActions } from '../common/useCatalogActions';

export function SelectionBar({ filmIds, onClear }: { filmIds: string[]; onClear: () => void }) {
  const toast = useToast();
  const films = `${filmIds.length} ${filmIds.length === 1 ? 'film' : 'films'}`;
  const { write } = useCatalogActions();
  const flag = (name: 'watchlist' | 'favourite') =>
    write(
      `${films} ${filmIds.length === 1 ? 'was' : 'were'} not ${name === 'watchlist' ? 'added to your watchlist' : 'marked as favourites'}`,
      () => setFlagOnFilms(filmIds, name, true),
      () => toast({ message: name === 'watchlist' ? `Added ${films} to your watchlist.` : `Marked ${films} as favourites.` }),
    );
  return (
    <div
      className="selection-bar"
      role="region"
      aria-label="Selection"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClear();
      }}
    >
      <strong>{filmIds.length} selected</strong>
      <AddToListMenu filmIds={filmIds} />
      <button type="button" className="button-secondary" onClick={() => flag('watchlist')}>
        Add to watchlist
      </button>
      <button type="button" className="button-secondary" onClick={() => flag('favourite')}>
        Mark favourite
      </button>
      <button type="button" className="button-quiet" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
