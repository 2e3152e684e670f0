import type { EvaluationFormat, EvaluationRenderer } from './types.js';

/**
 * The renderer of one format, loaded when asked for: `ccp evaluate --format json` then never
 * loads the table library, the CSV writer or the HTML report. The same functions as
 * `evaluationRenderers` in `./index.js`, which loads them all.
 */
export async function loadEvaluationRenderer(format: EvaluationFormat): Promise<EvaluationRenderer> {
  switch (format) {
    case 'table':
      return (await import('./table.js')).renderTable;
    case 'json':
      return (await import('./json.js')).renderJson;
    case 'csv':
      return (await import('./csv.js')).renderCsv;
    case 'md':
      return (await import('./md.js')).renderMarkdown;
    case 'html':
      return (await import('../html/index.js')).renderHtml;
  }
}
