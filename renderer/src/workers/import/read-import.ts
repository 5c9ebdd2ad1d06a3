/**
 * What the import worker runs: from the files a person chose (a zip, a .tc, a CSV, a dropped folder) to an
 * ImportPlan, or to a Tellico XML text for the main thread to parse (workers have no DOMParser). It unpacks zips,
 * decides the format from each CSV's first rows (so a 50 MB file that is no export is refused without parsing it),
 * and only then parses whole tables. Everything a person can get wrong ends in an ImportError that names the file.
 */
import { ImportError, type CsvTable, type ImportedImage, type ImportPlan } from '../../domain/exchange/import-plan';
import { isImdbTable, planImdbImport } from '../../domain/exchange/imdb';
import { isLetterboxdTable, planLetterboxdImport } from '../../domain/exchange/letterboxd';
import { sniffPosterType } from '../../domain/poster';
import { importSourceName, type ImportRequest, type ImportResponse } from '../import-protocol';
import { parseCsv } from './csv';
import { EmptyTextError, decodeText } from './decode-text';
import { isZip, normaliseEntryPath, unzipEntries } from './unzip';

/** A file as chosen: `path` is its name, or its path inside a dropped folder ("letterboxd-jane/diary.csv"). */
export interface ImportSource {
  path: string;
  bytes: Uint8Array;
}

export interface ReadProgress {
  rowsRead: number;
  phase: 'unpacking' | 'reading';
}

export type ReadResult =
  | { kind: 'plan'; plan: ImportPlan }
  | { kind: 'tellico'; sourceName: string; xmlPath: string; xml: string; images: Record<string, ImportedImage> };

type CsvKind = 'imdb' | 'letterboxd';

const FORMATS = 'Letterboxd, IMDb or Tellico';
/** How many rows, and at most how many characters, of a CSV are read to tell its format. */
const HEAD_ROWS = 20;
const HEAD_CHARS = 64 * 1024;
/** Folders inside exports: a common top folder with one of these names is part of the paths codecs expect. */
const EXPORT_FOLDERS = new Set(['lists', 'likes', 'deleted', 'orphaned', 'images']);

const baseName = (path: string) => path.split('/').pop() ?? path;
const extensionOf = (path: string) => /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
const isCsvPath = (path: string) => extensionOf(path) === 'csv';
const isXmlPath = (path: string) => extensionOf(path) === 'xml';
const isImagePath = (path: string) => /(^|\/)images\/[^/]+$/i.test(path);
/** What the importer looks at; AppleDouble files ("._diary.csv") that macOS leaves on other disks are not data. */
const isWantedPath = (path: string) => !baseName(path).startsWith('._') && (isCsvPath(path) || isXmlPath(path) || isImagePath(path));
const fileOrigin = (file: string) => ({ file, line: null });
const quoted = (paths: readonly string[]) => paths.map((path) => `“${path}”`).join(' and ');

/** An uncompressed .tc (older Tellico versions) starts like XML. */
const looksLikeXml = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart().startsWith('<');

/** Zips expanded (their entries placed in the zip's folder), loose files kept; throws on two files with one path. */
function expandSources(sources: ImportSource[], onProgress?: (progress: ReadProgress) => void): { files: ImportSource[]; zips: string[] } {
  const files = new Map<string, ImportSource>();
  const zips: string[] = [];
  const add = (path: string, bytes: Uint8Array) => {
    if (files.has(path)) throw new ImportError(`“${path}” is in more than one of the chosen files; import one export at a time.`, fileOrigin(path));
    files.set(path, { path, bytes });
  };
  for (const source of sources) {
    const path = normaliseEntryPath(source.path) ?? baseName(source.path.replace(/\\/g, '/'));
    const extension = extensionOf(path);
    if (isZip(source.bytes) || extension === 'zip' || (extension === 'tc' && !looksLikeXml(source.bytes))) {
      onProgress?.({ rowsRead: 0, phase: 'unpacking' });
      zips.push(path);
      const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
      const entries = unzipEntries(source.bytes, baseName(path), isWantedPath);
      for (const [entryPath, bytes] of Object.entries(entries)) add(folder + entryPath, bytes);
    } else if (sources.length === 1 || isWantedPath(path)) {
      // One loose file is always looked at, whatever its name; from a folder, only what an export holds.
      add(path, source.bytes);
    }
  }
  return { files: [...files.values()], zips };
}

/** Removes one top folder every path shares ("letterboxd-jane/diary.csv" → "diary.csv"), unless exports use it. */
function withoutTopFolder(files: ImportSource[]): ImportSource[] {
  const top = files[0]?.path.split('/')[0];
  if (top === undefined || EXPORT_FOLDERS.has(top.toLowerCase())) return files;
  if (!files.every((file) => file.path.startsWith(`${top}/`))) return files;
  return files.map((file) => ({ ...file, path: file.path.slice(top.length + 1) }));
}

/** The first line of a text, cleaned and cut to ~80 characters, for messages. */
function firstLineOf(text: string): string {
  const line = text.slice(0, 4096).split(/\r\n|\r|\n/)[0] ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = line.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}

