/**
 * Writing a large file through the platform in slices: in Electron each slice is one IPC message to a file main
 * opened from the Save dialog (never the whole file in one message); in a browser the slices become one download.
 * Progress is reported per slice, and a cancel deletes what was written.
 */
import type { Platform } from '../../platform';
import type { IpcRequest } from '../../../../electron/ipc';

/** Bytes per IPC message: well under main's 8 MiB chunk limit. */
const SLICE_BYTES = 4 * 1024 * 1024;

export interface SaveProgress {
  written: number;
  total: number;
}

/** Streams `bytes` to a file opened by saveFileBegin/autoBackupBegin; answers where it went (null if cancelled). */
export async function writeInSlices(
  platform: Pick<Platform, 'saveFileChunk' | 'saveFileEnd'>,
  token: string,
  bytes: Uint8Array,
  onProgress?: (progress: SaveProgress) => void,
  signal?: AbortSignal,
): Promise<string | null> {
  try {
    for (let offset = 0; offset < bytes.length; offset += SLICE_BYTES) {
      if (signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
      const end = Math.min(bytes.length, offset + SLICE_BYTES);
      await platform.saveFileChunk({ token, chunk: bytes.slice(offset, end) });
      onProgress?.({ written: end, total: bytes.length });
    }
  } catch (error) {
    await platform.saveFileEnd({ token, cancel: true }).catch(() => undefined);
    throw error;
  }
  return (await platform.saveFileEnd({ token })).savedTo;
}

/** Asks where to save (the native Save dialog, or a download) and writes the bytes there; null when cancelled. */
export async function saveLargeFile(
  platform: Pick<Platform, 'saveFileBegin' | 'saveFileChunk' | 'saveFileEnd'>,
  request: IpcRequest<'file:save-begin'>,
  bytes: Uint8Array,
  onProgress?: (progress: SaveProgress) => void,
  signal?: AbortSignal,
): Promise<string | null> {
  const begun = await platform.saveFileBegin(request);
  if (begun === null) return null;
  return writeInSlices(platform, begun.token, bytes, onProgress, signal);
}
