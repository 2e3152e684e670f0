import type { TrendRenderer } from './types.js';

/** The trend as JSON (docs/diff.md gives the shape). */
export const renderTrendJson: TrendRenderer = (trend) => `${JSON.stringify(trend, null, 2)}\n`;
