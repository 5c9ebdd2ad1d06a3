/**
 * Short messages at the bottom of the window, with an optional action (Undo). A toast stays 8 seconds, longer
 * while the pointer or keyboard focus is on it, so an Undo is never whisked away mid-reach; a failure stays until
 * it is dismissed, so it cannot go unread. While an Undo toast is shown, Ctrl/Cmd+Z runs it (unless focus is in a
 * text field, where the key belongs to the field's own undo).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export interface ToastAction {
  label: string;
  run: () => void;
  /** An Undo: Ctrl/Cmd+Z runs the newest one on screen. */
  undo?: boolean;
}

export interface ToastRequest {
  message: string;
  action?: ToastAction;
  tone?: 'info' | 'error';
}

interface Toast extends ToastRequest {
  id: number;
}

export const TOAST_DURATION_MS = 8000;

const ToastContext = createContext<((toast: ToastRequest) => void) | null>(null);

/** Shows a toast; must be used inside <ToastProvider>. */
export function useToast(): (toast: ToastRequest) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast must be used inside <ToastProvider>');
  return show;
}

/** Inputs whose keys are text editing: Ctrl/Cmd+Z there is the field's own undo. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

function isTextField(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element.isContentEditable || element instanceof HTMLTextAreaElement) return true;
  return element instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(element.type);
}

function ToastItem({ toast, onDone }: { toast: Toast; onDone: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  const isError = toast.tone === 'error';
  useEffect(() => {
    if (paused || isError) return;
    const timer = setTimeout(() => onDone(toast.id), TOAST_DURATION_MS);
    return () => clearTimeout(timer);
  }, [paused, isError, toast.id, onDone]);

  return (
    <div
      className={`toast toast-${toast.tone ?? 'info'}`}
      role={isError ? 'alert' : undefined}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span>{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="toast-action"
          aria-keyshortcuts={toast.action.undo ? 'Control+Z Meta+Z' : undefined}
          onClick={() => {
            onDone(toast.id);
            toast.action?.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => onDone(toast.id)}>
        ×
      </button>
    </div>
  );
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const shown = useRef<Toast[]>([]);
  useEffect(() => {
    shown.current = toasts;
  }, [toasts]);
  const show = useCallback((request: ToastRequest) => {
    const id = nextId.current++;
    // At most three on screen: a burst of actions pushes the oldest toast out rather than stacking up the window.
    setToasts((current) => [...current.slice(-2), { ...request, id }]);
  }, []);
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const value = useMemo(() => show, [show]);

  useEffect(() => {
    const undoByKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
      if (isTextField(document.activeElement)) return;
      const newest = shown.current.findLast((toast) => toast.action?.undo);
      if (!newest?.action) return;
      event.preventDefault();
      dismiss(newest.id);
      newest.action.run();
    };
    window.addEventListener('keydown', undoByKey);
    return () => window.removeEventListener('keydown', undoByKey);
  }, [dismiss]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDone={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}
