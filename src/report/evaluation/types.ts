import type { Evaluation } from '../../model/evaluation.js';
import type { Plan } from '../../model/plan.js';
import type { Lang } from '../../model/text.js';

/** Every format `ccp evaluate` can write. */
export const EVALUATION_FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;
export type EvaluationFormat = (typeof EVALUATION_FORMATS)[number];

/** The width the table fits when none is given: a common terminal. */
export const DEFAULT_TABLE_WIDTH = 100;

/** What a renderer needs besides the evaluation. */
export interface RenderOptions {
  /** The language of every word the report writes (data text falls back to the other). */
  lang: Lang;
  /** Terminal colours; only the table uses them, and only when true. */
  color: boolean;
  /** The plan evaluated: titles of areas and indicators, measures, document number. */
  plan: Plan;
  /** Terminal columns the table must fit (default 100). */
  width?: number;
}

/** A pure renderer: the evaluation in one format, as a string. Writing it is the caller's job. */
export type EvaluationRenderer = (evaluation: Evaluation, options: RenderOptions) => string;
