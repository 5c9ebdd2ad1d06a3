/**
 * "Save as smart list": keeps the Library's current search, filters and order under a name. The smart list is the
 * view, not a copy of its films, so it stays live as the catalog changes; it appears with the other lists.
 */
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import type { LibraryView } from '../../domain/library-query';
import { viewToSearch } from '../../domain/library-url';
import { checkSmartListName } from '../../domain/smart-list';
import { saveSmartList } from '../../db/smart-lists';
import { useCatalogActions } from '../common/useCatalogActions';
import { useToast } from '../common/Toasts';
import { describeFilters } from './describe-view';

export function SaveSmartList({ view }: { view: LibraryView }) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { write } = useCatalogActions();
  const toast = useToast();
  const [, navigate] = useLocation();

  const open = () => {
    setName(describeFilters(view).slice(0, 100));
    setError(null);
    setNaming(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSmartListName(name);
    if (!checked.ok) return setError(checked.error);
    setSaving(true);
    write(
      `The smart list “${checked.name}” was not saved`,
      async () => {
        try {
          return await saveSmartList(checked.name, viewToSearch(view));
        } finally {
          setSaving(false);
        }
      },
      (id) => {
        setNaming(false);
        toast({ message: `Saved the smart list “${checked.name}”. It is with your lists.` });
        navigate(`/smart-lists/${id}`);
      },
    );
  };

  if (!naming) {
    return (
      <button type="button" className="button-secondary" onClick={open}>
        Save as smart list
      </button>
    );
  }
  return (
    <form className="inline-form smart-list-form" onSubmit={submit} noValidate aria-label="Save as smart list">
      <input
        aria-label="Smart list name"
        value={name}
        autoFocus
        maxLength={200}
        aria-invalid={error !== null}
        aria-describedby={error ? 'smart-list-name-error' : undefined}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setNaming(false);
        }}
      />
      <button type="submit" className="button-primary" disabled={saving}>
        Save
      </button>
      <button type="button" className="button-quiet" onClick={() => setNaming(false)}>
        Cancel
      </button>
      {error && (
        <p id="smart-list-name-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
