/**
 * Turning what a person drops or picks into import sources: files keep their names, and a dropped folder (an
 * unzipped Letterboxd export) is walked so each file keeps its path inside it ("letterboxd-jane/lists/x.csv").
 */
import type { ImportSource } from '../../workers/import/read-import';

/** More files than any export holds: a folder this big was dropped by mistake. */
const MAX_FILES = 5_000;

async function fileBytes(file: File, path: string): Promise<ImportSource> {
  return { path, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function entriesOf(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  return new Promise((resolve, reject) => {
    // readEntries answers in batches (100 in Chromium) until it answers an empty one.
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) return resolve(all);
        all.push(...batch);
        if (all.length > MAX_FILES) return reject(new Error(`“${directory.name}” holds more than ${MAX_FILES.toLocaleString('en')} files; drop the export itself.`));
        next();
      }, reject);
    next();
  });
}

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

async function walk(entry: FileSystemEntry, prefix: string, into: ImportSource[]): Promise<void> {
  const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
  if (entry.isFile) {
    into.push(await fileBytes(await fileOf(entry as FileSystemFileEntry), path));
    return;
  }
  if (entry.isDirectory) {
    for (const child of await entriesOf(entry as FileSystemDirectoryEntry)) await walk(child, path, into);
  }
}

/** Reads a drop: files by name, folders walked. Read before any await: a DataTransfer empties after the event. */
export function sourcesFromDrop(transfer: DataTransfer): Promise<ImportSource[]> {
  const entries = [...transfer.items].flatMap((item) => {
    const entry = item.kind === 'file' ? item.webkitGetAsEntry?.() : null;
    return entry ? [entry] : [];
  });
  const files = [...transfer.files];
  return (async () => {
    if (entries.length === 0) return Promise.all(files.map((file) => fileBytes(file, file.name)));
    const sources: ImportSource[] = [];
    for (const entry of entries) await walk(entry, '', sources);
    return sources;
  })();
}

/** Reads the files picked in a file input. */
export function sourcesFromFiles(files: FileList | readonly File[]): Promise<ImportSource[]> {
  return Promise.all([...files].map((file) => fileBytes(file, file.name)));
}
