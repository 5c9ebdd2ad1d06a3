/**
 * Automatic backups in userData/backups: written through the streamed save (file-saves.ts) to a fresh
 * cinefile-backup-YYYY-MM-DD-HHmmss.cinefile, pruned to the newest KEPT_AUTO_BACKUPS, listed newest first.
 *
 * The renderer only ever names a backup by a bare file name matching AUTO_BACKUP_NAME (checked by the contract and
 * again here), which must be a regular file in the folder: no traversal, no symlinks out. A small index.json beside
 * the backups remembers each one's film count and reason; it is rewritten atomically, and a missing or corrupt one
 * only costs the film counts (they show as unknown), never the backups.
 */
import { lstat, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { app, shell } from 'electron';
import * as v from 'valibot';
import {
  AUTO_BACKUP_NAME,
  autoBackupReasons,
  KEPT_AUTO_BACKUPS,
  MAX_FILE_BYTES,
  type AutoBackup,
  type AutoBackupReason,
} from '../ipc';
import { beginSave, isSaveOpenAt, PARTIAL_SUFFIX, type SaveOwner } from './file-saves';

const INDEX_FILE = 'index.json';

const indexEntry = v.object({
  films: v.pipe(v.number(), v.integer(), v.minValue(0)),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  reason: v.picklist(autoBackupReasons),
});
type IndexEntry = v.InferOutput<typeof indexEntry>;
type BackupIndex = Record<string, IndexEntry>;

export function backupsFolder(): string {
  return join(app.getPath('userData'), 'backups');
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** cinefile-backup-YYYY-MM-DD-HHmmss.cinefile in local time (what a person browsing the folder expects). */
export function autoBackupName(date: Date, attempt = 1): string {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
  return `cinefile-backup-${day}-${time}${attempt > 1 ? `-${attempt}` : ''}.cinefile`;
}

/** Reads index.json, keeping each well-formed entry; missing, unreadable or malformed means an empty index. */
async function readIndex(folder: string): Promise<BackupIndex> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(join(folder, INDEX_FILE), 'utf8'));
  } catch {
    return {};
  }
  const index: BackupIndex = {};
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return index;
  for (const [name, entry] of Object.entries(parsed)) {
    const checked = v.safeParse(indexEntry, entry);
    if (AUTO_BACKUP_NAME.test(name) && checked.success) index[name] = checked.output;
  }
  return index;
}

