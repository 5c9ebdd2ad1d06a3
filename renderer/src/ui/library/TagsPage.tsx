/** Every tag in the catalog: how many films carry it, and renaming or merging a tag across all of them. */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { parseTag, tagKey, type TagCount } from '../../domain/tags';
import { renameTag, restoreTags, type TagsBefore } from '../../db/films';
import { useCatalogActions } from '../common/useCatalogActions';
import { useAllTags } from '../common/useCatalog';
import { FormAlert } from '../common/FormParts';

function RenameTagForm({ tag, allTags, onDone }: { tag: TagCount; allTags: TagCount[]; onDone: () => void }) {
  const [text, setText] = useState(tag.tag);
  const [error, setError] = useState<string | null>(null);
  const { undoable } = useCatalogActions();
  const target = allTags.find((other) => other.tag !== tag.tag && tagKey(other.tag) === tagKey(text));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = parseTag(text);
    if (!result.ok) return setError(result.error);
    if (result.tag === tag.tag) return onDone();
    const to = target?.tag ?? result.tag;
    const filmCount = (before: TagsBefore) => `${before.length} ${before.length === 1 ? 'film' : 'films'}`;
    undoable({
      run: () => renameTag(tag.tag, to),
      notDone: target ? `“${tag.tag}” was not merged into “${to}”` : `“${tag.tag}” was not renamed`,
      then: onDone,
      done: (before) =>
        target ? `Merged “${tag.tag}” into “${to}” (${filmCount(before)}).` : `Renamed “${tag.tag}” to “${to}” (${filmCount(before)}).`,
      undo: restoreTags,
      notUndone: `The tag “${tag.tag}” was not put back`,
    });
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <input
        aria-label={`New name for ${tag.tag}`}
        value={text}
        autoFocus
        aria-invalid={error !== null}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone();
        }}
      />
      <button type="submit" className="button-secondary">
        {target ? `Merge into “${target.tag}”` : 'Rename'}
      </button>
      <button type="button" className="button-quiet" onClick={onDone}>
        Cancel
      </button>
      <FormAlert message={error} />
    </form>
  );
}

export function TagsPage() {
  const tags = useAllTags();
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <section className="page page-narrow" aria-labelledby="tags-heading">
      <h1 id="tags-heading" className="page-title">
        Tags
      </h1>
      {tags === undefined ? null : tags.length === 0 ? (
        <div className="empty-state">
          <h2>No tags yet</h2>
          <p>Add tags on a film’s page, like “rainy Sunday” or “Criterion”, then find them here.</p>
        </div>
      ) : (
        <>
          <p className="quiet">Rename a tag to change it on every film. Renaming it to a tag that exists merges the two.</p>
          <ul className="tag-table" aria-label="All tags">
            {tags.map((tag) => (
              <li key={tag.tag}>
                {renaming === tag.tag ? (
                  <RenameTagForm tag={tag} allTags={tags} onDone={() => setRenaming(null)} />
                ) : (
                  <>
                    <Link href={`/?${new URLSearchParams({ tag: tag.tag })}`} className="tag-name">
                      {tag.tag}
                    </Link>
                    <span className="quiet">
                      {tag.count} {tag.count === 1 ? 'film' : 'films'}
                    </span>
                    <button type="button" className="button-quiet" aria-label={`Rename ${tag.tag}`} onClick={() => setRenaming(tag.tag)}>
                      Rename
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
