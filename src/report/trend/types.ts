import type { Trend } from '../../diff/trend.js';
import type { Plan } from '../../model/plan.js';
import type { Lang } from '../../model/text.js';

/** Every format `ccp trend` can write. */
export const TREND_FORMATS = ['table', 'json', 'csv', 'md'] as const;
export type TrendFormat = (typeof TREND_FORMATS)[number];

/** What a trend renderer needs besides the trend. */
export interface TrendRenderOptions {
  lang: Lang;
  /** Terminal colours; only the table uses them, and only when true. */
  color: boolean;
  /** The plan the trend was built from: titles of areas and indicators. */
  plan: Plan;
  /** Terminal columns the table must fit (default 100). */
  width?: number;
}

/** A pure renderer: the trend in one format, as a string. */
export type TrendRenderer = (trend: Trend, options: TrendRenderOptions) => string;
