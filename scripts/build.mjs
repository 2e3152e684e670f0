// Bundles the CLI and the library into dist/ as ESM. Each command's heavy code is a
// dynamic import, so esbuild splits it into its own chunk, loaded only when that command runs.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies bundled into ESM need a require().
  banner: { js: "import { createRequire as __ccpCreateRequire } from 'node:module'; const require = __ccpCreateRequire(import.meta.url);" },
});
