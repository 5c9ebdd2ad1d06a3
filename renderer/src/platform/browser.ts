/**
 * The browser stand-in for the Electron bridge (`npm run web`, end-to-end tests), so the renderer has one code
 * path: a download for saving (whole or streamed), a file input for opening, the print dialog for PDFs. What a
 * browser cannot do says so: automatic backups live in the desktop app's own folder.
 */
import type { AutoBackup, SaveBegun } from '../../../electron/ipc';
import type { OpenFileRequest, Platform, SaveFileRequest } from './platform';

export const DESKTOP_ONLY_BACKUPS = 'Automatic backups need the desktop app.';
/** The same refusal main gives for a token it does not know. */
export const SAVE_NOT_OPEN = 'This save is not open.';
/** MAX_STREAMED_SAVE_BYTES of electron/ipc.ts, repeated: the renderer takes only types from that file. */
const MAX_SAVE_BYTES = 2 * 1024 * 1024 * 1024;

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started by the time click() returns; the URL can go on the next tick.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function saveByDownload(request: SaveFileRequest): Promise<{ savedTo: string | null }> {
  download(new Blob([request.data], { type: 'application/octet-stream' }), request.suggestedName);
  return Promise.resolve({ savedTo: request.suggestedName });
}

function openWithFileInput(request: OpenFileRequest): Promise<{ fileName: string; bytes: Uint8Array } | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = request.filters.flatMap((filter) => filter.extensions.map((ext) => (ext === '*' ? '*' : `.${ext}`))).join(',');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      file.arrayBuffer().then((buffer) => resolve({ fileName: file.name, bytes: new Uint8Array(buffer) }), reject);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/**
 * Streamed saves: there is no Save dialog to cancel, so a save always begins; each chunk becomes a Blob at once
 * (the browser may keep big ones on disk, and a caller reusing its buffer cannot change what was saved), and the
 * end downloads them as one file.
 */
function streamedDownloads(): Pick<Platform, 'saveFileBegin' | 'saveFileChunk' | 'saveFileEnd'> {
  const saves = new Map<string, { fileName: string; parts: Blob[]; bytes: number }>();
  const openSave = (token: string) => {
    const save = saves.get(token);
    if (save === undefined) throw new Error(SAVE_NOT_OPEN);
    return save;
  };
  return {
    saveFileBegin: ({ suggestedName }): Promise<SaveBegun> => {
      const token = crypto.randomUUID();
      saves.set(token, { fileName: suggestedName, parts: [], bytes: 0 });
      return Promise.resolve({ token, fileName: suggestedName });
    },
    saveFileChunk: async ({ token, chunk }) => {
      const save = openSave(token);
      if (save.bytes + chunk.byteLength > MAX_SAVE_BYTES) {
        saves.delete(token);
        throw new Error('This file would be larger than 2 GB, so nothing was saved.');
      }
      save.bytes += chunk.byteLength;
      save.parts.push(new Blob([chunk]));
    },
    saveFileEnd: async ({ token, cancel }) => {
      const save = openSave(token);
      saves.delete(token);
      if (cancel) return { savedTo: null };
      download(new Blob(save.parts, { type: 'application/octet-stream' }), save.fileName);
      return { savedTo: save.fileName };
    },
  };
}

/** The frame of the last print, removed when the browser says printing is over, or when the next one starts. */
let printFrame: HTMLIFrameElement | null = null;

/**
 * Opens the browser's print dialog on the document; the person picks "Save as PDF" there. Cinefile never learns
 * whether or where they saved, so the honest answer is always `savedTo: null`, given once print() returns
 * (Chromium: when the dialog closes; Firefox: at once, with the dialog still open). The frame is same-origin, so
 * print() may be called on it, but sandboxed without scripts (checked in Chromium: one load, scripts blocked).
 */
function printInFrame({ html }: { html: string }): Promise<{ savedTo: string | null }> {
  printFrame?.remove();
  const frame = document.createElement('iframe');
  printFrame = frame;
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';
  return new Promise((resolve, reject) => {
    frame.addEventListener(
      'load',
      () => {
        const view = frame.contentWindow;
        if (view === null) return reject(new Error('The print preview could not be opened.'));
        // Removing the frame earlier would cut Firefox's still-open dialog off from its document.
        view.addEventListener(
          'afterprint',
          () => {
            frame.remove();
            if (printFrame === frame) printFrame = null;
          },
          { once: true },
        );
        view.print();
        resolve({ savedTo: null });
      },
      { once: true },
    );
    frame.srcdoc = html;
    document.body.append(frame);
  });
}

const desktopOnly = (): Promise<never> => Promise.reject(new Error(DESKTOP_ONLY_BACKUPS));

export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    saveFile: saveByDownload,
    openFile: openWithFileInput,
    ...streamedDownloads(),
    savePdf: printInFrame,
    // A browser has no backups folder: starting, reading or revealing one refuses; the list is honestly empty.
    autoBackupBegin: desktopOnly,
    listBackups: (): Promise<AutoBackup[]> => Promise.resolve([]),
    readBackup: desktopOnly,
    revealBackup: desktopOnly,
    // The browser never sends 'backup-before-quit' (onMenuCommand never fires), so there is nothing to answer.
    quitBackupReady: () => Promise.resolve(),
    onMenuCommand: () => () => undefined,
  };
}
