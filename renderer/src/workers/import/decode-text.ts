/**
 * Turning a file's bytes into text the way the person's software wrote it: exports are UTF-8 (often with a BOM),
 * Excel's "Unicode text" is UTF-16, and a CSV re-saved by a spreadsheet on Windows is Windows-1252. Guessing wrong
 * turns "Amélie" into "AmÃ©lie" in someone's catalog, so UTF-8 is tried strictly and anything that is not valid
 * UTF-8 is read as Windows-1252. Binary files and empty files are refused here, with their name.
 */
import { ImportError } from '../../domain/exchange/import-plan';
import { fileSizeLabel } from '../../domain/poster';

/** Largest text file the importer reads: 100 MB, far beyond any export (a 10,000-film diary is about 1 MB). */
export const MAX_TEXT_BYTES = 100 * 1024 * 1024;

/** The ImportError for a file with nothing in it, told apart so a many-file import can pass over an empty file. */
export class EmptyTextError extends ImportError {}

/** How much of a file is looked at to tell text from binary data. */
const SNIFF_BYTES = 8 * 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/** A C0 control character no text file has (tab, line feed, form feed, carriage return and escape are allowed). */
const isStrayControl = (byte: number) =>
  (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b && byte !== 0x0b) || byte === 0x7f;

/** True when the start of a (not UTF-16) file looks like binary data: a NUL byte, or more than 2% stray controls. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (sample.includes(0)) return true;
  let controls = 0;
  for (const byte of sample) if (isStrayControl(byte)) controls++;
  return controls > Math.max(8, sample.length * 0.02);
}

/** Windows-1252's characters for bytes 0x80–0x9F (where it differs from Latin-1); the five unused bytes map to themselves. */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Windows-1252. Some runtimes' TextDecoder treats that label as Latin-1 (Node's does), leaving 0x80–0x9F as C1
 * controls, so those are mapped here: a curly apostrophe (0x92) must come out as ’ everywhere.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

function decodeStrictly(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The text of a file, with any byte-order mark removed. Throws ImportError naming the file when it is over 100 MB
 * (before decoding anything) or binary data, and EmptyTextError (an ImportError) when it is empty or only whitespace.
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  const origin = { file: fileName, line: null };
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new ImportError(
      `“${fileName}” is ${fileSizeLabel(bytes.length)}; Cinefile reads text files of up to ${fileSizeLabel(MAX_TEXT_BYTES)}, and no export is that large.`,
      origin,
    );
  }
  const notText = () =>
    new ImportError(`“${fileName}” is not a text file: it holds binary data (an image, a program, or a damaged file?).`, origin);

  let text: string | null;
  if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) {
    // TextDecoder drops the BOM itself; an odd byte or an unpaired surrogate means this is no UTF-16 text.
    text = decodeStrictly(bytes, startsWith(bytes, UTF16LE_BOM) ? 'utf-16le' : 'utf-16be');
    if (text === null) throw notText();
  } else {
    const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
    if (body.length > 0 && looksBinary(body)) throw notText();
    // Not valid UTF-8: a spreadsheet on Windows saved it in its own code page, which is Windows-1252 in the West.
    text = decodeStrictly(body, 'utf-8') ?? decodeWindows1252(body);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/\S/.test(text)) throw new EmptyTextError(`“${fileName}” is empty.`, origin);
  return text;
}
