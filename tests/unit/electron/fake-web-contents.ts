/**
 * A webContents stand-in for the navigation guards (security.ts): real events, plus the window-open handler the
 * guard installs, and `attempt` to emit an event the way Electron does and see whether a listener vetoed it. Shared
 * by the guard's own tests and the window's.
 */
import { EventEmitter } from 'node:events';
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';

export class GuardedContents extends EventEmitter {
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }
  /** Emits `name` like Electron does and reports whether a listener vetoed it. */
  attempt(name: string, url: string): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}
