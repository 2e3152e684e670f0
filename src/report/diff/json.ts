import type { DiffRenderer } from './types.js';

/** The diff as JSON (docs/diff.md gives the shape): every change, unchanged ones included. */
export const renderDiffJson: DiffRenderer = (diff) => `${JSON.stringify(diff, null, 2)}\n`;
