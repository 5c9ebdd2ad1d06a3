/**
 * Streamed saves: a file too big for one IPC message arrives as chunks, keyed by a token main handed out. The
 * bytes go to `<chosen path>.cinefile-partial` and replace the chosen file in one rename at the end, so a save
 * that fails, is cancelled or whose window closes never leaves a half-written file under the real name.
 *
 * A token is an unguessable UUID, works only for the webContents that opened it, and only once; the destination
 * path is fixed when the save opens (from a dialog or the backups folder), so a renderer never names a path.
 */
import { randomUUID } from 'node:crypto';
import { open, rename, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_STREAMED_SAVE_BYTES } from '../ipc';

export const PARTIAL_SUFFIX = '.cinefile-partial';
/** Saves one window may have open at once: enough for an export beside a backup, too few to exhaust descriptors. */
export const MAX_OPEN_SAVES_PER_WINDOW = 8;
export const SAVE_NOT_OPEN = 'This save is not open.';

/** The parts of a webContents a save needs: who owns it, and to hear when its page goes away. */
export interface SaveOwner {
  id: number;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
  once(event: 'render-process-gone', listener: () => void): unknown;
  removeListener(event: 'destroyed', listener: () => void): unknown;
  removeListener(event: 'render-process-gone', listener: () => void): unknown;
}

export interface SaveOptions {
  /** Largest total size; more fails the save and deletes what was written. Defaults to MAX_STREAMED_SAVE_BYTES. */
  maxBytes?: number;
  /** File mode for the new file (e.g. 0o600 for backups of personal data). */
  mode?: number;
  /** Runs after the file is in place (e.g. pruning old backups); its failure is logged, the save still stands. */
  onSaved?: (path: string) => Promise<void>;
}

interface OpenSave {
  ownerId: number;
  finalPath: string;
  partialPath: string;
  file: FileHandle;
  /** Bytes accepted so far, counted as chunks arrive (before they are written) so the cap cannot be raced. */
  bytes: number;
  maxBytes: number;
  /** Writes run one after another in arrival order: FileHandle.write must not overlap on one file. */
  queue: Promise<void>;
  onSaved: ((path: string) => Promise<void>) | undefined;
  /** Stops listening for the owner going away. */
  release: () => void;
}

const saves = new Map<string, OpenSave>();
/** Destinations whose partial file is being opened right now (between the check and the registration). */
const opening = new Set<string>();

