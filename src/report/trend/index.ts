import type { Trend } from '../../diff/trend.js';
import { renderTrendCsv } from './csv.js';
import { renderTrendJson } from './json.js';
import { renderTrendMarkdown } from './md.js';
import { renderTrendTable } from './table.js';
import type { TrendFormat, TrendRenderOptions, TrendRenderer } from './types.js';

export { TREND_FORMATS } from './types.js';
export type { TrendFormat, TrendRenderOptions, TrendRenderer } from './types.js';

/** The registry: a format without a renderer does not compile. */
export const trendRenderers: Record<TrendFormat, TrendRenderer> = {
  table: renderTrendTable,
  json: renderTrendJson,
  csv: renderTrendCsv,
  md: renderTrendMarkdown,
};

/** Renders a trend in one format. Pure. */
export function renderTrend(format: TrendFormat, trend: Trend, options: TrendRenderOptions): string {
  return trendRenderers[format](trend, options);
}
