import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { schemaPath } from '../load/package-files.js';
import { compileValidator, type ValidatorName } from './compile-validator.js';

/** The document kinds a schema exists for. */
export const DOCUMENT_KINDS = ['Plan', 'Measurements'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const validators = new Map<ValidatorName, ValidateFunction>();
const schemas = new Map<DocumentKind, Record<string, unknown>>();

/** The JSON Schema of a document kind, read once from the package's `schemas/` folder. */
export function schemaFor(kind: DocumentKind): Record<string, unknown> {
  let schema = schemas.get(kind);
  if (schema === undefined) {
    schema = JSON.parse(readFileSync(schemaPath(kind === 'Plan' ? 'plan' : 'measurements'), 'utf8')) as Record<string, unknown>;
    schemas.set(kind, schema);
  }
  return schema;
}

function validator(name: ValidatorName): ValidateFunction {
  let validate = validators.get(name);
  if (validate === undefined) {
    validate = compileValidator(name);
    validators.set(name, validate);
  }
  return validate;
}

/** The validator of one measurements entry (a CSV row), made on first use. */
export function entryValidator(): ValidateFunction {
  return validator('entry');
}

/**
 * The validator of a document kind, made on first use: precompiled in the built bundle,
 * compiled from `schemas/` when running from the sources.
 */
export function validatorFor(kind: DocumentKind): ValidateFunction {
  return validator(kind);
}
