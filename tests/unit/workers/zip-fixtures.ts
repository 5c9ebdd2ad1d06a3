// Zips for the import reader's tests, built in memory: ordinary ones with fflate, and bombs built cheaply by
// repeating one deflate segment, so a 400 MiB bomb costs a few hundred KB and milliseconds, never 400 MiB.
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { Zip, zipSync, type ZipInputFile } from 'fflate';

const MiB = 1024 * 1024;
const encoder = new TextEncoder();

export const utf8 = (text: string) => encoder.encode(text);

/** A zip of the given files (text or bytes), deflated, as a person's zip tool would write it. */
export function zipOf(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, content] of Object.entries(files)) entries[path] = typeof content === 'string' ? utf8(content) : content;
  return zipSync(entries, { level: 6 });
}

/** Like zipOf, but streamed: entries carry data descriptors (sizes after the data), as streaming zip tools write. */
export function streamedZipOf(files: Record<string, string>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [path, content] of Object.entries(files)) {
    const entry = new ZipDeflateFile(path);
    zip.add(entry);
    entry.pushRaw(new Uint8Array(deflateRawSync(utf8(content))), utf8(content));
  }
  zip.end();
  return concat(chunks);
}

export function concat(chunks: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.length;
  }
  return whole;
}

/** A zip entry whose deflated bytes we supply ourselves (fflate's Zip accepts any ZipInputFile). */
class ZipDeflateFile implements ZipInputFile {
  compression = 8;
  size = 0;
  crc = 0;
  ondata?: ZipInputFile['ondata'];
  constructor(readonly filename: string) {}
  pushRaw(deflated: Uint8Array<ArrayBuffer>, original: Uint8Array): void {
    this.size = original.length;
    this.crc = crc32(original);
    this.ondata?.(null, deflated, true);
  }
}

/** Deflated MiB of zeros, ending byte-aligned and not final, so copies of it can follow one another. */
let zeroSegment: Uint8Array | null = null;
const zeroMiB = new Uint8Array(MiB);

/**
 * A zip bomb: each entry holds `mebibytes` MiB of zeros, deflated to about 1 KB per MiB. The stream is one
 * repeated segment plus a final empty block, and the CRC is computed MiB by MiB, so building it allocates nothing big.
 */
export function zeroBomb(entries: Record<string, number>): Uint8Array {
  zeroSegment ??= deflateRawSync(zeroMiB, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const segment = zeroSegment;
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [path, mebibytes] of Object.entries(entries)) {
    const entry = new ZipDeflateFile(path);
    let crc = 0;
    for (let index = 0; index < mebibytes; index++) crc = crc32(zeroMiB, crc);
    entry.size = mebibytes * MiB;
    entry.crc = crc;
    zip.add(entry);
    const deflated = new Uint8Array(segment.length * mebibytes + 2);
    for (let index = 0; index < mebibytes; index++) deflated.set(segment, index * segment.length);
    deflated.set([0x03, 0x00], segment.length * mebibytes); // a final, empty fixed-Huffman block
    entry.ondata?.(null, deflated, true);
  }
  zip.end();
  return concat(chunks);
}
