import type { EvaluationRenderer } from './types.js';

/**
 * The evaluation exactly as DESIGN.md's JSON shape, the one analysts and `ccp diff` read:
 * language and colour do not change it.
 */
export const renderJson: EvaluationRenderer = (evaluation) => `${JSON.stringify(evaluation, null, 2)}\n`;
