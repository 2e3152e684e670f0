import type { DiagnosticCode } from '../model/diagnostic.js';
import type { Position } from './document.js';
import { bufferView } from '../util/buffer-view.js';

/** How many leading bytes are inspected for byte-order marks, NUL bytes and UTF-16 patterns. */
export const SNIFF_BYTES = 8 * 1024;

/** A reason a file cannot be read as UTF-8 text, found from its first bytes. */
export interface SniffProblem {
  code: Extract<DiagnosticCode, 'wrong-encoding' | 'binary-file'>;
  message: string;
}

const EXPECTED = 'ccp reads UTF-8 only: save the file as UTF-8 (in Excel: "CSV UTF-8")';

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

const BOMS: readonly (readonly [readonly number[], string])[] = [
  [[0xff, 0xfe, 0x00, 0x00], 'UTF-32 LE'],
  [[0x00, 0x00, 0xfe, 0xff], 'UTF-32 BE'],
  [[0xff, 0xfe], 'UTF-16 LE'],
  [[0xfe, 0xff], 'UTF-16 BE'],
];

/** The UTF-16 or UTF-32 byte-order mark `head` starts with, as a problem. */
function byteOrderMark(head: Uint8Array): SniffProblem | undefined {
  for (const [bom, name] of BOMS) {
    if (startsWith(head, bom)) {
      return { code: 'wrong-encoding', message: `the file is encoded as ${name} (it starts with a ${name} byte-order mark); ${EXPECTED}` };
    }
  }
  return undefined;
}

/**
 * Looks at the first bytes of a file for things that are not UTF-8 text: a UTF-16 or UTF-32
 * byte-order mark, the NUL-every-other-byte pattern of UTF-16 without one, or NUL bytes of a
 * binary file.
 */
export function sniffBytes(head: Uint8Array): SniffProblem | undefined {
  // Every such mark starts with one of these three bytes; text nearly never does.
  const lead = head[0];
  if (lead === 0xff || lead === 0xfe || lead === 0x00) {
    const problem = byteOrderMark(head);
    if (problem !== undefined) return problem;
  }
  const start = lead === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const end = Math.min(head.length, start + SNIFF_BYTES);
  // Text has no NUL at all: one native search says so before any byte is counted here.
  const nul = bufferView(head).indexOf(0, start);
  if (nul === -1 || nul >= end) return undefined;
  return nulPattern(head, start, end);
}

/** What NUL bytes between `start` and `end` say: UTF-16 without a byte-order mark, or a binary file. */
function nulPattern(head: Uint8Array, start: number, end: number): SniffProblem | undefined {
  let even = 0;
  let odd = 0;
  for (let i = start; i < end; i++) {
    if (head[i] === 0) {
      if ((i - start) % 2 === 0) even++;
      else odd++;
    }
  }
  if (even + odd === 0) return undefined;
  // UTF-16 text has a NUL in the high byte of every ASCII character and nowhere else.
  const pairs = Math.floor((end - start) / 2);
  if (pairs > 0 && (even === 0 || odd === 0) && Math.max(even, odd) >= pairs / 4) {
    const name = odd > 0 ? 'UTF-16 LE' : 'UTF-16 BE';
    return { code: 'wrong-encoding', message: `the file looks like ${name} (a NUL byte beside every ASCII character, no byte-order mark); ${EXPECTED}` };
  }
  return { code: 'binary-file', message: 'the file contains NUL bytes: it is a binary file, not UTF-8 text' };
}

/** The message for bytes that are not valid UTF-8 at `at`. */
export function invalidUtf8Message(at: Position): string {
  return (
    `line ${at.line} is not valid UTF-8: the file looks like it was saved in a legacy 8-bit encoding ` +
    `such as Windows-1258 or Windows-1252; ${EXPECTED}. ccp does not guess and convert`
  );
}

/** Length of the UTF-8 sequence a lead byte starts, or 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Whether `byte` may follow `lead` as the second byte of a sequence (no overlongs, surrogates or > U+10FFFF). */
function validSecond(lead: number, byte: number): boolean {
  if (lead === 0xe0) return byte >= 0xa0 && byte <= 0xbf;
  if (lead === 0xed) return byte >= 0x80 && byte <= 0x9f;
  if (lead === 0xf0) return byte >= 0x90 && byte <= 0xbf;
  if (lead === 0xf4) return byte >= 0x80 && byte <= 0x8f;
  return byte >= 0x80 && byte <= 0xbf;
}

