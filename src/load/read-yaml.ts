import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { diagnostic } from './diagnostic.js';
import type { SourceDocument } from './document.js';
import { emptyDocument } from './empty-document.js';
import { decodeUtf8, invalidUtf8Message, SNIFF_BYTES, sniffBytes } from './encoding.js';
import type { Limits } from './limits.js';
import { notAFile, readError } from './read-error.js';
import { plainYamlDocument } from './yaml-plain.js';

/** Anything `trim` would keep. */
const NOT_BLANK = /\S/;

// A FIFO opened for reading would wait for a writer: opened without waiting, it is refused below as no regular file.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads an open regular file to its end, or to one byte past `limit` (to notice a file over it).
 * `size` (from fstat) only sizes the first buffer: a file that grew is read on, one reported as
 * empty (as some file systems do) is read all the same.
 */
function readOpen(fd: number, size: number, limit: number): Uint8Array {
  let buffer = Buffer.allocUnsafe(Math.min(size, limit) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > limit) break;
      const bigger = Buffer.allocUnsafe(Math.min(Math.max(buffer.length * 2, 64 * 1024), limit + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const wanted = buffer.length - length;
    const read = readSync(fd, buffer, length, wanted, null);
    length += read;
    // A short read of all fstat promised is the end of a regular file: no second call to be told so.
    if (read === 0 || (read < wanted && size > 0 && length >= size)) break;
  }
  return buffer.subarray(0, length);
}

/**
 * Reads a YAML file's bytes, refused by size before it is read whole. Returns the bytes, or a
 * document holding the one diagnostic that refused them. Throws InputError only when the file
 * cannot be read at all.
 *
 * The read is synchronous: one open, fstat, read and close, against twice as many calls, each a
 * trip through the thread pool, for the promise-based read (a folder of a thousand small files
 * read in a third of the CPU time).
 */
export function readYamlBytesSync(path: string, file: string, limits: Limits): Uint8Array | SourceDocument {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw readError(error, file);
  }
  try {
    let size: number;
    try {
      const info = fstatSync(fd);
      if (!info.isFile()) throw notAFile(file, info.isDirectory());
      size = info.size;
    } catch (error) {
      throw readError(error, file);
    }
    if (size > limits.maxYamlBytes) {
      return emptyDocument(file, path, 'yaml', [
        diagnostic(file, 'file-too-large', `the file is ${size} bytes; YAML files larger than ${limits.maxYamlBytes} bytes are refused`),
      ]);
    }
    let bytes: Uint8Array;
    try {
      bytes = readOpen(fd, size, limits.maxYamlBytes);
    } catch (error) {
      throw readError(error, file);
    }
    // The file may have grown between fstat and read.
    if (bytes.length > limits.maxYamlBytes) {
      return emptyDocument(file, path, 'yaml', [
        diagnostic(file, 'file-too-large', `the file is over ${limits.maxYamlBytes} bytes; larger YAML files are refused`),
      ]);
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** `readYamlBytesSync` behind a promise, for callers that read files one after another in turn. */
export async function readYamlBytes(path: string, file: string, limits: Limits): Promise<Uint8Array | SourceDocument> {
  return readYamlBytesSync(path, file, limits);
}

/**
 * Checks bytes read by `readYamlBytesSync` for binary content and encodings, decodes them as
 * UTF-8 and reads them when they are plain YAML: the document, or the decoded text when only
 * the full parser can read it (`parseYamlFull`). Nothing here waits: a folder of plain files is
 * read without a promise per file.
 */
export function yamlFromBytesSync(bytes: Uint8Array, path: string, file: string, limits: Limits): SourceDocument | string {
  const fail = (code: Parameters<typeof diagnostic>[1], message: string, at?: { line: number; column: number }) =>
    emptyDocument(file, path, 'yaml', [diagnostic(file, code, message, at)]);
  const problem = sniffBytes(bytes.length <= SNIFF_BYTES + 3 ? bytes : bytes.subarray(0, SNIFF_BYTES + 3));
  if (problem) return fail(problem.code, problem.message);
  const text = decodeUtf8(bytes);
  if (typeof text !== 'string') return fail('wrong-encoding', invalidUtf8Message(text.invalid), text.invalid);
  // Found at the first character of any real file; trim() would copy the whole text to say so.
  if (!NOT_BLANK.test(text)) return fail('file-empty', 'the file is empty');
  return plainYamlDocument(text, { file, path }, limits) ?? text;
}

/** Parses decoded YAML text with the full parser, which is loaded only for a file that needs it. */
export async function parseYamlFull(text: string, path: string, file: string, limits: Limits): Promise<SourceDocument> {
  const { parseYamlText } = await import('./yaml-document.js');
  return parseYamlText(text, { file, path }, limits, { plain: false });
}

/**
 * Checks bytes read by `readYamlBytesSync` for binary content and encodings, decodes them as UTF-8
 * and parses them. Plain YAML is read without the YAML library, which is loaded only for a file
 * that needs it.
 */
export async function yamlFromBytes(bytes: Uint8Array, path: string, file: string, limits: Limits): Promise<SourceDocument> {
  const read = yamlFromBytesSync(bytes, path, file, limits);
  return typeof read === 'string' ? parseYamlFull(read, path, file, limits) : read;
}

/**
 * Reads a YAML file: refused by size before it is read whole, then checked for binary
 * content and encodings, decoded as UTF-8 and parsed. Throws InputError only when the file
 * cannot be read at all.
 */
export async function loadYaml(path: string, file: string, limits: Limits): Promise<SourceDocument> {
  const bytes = await readYamlBytes(path, file, limits);
  return bytes instanceof Uint8Array ? await yamlFromBytes(bytes, path, file, limits) : bytes;
}
