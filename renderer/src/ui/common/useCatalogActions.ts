/**
 * The one way the UI starts a catalog write from a click or a key: `write` for plain changes, `undoable` for
 * destructive ones. Both return nothing to await, so no promise is left floating, and both show a failure as one
 * error toast naming what did not happen ("Your rating of “Stalker” was not saved: the disk is full. …").
 * Every Undo goes through `undoable`: the same toast, timeout, Ctrl/Cmd+Z shortcut and failure message.
 * (Forms report their own failures inline, beside what was typed: see useFormSubmit.)
 */
import { useCallback, useMemo } from 'react';
import { failureMessage } from '../../domain/errors';
import { useToast, type ToastRequest } from './Toasts';

export interface UndoableAction<T> {
  /** Does it; resolves with what Undo needs, or with null/undefined when there was nothing to do. */
  run: () => Promise<T | null | undefined>;
  /** What did not happen when `run` fails: "“Red Hot” was not deleted". */
  notDone: string;
  /** Runs once it is done, before the toast shows (navigate away, move focus). */
  then?: (result: T) => void;
  /** Runs when `run` fails, after the failure toast (put a busy screen back). */
  failed?: () => void;
  /** The toast's message: "Deleted “Red Hot”.". */
  done: (result: T) => string;
  /** Puts everything back. */
  undo: (result: T) => Promise<unknown>;
  /** What did not happen when Undo fails: "“Red Hot” was not restored". */
  notUndone: string;
  /** A message once Undo has worked; none by default (the restored thing reappears on screen). */
  undone?: (result: T) => string;
  /** The toast button's words; "Undo" by default ("Undo import"). */
  undoLabel?: string;
}

export interface CatalogActions {
  /** Runs a write; `then` gets its result once it has been saved. A failure is shown as an error toast. */
  write<T>(notDone: string, run: () => Promise<T>, then?: (result: T) => void): void;
  /** Runs a destructive write and offers Undo for it. */
  undoable<T>(action: UndoableAction<T>): void;
}

/** Runs `run`, then `then` with its result, or shows `notDone` with the reason when `run` fails. */
function settle<T>(
  show: (toast: ToastRequest) => void,
  notDone: string,
  run: () => Promise<T>,
  then: (result: T) => void,
  failed?: () => void,
): void {
  // Through a resolved promise, so even a `run` that throws before returning its promise ends in the toast.
  Promise.resolve()
    .then(run)
    .then(
      (result) => {
        try {
          then(result);
        } catch (error) {
          // The write itself was saved; what went wrong is only on this screen.
          console.error('After a saved change', error);
        }
      },
      (error: unknown) => {
        console.warn(notDone, error);
        show({ message: failureMessage(notDone, error), tone: 'error' });
        failed?.();
      },
    );
}

export function useCatalogActions(): CatalogActions {
  const toast = useToast();
  const write = useCallback(
    <T,>(notDone: string, run: () => Promise<T>, then?: (result: T) => void) => settle(toast, notDone, run, then ?? (() => undefined)),
    [toast],
  );
  const undoable = useCallback(
    <T,>(action: UndoableAction<T>) =>
      settle(
        toast,
        action.notDone,
        action.run,
        (result) => {
          if (result === null || result === undefined) return;
          action.then?.(result);
          const undo = () =>
            settle(toast, action.notUndone, () => action.undo(result), () => {
              if (action.undone) toast({ message: action.undone(result) });
            });
          toast({ message: action.done(result), action: { label: action.undoLabel ?? 'Undo', run: undo, undo: true } });
        },
        action.failed,
      ),
    [toast],
  );
  return useMemo(() => ({ write, undoable }), [write, undoable]);
}
