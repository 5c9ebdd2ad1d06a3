/** The messages between the main thread and the backup worker (backup.worker.ts): pack or unpack, with progress. */
export type BackupRequest =
  | { op: 'pack'; files: Record<string, Uint8Array> }
  | { op: 'unpack'; name: string; bytes: Uint8Array };

export type BackupResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'packed'; bytes: Uint8Array }
  | { type: 'unpacked'; files: Record<string, Uint8Array> }
  | { type: 'failed'; message: string; isBackupError: boolean };

/** The distinct buffers behind a backup's files, to transfer them (a buffer listed twice makes postMessage throw). */
export function buffersOf(files: Record<string, Uint8Array>): ArrayBuffer[] {
  return [...new Set(Object.values(files).map((bytes) => bytes.buffer))].filter((buffer) => buffer instanceof ArrayBuffer);
}
