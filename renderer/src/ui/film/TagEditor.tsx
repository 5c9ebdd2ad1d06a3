/** A film's tags: chips with remove buttons, and a field that suggests tags already in use. */
import { useId, useState, type FormEvent } from 'react';
import { parseTag, suggestTags } from '../../domain/tags';
import { addTagToFilm, removeTagFromFilm, restoreTags } from '../../db/films';
import { Link } from 'wouter';
import { useAllTags } from '../common/useCatalog';
import { failureMessage } from '../../domain/errors';
import { useCatalogActions } from '../common/useCatalogActions';
import { FormAlert } from '../common/FormParts';

export function TagEditor({ filmId, tags }: { filmId: string; tags: string[] }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const allTags = useAllTags();
  const { undoable } = useCatalogActions();
  const suggestions = suggestTags((allTags ?? []).map(({ tag }) => tag), text, tags);

  const remove = (tag: string) =>
    undoable({
      run: async () => {
        const before = [{ id: filmId, tags }];
        await removeTagFromFilm(filmId, tag);
        return before;
      },
      notDone: `The tag “${tag}” was not removed`,
      done: () => `Removed the tag “${tag}”.`,
      undo: restoreTags,
      notUndone: `The tag “${tag}” was not put back`,
    });

  const add = (event: FormEvent) => {
    event.preventDefault();
    const result = parseTag(text);
    if (!result.ok) return setError(result.error);
    // On failure the tag stays in the field, to add again.
    addTagToFilm(filmId, result.tag).then(
      () => {
        setText('');
        setError(null);
      },
      (saveError: unknown) => setError(failureMessage(`The tag “${result.tag}” was not added`, saveError)),
    );
  };

  return (
    <section className="tag-editor" aria-label="Tags">
      <ul className="tag-chips" aria-label="Tags of this film">
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            <Link href={`/?${new URLSearchParams({ tag })}`}>{tag}</Link>
            <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => remove(tag)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={add} noValidate>
        <input
          aria-label="Add a tag"
          placeholder="Add a tag…"
          list={listId}
          value={text}
          aria-invalid={error !== null}
          onChange={(event) => setText(event.target.value)}
        />
        <datalist id={listId}>
          {suggestions.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        <button type="submit" className="button-quiet">
          Add tag
        </button>
      </form>
      <FormAlert message={error} />
    </section>
  );
}
