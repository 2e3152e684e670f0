import { readFile } from 'node:fs/promises';
import { UsageError } from '../../model/errors.js';
import { schemaPath, SCHEMA_NAMES, type SchemaName } from '../../load/package-files.js';
import type { CliContext } from '../context.js';
import { emit } from '../output.js';

/** `ccp schema <name>`: prints one of the JSON Schemas shipped in `schemas/`. */
export async function runSchema(ctx: CliContext, name: string, options: { output?: string }): Promise<number> {
  if (!(SCHEMA_NAMES as readonly string[]).includes(name)) {
    throw new UsageError(`unknown schema '${name}'; choose one of ${SCHEMA_NAMES.join(', ')}`);
  }
  const path = schemaPath(name as SchemaName);
  const text = await readFile(path, 'utf8');
  await emit(ctx, text.endsWith('\n') ? text : `${text}\n`, options.output, [path]);
  return 0;
}
