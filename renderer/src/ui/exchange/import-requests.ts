/**
 * File › Import… (Electron's menu) asks for the import dialog from wherever the person is: the menu handler
 * navigates to the Import page and leaves this request, which the page takes once on arrival.
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