/**
 * The offset of the first byte that makes `bytes` invalid UTF-8, or -1 when there is none.
 * With `final` false an incomplete sequence at the very end is not an error (more bytes follow).
 */
export function firstInvalidUtf8(bytes: Uint8Array, final = true): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = sequenceLength(lead);
    if (length === 0) return i;
    if (length === 1) {
      i++;
      continue;
    }
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return final ? i : -1;
      const byte = bytes[i + k]!;
      const ok = k === 1 ? validSecond(lead, byte) : byte >= 0x80 && byte <= 0xbf;
      if (!ok) return i;
    }
    i += length;
  }
  return -1;
}

/** The bytes at the end of `bytes` that begin a UTF-8 sequence not yet complete. */
function incompleteTail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if (byte < 0x80) break;
    if (byte >= 0xc0) {
      return sequenceLength(byte) > back ? bytes.subarray(bytes.length - back) : new Uint8Array(0);
    }
  }
  return new Uint8Array(0);
}

/** Where decoding stopped: the first invalid byte, as a 1-based line and column. */
export interface InvalidUtf8 {
  invalid: Position;
  /** The valid text of this chunk before the invalid byte. */
  text: string;
}

/**
 * Decodes UTF-8 chunk by chunk with a fatal decoder (a UTF-8 byte-order mark is dropped) and
 * keeps count of lines and columns, so that the first invalid byte can be named by its place.
 * Columns count UTF-16 code units, as every other position in ccp does.
 */
export class Utf8Reader {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private line = 1;
  private column = 1;
  private tail: Uint8Array = new Uint8Array(0);
  private started = false;
  private afterCr = false;
  private readonly crBreaks: boolean;

  /**
   * With `crBreaks`, a carriage return on its own ends a line too, as it does for CSV (old Mac
   * exports end lines with CR alone), so that places agree with the lines rows are read on.
   */
  constructor(options: { crBreaks?: boolean } = {}) {
    this.crBreaks = options.crBreaks === true;
  }

  /** Decodes the next chunk (`final` for the last one); the text, or where the bytes stop being UTF-8. */
  push(chunk: Uint8Array, final = false): string | InvalidUtf8 {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: !final });
    } catch {
      return this.locateInvalid(chunk, final);
    }
    this.advance(text);
    const joined = this.tail.length === 0 ? chunk : concat(this.tail, chunk);
    this.tail = final ? new Uint8Array(0) : incompleteTail(joined);
    this.started = this.started || chunk.length > 0;
    return text;
  }

  private advance(text: string): void {
    if (this.crBreaks && (this.afterCr || text.includes('\r'))) {
      this.advanceCounting(text);
      return;
    }
    const lastBreak = text.lastIndexOf('\n');
    if (lastBreak === -1) {
      this.column += text.length;
      return;
    }
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.line++;
    this.column = text.length - lastBreak;
  }

  /** `advance` for text holding carriage returns: CR, LF and CRLF each end one line. */
  private advanceCounting(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0a) {
        if (!this.afterCr) this.line++;
        this.column = 1;
        this.afterCr = false;
      } else if (code === 0x0d) {
        this.line++;
        this.column = 1;
        this.afterCr = true;
      } else {
        this.column++;
        this.afterCr = false;
      }
    }
  }

  private locateInvalid(chunk: Uint8Array, final: boolean): InvalidUtf8 {
    const bytes = concat(this.tail, chunk);
    let offset = firstInvalidUtf8(bytes, final);
    if (offset === -1) offset = bytes.length;
    let prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    // The fatal decoder drops a leading byte-order mark; the lenient one must too, but only at the start.
    if (this.started && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) prefix = `\ufeff${prefix}`;
    this.advance(prefix);
    const text = this.started || !prefix.startsWith('\ufeff') ? prefix : prefix.slice(1);
    return { invalid: { line: this.line, column: this.column }, text };
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

let wholeDecoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes a whole buffer as UTF-8 (dropping a byte-order mark), or names the first invalid place. */
export function decodeUtf8(bytes: Uint8Array): string | InvalidUtf8 {
  // Valid text, nearly always: one decoder for every file, and no lines counted. Only invalid
  // bytes are read again, by a reader that names their place.
  try {
    return wholeDecoder.decode(bytes);
  } catch {
    wholeDecoder = new TextDecoder('utf-8', { fatal: true });
    return new Utf8Reader().push(bytes, true);
  }
}
