import type { Indicator, Plan } from '../../model/plan.js';
import type { Lang } from '../../model/text.js';

/** Every format `ccp template` can write. */
export const TEMPLATE_FORMATS = ['yaml', 'csv'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

/** What a data-entry template is made of. */
export interface TemplateSpec {
  plan: Plan;
  /** The period every entry reports: `2026`, `2026-H1`, `2026-Q3`, `2026-05`. */
  period: string;
  /** The reporting org, written once for the whole file. */
  org?: string;
  /** The indicators to fill in, in plan order (see `templateIndicators`). */
  indicators: Indicator[];
  /**
   * The measurements schema as the written file should name it (a path relative to where
   * the file goes), for editors that check while one types; none when unknown.
   */
  schemaRef?: string;
  /** The file's name, for the `ccp validate` line of the instructions; none when written to stdout. */
  fileName?: string;
}

/** The language of the instructions; data texts (titles, definitions) are always Vietnamese. */
export interface TemplateRenderOptions {
  lang: Lang;
}

/** A pure renderer: the template in one format, as a string. */
export type TemplateRenderer = (spec: TemplateSpec, options: TemplateRenderOptions) => string;
