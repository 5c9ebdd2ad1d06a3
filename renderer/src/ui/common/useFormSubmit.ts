/**
 * The submit path the catalog's forms share: check the draft with a domain parse function; if it is refused, show
 * each field's message and move focus to the first field that needs fixing; if not, save it and, should saving throw,
 * say why ("Could not save the copy: …").
 */
import { useRef, useState, type FormEvent } from 'react';
import { failureMessage } from '../../domain/errors';

export type FormParseResult<Fields, Errors> = { ok: true; fields: Fields } | { ok: false; errors: Errors };

/** How a form finds the control to focus when its draft is refused. */
export type FocusInvalid<Name extends string> =
  /** The control named after the first refused field in this order; it is in the form already, so at once. */
  | { by: 'name'; fieldOrder: readonly Name[] }
  /** Inside `data-field` of the first refused field: its invalid control, else its first input (after the re-render). */
  | { by: 'data-field'; fieldOrder: readonly Name[] }
  /** The first control marked aria-invalid in the form, once the re-render has marked it. */
  | { by: 'aria-invalid' };

interface FormSubmitOptions<Fields, Name extends string> {
  parse: () => FormParseResult<Fields, Partial<Record<Name, string>>>;
  save: (fields: Fields) => Promise<void>;
  /** Begins the message shown when saving throws: "Could not lend it" gives "Could not lend it: <reason>". */
  failurePrefix: string;
  focusInvalid: FocusInvalid<Name>;
  /** Runs with the refused draft's errors before focus moves, e.g. to open the section that holds a field. */
  onInvalid?: (errors: Partial<Record<Name, string>>) => void;
  /** The parent closes the form once it is saved: stay "saving" until then, so it cannot be submitted twice. */
  closesOnSave?: boolean;
}

export function useFormSubmit<Fields, Name extends string>(options: FormSubmitOptions<Fields, Name>) {
  const { parse, save, failurePrefix, focusInvalid, onInvalid, closesOnSave = false } = options;
  const [errors, setErrors] = useState<Partial<Record<Name, string>>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const focusFirstInvalid = (refused: Partial<Record<Name, string>>) => {
    if (focusInvalid.by === 'aria-invalid') {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const first = focusInvalid.fieldOrder.find((name) => refused[name]);
    if (focusInvalid.by === 'name') {
      formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    } else {
      const selector = `[data-field="${first}"] [aria-invalid="true"], [data-field="${first}"] input`;
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(selector)?.focus());
    }
  };

  const submitDraft = async () => {
    const result = parse();
    if (!result.ok) {
      setErrors(result.errors);
      onInvalid?.(result.errors);
      // Land keyboard and screen-reader users on the first field that needs fixing.
      focusFirstInvalid(result.errors);
      return;
    }
    setErrors({});
    setSaveError(null);
    setSaving(true);
    await save(result.fields);
    if (!closesOnSave) setSaving(false);
  };

  /** The form's onSubmit: nothing to await, and a failure of any kind ends in `saveError`. */
  const submit = (event: FormEvent) => {
    event.preventDefault();
    submitDraft().catch((error: unknown) => {
      // What was typed stays in the form, to try again.
      setSaveError(failureMessage(failurePrefix, error));
      setSaving(false);
    });
  };

  return { errors, saveError, saving, submit, formRef };
}