const megabytes = (bytes: number): string =>
  bytes >= 1024 ** 3 ? `${Math.round(bytes / 1024 ** 3)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Closes and deletes a save's partial file; never throws (it runs on paths that are already failing). */
async function discard(save: OpenSave): Promise<void> {
  await save.queue.catch(() => undefined);
  await save.file.close().catch(() => undefined);
  await unlink(save.partialPath).catch(() => undefined);
}

/** Forgets a save and deletes what it wrote. */
async function abandon(token: string, save: OpenSave): Promise<void> {
  saves.delete(token);
  save.release();
  await discard(save);
}

/** Abandons every save `ownerId` still has open: its page went away, nobody will finish them. */
function abandonOwnedBy(ownerId: number): void {
  for (const [token, save] of [...saves]) {
    if (save.ownerId !== ownerId) continue;
    abandon(token, save).catch((error: unknown) => console.warn('Cinefile: could not clean up a save', error));
  }
}

/** The save `token` names, if `ownerId` opened it; otherwise the same refusal whether it exists or not. */
function ownedSave(ownerId: number, token: string): OpenSave {
  const save = saves.get(token);
  if (save === undefined || save.ownerId !== ownerId) throw new Error(SAVE_NOT_OPEN);
  return save;
}

/** True while a streamed save will end at `path` or writes its partial file there. */
export function isSaveOpenAt(path: string): boolean {
  return opening.has(path) || [...saves.values()].some((save) => save.finalPath === path || save.partialPath === path);
}

/** Opens `<finalPath>.cinefile-partial` for `owner` and answers the token its chunks must carry. */
export async function beginSave(owner: SaveOwner, finalPath: string, options: SaveOptions = {}): Promise<string> {
  const openByOwner = [...saves.values()].filter((save) => save.ownerId === owner.id).length;
  if (openByOwner >= MAX_OPEN_SAVES_PER_WINDOW) {
    throw new Error('Too many saves are open at once; finish or cancel one first.');
  }
  // Two saves to one place would share, and garble, one partial file.
  if (isSaveOpenAt(finalPath)) throw new Error(`"${basename(finalPath)}" is already being saved.`);
  const partialPath = `${finalPath}${PARTIAL_SUFFIX}`;
  opening.add(finalPath);
  let file: FileHandle;
  try {
    file = await open(partialPath, 'w', options.mode);
  } finally {
    opening.delete(finalPath);
  }
  if (owner.isDestroyed()) {
    // The page went away while the file was opening: nobody will finish this save, and no event will say so.
    await file.close().catch(() => undefined);
    await unlink(partialPath).catch(() => undefined);
    throw new Error(SAVE_NOT_OPEN);
  }
  const token = randomUUID();
  const ownerGone = (): void => abandonOwnedBy(owner.id);
  owner.once('destroyed', ownerGone);
  owner.once('render-process-gone', ownerGone);
  saves.set(token, {
    ownerId: owner.id,
    finalPath,
    partialPath,
    file,
    bytes: 0,
    maxBytes: options.maxBytes ?? MAX_STREAMED_SAVE_BYTES,
    queue: Promise.resolve(),
    onSaved: options.onSaved,
    release: () => {
      owner.removeListener('destroyed', ownerGone);
      owner.removeListener('render-process-gone', ownerGone);
    },
  });
  return token;
}

/** Writes all of `chunk` (a file write may take fewer bytes than asked). */
async function writeAll(file: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await file.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}

/** Appends `chunk` once the chunks before it are written. A failure abandons the whole save. */
export async function writeChunk(ownerId: number, token: string, chunk: Uint8Array): Promise<void> {
  const save = ownedSave(ownerId, token);
  if (save.bytes + chunk.byteLength > save.maxBytes) {
    await abandon(token, save);
    throw new Error(`This file would be larger than ${megabytes(save.maxBytes)}, so nothing was saved.`);
  }
  save.bytes += chunk.byteLength;
  const written = save.queue.then(() => writeAll(save.file, chunk));
  save.queue = written;
  try {
    await written;
  } catch (error) {
    // Only the first failure reports the cause; later chunks of the same save find it already gone.
    if (saves.get(token) !== save) throw new Error(SAVE_NOT_OPEN, { cause: error });
    await abandon(token, save);
    throw new Error(`Could not write "${basename(save.finalPath)}": ${reason(error)}`, { cause: error });
  }
}

/**
 * Finishes a save: waits for its writes, flushes them to disk and renames the partial file onto the chosen path
 * (an atomic replace). With `cancel`, deletes the partial file instead. The token is spent either way.
 */
export async function endSave(ownerId: number, token: string, cancel = false): Promise<{ savedTo: string | null }> {
  const save = ownedSave(ownerId, token);
  saves.delete(token);
  save.release();
  if (cancel) {
    await discard(save);
    return { savedTo: null };
  }
  try {
    await save.queue;
    await save.file.sync();
    await save.file.close();
    await rename(save.partialPath, save.finalPath);
  } catch (error) {
    await discard(save);
    throw new Error(`Could not save "${basename(save.finalPath)}": ${reason(error)}`, { cause: error });
  }
  if (save.onSaved) {
    await save.onSaved(save.finalPath).catch((error: unknown) => console.warn('Cinefile: after saving', error));
  }
  return { savedTo: save.finalPath };
}

/** Writes `data` to `path` through a partial file and one rename, so a failed write leaves the old file intact. */
export async function replaceFile(path: string, data: Uint8Array): Promise<void> {
  const partialPath = `${path}${PARTIAL_SUFFIX}`;
  try {
    await writeFile(partialPath, data);
    await rename(partialPath, path);
  } catch (error) {
    await unlink(partialPath).catch(() => undefined);
    throw new Error(`Could not save "${basename(path)}": ${reason(error)}`, { cause: error });
  }
}

/** How many saves are open (for tests and diagnostics). */
export function openSaveCount(): number {
  return saves.size;
}
