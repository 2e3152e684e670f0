import { renderCsv } from './csv.js';
import { renderYaml } from './yaml.js';
import type { TemplateFormat, TemplateRenderer, TemplateRenderOptions, TemplateSpec } from './types.js';

export { TEMPLATE_FORMATS, type TemplateFormat, type TemplateRenderer, type TemplateRenderOptions, type TemplateSpec } from './types.js';
export { TEMPLATE_CSV_COLUMNS } from './csv.js';
export { periodYear, templateIndicators } from './select.js';

/** The registry: a format without a renderer does not compile. One file per format. */
export const templateRenderers: Record<TemplateFormat, TemplateRenderer> = {
  yaml: renderYaml,
  csv: renderCsv,
};

/** Renders a data-entry template in `format`; pure, the caller writes the string. */
export function renderTemplate(format: TemplateFormat, spec: TemplateSpec, options: TemplateRenderOptions): string {
  return templateRenderers[format](spec, options);
}
