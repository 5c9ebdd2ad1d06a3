import { describe, expect, it } from 'vitest';
import {
  brokenPosterMessage,
  checkPosterFile,
  fileSizeLabel,
  MAX_POSTER_BYTES,
  sniffPosterType,
  thumbnailSize,
} from '../../../renderer/src/domain/poster';
// Vite inlines each fixture as a data: URL (these tests type-check as browser code, without Node's file API).
import notAnImagePng from '../../fixtures/not-an-image.png?inline';
import posterPng from '../../fixtures/poster.png?inline';

const fixtures = { 'poster.png': posterPng, 'not-an-image.png': notAnImagePng };
const fixture = (name: keyof typeof fixtures) =>
  Uint8Array.from(atob(fixtures[name].slice(fixtures[name].indexOf(',') + 1)), (char) => char.charCodeAt(0));
const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);
const MB = 1024 * 1024;

describe('sniffing a poster file by its first bytes', () => {
  it('recognises JPEG, PNG and WebP signatures', () => {
    expect(sniffPosterType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg');
    expect(sniffPosterType(fixture('poster.png'))).toBe('image/png');
    expect(sniffPosterType(new Uint8Array([...ascii('RIFF'), 0x24, 0x10, 0, 0, ...ascii('WEBPVP8 ')]))).toBe('image/webp');
  });

  it('refuses everything else, whatever the file is called', () => {
    expect(sniffPosterType(fixture('not-an-image.png'))).toBeNull();
    // A RIFF that is not WebP is a WAV or an AVI, not a poster.
    expect(sniffPosterType(new Uint8Array([...ascii('RIFF'), 0x24, 0, 0, 0, ...ascii('WAVE')]))).toBeNull();
    expect(sniffPosterType(ascii('GIF89a'))).toBeNull();
    expect(sniffPosterType(ascii('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    // Too short to hold a whole signature.
    expect(sniffPosterType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(sniffPosterType(bytes())).toBeNull();
  });
});

describe('checking a chosen poster file', () => {
  it('accepts a real image by its bytes, even under a misleading name', () => {
    const png = fixture('poster.png');
    expect(checkPosterFile({ fileName: 'poster.png', size: png.length, head: png })).toEqual({ ok: true, mimeType: 'image/png' });
    expect(checkPosterFile({ fileName: 'scan.webp', size: png.length, head: png })).toEqual({ ok: true, mimeType: 'image/png' });
  });

  it('names a file that is not an image', () => {
    const text = fixture('not-an-image.png');
    expect(checkPosterFile({ fileName: 'notes.txt', size: text.length, head: text })).toEqual({
      ok: false,
      error: '“notes.txt” is not a JPEG, PNG or WebP image.',
    });
  });

  it('names a file over 20 MB with its size, and takes exactly 20 MB', () => {
    const head = fixture('poster.png');
    expect(checkPosterFile({ fileName: 'huge.png', size: Math.round(31.2 * MB), head })).toEqual({
      ok: false,
      error: '“huge.png” is 31.2 MB; posters can be up to 20 MB.',
    });
    expect(checkPosterFile({ fileName: 'edge.png', size: MAX_POSTER_BYTES, head }).ok).toBe(true);
    expect(checkPosterFile({ fileName: 'edge.png', size: MAX_POSTER_BYTES + 1, head })).toMatchObject({
      error: '“edge.png” is 20.1 MB; posters can be up to 20 MB.',
    });
  });

  it('names an empty file', () => {
    expect(checkPosterFile({ fileName: 'empty.jpg', size: 0, head: bytes() })).toEqual({
      ok: false,
      error: '“empty.jpg” is empty; choose a JPEG, PNG or WebP image.',
    });
  });

  it('says a damaged image could not be read, naming it', () => {
    expect(brokenPosterMessage('broken-poster.png')).toBe('“broken-poster.png” could not be read as an image; it may be damaged or incomplete.');
  });
});

describe('file sizes as a person reads them', () => {
  it('uses bytes, KB and MB, rounding up', () => {
    expect(fileSizeLabel(1)).toBe('1 byte');
    expect(fileSizeLabel(94)).toBe('94 bytes');
    expect(fileSizeLabel(6613)).toBe('7 KB');
    expect(fileSizeLabel(20 * MB)).toBe('20 MB');
    expect(fileSizeLabel(1.25 * MB)).toBe('1.3 MB');
  });
});

describe('thumbnail sizes', () => {
  it('fits within 300×450 keeping the aspect ratio', () => {
    expect(thumbnailSize(2000, 3000)).toEqual({ width: 300, height: 450 });
    // A wide image is limited by the width, a tall one by the height.
    expect(thumbnailSize(1920, 1080)).toEqual({ width: 300, height: 169 });
    expect(thumbnailSize(1000, 4000)).toEqual({ width: 113, height: 450 });
  });

  it('never enlarges a small image, and never goes below one pixel', () => {
    expect(thumbnailSize(200, 300)).toEqual({ width: 200, height: 300 });
    expect(thumbnailSize(10000, 2)).toEqual({ width: 300, height: 1 });
  });

  it('refuses an image without a size', () => {
    expect(() => thumbnailSize(0, 300)).toThrow(/got 0×300/);
    expect(() => thumbnailSize(Number.NaN, 300)).toThrow(RangeError);
  });
});
