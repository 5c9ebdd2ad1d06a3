/** The browser stand-in for the Electron bridge: a download for saving, a file input for opening. */
import type { OpenFileRequest, Platform, SaveFileRequest } from './platform';

function saveByDownload(request: SaveFileRequest): Promise<{ savedTo: string | null }> {
  const blob = new Blob([request.data], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = request.suggestedName;
  link.click();
  // The download has started by the time click() returns; the URL can go on the next tick.
  setTimeout(() => URL.revokeObjectURL(url), 0);
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

export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    saveFile: saveByDownload,
    openFile: openWithFileInput,
    onMenuCommand: () => () => undefined,
  };
}
