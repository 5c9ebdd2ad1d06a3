/** "I watched it": log a viewing on a date (today by default) and see every viewing of the film. */
import { useState, type FormEvent } from 'react';
import { formatCalendarDate, localDateIso, parseWatchedOn } from '../../domain/viewing';
import { deleteViewing, logViewing, restoreViewing } from '../../db/viewings';
import { useViewings } from '../hooks/useCatalog';
import { useToast } from './Toasts';

export function ViewingsPanel({ filmId }: { filmId: string }) {
  const viewings = useViewings(filmId);
  const toast = useToast();
  const [date, setDate] = useState(() => localDateIso(new Date()));
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = parseWatchedOn(date, new Date());
    if (!result.ok) return setError(result.error);
    setError(null);
    try {
      await logViewing(filmId, result.watchedOn);
    } catch (saveError) {
      return setError(`Could not log the viewing: ${saveError instanceof Error ? saveError.message : String(saveError)}`);
    }
    toast({ message: `Logged a viewing on ${formatCalendarDate(result.watchedOn)}.` });
  };

  const remove = async (id: string) => {
    const removed = await deleteViewing(id);
    if (!removed) return;
    toast({
      message: `Removed the viewing of ${formatCalendarDate(removed.watchedOn ?? '')}.`,
      action: { label: 'Undo', run: () => restoreViewing(removed) },
    });
  };

  return (
    <section className="panel" aria-labelledby="viewings-heading">
      <h2 id="viewings-heading">Viewings</h2>
      <form className="inline-form" onSubmit={submit} noValidate>
        <label className="field-inline">
          Date watched
          <input
            type="date"
            value={date}
            max={localDateIso(new Date())}
            aria-invalid={error !== null}
            onChange={(event) => setDate(event.target.value)}
          />
        </label>
        <button type="submit" className="button-secondary">
          Log viewing
        </button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {viewings === undefined ? null : viewings.length === 0 ? (
        <p className="quiet">Not watched yet.</p>
      ) : (
        <ul className="viewing-list" aria-label="Viewings">
          {viewings.map((viewing) => (
            <li key={viewing.id}>
              <time dateTime={viewing.watchedOn ?? undefined}>{formatCalendarDate(viewing.watchedOn ?? '')}</time>
              <button
                type="button"
                className="button-quiet"
                aria-label={`Remove viewing of ${formatCalendarDate(viewing.watchedOn ?? '')}`}
                onClick={() => void remove(viewing.id)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
