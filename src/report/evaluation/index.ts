import type { Evaluation } from '../../model/evaluation.js';
import { renderCsv } from './csv.js';
import { renderHtml } from '../html/index.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './md.js';
import { renderTable } from './table.js';
import type { EvaluationFormat, EvaluationRenderer, RenderOptions } from './types.js';

export { DEFAULT_TABLE_WIDTH, EVALUATION_FORMATS, type EvaluationFormat, type EvaluationRenderer, type RenderOptions } from './types.js';
export { loadEvaluationRenderer } from './load-renderer.js';
export { inertCell, machineNumber } from './csv.js';
export { escapeMarkdown } from './markdown-escape.js';

/** The registry: a format without a renderer does not compile. One file per format. */
export const evaluationRenderers: Record<EvaluationFormat, EvaluationRenderer> = {
  table: renderTable,
  json: renderJson,
  csv: renderCsv,
  md: renderMarkdown,
  html: renderHtml,
};

/** Renders `evaluation` in `format`; pure, the caller writes the string. */
export function renderEvaluation(format: EvaluationFormat, evaluation: Evaluation, options: RenderOptions): string {
  return evaluationRenderers[format](evaluation, options);
}
