import { renderJson } from './json.js';
import { renderMarkdown } from './md.js';
import { renderTable } from './table.js';
import type { TargetsFormat, TargetsListing, TargetsRenderer, TargetsRenderOptions } from './types.js';

export { TARGETS_FORMATS, type TargetsFormat, type TargetsListing, type TargetsRenderer, type TargetsRenderOptions } from './types.js';
export type { TargetJson, TargetsJson } from './json.js';

/** The registry: a format without a renderer does not compile. One file per format. */
export const targetsRenderers: Record<TargetsFormat, TargetsRenderer> = {
  table: renderTable,
  json: renderJson,
  md: renderMarkdown,
};

/** Renders the plan's targets in `format`; pure, the caller writes the string. */
export function renderTargets(format: TargetsFormat, listing: TargetsListing, options: TargetsRenderOptions): string {
  return targetsRenderers[format](listing, options);
}
