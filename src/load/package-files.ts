import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The id of the plan ccp ships and uses when no `--plan` is given. */
export const SHIPPED_PLAN_ID = 'daklak-sgtvt-cchc-2021-2030';

export const SCHEMA_NAMES = ['plan', 'measurements', 'evaluation', 'validation-report'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

let root: string | undefined;

/**
 * The package's root folder, found by walking up from this module: the same code runs
 * from `src/` under the tests and bundled from `dist/`. Bundled as CommonJS (the command
 * line) the folder is `__dirname`, with no trip through a file URL (half a millisecond cold).
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'schemas', 'plan.schema.json'))) return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('ccp: cannot find its own schemas/ folder');
    dir = parent;
  }
}

export function schemaPath(name: SchemaName): string {
  return join(packageRoot(), 'schemas', `${name}.schema.json`);
}

export function shippedPlanPath(): string {
  return join(packageRoot(), 'data', 'plans', `${SHIPPED_PLAN_ID}.yaml`);
}
