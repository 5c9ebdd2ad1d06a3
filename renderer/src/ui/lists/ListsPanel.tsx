/** On a film's page: the lists it is in (with its place in ranked ones), and adding it to another or a new list. */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { filmDisplayTitle } from '../../domain/film';
import { failureMessage } from '../../domain/errors';
import type { ListFields } from '../../domain/list';
import { addFilmsToList, createList } from '../../db/lists';
import { useFilm } from '../common/useCatalog';
import { useAllLists, useListsOfFilm } from './useLists';
import { ListForm } from './ListForm';
import { useToast } from '../common/Toasts';
import '../styles/lists.css';
import { FormAlert } from '../common/FormParts';

/** The select's value for "make a new list", which no list id can equal (ids are UUIDs). */
const NEW_LIST = 'new';

export function ListsPanel({ filmId }: { filmId: string }) {
  const places = useListsOfFilm(filmId);
  const lists = useAllLists();
  const film = useFilm(filmId);
  const toast = useToast();
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);

  const inLists = new Set(places?.map((place) => place.list.id));
  const available = (lists ?? []).filter((summary) => !inLists.has(summary.list.id));
  const filmName = film ? `“${filmDisplayTitle(film)}”` : 'This film';

  const addTo = (listId: string, listName: string): void => {
    addFilmsToList(listId, [filmId]).then(
      (result) => {
        setChoice('');
        setError(null);
        toast({
          message: result.added > 0 ? `Added ${filmName} to “${listName}”.` : `${filmName} is already in “${listName}”.`,
        });
      },
      (addError: unknown) => setError(failureMessage(`${filmName} was not added to “${listName}”`, addError)),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const list = available.find((summary) => summary.list.id === choice)?.list;
    if (!list) return setError('Choose a list to add this film to, or “New list…” to start one.');
    addTo(list.id, list.name);
  };

  // The list form shows a failure to create the list; once it exists, adding to it reports like any other add.
  const createAndAdd = async (fields: ListFields) => {
    const id = await createList(fields);
    addTo(id, fields.name);
  };

  return (
    <section className="panel lists-panel" aria-labelledby="film-lists-heading">
      <h2 id="film-lists-heading">Lists</h2>
      {places === undefined ? null : places.length === 0 ? (
        <p className="quiet">Not in any list yet.</p>
      ) : (
        <ul className="lists-panel-places" aria-label="Lists with this film">
          {places.map(({ list, rank }) => (
            <li key={list.id}>
              <Link href={`/lists/${list.id}`}>{list.name}</Link>
              {list.ranked && <span className="list-tag">No. {rank}</span>}
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form lists-panel-add" onSubmit={submit} noValidate>
        <label className="field-inline">
          Add to list
          <select
            value={choice}
            aria-invalid={error !== null}
            onChange={(event) => {
              setChoice(event.target.value);
              setError(null);
            }}
          >
            <option value="">Choose a list…</option>
            {available.map(({ list }) => (
              <option key={list.id} value={list.id}>
                {list.name}
              </option>
            ))}
            <option value={NEW_LIST}>New list…</option>
          </select>
        </label>
        {choice !== NEW_LIST && (
          <button type="submit" className="button-secondary">
            Add
          </button>
        )}
      </form>
      <FormAlert message={error} />
      {choice === NEW_LIST && (
        <div className="lists-panel-new">
          <ListForm
            submitLabel="Create list and add"
            show={{ description: false }}
            autoFocus
            onSubmit={createAndAdd}
            onCancel={() => setChoice('')}
          />
        </div>
      )}
    </section>
  );
}
