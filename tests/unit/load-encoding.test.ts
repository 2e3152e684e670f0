import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, sniffBytes, Utf8Reader } from '../../src/load/encoding.js';

/** Feeds `bytes` to a reader in pieces cut at `cuts`; the text, or where it stopped. */
function readInPieces(bytes: Uint8Array, cuts: number[]) {
  const reader = new Utf8Reader();
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let text = '';
  let from = 0;
  for (const point of [...points, bytes.length]) {
    const result = reader.push(bytes.subarray(from, point), point === bytes.length);
    if (typeof result !== 'string') return { invalid: result.invalid, text: text + result.text };
    text += result;
    from = point;
    if (point === bytes.length) break;
  }
  return { text };
}

const lines = fc.array(fc.string({ unit: fc.constantFrom('a', 'ắ', 'Đ', ' ', ',', '€', '😀', '\n') }), { maxLength: 20 });

describe('Utf8Reader', () => {
  it('decodes the same text however the bytes are cut into chunks', () => {
    fc.assert(
      fc.property(lines, fc.array(fc.nat(), { maxLength: 6 }), (parts, cuts) => {
        const text = parts.join('\n');
        const result = readInPieces(new TextEncoder().encode(text), cuts);
        expect(result).toEqual({ text });
      }),
    );
  });

  it('names the same line and column for an invalid byte however the bytes are cut', () => {
    fc.assert(
      fc.property(lines, fc.constantFrom(0xff, 0xc3, 0xe3, 0x80), fc.array(fc.nat(), { maxLength: 6 }), (parts, bad, cuts) => {
        const before = parts.join('\n');
        const bytes = new Uint8Array([...new TextEncoder().encode(before), bad, 0x20, 0x41]);
        const lastBreak = before.lastIndexOf('\n');
        const expected = { line: before.split('\n').length, column: before.length - lastBreak };
        const result = readInPieces(bytes, cuts);
        expect(result.invalid).toEqual(expected);
        expect(before.startsWith(result.text)).toBe(true);
      }),
    );
  });

  it('drops a UTF-8 byte-order mark at the start only', () => {
    const bom = [0xef, 0xbb, 0xbf];
    expect(new Utf8Reader().push(new Uint8Array([...bom, 0x61]), true)).toBe('a');
    const reader = new Utf8Reader();
    expect(reader.push(new Uint8Array([0x61]))).toBe('a');
    expect(reader.push(new Uint8Array([...bom, 0x62]), true)).toBe('\ufeffb');
  });

  it('reports a sequence cut short by the end of the file', () => {
    const result = new Utf8Reader().push(new Uint8Array([0x61, 0x0a, 0x62, 0xe1, 0xba]), true);
    expect(result).toEqual({ invalid: { line: 2, column: 2 }, text: 'a\nb' });
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    ['overlong', [0x61, 0xc0, 0xaf], 1],
    ['surrogate', [0xed, 0xa0, 0x80], 0],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['stray continuation', [0x41, 0x80], 1],
    ['valid Vietnamese', [...new TextEncoder().encode('Đắk Lắk')], -1],
  ])('%s', (_name, bytes, offset) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(offset);
    expect(offset === -1).toBe(new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array(bytes)).indexOf('\ufffd') === -1);
  });
});

describe('sniffBytes', () => {
  it('names UTF-16 and UTF-32 byte-order marks', () => {
    expect(sniffBytes(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))?.message).toContain('UTF-16 LE');
    expect(sniffBytes(new Uint8Array([0xfe, 0xff, 0x00, 0x61]))?.message).toContain('UTF-16 BE');
    expect(sniffBytes(new Uint8Array([0xff, 0xfe, 0x00, 0x00]))?.message).toContain('UTF-32 LE');
  });

  it('tells UTF-16 without a mark from a binary file by where the NULs fall', () => {
    expect(sniffBytes(Buffer.from('indicator,period', 'utf16le'))).toMatchObject({ code: 'wrong-encoding' });
    expect(sniffBytes(Buffer.from('indicator,period', 'utf16le').swap16())?.message).toContain('UTF-16 BE');
    expect(sniffBytes(new Uint8Array([0x61, 0x62, 0x00, 0x63, 0x64, 0x65, 0x66, 0x00, 0x00, 0x67]))).toMatchObject({ code: 'binary-file' });
    expect(sniffBytes(new TextEncoder().encode('plain text, Đắk Lắk'))).toBeUndefined();
  });
});
