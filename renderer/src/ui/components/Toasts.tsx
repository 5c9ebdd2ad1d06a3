/**
 * Short messages at the bottom of the window, with an optional action (Undo). A toast stays 8 seconds, longer
 * while the pointer or keyboard focus is on it, so an Undo is never whisked away mid-reach.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
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

function ToastItem({ toast, onDone }: { toast: Toast; onDone: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => onDone(toast.id), TOAST_DURATION_MS);
    return () => clearTimeout(timer);
  }, [paused, toast.id, onDone]);

  return (
    <div
      className={`toast toast-${toast.tone ?? 'info'}`}
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
          onClick={() => {
            onDone(toast.id);
            void toast.action?.run();
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
  const show = useCallback((request: ToastRequest) => {
    const id = nextId.current++;
    // At most three on screen: a burst of actions pushes the oldest toast out rather than stacking up the window.
    setToasts((current) => [...current.slice(-2), { ...request, id }]);
  }, []);
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const value = useMemo(() => show, [show]);

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