const beginning = (text: string) => {
  const line = firstLineOf(text);
  return line === '' ? 'its first line is empty' : `its first line is “${line}”`;
};

/**
 * The first rows of a CSV text, cut at a line break outside quotes (HEAD_ROWS rows, or as many as fit in
 * HEAD_CHARS); null when even the first row is longer than that.
 */
function headOf(text: string): string | null {
  const limit = Math.min(text.length, HEAD_CHARS);
  let quoted = false;
  let rows = 0;
  let cut = -1;
  for (let index = 0; index < limit; index++) {
    const code = text.charCodeAt(index);
    if (code === 34) quoted = !quoted;
    else if (code === 10 && !quoted) {
      cut = index;
      if (++rows >= HEAD_ROWS) break;
    }
  }
  if (rows < HEAD_ROWS && text.length <= HEAD_CHARS) return text;
  return cut === -1 ? null : text.slice(0, cut);
}

function kindOfTable(table: CsvTable): CsvKind | null {
  if (isImdbTable(table)) return 'imdb';
  return isLetterboxdTable(table) ? 'letterboxd' : null;
}

/** The format a CSV text is in, told from its first rows, or from its first line when those rows are not valid CSV. */
function kindOfText(text: string, path: string): CsvKind | null {
  for (const head of [headOf(text), text.slice(0, HEAD_CHARS).split(/\r\n|\r|\n/)[0] ?? '']) {
    if (head === null) continue;
    try {
      return kindOfTable(parseCsv(head, path));
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
    }
  }
  return null;
}

function notAnExport(files: { path: string; text: string }[]): ImportError {
  const [first] = files;
  if (first === undefined) return new ImportError(`There is no ${FORMATS} export to import.`);
  if (files.length === 1) {
    return new ImportError(`“${first.path}” is not a ${FORMATS} export: ${beginning(first.text)}.`, fileOrigin(first.path));
  }
  const named = files.slice(0, 3).map((file) => `“${file.path}”: ${beginning(file.text)}`);
  const more = files.length > 3 ? `; and ${files.length - 3} more` : '';
  return new ImportError(`None of these files is a ${FORMATS} export (${named.join('; ')}${more}).`, fileOrigin(first.path));
}

/** The Tellico result: the XML text and the images beside it that really are JPEG, PNG or WebP. */
function tellicoResult(sourceName: string, xmlPath: string, xml: string, files: ImportSource[]): ReadResult {
  const images: Record<string, ImportedImage> = {};
  for (const file of files) {
    if (!isImagePath(file.path)) continue;
    const mimeType = sniffPosterType(file.bytes);
    if (mimeType !== null) images[file.path] = { bytes: file.bytes, mimeType };
  }
  return { kind: 'tellico', sourceName, xmlPath, xml, images };
}

/** The CSV files' texts. An empty file among several is passed over (it holds nothing to import); alone, it is refused. */
function csvTexts(files: ImportSource[]): { path: string; text: string }[] {
  const texts: { path: string; text: string }[] = [];
  let firstEmpty: EmptyTextError | null = null;
  for (const file of files) {
    try {
      texts.push({ path: file.path, text: decodeText(file.bytes, file.path) });
    } catch (error) {
      if (!(error instanceof EmptyTextError)) throw error;
      firstEmpty ??= error;
    }
  }
  if (texts.length === 0 && firstEmpty) throw firstEmpty;
  return texts;
}

const isTellicoText = (text: string) => /<(tellico|bookcase)[\s>/]/.test(text.slice(0, HEAD_CHARS));

/**
 * Reads what a person chose into a plan (Letterboxd, IMDb) or a Tellico XML text with its images. Throws
 * ImportError for anything that is not one of those exports, is damaged, or mixes them.
 */
