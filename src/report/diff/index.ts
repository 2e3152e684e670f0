import type { Diff } from '../../diff/types.js';
import { renderDiffJson } from './json.js';
import { renderDiffMarkdown } from './md.js';
import { renderDiffTable } from './table.js';
import type { DiffFormat, DiffRenderOptions, DiffRenderer } from './types.js';

export { DIFF_FORMATS } from './types.js';
export type { DiffFormat, DiffRenderOptions, DiffRenderer } from './types.js';

/** The registry: a format without a renderer does not compile. */
export const diffRenderers: Record<DiffFormat, DiffRenderer> = {
  table: renderDiffTable,
  json: renderDiffJson,
  md: renderDiffMarkdown,
};

/** Renders a diff in one format. Pure. */
export function renderDiff(format: DiffFormat, diff: Diff, options: DiffRenderOptions): string {
  return diffRenderers[format](diff, options);
}
