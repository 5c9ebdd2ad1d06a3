// The capped zip reader: what it unpacks, what it skips without inflating, and how it refuses bombs, cut-short
// and damaged zips without ever holding much more than the cap in memory.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ZIP_LIMITS, isZip, normaliseEntryPath, unzipEntries, type UnzipMeter } from '../../../renderer/src/workers/import/unzip';
import { streamedZipOf, utf8, zeroBomb, zipOf } from './zip-fixtures';
import { refusal } from '../../fixtures/import-checks';

const MiB = 1024 * 1024;
const all = () => true;
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('isZip', () => {
  it('knows a zip, an empty zip and what is neither by their first bytes', () => {
    expect(isZip(zipOf({ 'a.csv': 'x' }))).toBe(true);
    expect(isZip(zipSync({}))).toBe(true);
    expect(isZip(utf8('Date,Name,Year\n'))).toBe(false);
    expect(isZip(new Uint8Array(0))).toBe(false);
  });
});

describe('normaliseEntryPath', () => {
  it('keeps relative paths with forward slashes and drops what is never read', () => {
    expect(normaliseEntryPath('export\\lists\\a.csv')).toBe('export/lists/a.csv');
    expect(normaliseEntryPath('./diary.csv')).toBe('diary.csv');
    expect(normaliseEntryPath('lists/')).toBeNull();
    expect(normaliseEntryPath('__MACOSX/._diary.csv')).toBeNull();
    expect(normaliseEntryPath('../../etc/passwd.csv')).toBeNull();
    expect(normaliseEntryPath('lists/../../x.csv')).toBeNull();
    expect(normaliseEntryPath('/etc/x.csv')).toBeNull();
    expect(normaliseEntryPath('C:\\Users\\x.csv')).toBeNull();
  });
});

