import type { SourceDocument } from '../load/document.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { findNonFinite } from './non-finite.js';
import { plainlyValidMeasurements } from './plain-measurements.js';
import { diagnosticAt, show } from './report.js';
import { SchemaErrorMapper } from './schema-diagnostics.js';
import { DOCUMENT_KINDS, validatorFor, type DocumentKind } from './schemas.js';
import { didYouMean } from './suggest.js';

const API_VERSION = 'ccp/v1';

/** One document after reading and schema validation. */
export interface DocumentCheck {
  doc: SourceDocument;
  /** Plan or Measurements, when the document says so (CSV is always Measurements). */
  kind?: DocumentKind;
  /** The validated data, when the document could be parsed into a mapping. */
  data?: Record<string, unknown>;
  /** Problems from reading and from the schema. */
  diagnostics: Diagnostic[];
  /** True when the schema found nothing wrong (reading may still have warned). */
  schemaValid: boolean;
  /** Pointers of values the schema or the reader rejected; nothing under them is used. */
  rejected: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Tells what a YAML document is (apiVersion, kind) and checks it against its schema.
 * A missing or unknown apiVersion or kind is one diagnostic, never a cascade.
 */
export function checkDocument(doc: SourceDocument): DocumentCheck {
  const diagnostics = [...doc.diagnostics];
  const rejected = diagnostics.flatMap((d) => (d.severity === 'error' && d.path !== undefined ? [d.path] : []));
  const result: DocumentCheck = { doc, diagnostics, schemaValid: false, rejected };
  if (doc.data === undefined) return result;
  if (!isRecord(doc.data)) {
    diagnostics.push(diagnosticAt(doc, 'wrong-type', { pointer: '' }, 'expected a mapping that starts with apiVersion and kind'));
    return result;
  }
  const data = doc.data;
  result.data = data;
  if (doc.format === 'csv') {
    // A CSV is checked row by row as a stream (check-csv.ts), never held whole here.
    result.kind = 'Measurements';
    return result;
  }
  if (!Object.hasOwn(data, 'apiVersion')) {
    diagnostics.push(diagnosticAt(doc, 'missing-property', { pointer: '' }, `missing property 'apiVersion' (expected '${API_VERSION}')`));
    return result;
  }
  if (data.apiVersion !== API_VERSION) {
    const message = `unknown apiVersion ${show(data.apiVersion)}; expected '${API_VERSION}'`;
    diagnostics.push(diagnosticAt(doc, 'unknown-api-version', { pointer: '/apiVersion' }, message));
    return result;
  }
  if (!Object.hasOwn(data, 'kind')) {
    diagnostics.push(diagnosticAt(doc, 'missing-property', { pointer: '' }, `missing property 'kind' (expected ${DOCUMENT_KINDS.join(' or ')})`));
    return result;
  }
  const kind = DOCUMENT_KINDS.find((k) => k === data.kind);
  if (kind === undefined) {
    const hint = typeof data.kind === 'string' ? didYouMean(data.kind, DOCUMENT_KINDS) : '';
    const message = `unknown kind ${show(data.kind)}; expected ${DOCUMENT_KINDS.join(' or ')}${hint}`;
    diagnostics.push(diagnosticAt(doc, 'unknown-kind', { pointer: '/kind' }, message));
    return result;
  }
  result.kind = kind;
  // Data the schema certainly accepts, with nothing non-finite in it, needs neither the walk nor the validator.
  if (kind === 'Measurements' && plainlyValidMeasurements(data)) {
    result.schemaValid = true;
    return result;
  }
  const nonFinite = findNonFinite(doc, data);
  diagnostics.push(...nonFinite.diagnostics);
  rejected.push(...nonFinite.pointers);
  const validate = validatorFor(kind);
  if (validate(data)) {
    result.schemaValid = nonFinite.pointers.size === 0;
    return result;
  }
  // A value the reader or the number check already spoke about is not reported twice.
  const spoken = [...nonFinite.pointers, ...doc.diagnostics.flatMap((d) => (d.severity === 'error' && d.path ? [d.path] : []))];
  const errors = (validate.errors ?? []).filter((e) => !spoken.some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`)));
  const schemaDiagnostics = new SchemaErrorMapper(doc, data, kind).map(errors);
  // The reader has already spoken about a place (an ambiguous decimal, say): one message is enough.
  const taken = new Set(doc.diagnostics.map((d) => `${d.line}:${d.column}`));
  diagnostics.push(...schemaDiagnostics.filter((d) => !taken.has(`${d.line}:${d.column}`)));
  rejected.push(...errors.map((e) => e.instancePath));
  // Invalid even when every complaint was already said by the reader (a string too long where a
  // list belongs): nothing may be built from data that does not fit its schema.
  result.schemaValid = false;
  return result;
}

/** True when the value at `pointer` (or something inside it, or around it) was rejected. */
export function isRejected(check: DocumentCheck, pointer: string): boolean {
  return check.rejected.some((p) => p === pointer || p.startsWith(`${pointer}/`) || (p !== '' && pointer.startsWith(`${p}/`)));
}