/** Replaces index.json in one rename, so a crash mid-write leaves the old index, not half of a new one. */
async function writeIndex(folder: string, index: BackupIndex): Promise<void> {
  const temporary = join(folder, `${INDEX_FILE}${PARTIAL_SUFFIX}`);
  await writeFile(temporary, `${JSON.stringify(index, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
  await rename(temporary, join(folder, INDEX_FILE));
}

/** Index updates run one at a time (two backups may finish together); a failed one does not block the next. */
let indexQueue: Promise<void> = Promise.resolve();
function updateIndex(change: (folder: string) => Promise<void>): Promise<void> {
  const folder = backupsFolder();
  const run = indexQueue.then(() => change(folder));
  indexQueue = run.catch(() => undefined);
  return run;
}

/** When a backup started, read back from its name (local time, to the second), and its same-second suffix. */
function startOf(name: string): { time: number; attempt: number } {
  const [, y, mo, d, h, mi, se, n] = /(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?\.cinefile$/.exec(name) ?? [];
  const time = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se)).getTime();
  return { time, attempt: n === undefined ? 1 : Number(n) };
}

/**
 * Every backup file in `folder`, newest first, described from disk and the index. The order comes from the names
 * (the time they were started, then the -n suffix), which every backup has, so it does not depend on the index.
 */
async function describeBackups(folder: string, index: BackupIndex): Promise<AutoBackup[]> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => AUTO_BACKUP_NAME.test(name));
  } catch {
    return [];
  }
  const found: { backup: AutoBackup; time: number; attempt: number }[] = [];
  for (const name of names) {
    const info = await lstat(join(folder, name)).catch(() => null);
    if (info === null || !info.isFile()) continue;
    const { time, attempt } = startOf(name);
    const entry = index[name];
    const createdAt = entry?.createdAt ?? (Number.isNaN(time) ? info.mtime : new Date(time)).toISOString();
    found.push({ backup: { name, createdAt, bytes: info.size, films: entry?.films ?? null }, time, attempt });
  }
  found.sort((a, b) => b.time - a.time || b.attempt - a.attempt);
  return found.map(({ backup }) => backup);
}

export async function listAutoBackups(): Promise<AutoBackup[]> {
  const folder = backupsFolder();
  return describeBackups(folder, await readIndex(folder));
}

/**
 * Records a finished backup, deletes all but the newest KEPT_AUTO_BACKUPS, drops index entries whose file is gone,
 * and removes partial files no open save is writing (left by a crash or a power cut).
 */
async function recordAndPrune(name: string, entry: IndexEntry): Promise<void> {
  await updateIndex(async (folder) => {
    const index = await readIndex(folder);
    index[name] = entry;
    const backups = await describeBackups(folder, index);
    for (const old of backups.slice(KEPT_AUTO_BACKUPS)) {
      await unlink(join(folder, old.name)).catch(() => undefined);
    }
    const kept = new Set(backups.slice(0, KEPT_AUTO_BACKUPS).map((backup) => backup.name));
    const entries = Object.entries(index).filter(([file]) => kept.has(file));
    await writeIndex(folder, Object.fromEntries(entries));
    for (const file of await readdir(folder)) {
      const path = join(folder, file);
      if (file.startsWith('cinefile-backup-') && file.endsWith(PARTIAL_SUFFIX) && !isSaveOpenAt(path)) {
        await unlink(path).catch(() => undefined);
      }
    }
  });
}

/** A name no finished or open backup uses yet. */
async function freshBackupPath(folder: string, now: Date): Promise<string> {
  for (let attempt = 1; attempt <= 999; attempt++) {
    const path = join(folder, autoBackupName(now, attempt));
    const taken = isSaveOpenAt(path) || (await stat(path).then(() => true, () => false));
    if (!taken) return path;
  }
  throw new Error('Could not find a free name for the automatic backup.');
}

let beginQueue: Promise<void> = Promise.resolve();

/**
 * Opens a streamed save of a new backup for `owner` and answers its token. Capped at MAX_FILE_BYTES so every
 * backup written can also be read back by backup:read.
 */
export function beginAutoBackup(owner: SaveOwner, reason: AutoBackupReason, films: number): Promise<string> {
  const begin = async (): Promise<string> => {
    const folder = backupsFolder();
    await mkdir(folder, { recursive: true });
    const createdAt = new Date();
    const path = await freshBackupPath(folder, createdAt);
    return beginSave(owner, path, {
      maxBytes: MAX_FILE_BYTES,
      mode: 0o600,
      onSaved: () => recordAndPrune(basename(path), { films, createdAt: createdAt.toISOString(), reason }),
    });
  };
  // One at a time, so two backups begun together cannot both pick the same free name.
  const begun = beginQueue.then(begin);
  beginQueue = begun.then(
    () => undefined,
    () => undefined,
  );
  return begun;
}

/** The path of an existing backup called `name`, or an error that says there is none (whatever the reason). */
async function existingBackup(name: string): Promise<{ path: string; size: number }> {
  const missing = new Error(`There is no automatic backup called "${name}".`);
  // The contract already refused anything else; checked again because this is the line a path must not cross.
  if (!AUTO_BACKUP_NAME.test(name) || basename(name) !== name) throw missing;
  const path = join(backupsFolder(), name);
  // lstat, not stat: a symlink planted in the folder is not a backup and is not followed.
  const info = await lstat(path).catch(() => null);
  if (info === null || !info.isFile()) throw missing;
  return { path, size: info.size };
}

export async function readAutoBackup(name: string): Promise<Uint8Array> {
  const { path, size } = await existingBackup(name);
  if (size > MAX_FILE_BYTES) {
    throw new Error(`"${name}" is too large: Cinefile opens files up to ${MAX_FILE_BYTES / (1024 * 1024)} MB.`);
  }
  const contents = await readFile(path);
  return new Uint8Array(contents.buffer, contents.byteOffset, contents.byteLength);
}

/** Shows backup `name` selected in the system file manager. */
export async function revealAutoBackup(name: string): Promise<void> {
  shell.showItemInFolder((await existingBackup(name)).path);
}