describe('unzipEntries', () => {
  it('unpacks the wanted entries, deflated or stored, by normalised path', () => {
    const zip = zipSync({
      'diary.csv': utf8('Date,Name\n'),
      'lists/best.csv': [utf8('Position,Name\n'), { level: 0 }],
      'readme.txt': utf8('hello'),
      'lists/': new Uint8Array(0),
      '__MACOSX/._diary.csv': utf8('junk'),
    });
    const files = unzipEntries(zip, 'export.zip', (path) => path.endsWith('.csv'));
    expect(Object.keys(files).sort()).toEqual(['diary.csv', 'lists/best.csv']);
    expect(text(files['lists/best.csv'])).toBe('Position,Name\n');
  });

  it('reads entries written with data descriptors (sizes after the data), as streaming tools write them', () => {
    const files = unzipEntries(streamedZipOf({ 'diary.csv': 'Date,Name\n1,2\n', 'ratings.csv': 'a,b\n' }), 'x.zip', all);
    expect(text(files['diary.csv'])).toBe('Date,Name\n1,2\n');
    expect(text(files['ratings.csv'])).toBe('a,b\n');
  });

  it('reads an empty zip as no entries', () => {
    expect(unzipEntries(zipSync({}), 'empty.zip', all)).toEqual({});
  });

  it('never inflates an entry nobody wants, however large it claims or is', () => {
    const meter: UnzipMeter = { inflatedBytes: 0, entries: 0 };
    const zip = zeroBomb({ 'movie.bin': 400, 'diary.csv': 1 });
    const files = unzipEntries(zip, 'x.zip', (path) => path.endsWith('.csv'), DEFAULT_ZIP_LIMITS, meter);
    expect(Object.keys(files)).toEqual(['diary.csv']);
    expect(meter.inflatedBytes).toBe(MiB);
  });

  it('refuses a 400 MiB bomb early, after inflating little more than the cap', () => {
    const zip = zeroBomb({ 'diary.csv': 400 });
    expect(zip.length).toBeLessThan(MiB);
    const meter: UnzipMeter = { inflatedBytes: 0, entries: 0 };
    const started = performance.now();
    const error = refusal(() => unzipEntries(zip, 'letterboxd.zip', all, DEFAULT_ZIP_LIMITS, meter));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error.message).toMatch(/^“letterboxd\.zip” unpacks to more than 256 MB; /);
    expect(error.origin).toEqual({ file: 'letterboxd.zip', line: null });
    // Everything the reader holds came out of the inflater, and it stopped within one pushed slice (16 KiB in, at
    // most ~17 MiB out) of the cap: memory stays near 256 MiB, never near 400. (Sampling
    // process.memoryUsage().arrayBuffers was tried: V8 frees buffers lazily, so it swings by ±80 MiB between runs.)
    expect(meter.inflatedBytes).toBeGreaterThan(DEFAULT_ZIP_LIMITS.maxInflatedBytes);
    expect(meter.inflatedBytes).toBeLessThan(DEFAULT_ZIP_LIMITS.maxInflatedBytes + 20 * MiB);
  });

  it('counts the cap over all wanted entries together', () => {
    const meter: UnzipMeter = { inflatedBytes: 0, entries: 0 };
    const zip = zeroBomb({ 'a.csv': 3, 'b.csv': 3, 'c.csv': 3 });
    const error = refusal(() => unzipEntries(zip, 'x.zip', all, { ...DEFAULT_ZIP_LIMITS, maxInflatedBytes: 5 * MiB, maxEntries: 10 }, meter));
    expect(error.message).toContain('unpacks to more than 5 MB');
    expect(meter.inflatedBytes).toBeLessThan(6 * MiB + 1);
  });

  it('refuses a bomb whose headers declare its sizes (no data descriptor) the same way', () => {
    const zip = zipSync({ 'diary.csv': [new Uint8Array(8 * MiB), { level: 9 }] });
    const error = refusal(() => unzipEntries(zip, 'x.zip', all, { ...DEFAULT_ZIP_LIMITS, maxInflatedBytes: 2 * MiB, maxEntries: 10 }));
    expect(error.message).toContain('unpacks to more than 2 MB');
  });

  it('refuses a zip with more entries than the limit', () => {
    const entries: Record<string, Uint8Array> = {};
    for (let index = 0; index < 12; index++) entries[`f${index}.txt`] = new Uint8Array(0);
    const error = refusal(() => unzipEntries(zipSync(entries), 'many.zip', () => false, { ...DEFAULT_ZIP_LIMITS, maxInflatedBytes: MiB, maxEntries: 10 }));
    expect(error.message).toBe('“many.zip” holds more than 10 files; no Letterboxd, IMDb or Tellico export holds that many.');
  });

  it('refuses a zip cut short anywhere as damaged or incomplete', () => {
    const zip = zipOf({ 'diary.csv': 'Date,Name,Year\n'.repeat(2_000), 'ratings.csv': 'Date,Name\n'.repeat(500) });
    for (const length of [40, 100, Math.floor(zip.length / 2), zip.length - 30, zip.length - 1]) {
      const error = refusal(() => unzipEntries(zip.subarray(0, length), 'export.zip', all));
      expect(error.message).toMatch(/^“export\.zip” is damaged or incomplete/);
    }
  });

  it('refuses a streamed zip cut inside its last entry as damaged', () => {
    const zip = streamedZipOf({ 'diary.csv': 'Date,Name,Year\n'.repeat(5_000) });
    const error = refusal(() => unzipEntries(zip.subarray(0, Math.floor(zip.length * 0.6)), 'x.zip', all));
    expect(error.message).toMatch(/is damaged or incomplete/);
  });

  it('refuses an entry whose deflated data is garbage as damaged', () => {
    const zip = zipOf({ 'diary.csv': 'Date,Name,Year\n'.repeat(100) });
    const broken = zip.slice();
    // The deflated data starts after the 30-byte local header and the 9-byte name.
    for (let index = 39; index < 60; index++) broken[index] = 0xff;
    expect(refusal(() => unzipEntries(broken, 'x.zip', all)).message).toMatch(/is damaged or incomplete/);
  });

  it('refuses what is not a zip at all', () => {
    expect(refusal(() => unzipEntries(utf8('Date,Name\n'), 'export.zip', all)).message).toBe(
      '“export.zip” is not a zip file; it may be damaged or incomplete.',
    );
  });

  it('refuses a compression method it cannot read, naming the entry', () => {
    const zip = zipOf({ 'diary.csv': 'Date,Name\n' });
    const changed = zip.slice();
    changed[8] = 14; // LZMA, in the local header
    expect(refusal(() => unzipEntries(changed, 'x.zip', all)).message).toContain('stores “diary.csv” with a compression Cinefile cannot read (method 14)');
  });
});
