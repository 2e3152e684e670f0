import { readFile, stat } from 'node:fs/promises';
import { diagnostic } from './diagnostic.js';
import type { SourceDocument } from './document.js';
import { emptyDocument } from './empty-document.js';
import { decodeUtf8, invalidUtf8Message, SNIFF_BYTES, sniffBytes } from './encoding.js';
import type { Limits } from './limits.js';
import { notAFile, readError } from './read-error.js';
import { plainYamlDocument } from './yaml-plain.js';

/**
 * Reads a YAML file's bytes, refused by size before it is read whole. Returns the bytes, or a
 * document holding the one diagnostic that refused them. Throws InputError only when the file
 * cannot be read at all.
 */
export async function readYamlBytes(path: string, file: string, limits: Limits): Promise<Uint8Array | SourceDocument> {
  let size: number;
  try {
    const info = await stat(path);
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
    bytes = await readFile(path);
  } catch (error) {
    throw readError(error, file);
  }
  // The file may have grown between stat and read.
  if (bytes.length > limits.maxYamlBytes) {
    return emptyDocument(file, path, 'yaml', [
      diagnostic(file, 'file-too-large', `the file is over ${limits.maxYamlBytes} bytes; larger YAML files are refused`),
    ]);
  }
  return bytes;
}

/**
 * Checks bytes read by `readYamlBytes` for binary content and encodings, decodes them as UTF-8
 * and parses them. Plain YAML is read without the YAML library, which is loaded only for a file
 * that needs it.
 */
export async function yamlFromBytes(bytes: Uint8Array, path: string, file: string, limits: Limits): Promise<SourceDocument> {
  const fail = (code: Parameters<typeof diagnostic>[1], message: string, at?: { line: number; column: number }) =>
    emptyDocument(file, path, 'yaml', [diagnostic(file, code, message, at)]);
  const problem = sniffBytes(bytes.subarray(0, SNIFF_BYTES + 3));
  if (problem) return fail(problem.code, problem.message);
  const text = decodeUtf8(bytes);
  if (typeof text !== 'string') return fail('wrong-encoding', invalidUtf8Message(text.invalid), text.invalid);
  if (text.trim() === '') return fail('file-empty', 'the file is empty');
  const plain = plainYamlDocument(text, { file, path }, limits);
  if (plain !== undefined) return plain;
  const { parseYamlText } = await import('./yaml-document.js');
  return parseYamlText(text, { file, path }, limits, { plain: false });
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
