/**
 * "Export…" on a list, the Diary and the Library: a small menu of formats (CSV, Markdown, web page, PDF, and where
 * it fits Letterboxd CSV). The document is built only when a format is chosen; a failure is said, not swallowed.
 */
import { useId, useRef, useState } from 'react';
import type { ExportDocument, ExportFormat } from '../../domain/exchange/export-model';
import type { ExportRows } from '../../db/exports';
import { platform } from '../../platform';
import { useCatalogActions } from '../common/useCatalogActions';
import { useToast } from '../common/Toasts';
import { saveExport } from './export-files';

export interface ExportChoice {
  label: string;
  run: () => Promise<string | null>;
}

const formatLabels: [ExportFormat, string][] = [
  ['csv', 'CSV (spreadsheet)'],
  ['markdown', 'Markdown'],
  ['html', 'Web page (HTML)'],
  ['pdf', 'PDF'],
];

export interface ExportMenuProps {
  /** What is exported, in words: "this list", "the Diary", "this view". */
  what: string;
  /** Builds the document and its films' posters when a format is chosen. */
  document: () => Promise<{ document: ExportDocument; posters: ExportRows['posters'] }>;
  /** Formats beyond the four (the Diary's Letterboxd CSV). */
  extra?: ExportChoice[];
}

const document_activeElement = () => globalThis.document.activeElement;

export function ExportMenu({ what, document, extra = [] }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const { write } = useCatalogActions();
  const toast = useToast();
  const choose = (label: string, run: () => Promise<string | null>) => {
    setOpen(false);
    button.current?.focus();
    write(`${what[0]?.toUpperCase()}${what.slice(1)} was not exported as ${label}`, run, (savedTo) => {
      if (savedTo !== null) toast({ message: `Exported ${what} to “${savedTo}”.` });
    });
  };
  const choices: ExportChoice[] = [
    ...formatLabels.map(([format, label]) => ({
      label,
      run: async () => {
        const built = await document();
        return saveExport(platform, built.document, built.posters, format);
      },
    })),
    ...extra,
  ];
  return (
    <div
      className="export-menu"
      // Focus leaving the menu (a click elsewhere, Tab away) closes it.
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
        // Arrow keys move between the menu's items, as in any menu.
        if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && open) {
          event.preventDefault();
          const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
          const at = items.indexOf(document_activeElement() as HTMLButtonElement);
          const next = event.key === 'ArrowDown' ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
          items[next]?.focus();
        }
      }}
    >
      <button ref={button} type="button" className="button-secondary" aria-haspopup="menu" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
        Export…
      </button>
      {open && (
        <ul id={menuId} role="menu" aria-label={`Export ${what} as`} className="export-menu-list">
          {choices.map((choice, index) => (
            <li key={choice.label} role="none">
              <button type="button" role="menuitem" autoFocus={index === 0} onClick={() => choose(choice.label, choice.run)}>
                {choice.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
