import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { schemaPath } from '../load/package-files.js';

/** What a validator is asked for: a whole document kind, or one measurements entry (a CSV row). */
export type ValidatorName = 'Plan' | 'Measurements' | 'entry';

/**
 * The options every validator is made with, at run time here and ahead of time by
 * `scripts/build.mjs`: the two must agree, or the bundle would judge differently from the sources.
 * strictRequired is off because "exactly one of" is written as oneOf branches holding only
 * `required`, the idiom editors understand; every other strict check stays on. `verbose` keeps
 * `parentSchema` on each error, which the error mapping reads.
 */
export const AJV_OPTIONS = { allErrors: true, strict: true, strictRequired: false, verbose: true } as const;

let ajv: Ajv2020 | undefined;

// ajv-formats is CommonJS with a default export; bundlers and Node hand it over differently.
type FormatsPlugin = (instance: Ajv2020) => Ajv2020;
const addFormats: FormatsPlugin =
  (formatsModule as unknown as { default?: FormatsPlugin }).default ?? (formatsModule as unknown as FormatsPlugin);

function readSchema(name: 'plan' | 'measurements'): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaPath(name), 'utf8')) as Record<string, unknown>;
}

function instance(): Ajv2020 {
  if (ajv !== undefined) return ajv;
  ajv = new Ajv2020(AJV_OPTIONS);
  addFormats(ajv);
  ajv.addSchema(readSchema('plan'));
  ajv.addSchema(readSchema('measurements'));
  return ajv;
}

/** The schema `$id` (with a fragment for `entry`) a validator is made from. */
export const VALIDATOR_IDS: Record<ValidatorName, string> = {
  Plan: 'urn:ccp:schema:plan:v1',
  Measurements: 'urn:ccp:schema:measurements:v1',
  entry: 'urn:ccp:schema:measurements:v1#/$defs/entry',
};

/**
 * A validator compiled from `schemas/` at run time. The built bundle replaces this module with
 * validators generated ahead of time (`src/validate/generated/`), so that ajv's compiler is
 * never loaded by the tool itself; the sources (and their tests) compile here.
 */
export function compileValidator(name: ValidatorName): ValidateFunction {
  const validate = instance().getSchema(VALIDATOR_IDS[name]);
  if (validate === undefined) throw new Error(`ccp: no schema ${VALIDATOR_IDS[name]}`);
  return validate as ValidateFunction;
}
