import type { Diff } from '../../diff/types.js';
import type { Plan } from '../../model/plan.js';
import type { Lang } from '../../model/text.js';

/** Every format `ccp diff` can write. */
export const DIFF_FORMATS = ['table', 'json', 'md'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** What a diff renderer needs besides the diff. */
export interface DiffRenderOptions {
  lang: Lang;
  /** Terminal colours; only the table uses them, and only when true. */
  color: boolean;
  /**
   * Plans to look indicators up in (titles, measures), first match wins: the after side's
   * plan, then the before side's. A target whose indicator none of them knows is shown by id,
   * its numbers without a unit.
   */
  plans: readonly Plan[];
  /** Terminal columns the table must fit (default 100). */
  width?: number;
}

/** A pure renderer: the diff in one format, as a string. */
export type DiffRenderer = (diff: Diff, options: DiffRenderOptions) => string;