export function readImport(sources: ImportSource[], onProgress?: (progress: ReadProgress) => void, now: Date = new Date()): ReadResult {
  if (sources.length === 0) throw new ImportError(`Choose a ${FORMATS} export to import.`);
  const sourceName = importSourceName(sources.map((source) => source.path));
  const expanded = expandSources(sources, onProgress);
  const files = withoutTopFolder(expanded.files);
  const isXmlFile = (file: ImportSource) => isXmlPath(file.path) || extensionOf(file.path) === 'tc';
  // One loose file is read as a CSV whatever its name says (unless it says XML): the message then shows its first line.
  const oneLooseFile = sources.length === 1 && expanded.zips.length === 0;
  const csvFiles = files.filter((file) => isCsvPath(file.path) || (oneLooseFile && !isXmlFile(file)));
  const xmlFiles = files.filter(isXmlFile).map((file) => ({ path: file.path, text: decodeText(file.bytes, file.path) }));

  const tellico = xmlFiles.filter((file) => baseName(file.path).toLowerCase() === 'tellico.xml' || isTellicoText(file.text));
  if (tellico.length > 1) throw new ImportError(`${quoted(tellico.map((file) => file.path))} are both Tellico files; import one at a time.`);
  const [tellicoFile] = tellico;
  if (tellicoFile !== undefined) {
    if (csvFiles.length > 0) {
      throw new ImportError(`“${tellicoFile.path}” is a Tellico file, but “${csvFiles[0]?.path ?? ''}” is beside it; import a Tellico file on its own.`, fileOrigin(tellicoFile.path));
    }
    return tellicoResult(sourceName, tellicoFile.path, tellicoFile.text, files);
  }
  if (csvFiles.length === 0) {
    if (xmlFiles.length > 0) throw notAnExport(xmlFiles);
    const oneFolder = sources.every((source) => source.path.replace(/\\/g, '/').startsWith(`${sourceName}/`));
    if (sources.length === 1 || oneFolder) throw new ImportError(`“${sourceName}” holds no ${FORMATS} file.`, fileOrigin(sourceName));
    throw new ImportError(`None of the chosen files is a ${FORMATS} export.`);
  }

  onProgress?.({ rowsRead: 0, phase: 'reading' });
  const texts = csvTexts(csvFiles);
  const kinds = texts.map((file) => ({ ...file, kind: kindOfText(file.text, file.path) }));
  const imdb = kinds.filter((file) => file.kind === 'imdb');
  const letterboxd = kinds.filter((file) => file.kind === 'letterboxd');
  if (imdb.length > 0 && letterboxd.length > 0) {
    throw new ImportError(
      `These files mix a Letterboxd export (“${letterboxd[0]?.path ?? ''}”) and an IMDb export (“${imdb[0]?.path ?? ''}”); import them one at a time.`,
    );
  }
  if (imdb.length > 1) throw new ImportError(`Import one IMDb file at a time: ${quoted(imdb.slice(0, 2).map((file) => file.path))} are both IMDb exports.`);
  if (imdb.length === 0 && letterboxd.length === 0) throw notAnExport(kinds);

  let rowsRead = 0;
  const parseWhole = (file: { path: string; text: string }): CsvTable => {
    const before = rowsRead;
    const table = parseCsv(file.text, file.path, (rows) => onProgress?.({ rowsRead: before + rows, phase: 'reading' }));
    rowsRead = before + table.rows.length;
    onProgress?.({ rowsRead, phase: 'reading' });
    return table;
  };
  const [imdbFile] = imdb;
  if (imdbFile !== undefined) {
    const other = kinds.find((file) => file !== imdbFile);
    if (other !== undefined) {
      throw new ImportError(`“${imdbFile.path}” is an IMDb export, which is one file: import it on its own, without “${other.path}”.`, fileOrigin(other.path));
    }
    return { kind: 'plan', plan: planImdbImport(parseWhole(imdbFile), sourceName, now) };
  }
  // A file the codec does not recognise is still handed over, but if it is not even valid CSV it is left out, not fatal.
  const tables = kinds.flatMap((file) => {
    try {
      return [parseWhole(file)];
    } catch (error) {
      if (file.kind === null && error instanceof ImportError) return [];
      throw error;
    }
  });
  return { kind: 'plan', plan: planLetterboxdImport(tables, sourceName, now) };
}

/** Progress is posted at most this often (phase changes always go through), so the main thread is not flooded. */
export const PROGRESS_INTERVAL_MS = 100;

/** The buffers a result holds (images), to transfer rather than copy back to the main thread. */
function transferablesOf(result: ReadResult): ArrayBuffer[] {
  const images = result.kind === 'plan' ? result.plan.images : result.images;
  const buffers = new Set<ArrayBuffer>();
  for (const image of Object.values(images)) if (image.bytes.buffer instanceof ArrayBuffer) buffers.add(image.bytes.buffer);
  return [...buffers];
}

/**
 * Answers one request, as the worker does: throttled progress, then exactly one 'done' or 'failed', never a throw.
 * An ImportError travels as its message and origin; anything else (a bug) as a message naming what was chosen.
 */
export function answerImportRequest(
  request: ImportRequest,
  post: (message: ImportResponse, transfer: Transferable[]) => void,
  clock: () => number = () => Date.now(),
): void {
  let lastPosted = Number.NEGATIVE_INFINITY;
  let lastPhase: ReadProgress['phase'] | null = null;
  const onProgress = (progress: ReadProgress) => {
    const time = clock();
    if (progress.phase === lastPhase && time - lastPosted < PROGRESS_INTERVAL_MS) return;
    lastPosted = time;
    lastPhase = progress.phase;
    post({ type: 'progress', progress }, []);
  };
  try {
    const result = readImport(request.sources, onProgress);
    post({ type: 'done', result }, transferablesOf(result));
  } catch (error) {
    if (error instanceof ImportError) {
      post({ type: 'failed', message: error.message, origin: error.origin }, []);
      return;
    }
    let name = 'the chosen files';
    try {
      name = importSourceName(request.sources.map((source) => source.path));
    } catch {
      // A request without sources still gets its answer.
    }
    const detail = error instanceof Error ? error.message : String(error);
    post({ type: 'failed', message: `Cinefile could not read “${name}”: ${detail}`, origin: null }, []);
  }
}
