import type { Diagnostic } from '../model/diagnostic.js';

/** A 1-based line and column in a source file. */
export interface Position {
  line: number;
  column: number;
}

/**
 * One file as loaded, before validation: its data as plain JavaScript and a way back from
 * any JSON pointer to a position in the file. Positions are computed here and nowhere else.
 */
export interface SourceDocument {
  /** The path as it should be shown to the user (relative to the cwd when inside it). */
  file: string;
  /** Absolute path. */
  path: string;
  format: 'yaml' | 'csv';
  /**
   * The data. For YAML, the document as plain JavaScript (undefined when it could not be
   * parsed). For CSV, an object shaped like a Measurements document:
   * `{ apiVersion: 'ccp/v1', kind: 'Measurements', plan?, measurements: [ {column: value} ] }`,
   * numbers already parsed where the cell is a number, other cells left as strings.
   */
  data: unknown;
  /**
   * The position of the value at a JSON pointer (`/measurements/3/value`, with `~1` and `~0`
   * decoded). With `key: true`, the position of the property's key instead of its value.
   * A pointer that does not exist resolves to its nearest existing ancestor.
   */
  locate(pointer: string, options?: { key?: boolean }): Position;
  /** Problems found while reading and parsing (syntax, duplicate keys, encoding, limits). */
  diagnostics: Diagnostic[];
}

/** Named limits for untrusted input; each is documented in SECURITY.md and tested at and over. */
export const LIMITS = {
  /** YAML files larger than this are refused before being read whole. CSV is streamed. */
  maxYamlBytes: 10 * 1024 * 1024,
  /** Alias expansions per YAML document (guards against "billion laughs"). */
  maxAliasCount: 100,
  /** Nesting depth of a YAML document. */
  maxDepth: 64,
  /** Length of one string value or CSV cell. */
  maxStringLength: 10_000,
  /** Data rows in one CSV file. */
  maxCsvRows: 50_000_000,
  /** Diagnostics of one code kept for one streamed CSV file, so memory stays bounded on a bad file. */
  maxDiagnosticsPerCode: 1_000,
} as const;
