import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { schemaPath } from '../load/package-files.js';

/** The document kinds a schema exists for. */
export const DOCUMENT_KINDS = ['Plan', 'Measurements'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

let ajv: Ajv2020 | undefined;
const compiled = new Map<DocumentKind, ValidateFunction>();
const schemas = new Map<DocumentKind, Record<string, unknown>>();
let entry: ValidateFunction | undefined;

// ajv-formats is CommonJS with a default export; bundlers and Node hand it over differently.
type FormatsPlugin = (instance: Ajv2020) => Ajv2020;
const addFormats: FormatsPlugin =
  (formatsModule as unknown as { default?: FormatsPlugin }).default ?? (formatsModule as unknown as FormatsPlugin);

function instance(): Ajv2020 {
  if (ajv !== undefined) return ajv;
  // strictRequired is off because "exactly one of" is written as oneOf branches holding only
  // `required`, the idiom editors understand; every other strict check stays on.
  ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, verbose: true });
  addFormats(ajv);
  return ajv;
}

/** The JSON Schema of a document kind, read once from the package's `schemas/` folder. */
export function schemaFor(kind: DocumentKind): Record<string, unknown> {
  let schema = schemas.get(kind);
  if (schema === undefined) {
    schema = JSON.parse(readFileSync(schemaPath(kind === 'Plan' ? 'plan' : 'measurements'), 'utf8')) as Record<string, unknown>;
    schemas.set(kind, schema);
  }
  return schema;
}

/** The validator of one measurements entry (a CSV row), compiled on first use. */
export function entryValidator(): ValidateFunction {
  if (entry !== undefined) return entry;
  const id = `${String(schemaFor('Measurements').$id)}#/$defs/entry`;
  validatorFor('Measurements');
  const validate = instance().getSchema(id);
  if (validate === undefined) throw new Error(`ccp: the measurements schema has no ${id}`);
  return (entry = validate as ValidateFunction);
}

/** The compiled validator of a document kind, compiled on first use. */
export function validatorFor(kind: DocumentKind): ValidateFunction {
  let validate = compiled.get(kind);
  if (validate === undefined) {
    validate = instance().compile(schemaFor(kind));
    compiled.set(kind, validate);
  }
  return validate;
}
