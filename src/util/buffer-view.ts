import { Buffer } from 'node:buffer';

/** `bytes` as a Buffer over the same memory (itself when it is one): no copy is made. */
export function bufferView(bytes: Uint8Array): Buffer {
  return bytes instanceof Buffer ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
