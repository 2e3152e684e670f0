/** Reading files: discovery, size limits, encodings, YAML with positions, CSV streaming. */
export { discover, displayPath, isDataFile, DATA_EXTENSIONS } from './discover.js';
export { loadFile } from './load-file.js';
export { streamCsv } from './csv-stream.js';
export type { CsvRow, CsvHeader, CsvStream, LoadOptions } from './csv-stream.js';
export type { CsvHeaderCell, CsvColumn } from './csv-header.js';
export { CSV_COLUMNS } from './csv-header.js';
export type { CsvSeparator } from './csv-number.js';
export { parseYamlText } from './yaml-document.js';
export { parsePointer, toPointer, encodePointerToken } from './json-pointer.js';
export type { Limits } from './limits.js';
export { LIMITS } from './document.js';
export type { Position, SourceDocument } from './document.js';
