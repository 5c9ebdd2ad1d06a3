/** Editable cast rows (name + role), in billing order. */
import type { CastDraft } from '../../domain/film-draft';
import { FormAlert } from '../common/FormParts';

interface CastEditorProps {
  cast: CastDraft[];
  onChange: (cast: CastDraft[]) => void;
  error?: string | undefined;
}

export function CastEditor({ cast, onChange, error }: CastEditorProps) {
  const update = (index: number, patch: Partial<CastDraft>) =>
    onChange(cast.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className={`field cast-editor ${error ? 'field-invalid' : ''}`}>
      <legend>Cast</legend>
      {cast.length === 0 && <p className="field-hint">No cast yet.</p>}
      <ol className="cast-rows">
        {cast.map((row, index) => (
          <li key={index} className="cast-row">
            <input
              aria-label={`Cast member ${index + 1} name`}
              placeholder="Name"
              value={row.name}
              onChange={(event) => update(index, { name: event.target.value })}
            />
            <input
              aria-label={`Cast member ${index + 1} role`}
              placeholder="Role"
              value={row.role}
              onChange={(event) => update(index, { role: event.target.value })}
            />
            <button
              type="button"
              className="button-quiet"
              aria-label={`Remove cast member ${index + 1}${row.name ? ` (${row.name})` : ''}`}
              onClick={() => onChange(cast.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button-secondary" onClick={() => onChange([...cast, { name: '', role: '' }])}>
        Add cast member
      </button>
      <FormAlert message={error} />
    </fieldset>
  );
}
