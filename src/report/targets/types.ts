import type { Plan, Target } from '../../model/plan.js';
import type { Lang } from '../../model/text.js';

/** Every format `ccp targets` can write. */
export const TARGETS_FORMATS = ['table', 'json', 'md'] as const;
export type TargetsFormat = (typeof TARGETS_FORMATS)[number];

/** What is listed: the plan, and the targets chosen from it (already filtered), in plan order. */
export interface TargetsListing {
  plan: Plan;
  targets: Target[];
}

/** What a renderer needs besides the listing. */
export interface TargetsRenderOptions {
  /** The language of every word the listing writes (data text falls back to the other). */
  lang: Lang;
  /** Terminal colours; only the table uses them, and only when true. */
  color: boolean;
  /** Terminal columns the table must fit (default 100). */
  width?: number;
}

/** A pure renderer: the listing in one format, as a string. Writing it is the caller's job. */
export type TargetsRenderer = (listing: TargetsListing, options: TargetsRenderOptions) => string;
