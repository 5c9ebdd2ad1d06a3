// Bytes to text as the person's software wrote them: UTF-8 with or without a BOM, UTF-16 from Excel, Windows-1252
// from a spreadsheet re-save, and refusals for binary, empty and oversized files.
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES, decodeText } from '../../../renderer/src/workers/import/decode-text';
import { refusal } from '../../fixtures/import-checks';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let index = 0; index < text.length; index++) view.setUint16(2 + index * 2, text.charCodeAt(index), littleEndian);
  return out;
}

describe('decodeText', () => {
  it('reads UTF-8, and drops a UTF-8 byte-order mark', () => {
    expect(decodeText(utf8('Name,Year\nAmélie,2001\n'), 'a.csv')).toBe('Name,Year\nAmélie,2001\n');
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], utf8('Name\nAmélie\n')), 'a.csv')).toBe('Name\nAmélie\n');
  });

  it('reads Windows-1252 (a spreadsheet re-save on Windows) without mojibake', () => {
    // "Amélie,2001" with é as 0xE9, and a curly apostrophe (0x92) as Windows writes them.
    const windows = bytes(utf8('Name,Year\nAm'), [0xe9], utf8('lie,2001\nL'), [0x92], utf8('Atalante,1934\n'));
    expect(decodeText(windows, 'ratings.csv')).toBe('Name,Year\nAmélie,2001\nL’Atalante,1934\n');
  });

  it('reads UTF-16 little- and big-endian by their byte-order marks', () => {
    expect(decodeText(utf16('Name\tYear\nAmélie\t2001\n', true), 'a.txt')).toBe('Name\tYear\nAmélie\t2001\n');
    expect(decodeText(utf16('Name,Year\n8½,1963\n', false), 'a.csv')).toBe('Name,Year\n8½,1963\n');
  });

  it('refuses UTF-16 that is cut mid-character', () => {
    const odd = utf16('Name', true).subarray(0, 7);
    expect(refusal(() => decodeText(odd, 'a.csv')).message).toMatch(/^“a\.csv” is not a text file/);
  });

  it('refuses binary data: a NUL byte, or many control characters', () => {
    const random = new Uint8Array(4096).map((_, index) => (index * 7919 + 13) % 256);
    expect(refusal(() => decodeText(random, 'poster.csv')).message).toMatch(/^“poster\.csv” is not a text file/);
    const controls = new Uint8Array(1000).map((_, index) => (index % 10 === 0 ? 0x01 : 0x41));
    expect(refusal(() => decodeText(controls, 'x.csv')).message).toMatch(/is not a text file/);
    expect(refusal(() => decodeText(utf8('Name\u0000,Year\n'), 'x.csv')).origin).toEqual({ file: 'x.csv', line: null });
  });

  it('refuses an empty file, or one of only whitespace or a BOM', () => {
    for (const empty of [new Uint8Array(0), utf8('  \r\n\t\n'), bytes([0xef, 0xbb, 0xbf]), bytes([0xff, 0xfe])]) {
      expect(refusal(() => decodeText(empty, 'diary.csv')).message).toBe('“diary.csv” is empty.');
    }
  });

  it('refuses a file over 100 MB by its size, before decoding it', () => {
    const huge = new Uint8Array(MAX_TEXT_BYTES + 1);
    expect(refusal(() => decodeText(huge, 'huge.csv')).message).toMatch(/^“huge\.csv” is 100\.1 MB; Cinefile reads text files of up to 100 MB/);
  });
});
