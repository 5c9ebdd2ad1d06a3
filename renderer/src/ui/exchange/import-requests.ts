/**
 * File › Import…, Back up… and Restore… (Electron's menu) ask for a dialog from wherever the person is: the menu handler
 * navigates to the page (Import, Settings) and leaves this request, which the page takes once on arrival.
 */
let dialogRequested = false;

/** Asks the Import page to open the file dialog when it next appears. */
export function requestImportDialog(): void {
  dialogRequested = true;
}

/** True once after requestImportDialog. */
export function consumeImportDialogRequest(): boolean {
  const requested = dialogRequested;
  dialogRequested = false;
  return requested;
}

let backupRequest: 'backup' | 'restore' | null = null;

/** File › Back up… / Restore…: asks the Settings page to start that when it next appears. */
export function requestBackupAction(action: 'backup' | 'restore'): void {
  backupRequest = action;
}

/** The pending backup action, once. */
export function consumeBackupRequest(): 'backup' | 'restore' | null {
  const request = backupRequest;
  backupRequest = null;
  return request;
}
